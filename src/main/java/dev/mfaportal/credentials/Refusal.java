package dev.mfaportal.credentials;

import java.util.Set;

import org.springframework.http.HttpStatus;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.guard.CodeRefusal;

/**
 * Why no credentials were issued (or downloaded): the HTTP status, the form field it concerns ({@code null}:
 * the whole form), what the employee is told, and the stable reason in the audit log ({@code null}: not
 * audited as a refusal of its own). The one way this module turns a refusal into an answer.
 */
enum Refusal {

	NOT_YOUR_DEVICE(HttpStatus.FORBIDDEN, "serialNumber", "credentials.error.not-your-device", "device-of-another-user"),

	CODE_FORMAT(HttpStatus.BAD_REQUEST, "tokenCode", "credentials.error.code-format", "not-six-digits"),

	CODE_ALREADY_USED(HttpStatus.BAD_REQUEST, "tokenCode", "credentials.error.code-used", "code-already-used"),

	WRONG_CODE(HttpStatus.BAD_REQUEST, "tokenCode", "credentials.error.code-wrong", "wrong-code"),

	INVALID_KEY(HttpStatus.BAD_REQUEST, "accessKeyId", "credentials.error.key-unknown", "invalid-access-key"),

	KEY_NOT_FOR_DEVICE(HttpStatus.FORBIDDEN, "accessKeyId", "credentials.error.key-not-for-device",
			"key-not-for-device"),

	KEY_OF_ANOTHER_USER(HttpStatus.FORBIDDEN, "accessKeyId", "credentials.error.key-not-yours", "key-of-another-user"),

	DURATION_REJECTED(HttpStatus.BAD_REQUEST, "durationSeconds", "credentials.error.duration-rejected",
			"input-rejected"),

	AWS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, null, "credentials.error.aws-unavailable", "aws-unavailable"),

	AWS_REFUSED(HttpStatus.BAD_GATEWAY, null, "credentials.error.aws-refused", "aws-error"),

	AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, null, "credentials.error.audit-unavailable", null),

	UNKNOWN_FORMAT(HttpStatus.BAD_REQUEST, null, "credentials.download.unknown-format", null),

	DOWNLOAD_EXPIRED(HttpStatus.GONE, null, "credentials.download.expired", null),

	DOWNLOAD_REFUSED(HttpStatus.FORBIDDEN, null, "credentials.download.refused", null);

	/** The refusals recorded as {@code credentials.denied}: someone else's device or key (S6, S9). */
	static final Set<String> DENIALS = Set.of(NOT_YOUR_DEVICE.auditReason, KEY_NOT_FOR_DEVICE.auditReason,
			KEY_OF_ANOTHER_USER.auditReason);

	private final HttpStatus status;

	private final String field;

	private final String messageCode;

	private final String auditReason;

	Refusal(HttpStatus status, String field, String messageCode, String auditReason) {
		this.status = status;
		this.field = field;
		this.messageCode = messageCode;
		this.auditReason = auditReason;
	}

	/** What GetSessionToken's (or a listing's) failure means for the employee, by its kind. */
	static Refusal of(AwsCallException ex) {
		return switch (ex.kind()) {
			case KEY_NOT_FOR_DEVICE -> KEY_NOT_FOR_DEVICE;
			case WRONG_CODE -> WRONG_CODE;
			case INVALID_KEY -> INVALID_KEY;
			case REJECTED_INPUT -> DURATION_REJECTED;
			case UNAVAILABLE -> AWS_UNAVAILABLE;
			default -> AWS_REFUSED;
		};
	}

	/** What the code pipeline's refusal of an issuance means for the employee. */
	static Refusal of(CodeRefusal refusal) {
		return switch (refusal.cause()) {
			case NOT_SIX_DIGITS, SAME_CODE_TWICE -> CODE_FORMAT;
			case LOCAL_CHECK -> NOT_YOUR_DEVICE;
			case CODE_ALREADY_USED -> CODE_ALREADY_USED;
			case AWS -> of(refusal.aws());
		};
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

	String auditReason() {
		return this.auditReason;
	}

}
