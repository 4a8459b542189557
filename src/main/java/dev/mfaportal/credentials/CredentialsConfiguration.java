package dev.mfaportal.credentials;

import java.time.Clock;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.ServerKeys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
		return new SessionSeal(
				new Sealer(ServerKeys.load("portal.credentials.sealing-key", properties.sealingKey()), clock));
	}

	@Bean
	CredentialsIssuer credentialsIssuer(CodeAttempts attempts, EmployeeDevices devices, SessionTokens sessionTokens,
			AuditLog auditLog, Clock clock) {
		return new CredentialsIssuer(attempts, devices, sessionTokens, auditLog, clock);
	}

}
