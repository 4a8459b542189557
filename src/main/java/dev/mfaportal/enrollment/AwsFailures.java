package dev.mfaportal.enrollment;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;

/**
 * Turns the {@code aws} module's exceptions into an audit reason and a next step for the employee.
 */
final class AwsFailures {

	private AwsFailures() {
	}

	/** Short, stable reason for the audit log, e.g. {@code invalid-code}. */
	static String reason(AwsCallException ex) {
		return switch (ex.kind()) {
			case WRONG_CODE, KEY_NOT_FOR_DEVICE -> "invalid-code";
			case TRY_AGAIN_SHORTLY -> "try-again-shortly";
			case LIMIT_EXCEEDED -> "limit-exceeded";
			case NOT_FOUND -> "no-such-device";
			case ALREADY_EXISTS -> "already-exists";
			case IN_USE -> "in-use";
			case UNAVAILABLE -> "aws-unavailable";
			case ACCESS_DENIED -> "access-denied";
			case REJECTED_INPUT -> "rejected-input";
			case INVALID_KEY, OTHER -> "aws-error";
		};
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
		boolean startAgain = ex.is(Kind.NOT_FOUND) && "activate".equals(operation);
		return new EnrollmentException(message, startAgain, ex.requestId());
	}

}
