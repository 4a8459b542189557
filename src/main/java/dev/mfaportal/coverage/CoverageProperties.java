package dev.mfaportal.coverage;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the coverage page ({@code portal.coverage.*}), listed in {@code docs/configuration.md}.
 *
 * @param pathPrefix the IAM path whose users are in scope, e.g. {@code /employees/} ({@code /}: every user)
 * @param generateInterval the least time between two calls of {@code GenerateCredentialReport}, from any instance
 * or the refresh button; also how old a report may get before a new one is asked for (IAM builds at most one
 * every four hours anyway)
 * @param pollInterval how often each instance checks whether there is a report to generate, collect or retry
 * @param refreshOnSchedule whether that check runs in the background; without it only the refresh button asks
 * @param activityMaxAge how long the portal activity joined into the table (last sign-in, enrollment, issuance)
 * may be reused before it is read again from the audit log
 * @param pageSize rows per page of {@code /admin/coverage}
 * @param keyAgeDays the age in days from which an active access key counts as old, unless the filter says otherwise
 * @param trendDays how many days the trend chart covers
 */
@ConfigurationProperties("portal.coverage")
@Validated
record CoverageProperties(@DefaultValue("/") @NotNull @Pattern(regexp = "/([\\x21-\\x7E]*/)?") String pathPrefix,
		@DefaultValue("4h") @NotNull Duration generateInterval, @DefaultValue("30s") @NotNull Duration pollInterval,
		@DefaultValue("true") boolean refreshOnSchedule, @DefaultValue("1m") @NotNull Duration activityMaxAge,
		@DefaultValue("50") @Min(10) @Max(500) int pageSize, @DefaultValue("90") @Min(1) @Max(3650) int keyAgeDays,
		@DefaultValue("90") @Min(7) @Max(366) int trendDays) {

	CoverageProperties {
		if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0 || generateInterval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException(
					"portal.coverage.poll-interval must be at least 1s and portal.coverage.generate-interval at least 1m");
		}
	}

}
