package dev.mfaportal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.identity.IdentityConfiguration;
import dev.mfaportal.identity.InMemorySignInThrottle;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The web module's error handling in one MockMvc slice shared by its tests: the security chain, Boot's error view
 * with the portal's templates and error attributes, the resolvers that turn "AWS or the database is not
 * answering" into 503, and {@link FailingPages}. The slice leaves out the dispatcher servlet's
 * auto-configuration, and with it Boot's error view resolver, so it is added back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = FailingPages.class)
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, PortalErrorAttributes.class, AwsUnavailableStatus.class,
		DatabaseUnavailableStatus.class, FailingPages.class })
@ImportAutoConfiguration(DispatcherServletAutoConfiguration.class)
@interface ErrorHandlingTest {

}
