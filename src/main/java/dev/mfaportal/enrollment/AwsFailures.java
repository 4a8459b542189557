package dev.mfaportal.enrollment;

import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.aws.AwsAccessDeniedException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsRejectedInputException;
import dev.mfaportal.aws.AwsUnavailableException;
import dev.mfaportal.aws.DeviceAlreadyExistsException;
import dev.mfaportal.aws.DeviceInUseException;
import dev.mfaportal.aws.DeviceLimitExceededException;
import dev.mfaportal.aws.InvalidCodeException;
import dev.mfaportal.aws.NoSuchDeviceException;
import dev.mfaportal.aws.TryAgainShortlyException;

/**
 * Turns the {@code aws} module's exceptions into an audit reason and a next step for the employee.
 */
final class AwsFailures {

	// Checked in this order, the first match wins; anything else is "aws-error".
	private static final List<Map.Entry<Class<? extends AwsCallException>, String>> REASONS = List.of(
			Map.entry(InvalidCodeException.class, "invalid-code"),
			Map.entry(TryAgainShortlyException.class, "try-again-shortly"),
			Map.entry(DeviceLimitExceededException.class, "limit-exceeded"),
			Map.entry(NoSuchDeviceException.class, "no-such-device"),
			Map.entry(DeviceAlreadyExistsException.class, "already-exists"),
			Map.entry(DeviceInUseException.class, "in-use"),
			Map.entry(AwsUnavailableException.class, "aws-unavailable"),
			Map.entry(AwsAccessDeniedException.class, "access-denied"),
			Map.entry(AwsRejectedInputException.class, "rejected-input"));

	private AwsFailures() {
	}

	/** Short, stable reason for the audit log, e.g. {@code invalid-code}. */
	static String reason(AwsCallException ex) {
		return REASONS.stream()
			.filter((entry) -> entry.getKey().isInstance(ex))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("aws-error");
	}

	/**
	 * What to tell the employee: {@code enrollment.error.<operation>.<reason>} when the operation needs its
	 * own words, else {@code enrollment.error.<reason>}.
	 */
	static EnrollmentException toEnrollmentException(String operation, AwsCallException ex) {
		String reason = reason(ex);
		DefaultMessageSourceResolvable message = new DefaultMessageSourceResolvable(
				new String[] { "enrollment.error." + operation + "." + reason, "enrollment.error." + reason },
				new Object[0]);
		// A pending device that no longer exists cannot be activated: only a new start helps.
		boolean startAgain = ex instanceof NoSuchDeviceException && "activate".equals(operation);
		return new EnrollmentException(message, startAgain, ex.requestId());
	}

}
