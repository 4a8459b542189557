package dev.mfaportal.enrollment;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AwsAccount;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.kernel.Sealer;
import dev.mfaportal.kernel.ServerKeys;

/**
 * Wires the device flow from {@link EnrollmentProperties}, on the portal's one {@link Clock}.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentConfiguration {

	@Bean
	EnrollmentTokens enrollmentTokens(EnrollmentProperties properties, AuditLog audit, Clock clock) {
		Sealer sealer = new Sealer(ServerKeys.load("portal.enrollment.sealing-key", properties.sealingKey()), clock);
		return new EnrollmentTokens(new EnrollmentSeal(sealer, properties.tokenLifetime()), audit);
	}

	@Bean
	Enrollments enrollments(MfaDevices devices, AwsAccount account, AuditLog audit, EnrollmentTokens tokens,
			EnrollmentProperties properties, EmployeeDevices employeeDevices, Clock clock) {
		return new Enrollments(devices, account, audit, tokens, new DeviceNames(properties.deviceName()),
				employeeDevices, clock);
	}

	@Bean
	Activations activations(MfaDevices devices, AuditLog audit, CodeAttempts attempts, EnrollmentTokens tokens,
			EnrollmentLocks locks, Enrollments enrollments, EnrollmentProperties properties, Clock clock) {
		CodeCheck codeCheck = new CodeCheck(properties.allowedClockDrift().toSeconds() / Totp.STEP_SECONDS,
				properties.clockSearchRange().toSeconds() / Totp.STEP_SECONDS);
		return new Activations(devices, audit, attempts, tokens, codeCheck, locks, enrollments, clock);
	}

	@Bean
	DeviceActions deviceActions(MfaDevices devices, EmployeeDevices employeeDevices, AuditLog audit,
			CodeAttempts attempts) {
		return new DeviceActions(devices, employeeDevices, audit, attempts);
	}

	@Bean
	AbandonedDeviceSweeper abandonedDeviceSweeper(MfaDevices devices, AuditLog audit, EnrollmentLocks locks,
			EnrollmentProperties properties, Clock clock) {
		return new AbandonedDeviceSweeper(devices, audit, locks, properties.tokenLifetime(), clock);
	}

}
