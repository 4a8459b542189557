package dev.mfaportal.credentials;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.guard.CodeAttempts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialsProperties.class)
class CredentialsConfiguration {

	private static final Log logger = LogFactory.getLog(CredentialsConfiguration.class);

	@Bean
	DurationChoices durationChoices(CredentialsProperties properties) {
		return new DurationChoices(properties, Clock.systemUTC());
	}

	@Bean
	CredentialFiles credentialFiles(CredentialsProperties properties) {
		return new CredentialFiles(properties.profileName(), properties.region());
	}

	@Bean
	SessionSeal credentialsSessionSeal(CredentialsProperties properties) {
		byte[] key;
		if (properties.sealingKey().isBlank()) {
			// Works for one instance; behind a load balancer a download may reach another one and fail.
			logger.warn("portal.credentials.sealing-key is not set: using a random key for this instance only");
			key = new byte[32];
			new SecureRandom().nextBytes(key);
		}
		else {
			try {
				key = Base64.getDecoder().decode(properties.sealingKey().strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"portal.credentials.sealing-key must be Base64 (openssl rand -base64 32)", ex);
			}
		}
		return new SessionSeal(key, Clock.systemUTC());
	}

	@Bean
	CredentialsIssuer credentialsIssuer(CodeAttempts attempts, EmployeeDevices devices, SessionTokens sessionTokens,
			AuditLog auditLog) {
		return new CredentialsIssuer(attempts, devices, sessionTokens, auditLog, Clock.systemUTC());
	}

}
