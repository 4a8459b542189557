package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the docs point at exists. They name the tests that prove a promise ({@code docs/security.md}) and the
 * code they describe as {@code `Class.method`}, and link each other and files of the repository; moving or
 * renaming any of them must also fix the page that cites it.
 */
class DocumentationLinksTests {

	private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9_]*)`");

	/** A relative Markdown link: {@code [text](path)} or {@code [text](path#anchor)}. */
	private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:|mailto:)([^)#\\s]*)(?:#([^)\\s]+))?\\)");

	/** A Markdown heading, whose GitHub anchor other pages may link. */
	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

	/** The placeholder in docs/security.md's introduction, naming no class. */
	private static final String PLACEHOLDER = "Class.method";

	@Test
	void docsWhenTheyNameClassAndMethodThenBothExist() throws IOException {
		Map<String, List<Path>> sources = javaSources();
		List<String> missing = new ArrayList<>();
		for (Path page : pages()) {
			Matcher reference = REFERENCE.matcher(Files.readString(page));
			while (reference.find()) {
				String type = reference.group(1);
				String method = reference.group(2);
				if (!(type + "." + method).equals(PLACEHOLDER)
						&& !declares(sources.getOrDefault(type, List.of()), method)) {
					missing.add(page.getFileName() + ": " + type + "." + method);
				}
			}
		}
		assertThat(new TreeSet<>(missing)).as("class.method names in docs with no such method in src").isEmpty();
	}

	@Test
	void docsWhenTheyLinkAFileOrHeadingThenItExists() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			Matcher link = LINK.matcher(Files.readString(page));
			while (link.find()) {
				Path target = link.group(1).isEmpty() ? page : page.resolveSibling(link.group(1)).normalize();
				String anchor = link.group(2);
				if (!Files.exists(target)) {
					broken.add(page + ": " + link.group(1));
				}
				else if (anchor != null && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) {
					broken.add(page + ": " + link.group(1) + "#" + anchor);
				}
			}
		}
		assertThat(broken).as("links in docs to files or headings that do not exist").isEmpty();
	}

	/** GitHub's anchors: the heading in lower case, without punctuation, spaces made hyphens. */
	private static List<String> anchors(Path page) {
		Matcher heading = HEADING.matcher(read(page));
		List<String> anchors = new ArrayList<>();
		while (heading.find()) {
			String title = heading.group(1).strip().toLowerCase(Locale.ROOT);
			anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
		}
		return anchors;
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			return Stream.concat(docs.filter((path) -> path.toString().endsWith(".md")), Stream.of(Path.of("README.md")))
				.sorted()
				.toList();
		}
	}

	private static Map<String, List<Path>> javaSources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src"))) {
			return files.filter((path) -> path.toString().endsWith(".java"))
				.collect(Collectors.groupingBy((path) -> path.getFileName().toString().replaceFirst("\\.java$", "")));
		}
	}

	private static boolean declares(List<Path> files, String method) {
		Pattern declaration = Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(");
		return files.stream().anyMatch((file) -> declaration.matcher(read(file)).find());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
