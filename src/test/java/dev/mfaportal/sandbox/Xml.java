package dev.mfaportal.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A tiny XML writer for awsQuery answers: elements in order, text escaped, instants as ISO-8601 UTC.
 */
final class Xml {

	private final StringBuilder out = new StringBuilder();

	Xml open(String name) {
		this.out.append('<').append(name).append('>');
		return this;
	}

	Xml close(String name) {
		this.out.append("</").append(name).append('>');
		return this;
	}

	/** An element with text; left out entirely when the value is {@code null}, as AWS omits absent members. */
	Xml leaf(String name, Object value) {
		if (value == null) {
			return this;
		}
		String text = (value instanceof Instant instant) ? instant.truncatedTo(ChronoUnit.SECONDS).toString()
				: String.valueOf(value);
		return open(name).text(text).close(name);
	}

	Xml empty(String name) {
		this.out.append('<').append(name).append("/>");
		return this;
	}

	Xml raw(String xml) {
		this.out.append(xml);
		return this;
	}

	private Xml text(String text) {
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> this.out.append("&lt;");
				case '>' -> this.out.append("&gt;");
				case '&' -> this.out.append("&amp;");
				case '"' -> this.out.append("&quot;");
				case '\'' -> this.out.append("&apos;");
				default -> this.out.append(c);
			}
		}
		return this;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/** {@code <OpResponse><OpResult>..</OpResult><ResponseMetadata>..}: the result must come first for the SDK. */
	static String success(String namespace, String action, String result, String requestId) {
		Xml xml = new Xml().raw("<" + action + "Response xmlns=\"" + namespace + "\">");
		if (result != null) {
			xml.open(action + "Result").raw(result).close(action + "Result");
		}
		return xml.open("ResponseMetadata").leaf("RequestId", requestId).close("ResponseMetadata")
			.close(action + "Response")
			.toString();
	}

	static String error(String namespace, SandboxAwsError error, String requestId) {
		return new Xml().raw("<ErrorResponse xmlns=\"" + namespace + "\">")
			.open("Error")
			.leaf("Type", (error.status() >= 500) ? "Receiver" : "Sender")
			.leaf("Code", error.code())
			.leaf("Message", error.getMessage())
			.close("Error")
			.leaf("RequestId", requestId)
			.close("ErrorResponse")
			.toString();
	}

}
