package dev.mfaportal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chain's head as the portal saw it at a time, signed with the chain key (S36): published outside the database
 * (a log line, a file), it lets a verifier notice later that the row {@code id} is gone (the tail was cut off) or
 * no longer has the hash {@code headHash} (it, or a row before it, was rewritten). Comparing needs no key; telling
 * a genuine checkpoint from a forged one does ({@code tag}).
 * <p>
 * One line: {@code mfa-portal-audit-checkpoint v1 id=<id> head=<row_hash> at=<UTC time> tag=<hex HMAC-SHA256 of
 * "v1|id|head|at" under the checkpoint key>}.
 */
record Checkpoint(long id, String headHash, Instant at, String tag) {

	static final String PREFIX = "mfa-portal-audit-checkpoint v1";

	private static final Pattern LINE = Pattern
		.compile(Pattern.quote(PREFIX) + " id=(\\d{1,18}) head=([0-9a-f]{64}) at=(\\S{1,40}) tag=([0-9a-f]{64})");

	static Checkpoint signed(long id, String headHash, Instant at, ChainKey key) {
		Instant time = AuditHashes.truncate(at);
		return new Checkpoint(id, headHash, time, key.checkpointTag(signedPart(id, headHash, time)));
	}

	/** Finds a checkpoint anywhere in {@code text}, e.g. a whole log line around it. */
	static Optional<Checkpoint> find(String text) {
		Matcher matcher = LINE.matcher((text != null) ? text : "");
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Checkpoint(Long.parseLong(matcher.group(1)), matcher.group(2),
					Instant.parse(matcher.group(3)), matcher.group(4)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	boolean genuine(ChainKey key) {
		return key.checkpointTagMatches(signedPart(this.id, this.headHash, this.at), this.tag);
	}

	String line() {
		return PREFIX + " id=" + this.id + " head=" + this.headHash + " at=" + AuditHashes.formatTime(this.at) + " tag="
				+ this.tag;
	}

	private static String signedPart(long id, String headHash, Instant at) {
		return "v1|" + id + "|" + headHash + "|" + AuditHashes.formatTime(at);
	}

}
