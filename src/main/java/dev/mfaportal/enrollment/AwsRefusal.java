package dev.mfaportal.enrollment;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.aws.AwsCallException.Kind;

/**
 * What an AWS refusal means for a device step, keyed by the refusal's kind: the stable audit reason (the
 * constant's name in lower case, e.g. {@code invalid-code}) and what the employee is told.
 */
enum AwsRefusal {

	INVALID_CODE, TRY_AGAIN_SHORTLY, LIMIT_EXCEEDED, NO_SUCH_DEVICE, ALREADY_EXISTS, IN_USE, AWS_UNAVAILABLE,
	ACCESS_DENIED, REJECTED_INPUT, AWS_ERROR;

	static AwsRefusal of(Kind kind) {
		return switch (kind) {
			case WRONG_CODE, KEY_NOT_FOR_DEVICE -> INVALID_CODE;
			case TRY_AGAIN_SHORTLY -> TRY_AGAIN_SHORTLY;
			case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
			case NOT_FOUND -> NO_SUCH_DEVICE;
			case ALREADY_EXISTS -> ALREADY_EXISTS;
			case IN_USE -> IN_USE;
			case UNAVAILABLE -> AWS_UNAVAILABLE;
			case ACCESS_DENIED -> ACCESS_DENIED;
			case REJECTED_INPUT -> REJECTED_INPUT;
			case INVALID_KEY, OTHER -> AWS_ERROR;
		};
	}

	/** Short, stable reason for the audit log, e.g. {@code invalid-code}. */
	String reason() {
		return name().toLowerCase().replace('_', '-');
	}

	/**
	 * What to tell the employee: {@code enrollment.error.<operation>.<reason>} when the operation needs its own
	 * words, else {@code enrollment.error.<reason>}, with the request id for support.
	 */
	EnrollmentException toException(String operation, AwsProblem problem) {
		DefaultMessageSourceResolvable message = new DefaultMessageSourceResolvable(
				new String[] { "enrollment.error." + operation + "." + reason(), "enrollment.error." + reason() },
				new Object[0]);
		// A pending device that no longer exists cannot be activated: only a new start helps.
		boolean startAgain = this == NO_SUCH_DEVICE && "activate".equals(operation);
		return new EnrollmentException(message, startAgain, problem.requestId());
	}

}
