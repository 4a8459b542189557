package dev.mfaportal.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code portal.identity.oidc.iam-user}: literal text and <code>{claim}</code> placeholders, each optionally
 * transformed with {@code :local-part} (what comes before the last {@code @}) and {@code :lower}. Parsed once,
 * at start-up, so a mistyped rule stops the portal instead of refusing every sign-in.
 */
final class IamUserRule {

	private static final Map<String, Function<String, String>> TRANSFORMS = Map.of("local-part",
			(value) -> (value.lastIndexOf('@') >= 0) ? value.substring(0, value.lastIndexOf('@')) : value, "lower",
			(value) -> value.toLowerCase(Locale.ROOT));

	private final String text;

	private final List<Part> parts;

	private IamUserRule(String text, List<Part> parts) {
		this.text = text;
		this.parts = parts;
	}

	static IamUserRule parse(String text) {
		List<Part> parts = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf('{', at);
			if (open < 0) {
				parts.add(new Part(text.substring(at), null, List.of()));
				break;
			}
			int close = text.indexOf('}', open);
			if (close < 0) {
				throw invalid(text, "a '{' without its '}'");
			}
			if (open > at) {
				parts.add(new Part(text.substring(at, open), null, List.of()));
			}
			parts.add(placeholder(text, text.substring(open + 1, close)));
			at = close + 1;
		}
		if (parts.stream().noneMatch((part) -> part.claim() != null)) {
			throw invalid(text, "no {claim} in it, so every sign-in would map to the same IAM user");
		}
		return new IamUserRule(text, List.copyOf(parts));
	}

	private static Part placeholder(String text, String inside) {
		String[] pieces = inside.split(":", -1);
		if (pieces[0].isBlank()) {
			throw invalid(text, "an empty {}");
		}
		List<Function<String, String>> transforms = new ArrayList<>();
		for (int i = 1; i < pieces.length; i++) {
			Function<String, String> transform = TRANSFORMS.get(pieces[i]);
			if (transform == null) {
				throw invalid(text, "unknown transform ':" + pieces[i] + "' (known: :local-part, :lower)");
			}
			transforms.add(transform);
		}
		return new Part(null, pieces[0], transforms);
	}

	private static IllegalArgumentException invalid(String text, String why) {
		return new IllegalArgumentException("portal.identity.oidc.iam-user '" + text + "' has " + why);
	}

	/** The claims this rule reads, for the refusal that names the one a sign-in lacked. */
	List<String> claims() {
		return this.parts.stream().map(Part::claim).filter((claim) -> claim != null).toList();
	}

	/** The IAM user name for these claims, or empty when one of the claims is missing, blank or not text. */
	Optional<String> apply(Map<String, Object> claims) {
		StringBuilder name = new StringBuilder();
		for (Part part : this.parts) {
			if (part.claim() == null) {
				name.append(part.literal());
				continue;
			}
			if (!(claims.get(part.claim()) instanceof String value) || value.isBlank()) {
				return Optional.empty();
			}
			for (Function<String, String> transform : part.transforms()) {
				value = transform.apply(value);
			}
			name.append(value);
		}
		return Optional.of(name.toString());
	}

	@Override
	public String toString() {
		return this.text;
	}

	private record Part(String literal, String claim, List<Function<String, String>> transforms) {
	}

}
