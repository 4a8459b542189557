package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mfaportal.kernel.ReadersZone;

/**
 * The session durations an employee can pick, and the check of the one they sent (S17): 900 s up to
 * the configured maximum (never above AWS's 36 h), or "until the end of my working day".
 */
class DurationChoices {

	static final String END_OF_WORKDAY = "end-of-workday";

	private static final List<Duration> PRESETS = List.of(Duration.ofHours(1), Duration.ofHours(4),
			Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(36));

	private final CredentialsProperties properties;

	private final Clock clock;

	DurationChoices(CredentialsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The value preselected on the form: the configured default, capped at the maximum. */
	String defaultValue() {
		return String.valueOf(min(this.properties.defaultDuration(), this.properties.maxDuration()).toSeconds());
	}

	/** The options of the select, shortest first, then the end of the working day. */
	List<DurationOption> options() {
		List<Duration> durations = new ArrayList<>(PRESETS);
		Duration fallback = Duration.ofSeconds(Long.parseLong(defaultValue()));
		if (!durations.contains(fallback)) {
			durations.add(fallback);
		}
		List<DurationOption> options = new ArrayList<>();
		durations.stream()
			.filter((duration) -> duration.compareTo(this.properties.maxDuration()) <= 0)
			.sorted()
			.forEach((duration) -> options.add(new DurationOption(String.valueOf(duration.toSeconds()),
					"credentials.duration.preset", List.of(describe(duration)), false)));
		String end = this.properties.workdayEndTime() + " " + workdayZone().getId();
		options.add(untilEndOfWorkday()
			.map((duration) -> new DurationOption(END_OF_WORKDAY, "credentials.duration.end-of-workday",
					List.of(end, describe(duration)), false))
			.orElseGet(() -> new DurationOption(END_OF_WORKDAY, "credentials.duration.end-of-workday-over",
					List.of(end), true)));
		return options;
	}

	/**
	 * The duration the employee asked for.
	 * @throws InvalidInputException when it is missing, not a number, or out of bounds
	 */
	Duration resolve(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("credentials.error.duration-required");
		}
		if (END_OF_WORKDAY.equals(value)) {
			return untilEndOfWorkday().orElseThrow(() -> new InvalidInputException(
					"credentials.error.workday-over", this.properties.workdayEndTime().toString()));
		}
		if (!value.matches("\\d{1,9}")) {
			throw new InvalidInputException("credentials.error.duration-invalid");
		}
		Duration duration = Duration.ofSeconds(Long.parseLong(value));
		if (duration.compareTo(CredentialsProperties.AWS_MINIMUM) < 0) {
			throw new InvalidInputException("credentials.error.duration-too-short",
					describe(CredentialsProperties.AWS_MINIMUM));
		}
		if (duration.compareTo(this.properties.maxDuration()) > 0) {
			throw new InvalidInputException("credentials.error.duration-too-long",
					describe(this.properties.maxDuration()));
		}
		return duration;
	}

	/**
	 * From now to today's end of the working day in the employee's zone, capped at the maximum; empty
	 * once less than the AWS minimum of 15 minutes is left.
	 */
	Optional<Duration> untilEndOfWorkday() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(workdayZone()));
		ZonedDateTime end = now.with(this.properties.workdayEndTime());
		Duration left = Duration.ofSeconds(Duration.between(now, end).toSeconds());
		if (left.compareTo(CredentialsProperties.AWS_MINIMUM) < 0) {
			return Optional.empty();
		}
		return Optional.of(min(left, this.properties.maxDuration()));
	}

	/** A short human form such as {@code 12 h}, {@code 1 h 30 min} or {@code 15 min}, worded by the bundle. */
	static SpokenDuration describe(Duration duration) {
		return SpokenDuration.of(duration);
	}

	/**
	 * The employee's zone, which the web layer knows for the request (their browser's, or Japan's for a Japanese
	 * page); the configured zone when it does not.
	 */
	private ZoneId workdayZone() {
		return ReadersZone.current().orElse(this.properties.workdayZone());
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** One option of the duration select; the label is a message code with its arguments. */
	record DurationOption(String value, String messageCode, List<Object> arguments, boolean disabled) {
	}

}
