package dev.mfaportal.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.TestDatabaseConfiguration;
import dev.mfaportal.aws.MfaDevices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The whole portal on the shared PostgreSQL, driven through MockMvc. AWS is a mock here: the admin pages only
 * list and remove devices, and the help-desk tests check those calls themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "portal.audit.verify-on-schedule=false")
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
@MockitoBean(types = MfaDevices.class)
@interface AuditWebTest {

}
