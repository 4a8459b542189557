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
 * download buttons, and the device list (and a minted key) into the form; blank means a random key per instance
 * @param keySource whose long-term key signs {@code GetSessionToken}: the one the employee types
 * ({@code employee-key}), or one the portal creates for their IAM user for this one call and deletes straight
 * after ({@code portal-minted})
 * @param mintedKeyTtl how long a minted key may wait for the form's submission; older ones are deleted by the
 * reconciler
 * @param propagationBudget how long, in all, GetSessionToken is retried while STS does not know a new minted
 * key yet; at most 20 s
 * @param revocationPolicyArn the customer-managed deny policy, attached to the employees, into which session
 * revocations are written; blank turns revocation off
 * @param reconcileInterval how often the reconciler looks for minted keys left behind
 */
@ConfigurationProperties("portal.credentials")
@Validated
record CredentialsProperties(@NotNull @DefaultValue("36h") Duration maxDuration,
		@NotNull @DefaultValue("12h") Duration defaultDuration, @NotNull @DefaultValue("18:00") String workdayEnd,
		@NotNull @DefaultValue("UTC") ZoneId workdayZone,
		@NotNull @Pattern(regexp = "[\\w+=,.@-]+") @DefaultValue("mfa-portal") String profileName,
		@Pattern(regexp = "|[a-z0-9-]+") @DefaultValue("") String region, @DefaultValue("") String sealingKey,
		@NotNull @DefaultValue("employee-key") KeySource keySource, @NotNull @DefaultValue("10m") Duration mintedKeyTtl,
		@NotNull @DefaultValue("18s") Duration propagationBudget,
		@Pattern(regexp = "|arn:aws[a-z-]*:iam::\\d{12}:policy/.+") @DefaultValue("") String revocationPolicyArn,
		@NotNull @DefaultValue("1m") Duration reconcileInterval) {

	/** What AWS accepts for {@code GetSessionToken} with an IAM user's key. */
	static final Duration AWS_MINIMUM = Duration.ofSeconds(900);

	static final Duration AWS_MAXIMUM = Duration.ofSeconds(129600);

	CredentialsProperties {
		if (maxDuration != null && (maxDuration.compareTo(AWS_MINIMUM) < 0 || maxDuration.compareTo(AWS_MAXIMUM) > 0)) {
			throw new IllegalArgumentException("portal.credentials.max-duration must be between 15m and 36h");
		}
		if (propagationBudget != null && propagationBudget.compareTo(Duration.ofSeconds(20)) > 0) {
			throw new IllegalArgumentException("portal.credentials.propagation-budget must be at most 20s");
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

	boolean portalMinted() {
		return this.keySource == KeySource.PORTAL_MINTED;
	}

	LocalTime workdayEndTime() {
		return LocalTime.parse(this.workdayEnd);
	}

}
