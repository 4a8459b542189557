package dev.mfaportal.helpdesk;

import dev.mfaportal.enrollment.AwsProblem;
import dev.mfaportal.enrollment.Removal;

/**
 * What the admin is told after asking to remove a device: the words ({@code messages.properties}, with the
 * serial as argument) and the element of the page that carries them.
 */
enum RemovalNotice {

	REMOVED("admin.employee.removed", "helpdesk-removed", false),

	/** The device no longer protects the employee, the outcome that matters, though a step failed. */
	DEACTIVATED_NOT_DELETED("admin.employee.deactivated-not-deleted", "helpdesk-removed", true),

	REASON_REQUIRED("admin.employee.reason.required", "helpdesk-error", false),

	NOT_THEIRS("admin.employee.notTheirs", "helpdesk-error", false),

	NOTHING_REMOVED("admin.employee.nothing-removed", "helpdesk-aws-error", true),

	REMOVAL_UNCLEAR("admin.employee.removal-unclear", "helpdesk-aws-error", true),

	/** AWS knows no IAM user of that name, so there was nothing to remove. */
	NO_SUCH_USER("admin.employee.no-such-user", "helpdesk-no-such-user", false);

	private final String messageCode;

	private final String elementId;

	private final boolean aws;

	RemovalNotice(String messageCode, String elementId, boolean aws) {
		this.messageCode = messageCode;
		this.elementId = elementId;
		this.aws = aws;
	}

	static RemovalNotice of(Removal removal) {
		return switch (removal.outcome()) {
			case REMOVED -> REMOVED;
			case DEACTIVATED_NOT_DELETED -> DEACTIVATED_NOT_DELETED;
			case NOT_THEIRS -> NOT_THEIRS;
			case NOT_CHECKED -> notListed(removal.problem());
			// Without an answer from AWS the deactivation may have happened.
			case NOT_REMOVED -> removal.problem().unavailable() ? REMOVAL_UNCLEAR : NOTHING_REMOVED;
		};
	}

	/** AWS did not list the employee's devices, so nothing was tried. */
	static RemovalNotice notListed(AwsProblem problem) {
		return problem.notFound() ? NO_SUCH_USER : NOTHING_REMOVED;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public String elementId() {
		return this.elementId;
	}

	public String cssClass() {
		return (this == REMOVED) ? "flash-success" : "flash-error";
	}

	/** Whether an AWS call failed, so the page shows its error code and request id too. */
	public boolean aws() {
		return this.aws;
	}

}
