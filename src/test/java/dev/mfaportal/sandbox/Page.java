package dev.mfaportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One page of a List* answer: {@code MaxItems} items from the opaque {@code Marker} on, then
 * {@code IsTruncated} (always) and {@code Marker} (only when truncated).
 */
final class Page {

	private Page() {
	}

	static <T> String write(FormParams params, String listElement, List<T> all, BiConsumer<Xml, T> member) {
		int from = start(params.get("Marker"), all.size());
		int to = Math.min(all.size(), from + params.maxItems());
		Xml xml = new Xml();
		if (from >= to) {
			xml.empty(listElement);
		}
		else {
			xml.open(listElement);
			for (T item : all.subList(from, to)) {
				member.accept(xml, item);
			}
			xml.close(listElement);
		}
		boolean truncated = to < all.size();
		xml.leaf("IsTruncated", truncated);
		if (truncated) {
			xml.leaf("Marker", Base64.getEncoder().encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)));
		}
		return xml.toString();
	}

	private static int start(String marker, int size) {
		if (marker == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
			int offset = Integer.parseInt(text.substring("offset:".length()));
			if (!text.startsWith("offset:") || offset < 0 || offset > size) {
				throw new IllegalArgumentException(text);
			}
			return offset;
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw SandboxAwsError.invalidInput("Invalid Marker.");
		}
	}

}
