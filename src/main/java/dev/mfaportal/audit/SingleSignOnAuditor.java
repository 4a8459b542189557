package dev.mfaportal.audit;

import dev.mfaportal.identity.SignInRefusedEvent;
import dev.mfaportal.identity.SignedOutByProviderEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the identity module reports about sign-ins at identity providers: a sign-in that did not let the
 * person in (protocol checks, or no IAM user mapping) and sessions ended by a provider's back-channel logout.
 */
@Component
class SingleSignOnAuditor {

	static final int DESCRIPTION_MAX_LENGTH = 500;

	private final AuditLog auditLog;

	SingleSignOnAuditor(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void refused(SignInRefusedEvent event) {
		this.auditLog.record(AuditEvent.of("signin.refused", AuditOutcome.DENIED)
			.portalUser(event.username())
			.iamUser(event.iamUser())
			.detail("provider", event.provider())
			.detail("reason", event.reason())
			.detail("description", RequestOrigin.truncate(event.description(), DESCRIPTION_MAX_LENGTH)));
	}

	@EventListener
	void signedOutByProvider(SignedOutByProviderEvent event) {
		this.auditLog.record(AuditEvent.of("signout.provider", AuditOutcome.SUCCESS)
			.portalUser(event.username())
			.detail("provider", event.provider())
			.detail("sessions", event.sessions()));
	}

}
