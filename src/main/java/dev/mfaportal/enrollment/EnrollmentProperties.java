package dev.mfaportal.enrollment;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the MFA device flow.
 *
 * @param sealingKey base64 AES-256 key for the enrollment token; random per start when unset, which breaks
 * enrollments that span instances or a restart
 * @param tokenLifetime how long a started enrollment can be activated; the sweeper deletes older devices
 * @param issuer the name authenticator apps show above the code
 * @param deviceName template for new device names: {@code {iam-user}}, {@code {portal-user}}, {@code {label}}
 * (the employee's label, or the creation time when they gave none)
 * @param allowedClockDrift how far from now the newer code may be and still go to AWS
 * @param clockSearchRange how far either way to look for codes from a phone with a wrong clock
 * @param sweepInterval how often abandoned devices are looked for
 * @param maxDevices MFA devices AWS allows per IAM user
 */
@ConfigurationProperties("portal.enrollment")
@Validated
record EnrollmentProperties(String sealingKey, @DefaultValue("10m") @NotNull Duration tokenLifetime,
		@DefaultValue("MFA Portal") @NotBlank String issuer,
		@DefaultValue("{iam-user}-{label}") @NotBlank String deviceName,
		@DefaultValue("30s") @NotNull Duration allowedClockDrift,
		@DefaultValue("15m") @NotNull Duration clockSearchRange, @DefaultValue("5m") @NotNull Duration sweepInterval,
		@DefaultValue("8") @Min(1) @Max(8) int maxDevices) {
}
