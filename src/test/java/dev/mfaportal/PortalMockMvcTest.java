package dev.mfaportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.aws.MfaDevices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole portal driven through MockMvc, on a database of its own, with {@link MfaDevices} a Mockito mock that
 * each test stubs (autowire it; Mockito resets it after each test): for the admin and help-desk pages, which only
 * list and remove devices and check those calls themselves. Every test class with this annotation and nothing
 * else that shapes the context shares one cached context, like {@link PortalFlowTest}. No background chain
 * check: it would walk an audit table that tests keep appending to; no background coverage refresh: there is no
 * AWS account to ask. The {@code Clock} is a {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "portal.audit.verify-on-schedule=false", "portal.coverage.refresh-on-schedule=false" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class })
@MockitoBean(types = MfaDevices.class)
public @interface PortalMockMvcTest {

}
