package dev.mfaportal.guard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TooManyAttemptsExceptionResolverTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private final TooManyAttemptsExceptionResolver resolver = new TooManyAttemptsExceptionResolver(
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void resolveWhenTooManyAttemptsThen429WithRetryAfterAndRetryTimeForTheErrorPage() {
		Instant retryAt = NOW.plusSeconds(300);
		assertThat(this.resolver.resolveException(this.request, this.response, null,
				new TooManyAttemptsException(retryAt)))
			.isNotNull();
		assertThat(this.response.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(this.response.getHeader("Retry-After"))).isEqualTo(300L);
		assertThat(this.request.getAttribute("retryAt")).isEqualTo(retryAt);
		assertThat(this.request.getAttribute("retryAfterMinutes")).isEqualTo(5L);
	}

	@Test
	void resolveWhenAnyOtherExceptionThenLeftToOthers() {
		assertThat(this.resolver.resolveException(this.request, this.response, null,
				new IllegalStateException("no")))
			.isNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

}
