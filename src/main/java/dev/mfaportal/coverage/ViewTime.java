package dev.mfaportal.coverage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Times as the coverage page prints them, in UTC (the report's own zone), relative to the moment the page was
 * built. Thymeleaf calls these, so they are public; {@code null} prints as nothing.
 *
 * @param now the moment the page was built
 */
record ViewTime(Instant now) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String date(@Nullable Instant at) {
		return (at != null) ? DATE.format(at) : "";
	}

	public String time(@Nullable Instant at) {
		return (at != null) ? TIME.format(at) : "";
	}

	/** Whole days from {@code at} to now. */
	public long days(Instant at) {
		return Math.max(0, Duration.between(at, this.now).toDays());
	}

	/** How long ago, as the key and arguments of a {@code coverage.age.*} message. */
	public Age age(Instant at) {
		Duration age = Duration.between(at, this.now);
		if (age.toHours() >= 48) {
			return new Age("coverage.age.days", age.toDays());
		}
		if (age.toMinutes() >= 60) {
			return new Age("coverage.age.hours", age.toHours(), age.toMinutesPart());
		}
		return new Age("coverage.age.minutes", Math.max(0, age.toMinutes()));
	}

	/** A message key and its arguments. */
	record Age(String key, Object... args) {
	}

}
