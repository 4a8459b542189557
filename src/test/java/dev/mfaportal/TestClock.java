package dev.mfaportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The portal's {@code Clock} in tests: the system's UTC time until a test moves it with {@link #advance}, and
 * back to it after every test method ({@link ResetAfterEachTest}, registered in {@code META-INF/spring.factories}).
 * {@link PortalFlowTest}, {@link PortalMockMvcTest} and {@link PortalJdbcTest} contexts have it as the primary
 * {@code Clock} bean ({@link TestClockConfiguration}); autowire it to move time without starting a context.
 */
public final class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves this clock, and every expiry and window the portal measures with it, {@code duration} ahead. */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Back to the system's time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Clock.systemUTC().instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** A view in another zone that still follows this clock. */
	@Override
	public Clock withZone(ZoneId zone) {
		TestClock source = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

		};
	}

	/** Puts a context's test clock back after each test method, so a moved clock never reaches the next test. */
	public static final class ResetAfterEachTest implements TestExecutionListener, Ordered {

		@Override
		public void afterTestMethod(TestContext testContext) {
			if (testContext.hasApplicationContext()) {
				testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
