package dev.mfaportal.web;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page that fails as told, for the {@link ErrorHandlingTest} classes. A test component: only the tests that
 * import it have this page.
 */
@TestComponent
@RestController
class FailingPages {

	/** Without {@code with}, AWS did not answer; with it, the failure {@link DatabaseUnavailableStatusTests} names. */
	@GetMapping("/fails")
	String fails(@RequestParam(required = false) String with) {
		if (with == null) {
			throw new AwsCallException(Kind.UNAVAILABLE, "timeout", null, null, null);
		}
		throw DatabaseUnavailableStatusTests.failure(with);
	}

}
