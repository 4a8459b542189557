package dev.mfaportal.credentials;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the session-credentials feature ({@code portal.credentials.*}).
 *
 * @param maxDuration longest session an employee may ask for; AWS allows 15 min to 36 h
 * @param defaultDuration the duration preselected on the form
 * @param workdayEnd when "the end of my working day" is, e.g. {@code 18:00}
 * @param workdayZone the time zone of {@code workdayEnd}
 * @param profileName the profile name in the downloadable credentials-file block
 * @param region written as {@code AWS_REGION} into the env formats when set
 * @param sealingKey Base64 of a 256-bit AES key sealing the credentials into the result page for the
 * download buttons; blank means a random key per instance
 */
@ConfigurationProperties("portal.credentials")
@Validated
record CredentialsProperties(@NotNull @DefaultValue("36h") Duration maxDuration,
		@NotNull @DefaultValue("12h") Duration defaultDuration, @NotNull @DefaultValue("18:00") String workdayEnd,
		@NotNull @DefaultValue("UTC") ZoneId workdayZone,
		@NotNull @Pattern(regexp = "[\\w+=,.@-]+") @DefaultValue("mfa-portal") String profileName,
		@Pattern(regexp = "|[a-z0-9-]+") @DefaultValue("") String region, @DefaultValue("") String sealingKey) {

	/** What AWS accepts for {@code GetSessionToken} with an IAM user's key. */
	static final Duration AWS_MINIMUM = Duration.ofSeconds(900);

	static final Duration AWS_MAXIMUM = Duration.ofSeconds(129600);

	CredentialsProperties {
		if (maxDuration != null && (maxDuration.compareTo(AWS_MINIMUM) < 0 || maxDuration.compareTo(AWS_MAXIMUM) > 0)) {
			throw new IllegalArgumentException("portal.credentials.max-duration must be between 15m and 36h");
		}
		if (workdayEnd != null) {
			try {
				LocalTime.parse(workdayEnd);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("portal.credentials.workday-end must look like 18:00", ex);
			}
		}
	}

	LocalTime workdayEndTime() {
		return LocalTime.parse(this.workdayEnd);
	}

}
