package dev.mfaportal.audit;

import java.time.LocalDate;

import org.springframework.validation.Errors;

/**
 * What a hand-edited filter URL may not ask for: a day the database's time range cannot hold or no audit row
 * can have ({@code to=+999999999-12-31}), a range that ends before it starts, a time zone nobody has. Each is a
 * field error on the filter form (answered with 400), never a 500 and never a silent UTC.
 */
final class AuditFilterCheck {

	/** No audit row is older than the portal; a typo such as year 20260 is not a day anyone means. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private AuditFilterCheck() {
	}

	/** @return whether the filter may be run (no binding error before, none found here) */
	static boolean check(AuditFilter filter, Errors errors) {
		checkDay(filter.from(), "from", errors);
		checkDay(filter.to(), "to", errors);
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())
				&& !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "audit.filter.error.to-before-from");
		}
		if (!filter.zoneKnown()) {
			errors.rejectValue("zone", "audit.filter.error.zone");
		}
		return !errors.hasErrors();
	}

	private static void checkDay(LocalDate day, String field, Errors errors) {
		if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
			errors.rejectValue(field, "audit.filter.error.day-out-of-range",
					new Object[] { EARLIEST.toString(), LATEST.toString() }, null);
		}
	}

}
