package dev.mfaportal.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Deployment files read as plain YAML trees (maps, lists, scalars), and a small path syntax to walk them:
 * {@code at(deployment, "spec.template.spec.containers[0].ports")}.
 */
final class YamlFiles {

	private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

	private YamlFiles() {
	}

	/** Every document in the file, as maps. */
	static List<Map<String, Object>> documents(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				if (document != null) {
					documents.add(map(document, file.toString()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	static Map<String, Object> document(Path file) {
		List<Map<String, Object>> documents = documents(file);
		if (documents.size() != 1) {
			throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
		}
		return documents.get(0);
	}

	/** The node at a dotted path ({@code a.b[2].c}); {@code null} where any step is missing. */
	static Object at(Object node, String path) {
		Object current = node;
		for (String step : path.split("\\.")) {
			String key = INDEX.matcher(step).replaceAll("");
			if (!key.isEmpty()) {
				current = (current instanceof Map<?, ?> map) ? map.get(key) : null;
			}
			Matcher index = INDEX.matcher(step);
			while (index.find()) {
				int i = Integer.parseInt(index.group(1));
				current = (current instanceof List<?> list && i < list.size()) ? list.get(i) : null;
			}
			if (current == null) {
				return null;
			}
		}
		return current;
	}

	static Map<String, Object> mapAt(Object node, String path) {
		Object value = at(node, path);
		return (value != null) ? map(value, path) : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> listAt(Object node, String path) {
		Object value = at(node, path);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?>)) {
			throw new IllegalStateException(path + " is not a list: " + value);
		}
		return (List<Object>) value;
	}

	static List<Map<String, Object>> mapsAt(Object node, String path) {
		return listAt(node, path).stream().map((item) -> map(item, path)).toList();
	}

	static String stringAt(Object node, String path) {
		Object value = at(node, path);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node, String where) {
		if (!(node instanceof Map<?, ?>)) {
			throw new IllegalStateException(where + " is not a mapping: " + node);
		}
		return (Map<String, Object>) node;
	}

}
