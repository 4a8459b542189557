package dev.mfaportal.credentials;

import org.springframework.http.HttpStatus;

/**
 * Why no credentials were issued, what the employee is told, and which form field it concerns
 * ({@code null}: the whole form).
 */
enum Refusal {

	NOT_YOUR_DEVICE(HttpStatus.FORBIDDEN, "serialNumber", "credentials.error.not-your-device"),

	CODE_ALREADY_USED(HttpStatus.BAD_REQUEST, "tokenCode", "credentials.error.code-used"),

	WRONG_CODE(HttpStatus.BAD_REQUEST, "tokenCode", "credentials.error.code-wrong"),

	INVALID_KEY(HttpStatus.BAD_REQUEST, "accessKeyId", "credentials.error.key-unknown"),

	KEY_NOT_FOR_DEVICE(HttpStatus.FORBIDDEN, "accessKeyId", "credentials.error.key-not-for-device"),

	KEY_OF_ANOTHER_USER(HttpStatus.FORBIDDEN, "accessKeyId", "credentials.error.key-not-yours"),

	DURATION_REJECTED(HttpStatus.BAD_REQUEST, "durationSeconds", "credentials.error.duration-rejected"),

	AWS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, null, "credentials.error.aws-unavailable"),

	AWS_REFUSED(HttpStatus.BAD_GATEWAY, null, "credentials.error.aws-refused"),

	AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, null, "credentials.error.audit-unavailable");

	private final HttpStatus status;

	private final String field;

	private final String messageCode;

	Refusal(HttpStatus status, String field, String messageCode) {
		this.status = status;
		this.field = field;
		this.messageCode = messageCode;
	}

	HttpStatus status() {
		return this.status;
	}

	String field() {
		return this.field;
	}

	String messageCode() {
		return this.messageCode;
	}

}
