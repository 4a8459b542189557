package dev.mfaportal.credentials;

import java.time.Clock;

import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AccessKeys;
import dev.mfaportal.aws.SessionRevocations;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.enrollment.StepUpKeys;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.kernel.Leases;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.ServerKeys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialsProperties.class)
class CredentialsConfiguration {

	@Bean
	DurationChoices durationChoices(CredentialsProperties properties, Clock clock) {
		return new DurationChoices(properties, clock);
	}

	@Bean
	CredentialFiles credentialFiles(CredentialsProperties properties) {
		return new CredentialFiles(properties.profileName(), properties.region());
	}

	@Bean
	SessionSeal credentialsSessionSeal(CredentialsProperties properties, Clock clock) {
		return new SessionSeal(sealer(properties, clock));
	}

	@Bean
	DeviceListSeal deviceListSeal(CredentialsProperties properties, Clock clock) {
		return new DeviceListSeal(sealer(properties, clock), clock);
	}

	@Bean
	CredentialsIssuer credentialsIssuer(CodeAttempts attempts, EmployeeDevices devices, SessionTokens sessionTokens,
			AuditLog auditLog, Clock clock, CredentialsProperties properties) {
		return new CredentialsIssuer(attempts, devices, sessionTokens, auditLog, clock,
				new PropagationRetry(properties.propagationBudget(), clock));
	}

	@Bean
	MintedKeyLedger mintedKeyLedger(JdbcClient jdbc) {
		return new MintedKeyLedger(jdbc);
	}

	@Bean
	MintedKeys mintedKeys(AccessKeys keys, MintedKeyLedger ledger, AuditLog auditLog, Clock clock,
			CredentialsProperties properties) {
		return new MintedKeys(keys, ledger, sealer(properties, clock), auditLog, clock, properties.mintedKeyTtl());
	}

	/** Runs in either mode: keys minted before a switch back to employee-key are still cleaned up. */
	@Bean
	MintedKeyReconciler mintedKeyReconciler(MintedKeyLedger ledger, MintedKeys minted, AccessKeys keys,
			AuditLog auditLog, Clock clock, CredentialsProperties properties) {
		// A key is used only after its form comes back; the retry budget is the longest it may still be in use.
		return new MintedKeyReconciler(ledger, minted, keys, auditLog, clock,
				properties.mintedKeyTtl().plus(properties.propagationBudget()).plus(MintedKeyReconciler.CREATE_WINDOW));
	}

	@Bean
	SessionRevoker sessionRevoker(SessionRevocations revocations, AuditLog auditLog, AuditHistory history, Clock clock,
			CredentialsProperties properties, JdbcClient jdbc) {
		return new SessionRevoker(revocations, properties.revocationPolicyArn(), auditLog, history, clock,
				new Leases(jdbc, clock, "revocation_lease", SessionRevoker.LEASE));
	}

	/**
	 * The step-up key of the portal-minted source, in place of enrollment's employee-key one. A spelling of
	 * the key source that neither condition matches leaves no step-up bean, and the portal does not start.
	 */
	@Bean
	@ConditionalOnProperty(name = "portal.credentials.key-source", havingValue = "portal-minted")
	StepUpKeys mintedKeyStepUp(MintedKeys keys, Clock clock, CredentialsProperties properties) {
		return new MintedKeyStepUp(keys, new PropagationRetry(properties.propagationBudget(), clock));
	}

	@Bean
	KeylessIssuance keylessIssuance(CredentialsProperties properties, MintedKeys keys, CredentialsIssuer issuer) {
		return new KeylessIssuance(properties.keySource(), keys, issuer);
	}

	private static Sealer sealer(CredentialsProperties properties, Clock clock) {
		return new Sealer(ServerKeys.load("portal.credentials.sealing-key", properties.sealingKey()), clock);
	}

}
