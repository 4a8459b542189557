package dev.mfaportal.kernel;

import java.time.ZoneId;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * The time zone of the person this request is for, as the web layer resolved it (their browser's, or the usual
 * one for the page's language), or empty when it is unknown. Callers choose their own default: never the
 * server's zone, which {@code LocaleContextHolder.getTimeZone} would fall back to.
 */
public final class ReadersZone {

	private ReadersZone() {
	}

	public static Optional<ZoneId> current() {
		return (LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext context
				&& context.getTimeZone() != null) ? Optional.of(context.getTimeZone().toZoneId()) : Optional.empty();
	}

}
