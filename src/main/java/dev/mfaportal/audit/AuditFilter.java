package dev.mfaportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.util.StringUtils;

/**
 * What the admin asked to see, bound from the query string of the audit view and the CSV export. Dates are
 * calendar days in the viewer's time zone ({@code zone}, an IANA id the page's script fills in from the
 * browser, else UTC); {@code to} is inclusive. Blank fields mean "any".
 */
record AuditFilter(String portalUser, String iamUser, String action, String outcome,
		@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to, String zone) {

	private static final int MAX_ZONE_LENGTH = 64;

	AuditFilter {
		portalUser = blankToNull(portalUser);
		iamUser = blankToNull(iamUser);
		action = blankToNull(action);
		outcome = blankToNull(outcome);
		if (outcome != null) {
			outcome = outcome.toUpperCase(Locale.ROOT);
		}
		zone = validZone(zone);
	}

	static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null, null);
	}

	/** The filter's text fields as the request sent them, without the days (for a form whose days did not bind). */
	static AuditFilter ofTextFields(HttpServletRequest request) {
		return new AuditFilter(request.getParameter("portalUser"), request.getParameter("iamUser"),
				request.getParameter("action"), request.getParameter("outcome"), null, null,
				request.getParameter("zone"));
	}

	/** The viewer's zone; UTC while the one asked for is unknown (the form then says so, see AuditFilterCheck). */
	ZoneId zoneId() {
		return zoneKnown() ? ZoneId.of(this.zone) : ZoneOffset.UTC;
	}

	/** The query string that reproduces this filter, for paging links and the CSV link. */
	String queryString() {
		StringJoiner query = new StringJoiner("&");
		add(query, "portalUser", this.portalUser);
		add(query, "iamUser", this.iamUser);
		add(query, "action", this.action);
		add(query, "outcome", this.outcome);
		add(query, "from", (this.from != null) ? this.from.toString() : null);
		add(query, "to", (this.to != null) ? this.to.toString() : null);
		add(query, "zone", this.zone);
		return query.toString();
	}

	private static void add(StringJoiner query, String name, String value) {
		if (value != null) {
			// Form encoding, so a '+' in a zone such as Etc/GMT+3 survives the round trip.
			query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	/** A known IANA id as Java spells it; an unknown one is kept (capped) for the form's field error. */
	private static String validZone(String zone) {
		if (!StringUtils.hasText(zone)) {
			return "UTC";
		}
		try {
			return ZoneId.of(zone.strip()).getId();
		}
		catch (DateTimeException ex) {
			return AuditCaps.text(zone.strip(), MAX_ZONE_LENGTH);
		}
	}

	boolean zoneKnown() {
		try {
			ZoneId.of(this.zone);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
