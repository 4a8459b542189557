package dev.mfaportal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Counts a flood of refusals instead of writing each (S43). A refusal qualifies when its outcome is
 * {@code DENIED} (the code-attempt limits, 403s, another employee's resource, ...) or it is a sign-in refused by
 * the lockout ({@code signin.failed} with reason {@code LockedException}). Its source is action, outcome, reason,
 * scope, portal user, IAM user and source IP. In each clock minute a source gets
 * {@code portal.audit.refusal-rows-per-minute} rows of its own; later ones that minute are only counted, and the
 * count becomes one row ({@code suppressed} N) when the minute has ended: at the next refusal of that source, at
 * the next periodic flush, or at shutdown. A count that could not be written is kept and written later, so none is
 * lost while the instance runs; each instance counts its own refusals and writes its own row.
 */
@Component
class RefusalFlood {

	static final String SUPPRESSED = "suppressed";

	private static final String SIGN_IN_LOCKED = "LockedException";

	private final Clock clock;

	private final int rowsPerMinute;

	private final Map<Source, Minute> minutes = new HashMap<>();

	private final List<PreparedEvent> ended = new ArrayList<>();

	RefusalFlood(Clock clock, AuditProperties properties) {
		this.clock = clock;
		this.rowsPerMinute = properties.refusalRowsPerMinute();
	}

	/** @return whether the event gets a row of its own; if not, it is counted into its source's minute */
	synchronized boolean admit(PreparedEvent event) {
		Source source = Source.of(event);
		if (source == null) {
			return true;
		}
		Instant now = this.clock.instant();
		Instant start = now.truncatedTo(ChronoUnit.MINUTES);
		Minute minute = this.minutes.get(source);
		if (minute != null && !minute.start.equals(start)) {
			end(source, minute);
			minute = null;
		}
		if (minute == null) {
			minute = new Minute(start);
			this.minutes.put(source, minute);
		}
		if (minute.written < this.rowsPerMinute) {
			minute.written++;
			return true;
		}
		minute.suppressed++;
		minute.first = (minute.first != null) ? minute.first : now;
		minute.last = now;
		return false;
	}

	/** Ends every minute that is over (every minute, the current ones too, when {@code all}). */
	synchronized void endMinutes(boolean all) {
		Instant now = this.clock.instant();
		for (Iterator<Map.Entry<Source, Minute>> it = this.minutes.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Source, Minute> entry = it.next();
			if (all || !now.isBefore(entry.getValue().start.plus(Duration.ofMinutes(1)))) {
				it.remove();
				end(entry.getKey(), entry.getValue());
			}
		}
	}

	/** Takes out the rows of ended minutes, oldest first; the caller writes them or {@link #putBack puts them back}. */
	synchronized List<PreparedEvent> takeEnded() {
		if (this.ended.isEmpty()) {
			return List.of();
		}
		List<PreparedEvent> rows = List.copyOf(this.ended);
		this.ended.clear();
		return rows;
	}

	synchronized void putBack(List<PreparedEvent> unwritten) {
		this.ended.addAll(0, unwritten);
	}

	private void end(Source source, Minute minute) {
		if (minute.suppressed > 0) {
			this.ended.add(source.aggregate(minute));
		}
	}

	private record Source(String action, AuditOutcome outcome, String reason, String scope, String portalUser,
			String iamUser, String sourceIp) {

		static Source of(PreparedEvent prepared) {
			AuditEvent event = prepared.event();
			String reason = event.detail().get("reason");
			boolean qualifies = event.outcome() == AuditOutcome.DENIED
					|| ("signin.failed".equals(event.action()) && SIGN_IN_LOCKED.equals(reason));
			return qualifies ? new Source(event.action(), event.outcome(), reason, event.detail().get("scope"),
					event.portalUser(), event.iamUser(), prepared.origin().sourceIp()) : null;
		}

		PreparedEvent aggregate(Minute minute) {
			AuditEvent row = AuditEvent.of(this.action, this.outcome).portalUser(this.portalUser).iamUser(this.iamUser);
			if (this.reason != null) {
				row = row.detail("reason", this.reason);
			}
			if (this.scope != null) {
				row = row.detail("scope", this.scope);
			}
			row = row.detail(SUPPRESSED, minute.suppressed)
				.detail("minute", AuditHashes.formatTime(minute.start))
				.detail("firstSuppressedAt", AuditHashes.formatTime(minute.first))
				.detail("lastSuppressedAt", AuditHashes.formatTime(minute.last));
			return new PreparedEvent(row, new RequestOrigin(this.sourceIp, null));
		}

	}

	private static final class Minute {

		final Instant start;

		int written;

		long suppressed;

		Instant first;

		Instant last;

		Minute(Instant start) {
			this.start = start;
		}

	}

}
