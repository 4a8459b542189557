package dev.mfaportal.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AwsAccount;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.guard.CodeAttempts;

/**
 * Wires the device flow from {@link EnrollmentProperties}. Every piece takes the clock as a parameter so
 * tests can move time; here it is the system's.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EnrollmentConfiguration.class);

	private static final Clock CLOCK = Clock.systemUTC();

	@Bean
	EnrollmentTokens enrollmentTokens(EnrollmentProperties properties, AuditLog audit) {
		return new EnrollmentTokens(new EnrollmentSeal(sealingKey(properties.sealingKey()),
				properties.tokenLifetime(), CLOCK), audit);
	}

	static SecretKey sealingKey(String configured) {
		if (StringUtils.hasText(configured)) {
			byte[] key = decode(configured);
			if (key.length != 32) {
				throw new IllegalStateException("portal.enrollment.sealing-key must be 32 bytes (256 bits), base64");
			}
			return new SecretKeySpec(key, "AES");
		}
		logger.warn("portal.enrollment.sealing-key is not set: using a random key, so an enrollment started "
				+ "before a restart or on another instance cannot be activated. Set the same key on every instance.");
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] decode(String configured) {
		try {
			return Base64.getDecoder().decode(configured.trim());
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message would say which character is wrong; the property name says where to look.
			throw new IllegalStateException("portal.enrollment.sealing-key is not base64 (openssl rand -base64 32)");
		}
	}

	@Bean
	Enrollments enrollments(MfaDevices devices, AwsAccount account, AuditLog audit, EnrollmentTokens tokens,
			EnrollmentProperties properties, EmployeeDevices employeeDevices) {
		return new Enrollments(devices, account, audit, tokens, new DeviceNames(properties.deviceName()),
				employeeDevices, CLOCK);
	}

	@Bean
	Activations activations(MfaDevices devices, AuditLog audit, CodeAttempts attempts, EnrollmentTokens tokens,
			EnrollmentLocks locks, Enrollments enrollments, EnrollmentProperties properties) {
		CodeCheck codeCheck = new CodeCheck(properties.allowedClockDrift().toSeconds() / Totp.STEP_SECONDS,
				properties.clockSearchRange().toSeconds() / Totp.STEP_SECONDS);
		return new Activations(devices, audit, attempts, tokens, codeCheck, locks, enrollments, CLOCK);
	}

	@Bean
	DeviceActions deviceActions(MfaDevices devices, EmployeeDevices employeeDevices, AuditLog audit,
			CodeAttempts attempts) {
		return new DeviceActions(devices, employeeDevices, audit, attempts);
	}

	@Bean
	AbandonedDeviceSweeper abandonedDeviceSweeper(MfaDevices devices, AuditLog audit, EnrollmentLocks locks,
			EnrollmentProperties properties) {
		return new AbandonedDeviceSweeper(devices, audit, locks, properties.tokenLifetime(), CLOCK);
	}

}
