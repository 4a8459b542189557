package dev.mfaportal.credentials;

/**
 * Input the portal refuses before any AWS call (S17). Carries a message code from
 * {@code messages.properties} and its arguments, never the input itself, which may be a secret.
 */
class InvalidInputException extends RuntimeException {

	private final String messageCode;

	private final transient Object[] arguments;

	InvalidInputException(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	String messageCode() {
		return this.messageCode;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
