package dev.mfaportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The test clock in a context: the primary Clock bean, moved by a test and put back before the next one. */
@PortalJdbcTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockTests {

	static final Duration A_DAY = Duration.ofDays(1);

	@Autowired
	Clock clock;

	@Autowired
	TestClock testClock;

	@Test
	@Order(1)
	void advanceWhenCalledThenTheContextsClockMovesAhead() {
		assertThat(this.clock).isSameAs(this.testClock);
		this.testClock.advance(A_DAY);
		assertThat(this.clock.instant()).isCloseTo(Instant.now().plus(A_DAY), within(Duration.ofMinutes(1)));
		assertThat(this.clock.withZone(ZoneId.of("Asia/Tokyo")).instant()).isCloseTo(Instant.now().plus(A_DAY),
				within(Duration.ofMinutes(1)));
	}

	@Test
	@Order(2)
	void nextTestWhenTheClockWasMovedThenItIsBackAtTheSystemTime() {
		assertThat(this.clock.instant()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
	}

}
