package dev.mfaportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.kernel.ReadersZone;

/**
 * Times as pages print them, in the zone of the person reading ({@link PortalLocaleResolver}) and always naming
 * it: "2026-12-02 18:08 JST". Templates of every module call it as {@code ${@shownTimes.dateTime(instant)}}.
 */
public class ShownTimes {

	// A region id, not ZoneOffset.UTC, whose name would print as "Z".
	private static final ZoneId UTC = ZoneId.of("UTC");

	// English zone names: the abbreviations people know ("JST", "CET"), the same in both languages.
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

	/** The reader's zone, or UTC when it is unknown (never the server's own). */
	public static ZoneId zone() {
		return ReadersZone.current().orElse(UTC);
	}

	/** Date, time of day and zone of {@code instant}; empty for {@code null}. */
	public String dateTime(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(zone())) : "";
	}

	/** Time of day and zone of {@code instant}, for moments later today; empty for {@code null}. */
	public String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(zone())) : "";
	}

}
