package dev.mfaportal.audit;

import java.time.Instant;

/**
 * What the verifier found: either an intact chain of {@code events} rows ending in {@code headHash}, or the
 * first broken link: the row {@code brokenId}, which of its hashes is wrong ({@code brokenField}), the value
 * the chain expects and the value found.
 */
record ChainReport(boolean intact, long events, String headHash, Long brokenId, String brokenField,
		String expected, String found, Instant checkedAt) {

	static ChainReport intact(long events, String headHash, Instant checkedAt) {
		return new ChainReport(true, events, headHash, null, null, null, null, checkedAt);
	}

	static ChainReport broken(long eventsBefore, long id, String field, String expected, String found,
			Instant checkedAt) {
		return new ChainReport(false, eventsBefore, null, id, field, expected, found, checkedAt);
	}

	String summary() {
		if (this.intact) {
			return "intact, " + this.events + " events, head hash " + this.headHash;
		}
		return "broken at id " + this.brokenId + ": " + this.brokenField + " expected " + this.expected + ", found "
				+ this.found;
	}

}
