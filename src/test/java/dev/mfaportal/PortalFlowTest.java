package dev.mfaportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The running portal for flow, browser and module tests: the whole application on a random port, a database of
 * its own on the test PostgreSQL, and the sandbox AWS account. Every test class with this annotation and nothing
 * else that shapes the context shares one cached context (see {@link TestContextLog}), so a test changes
 * behaviour at run time (sandbox faults, the spies below, {@code LoggingSystem}) rather than with a property
 * or a bean of its own, each of which would start another portal.
 * <p>
 * What every such test gets, because one of them needs it and it costs the others nothing:
 * <ul>
 * <li>AWS calls give up after 1 s per attempt and 3 s in all, so the fault tests stay quick; a call to the
 * sandbox takes milliseconds.</li>
 * <li>Credential files name {@code AWS_REGION} {@code eu-central-1}, so the credentials tests see it written.</li>
 * <li>No background chain check: it would walk an audit table that tests keep appending to.</li>
 * <li>No background coverage refresh: its calls would use up sandbox faults and count among other tests' requests;
 * the coverage tests run it themselves.</li>
 * <li>{@link AuditLog} and {@link MfaDevices} are Mockito spies: the real beans, which a test may make fail
 * ({@code willThrow(...).given(auditLog)}); Mockito resets them after each test.</li>
 * <li>The {@code Clock} is a {@link TestClock}, which follows the system until a test moves it.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.aws.api-call-timeout=3s", "portal.aws.api-call-attempt-timeout=1s",
				"portal.aws.max-attempts=3", "portal.credentials.region=eu-central-1",
				"portal.audit.verify-on-schedule=false", "portal.coverage.refresh-on-schedule=false" })
@Import({ TestDatabaseConfiguration.class, SandboxAwsConfiguration.class, TestClockConfiguration.class })
@MockitoSpyBean(types = { AuditLog.class, MfaDevices.class })
public @interface PortalFlowTest {

}
