package dev.mfaportal.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;

/**
 * Checks a request's AWS Signature Version 4 the way AWS does: it recomputes the signature from the
 * request and the secret it knows for the access key, and compares.
 */
final class SigV4Verifier {

	private static final Pattern AUTHORIZATION = Pattern.compile(
			"AWS4-HMAC-SHA256\\s+Credential=([^/]+)/([^,]+),\\s*SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]+)");

	private final AccessKeys keys;

	SigV4Verifier(AccessKeys keys) {
		this.keys = keys;
	}

	/** The access key id as claimed by the request, unverified; {@code null} without a SigV4 header. */
	static String claimedKeyId(Headers headers) {
		String authorization = headers.getFirst("Authorization");
		if (authorization == null) {
			return null;
		}
		Matcher matcher = AUTHORIZATION.matcher(authorization);
		return matcher.find() ? matcher.group(1) : null;
	}

	AccessKeys.Key verify(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
		String authorization = headers.getFirst("Authorization");
		if (authorization == null) {
			throw SandboxAwsError.missingAuthenticationToken();
		}
		Matcher matcher = AUTHORIZATION.matcher(authorization);
		if (!matcher.find()) {
			throw SandboxAwsError.invalidClientTokenId();
		}
		// A deleted key is unknown. A new key is refused until it has propagated (aws-sdk-js#559, botocore#3600:
		// InvalidClientTokenId for some seconds). An inactive key answering the same is UNCONFIRMED.
		AccessKeys.Key key = this.keys.find(matcher.group(1)).orElseThrow(SandboxAwsError::invalidClientTokenId);
		if (!key.active() || Instant.now().isBefore(key.usableFrom())) {
			throw SandboxAwsError.invalidClientTokenId();
		}
		if (key.session() && !key.sessionToken().equals(headers.getFirst("X-Amz-Security-Token"))) {
			throw SandboxAwsError.invalidClientTokenId();
		}
		String scope = matcher.group(2);
		List<String> signedHeaders = List.of(matcher.group(3).split(";"));
		String amzDate = headers.getFirst("X-Amz-Date");
		if (amzDate == null || !signedHeaders.contains("host")) {
			throw SandboxAwsError.signatureDoesNotMatch();
		}
		String canonicalRequest = String.join("\n", method, canonicalPath(rawPath), canonicalQuery(rawQuery),
				canonicalHeaders(headers, signedHeaders), String.join(";", signedHeaders), payloadHash(headers, body));
		String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope, hex(sha256(canonicalRequest)));
		String[] scopeParts = scope.split("/");
		if (scopeParts.length != 4) {
			throw SandboxAwsError.signatureDoesNotMatch();
		}
		byte[] signingKey = hmac(("AWS4" + key.secret()).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
		for (int i = 1; i < 4; i++) {
			signingKey = hmac(signingKey, scopeParts[i]);
		}
		byte[] expected = hmac(signingKey, stringToSign);
		byte[] given = HexFormat.of().parseHex(matcher.group(4));
		if (!MessageDigest.isEqual(expected, given)) {
			throw SandboxAwsError.signatureDoesNotMatch();
		}
		return key;
	}

	private static String canonicalPath(String rawPath) {
		return (rawPath == null || rawPath.isEmpty()) ? "/" : rawPath;
	}

	private static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		TreeMap<String, List<String>> sorted = new TreeMap<>();
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = Rfc3986.encode(decode((equals < 0) ? pair : pair.substring(0, equals)));
			String value = Rfc3986.encode(decode((equals < 0) ? "" : pair.substring(equals + 1)));
			sorted.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return sorted.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().sorted().map((value) -> entry.getKey() + "=" + value))
			.collect(Collectors.joining("&"));
	}

	private static String canonicalHeaders(Headers headers, List<String> signedHeaders) {
		StringBuilder out = new StringBuilder();
		for (String name : signedHeaders) {
			List<String> values = headers.get(name);
			String joined = (values != null) ? values.stream()
				.map((value) -> value.trim().replaceAll(" +", " "))
				.collect(Collectors.joining(",")) : "";
			out.append(name.toLowerCase(Locale.ROOT)).append(':').append(joined).append('\n');
		}
		return out.toString();
	}

	private static String payloadHash(Headers headers, byte[] body) {
		String declared = headers.getFirst("X-Amz-Content-Sha256");
		return (declared != null) ? declared : hex(sha256(body));
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] data) {
		return HexFormat.of().formatHex(data);
	}

}
