package dev.mfaportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.StringJoiner;

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

	ZoneId zoneId() {
		return ZoneId.of(this.zone);
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

	private static String validZone(String zone) {
		if (StringUtils.hasText(zone)) {
			try {
				return ZoneId.of(zone.strip()).getId();
			}
			catch (DateTimeException ex) {
				// An unknown zone from a hand-edited URL: fall back to UTC rather than fail the page.
			}
		}
		return "UTC";
	}

}
