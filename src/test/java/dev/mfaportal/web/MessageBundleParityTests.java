package dev.mfaportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message exists in English and Japanese, with the same placeholders: a key added to one bundle only
 * would show Japanese readers English (or English readers the fallback), and a lost {0} drops a value.
 */
class MessageBundleParityTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	@Test
	void everyEnglishKeyHasAJapaneseTextAndViceVersa() throws IOException {
		Properties english = load("messages.properties");
		Properties japanese = load("messages_ja.properties");
		assertThat(difference(english, japanese)).as("keys in messages.properties missing from messages_ja.properties")
			.isEmpty();
		assertThat(difference(japanese, english)).as("keys in messages_ja.properties missing from messages.properties")
			.isEmpty();
	}

	@Test
	void eachJapaneseTextUsesTheSamePlaceholdersAsTheEnglishOne() throws IOException {
		Properties english = load("messages.properties");
		Properties japanese = load("messages_ja.properties");
		for (String key : english.stringPropertyNames()) {
			if (japanese.containsKey(key)) {
				assertThat(placeholders(japanese.getProperty(key))).as(key)
					.isEqualTo(placeholders(english.getProperty(key)));
			}
		}
	}

	@Test
	void japaneseTextsAreNotLeftInEnglish() throws IOException {
		Properties english = load("messages.properties");
		Properties japanese = load("messages_ja.properties");
		Set<String> untranslated = new TreeSet<>();
		for (String key : japanese.stringPropertyNames()) {
			String text = japanese.getProperty(key);
			// Sentences need Japanese; names, commands and symbols (English, fish, "#") are the same in both.
			if (text.equals(english.getProperty(key)) && text.matches(".*[a-z]{3,} [a-z]{3,} [a-z]{3,}.*")
					&& !key.endsWith(".usage")) {
				untranslated.add(key);
			}
		}
		assertThat(untranslated).isEmpty();
	}

	private static Set<String> difference(Properties from, Properties other) {
		Set<String> keys = new TreeSet<>(from.stringPropertyNames());
		keys.removeAll(other.stringPropertyNames());
		return keys;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleParityTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
