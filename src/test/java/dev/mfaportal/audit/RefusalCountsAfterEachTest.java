package dev.mfaportal.audit;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Writes the refusals a context's audit log has counted (S43) after each test method, as a portal does when it
 * stops, so that one test's flood of refusals never decides whether another test's refusal gets a row of its own.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class RefusalCountsAfterEachTest implements TestExecutionListener, Ordered {

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(CountedRows.class)
				.ifAvailable(CountedRows::writeCountsOnShutdown);
		}
	}

	@Override
	public int getOrder() {
		// Before the test clock is put back, so the counted rows carry the test's time.
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
