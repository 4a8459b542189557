package dev.mfaportal.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The faults currently armed, each with how many more requests it applies to.
 */
final class Faults {

	private final List<Armed> armed = new ArrayList<>();

	synchronized void add(SandboxFault fault) {
		this.armed.add(new Armed(fault, fault.times()));
	}

	synchronized void clear() {
		this.armed.clear();
	}

	/** The faults that apply to this request, used up by one each. */
	synchronized List<SandboxFault> take(String action) {
		List<SandboxFault> taken = new ArrayList<>();
		Iterator<Armed> iterator = this.armed.iterator();
		while (iterator.hasNext()) {
			Armed candidate = iterator.next();
			if (candidate.fault.matches(action)) {
				taken.add(candidate.fault);
				if (candidate.remaining != SandboxFault.ALWAYS && --candidate.remaining == 0) {
					iterator.remove();
				}
			}
		}
		return taken;
	}

	private static final class Armed {

		private final SandboxFault fault;

		private int remaining;

		Armed(SandboxFault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
