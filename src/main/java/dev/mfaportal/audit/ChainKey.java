package dev.mfaportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.mfaportal.kernel.ServerKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit chain's key ({@code portal.audit.chain-key}, S36), loaded like every server key: the database never
 * sees it, so its owner can rewrite rows but cannot recompute their hashes. One key is derived for the row hashes
 * and another for the checkpoints, so a checkpoint's tag can never pass for a row's hash.
 */
@Component
class ChainKey {

	static final String PROPERTY = "portal.audit.chain-key";

	private final SecretKey rows;

	private final SecretKey checkpoints;

	@Autowired
	ChainKey(AuditProperties properties) {
		this(ServerKeys.load(PROPERTY, properties.chainKey()));
	}

	/** @param serverKey {@value ServerKeys#LENGTH} bytes, as {@link ServerKeys#load} gives them */
	ChainKey(byte[] serverKey) {
		SecretKey master = new SecretKeySpec(serverKey, "HmacSHA256");
		this.rows = new SecretKeySpec(mac(master, "mfa-portal audit chain rows"), "HmacSHA256");
		this.checkpoints = new SecretKeySpec(mac(master, "mfa-portal audit chain checkpoints"), "HmacSHA256");
	}

	/** The row hash of a row of {@code hashVersion} {@link AuditHashes#KEYED}. */
	String rowHash(String prevHash, AuditRow row) {
		return HexFormat.of().formatHex(mac(this.rows, prevHash + AuditHashes.canonicalForm(row, AuditHashes.KEYED)));
	}

	/** Whichever way the row says its hash was computed. */
	String expectedHash(String prevHash, AuditRow row) {
		return (row.hashVersion() == AuditHashes.KEYED) ? rowHash(prevHash, row) : AuditHashes.rowHash(prevHash, row);
	}

	String checkpointTag(String signed) {
		return HexFormat.of().formatHex(mac(this.checkpoints, signed));
	}

	boolean checkpointTagMatches(String signed, String tag) {
		return MessageDigest.isEqual(checkpointTag(signed).getBytes(StandardCharsets.US_ASCII),
				tag.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(SecretKey key, String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
