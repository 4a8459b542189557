package dev.mfaportal.enrollment;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.mfaportal.guard.CodeRefusal;

/**
 * A step of the device flow that did not happen, with what to tell the employee. It has been audited
 * already when it is thrown.
 */
class EnrollmentException extends RuntimeException {

	private final MessageSourceResolvable userMessage;

	private final boolean startAgain;

	private final String awsRequestId;

	EnrollmentException(MessageSourceResolvable userMessage, boolean startAgain, String awsRequestId) {
		// The message key, for logs; the employee sees the resolved text.
		super(userMessage.getCodes()[0]);
		this.userMessage = userMessage;
		this.startAgain = startAgain;
		this.awsRequestId = awsRequestId;
	}

	static EnrollmentException of(String code) {
		return new EnrollmentException(new DefaultMessageSourceResolvable(code), false, null);
	}

	static EnrollmentException startAgain(String code) {
		return new EnrollmentException(new DefaultMessageSourceResolvable(code), true, null);
	}

	/** What the employee is told when AWS refused {@code operation} ({@code start}, {@code activate}, ...). */
	static EnrollmentException fromAws(String operation, AwsProblem problem) {
		return AwsRefusal.of(problem.kind()).toException(operation, problem);
	}

	/** What the employee is told when the code pipeline refused their codes for {@code operation}. */
	static EnrollmentException refused(String operation, CodeRefusal refusal) {
		return switch (refusal.cause()) {
			case NOT_SIX_DIGITS, SAME_CODE_TWICE -> of("enrollment.code." + refusal.reason());
			case CODE_ALREADY_USED -> of("enrollment.code.already-used");
			case LOCAL_CHECK -> (refusal.local() instanceof CodeVerdict verdict)
					? new EnrollmentException(verdict.message(), false, null) : of("enrollment.code." + refusal.reason());
			case AWS -> fromAws(operation, AwsProblem.of(refusal.aws()));
		};
	}

	MessageSourceResolvable userMessage() {
		return this.userMessage;
	}

	/** The pending enrollment is gone or unusable: the employee must start a new one. */
	boolean startAgain() {
		return this.startAgain;
	}

	/** Shown so support can find the call (S27); {@code null} when AWS was not involved or never answered. */
	String awsRequestId() {
		return this.awsRequestId;
	}

}
