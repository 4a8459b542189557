package dev.mfaportal.enrollment;

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

	private AwsFailures() {
	}

	/** Short, stable reason for the audit log, e.g. {@code invalid-code}. */
	static String reason(AwsCallException ex) {
		if (ex instanceof InvalidCodeException) {
			return "invalid-code";
		}
		if (ex instanceof TryAgainShortlyException) {
			return "try-again-shortly";
		}
		if (ex instanceof DeviceLimitExceededException) {
			return "limit-exceeded";
		}
		if (ex instanceof NoSuchDeviceException) {
			return "no-such-device";
		}
		if (ex instanceof DeviceAlreadyExistsException) {
			return "already-exists";
		}
		if (ex instanceof DeviceInUseException) {
			return "in-use";
		}
		if (ex instanceof AwsUnavailableException) {
			return "aws-unavailable";
		}
		if (ex instanceof AwsAccessDeniedException) {
			return "access-denied";
		}
		if (ex instanceof AwsRejectedInputException) {
			return "rejected-input";
		}
		return "aws-error";
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
