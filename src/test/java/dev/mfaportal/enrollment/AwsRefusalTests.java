package dev.mfaportal.enrollment;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;


import static org.assertj.core.api.Assertions.assertThat;

class AwsRefusalTests {

	static Stream<Arguments> reasons() {
		return Stream.of(Arguments.of(new AwsCallException(Kind.WRONG_CODE, "m", "c", "r", null), "invalid-code"),
				Arguments.of(new AwsCallException(Kind.KEY_NOT_FOR_DEVICE, "m", "c", "r", null), "invalid-code"),
				Arguments.of(new AwsCallException(Kind.TRY_AGAIN_SHORTLY, "m", "c", "r", null), "try-again-shortly"),
				Arguments.of(new AwsCallException(Kind.LIMIT_EXCEEDED, "m", "c", "r", null), "limit-exceeded"),
				Arguments.of(new AwsCallException(Kind.NOT_FOUND, "m", "c", "r", null), "no-such-device"),
				Arguments.of(new AwsCallException(Kind.ALREADY_EXISTS, "m", "c", "r", null), "already-exists"),
				Arguments.of(new AwsCallException(Kind.IN_USE, "m", "c", "r", null), "in-use"),
				Arguments.of(new AwsCallException(Kind.UNAVAILABLE, "m", "c", "r", null), "aws-unavailable"),
				Arguments.of(new AwsCallException(Kind.ACCESS_DENIED, "m", "c", "r", null), "access-denied"),
				Arguments.of(new AwsCallException(Kind.REJECTED_INPUT, "m", "c", "r", null), "rejected-input"),
				Arguments.of(new AwsCallException(Kind.INVALID_KEY, "m", "c", "r", null), "aws-error"),
				Arguments.of(new AwsCallException(Kind.OTHER, "m", "c", "r", null), "aws-error"));
	}

	@ParameterizedTest
	@MethodSource("reasons")
	void reasonWhenAwsExceptionThenItsStableAuditReason(AwsCallException ex, String reason) {
		assertThat(AwsRefusal.of(ex.kind()).reason()).isEqualTo(reason);
	}

	@Test
	void fromAwsWhenActivatingAGoneDeviceThenSaysStartAgain() {
		assertThat(EnrollmentException.fromAws("activate", new AwsProblem(Kind.NOT_FOUND, "c", "r"))
			.startAgain()).isTrue();
		assertThat(EnrollmentException.fromAws("resync", new AwsProblem(Kind.NOT_FOUND, "c", "r"))
			.startAgain()).isFalse();
	}

}
