package dev.mfaportal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.json.BasicJsonParser;
import org.springframework.boot.json.JsonParseException;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the module documentation docs/architecture.md is drawn from: the component diagram of all modules,
 * one diagram per module and one module canvas per module (its API, beans, events and properties), as
 * PlantUML and Asciidoc under {@code target/spring-modulith-docs}.
 */
class ModuleDocumentationTests {

	private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

	/** The javadoc spring-modulith-apt extracts at compile time, which the module canvases quote. */
	private static final Path JAVADOC = Path.of("target", "generated-spring-modulith", "javadoc.json");

	private static final ApplicationModules modules = ApplicationModules.of(MfaPortalApplication.class);

	@Test
	void documenterWhenRunThenWritesTheComponentDiagramAndACanvasPerModule() {
		new Documenter(modules).writeDocumentation();

		assertThat(OUTPUT.resolve("components.puml")).isNotEmptyFile();
		modules.forEach((module) -> {
			assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
			assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
		});
	}

	/**
	 * Spring Modulith 2.0.3 reads the extracted javadoc with Boot's {@code BasicJsonParser}, which is not a full
	 * JSON parser: some valid javadoc (an unbalanced brace, some backslash escapes) stops the whole Documenter
	 * with "Cannot parse JSON" (spring-projects/spring-modulith#1762, fixed in later releases). This names the
	 * comment to reword, which the Documenter's error does not.
	 */
	@Test
	void javadocWhenExtractedThenSpringModulithCanReadEveryComment() throws IOException {
		assertThat(JAVADOC).as("written by spring-modulith-apt during compile").exists();
		JsonMapper json = JsonMapper.builder().build();
		List<String> unreadable = new ArrayList<>();
		for (JsonNode type : json.readTree(JAVADOC.toFile())) {
			// A comment can break the parse of what follows it, so each type is read with a neighbour.
			String pair = "[" + json.writeValueAsString(type) + ",{\"name\":\"next\"}]";
			try {
				new BasicJsonParser().parseList(pair);
			}
			catch (JsonParseException ex) {
				unreadable.add(type.get("name").asString());
			}
		}
		assertThat(unreadable).as("javadoc Spring Modulith's parser cannot read; reword it").isEmpty();
	}

}
