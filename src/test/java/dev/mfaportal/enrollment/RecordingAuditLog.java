package dev.mfaportal.enrollment;

import java.util.ArrayList;
import java.util.List;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditUnavailableException;

/**
 * Keeps audit events in memory, or refuses them all, for unit tests.
 */
class RecordingAuditLog implements AuditLog {

	final List<AuditEvent> events = new ArrayList<>();

	boolean unavailable;

	@Override
	public long record(AuditEvent event) {
		if (this.unavailable) {
			throw new AuditUnavailableException("audit down", null);
		}
		this.events.add(event);
		return this.events.size();
	}

	List<String> actions() {
		return this.events.stream().map((event) -> event.action() + " " + event.outcome()).toList();
	}

	AuditEvent last() {
		return this.events.get(this.events.size() - 1);
	}

}
