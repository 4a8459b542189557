package dev.mfaportal.audit;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit module ({@code portal.audit.*}), listed in {@code docs/configuration.md}.
 *
 * @param pageSize rows per page of the admin audit view
 * @param chartMaxDays the longest range the per-day chart covers (the latest days of a longer range)
 * @param verifyOnSchedule whether the hash chain is re-checked in the background
 * @param verifyInterval pause between two scheduled checks (fixed delay)
 * @param verifyInitialDelay pause after start-up before the first scheduled check
 * @param chainKey Base64 of 32 bytes: the HMAC key of the hash chain and its checkpoints, which the database never
 * sees; unset, a random key per start
 * @param checkpoint where and how often the chain's head is published outside the database
 * @param refusalRowsPerMinute rows of their own a repeated refusal from one source gets per minute; the rest of
 * that minute are counted into one row
 */
@ConfigurationProperties("portal.audit")
@Validated
record AuditProperties(@DefaultValue("50") @Min(5) @Max(500) int pageSize,
		@DefaultValue("92") @Min(1) @Max(366) int chartMaxDays, @DefaultValue("true") boolean verifyOnSchedule,
		@DefaultValue("1h") @NotNull Duration verifyInterval, @DefaultValue("1m") @NotNull Duration verifyInitialDelay,
		String chainKey, @Valid @DefaultValue Checkpoint checkpoint,
		@DefaultValue("3") @Min(1) @Max(1000) int refusalRowsPerMinute) {

	/**
	 * @param interval pause between two published checkpoints (each a signed log line)
	 * @param file a file each checkpoint is also appended to, one line each; unset, the log line only
	 */
	record Checkpoint(@DefaultValue("10m") @NotNull Duration interval, Path file) {
	}

}
