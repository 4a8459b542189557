package dev.mfaportal.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * What the viewer asked to see, bound from the query string of the page and the CSV export; an unknown or missing
 * value means its default, never an error.
 *
 * @param show {@code all}, {@code no-mfa}, {@code old-keys} (an active key older than {@code days}) or
 * {@code never-used} (never signed in, enrolled or issued credentials through the portal)
 * @param days the key age for {@code old-keys}
 * @param sort {@code user}, {@code mfa} (without first), {@code key-age} (oldest first) or {@code activity}
 * (never first, then longest ago)
 * @param dir {@code asc} or {@code desc}, which reverses the sort
 * @param page the page, from 1
 */
record CoverageFilter(@Nullable String show, @Nullable Integer days, @Nullable String sort, @Nullable String dir,
		@Nullable Integer page) {

	static final List<String> SHOWS = List.of("all", "no-mfa", "old-keys", "never-used");

	static final List<String> SORTS = List.of("user", "mfa", "key-age", "activity");

	/** The same filter with every field set: unknown values replaced by their defaults. */
	CoverageFilter normalised(int defaultDays) {
		String shown = choice(this.show, SHOWS);
		int keyDays = (this.days != null && this.days >= 1 && this.days <= 3650) ? this.days : defaultDays;
		String sorted = choice(this.sort, SORTS);
		String direction = "desc".equals(this.dir) ? "desc" : "asc";
		int number = (this.page != null && this.page >= 1) ? this.page : 1;
		return new CoverageFilter(shown, keyDays, sorted, direction, number);
	}

	/** The rows this filter shows, sorted; call on a normalised filter. */
	List<CoverageRow> apply(CoverageSnapshot snapshot, Instant now) {
		List<CoverageRow> ordered = snapshot.sorted(String.valueOf(this.sort), comparator());
		Predicate<CoverageRow> shown = predicate(now);
		boolean descending = "desc".equals(this.dir);
		List<CoverageRow> matching = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			CoverageRow row = ordered.get(descending ? ordered.size() - 1 - i : i);
			if (shown.test(row)) {
				matching.add(row);
			}
		}
		return matching;
	}

	private Predicate<CoverageRow> predicate(Instant now) {
		Instant cutoff = now.minus(Duration.ofDays((this.days != null) ? this.days : 0));
		return switch (String.valueOf(this.show)) {
			case "no-mfa" -> (row) -> !row.mfaActive();
			case "old-keys" -> (row) -> row.hasKeyRotatedBefore(cutoff);
			case "never-used" -> CoverageRow::neverUsedThePortal;
			default -> (row) -> true;
		};
	}

	private Comparator<CoverageRow> comparator() {
		Comparator<CoverageRow> byUser = Comparator.comparing(CoverageRow::iamUser);
		Comparator<CoverageRow> first = switch (String.valueOf(this.sort)) {
			case "mfa" -> Comparator.comparing(CoverageRow::mfaActive);
			case "key-age" -> Comparator.comparing(CoverageRow::oldestKeyRotated,
					Comparator.nullsLast(Comparator.naturalOrder()));
			case "activity" -> Comparator.comparing(CoverageRow::lastActivity,
					Comparator.nullsFirst(Comparator.naturalOrder()));
			default -> byUser;
		};
		return first.thenComparing(byUser);
	}

	private static String choice(@Nullable String value, List<String> choices) {
		String normal = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
		return choices.contains(normal) ? normal : choices.get(0);
	}

}
