package dev.mfaportal.enrollment;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mfaportal.aws.AwsAccessDeniedException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsRejectedInputException;
import dev.mfaportal.aws.AwsUnavailableException;
import dev.mfaportal.aws.DeviceAlreadyExistsException;
import dev.mfaportal.aws.DeviceInUseException;
import dev.mfaportal.aws.DeviceLimitExceededException;
import dev.mfaportal.aws.InvalidAccessKeyException;
import dev.mfaportal.aws.InvalidCodeException;
import dev.mfaportal.aws.MfaDeviceMismatchException;
import dev.mfaportal.aws.NoSuchDeviceException;
import dev.mfaportal.aws.TryAgainShortlyException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsFailuresTests {

	static Stream<Arguments> reasons() {
		return Stream.of(Arguments.of(new InvalidCodeException("m", "c", "r", null), "invalid-code"),
				Arguments.of(new MfaDeviceMismatchException("m", "c", "r", null), "invalid-code"),
				Arguments.of(new TryAgainShortlyException("m", "c", "r", null), "try-again-shortly"),
				Arguments.of(new DeviceLimitExceededException("m", "c", "r", null), "limit-exceeded"),
				Arguments.of(new NoSuchDeviceException("m", "c", "r", null), "no-such-device"),
				Arguments.of(new DeviceAlreadyExistsException("m", "c", "r", null), "already-exists"),
				Arguments.of(new DeviceInUseException("m", "c", "r", null), "in-use"),
				Arguments.of(new AwsUnavailableException("m", "c", "r", null), "aws-unavailable"),
				Arguments.of(new AwsAccessDeniedException("m", "c", "r", null), "access-denied"),
				Arguments.of(new AwsRejectedInputException("m", "c", "r", null), "rejected-input"),
				Arguments.of(new InvalidAccessKeyException("m", "c", "r", null), "aws-error"),
				Arguments.of(new AwsCallException("m", "c", "r", null), "aws-error"));
	}

	@ParameterizedTest
	@MethodSource("reasons")
	void reasonWhenAwsExceptionThenItsStableAuditReason(AwsCallException ex, String reason) {
		assertThat(AwsFailures.reason(ex)).isEqualTo(reason);
	}

	@Test
	void toEnrollmentExceptionWhenActivatingAGoneDeviceThenSaysStartAgain() {
		assertThat(AwsFailures.toEnrollmentException("activate", new NoSuchDeviceException("m", "c", "r", null))
			.startAgain()).isTrue();
		assertThat(AwsFailures.toEnrollmentException("resync", new NoSuchDeviceException("m", "c", "r", null))
			.startAgain()).isFalse();
	}

}
