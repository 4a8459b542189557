package dev.mfaportal.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

import static dev.mfaportal.deploy.YamlFiles.listAt;
import static dev.mfaportal.deploy.YamlFiles.mapAt;
import static dev.mfaportal.deploy.YamlFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml runs the image the Dockerfile builds the way the application expects: every variable
 * it passes is a setting the portal (or the AWS SDK) reads, the database it points at is the one the
 * PostgreSQL service creates, the server keys must be given, and the image's health check asks the
 * liveness group where actuator listens.
 */
class ComposeFileTests {

	private static final Path COMPOSE = Path.of("docker/compose.yaml");

	private final Map<String, Object> compose = YamlFiles.document(COMPOSE);

	private final Map<String, Object> portal = mapAt(this.compose, "services.portal");

	private final Map<String, Object> environment = mapAt(this.portal, "environment");

	@Test
	void environmentWhenPassedThenEveryVariableIsASettingThePortalOrTheAwsSdkReads() {
		assertThat(this.environment).isNotEmpty();
		for (String variable : this.environment.keySet()) {
			boolean known = ApplicationSettings.propertyOf(variable).isPresent()
					|| ApplicationSettings.AWS_SDK_VARIABLES.contains(variable);
			assertThat(known).as(variable + " sets nothing the portal reads").isTrue();
		}
	}

	@Test
	void serverKeysWhenMissingThenComposeRefusesToStart() {
		for (String key : List.of("PORTAL_ENROLLMENT_SEALING_KEY", "PORTAL_CREDENTIALS_SEALING_KEY",
				"PORTAL_GUARD_CODE_KEY", "PORTAL_AUDIT_CHAIN_KEY")) {
			assertThat(stringAt(this.environment, key)).as(key).startsWith("${" + key + ":?");
		}
	}

	@Test
	void databaseWhenConnectingThenThePortalUsesTheDatabaseAndUserThePostgresServiceCreates() {
		Map<String, Object> postgres = mapAt(this.compose, "services.postgres");
		URI url = URI.create(stringAt(this.environment, "SPRING_DATASOURCE_URL").substring("jdbc:".length()));
		assertThat(mapAt(this.compose, "services")).containsKey(url.getHost());
		assertThat(url.getPath()).isEqualTo("/" + stringAt(postgres, "environment.POSTGRES_DB"));
		assertThat(stringAt(this.environment, "SPRING_DATASOURCE_USERNAME"))
			.isEqualTo(stringAt(postgres, "environment.POSTGRES_USER"));
		assertThat(stringAt(this.environment, "SPRING_DATASOURCE_PASSWORD"))
			.isEqualTo(stringAt(postgres, "environment.POSTGRES_PASSWORD"));
		assertThat(stringAt(this.portal, "depends_on.postgres.condition")).isEqualTo("service_healthy");
	}

	@Test
	void portsWhenPublishedThenTheContainerSideIsThePortalsPortAndTheHealthCheckAsksLiveness() {
		Binder settings = ApplicationSettings.binder(literalValues());
		int serverPort = settings.bind("server.port", Integer.class).orElse(8080);
		int actuatorPort = settings.bind("management.server.port", Integer.class).orElse(serverPort);
		String base = settings.bind("management.endpoints.web.base-path", String.class).orElse("/actuator");
		assertThat(listAt(this.portal, "ports")).extracting((port) -> port.toString().replaceAll(".*:", ""))
			.contains(String.valueOf(serverPort));
		ContainerImage image = ContainerImage.read();
		assertThat(image.exposedPorts()).contains(serverPort);
		assertThat(image.healthCheck().getPort()).isEqualTo(actuatorPort);
		assertThat(image.healthCheck().getPath()).isEqualTo(base + "/health/liveness");
	}

	@Test
	void configWhenMountedThenItIsWhereThePortalLooksForIt() {
		String location = stringAt(this.environment, "SPRING_CONFIG_ADDITIONAL_LOCATION");
		String directory = location.replaceFirst("^optional:", "").replaceFirst("^file:", "");
		assertThat(listAt(this.portal, "volumes")).extracting(Object::toString)
			.anyMatch((volume) -> volume.matches("\\./config:" + directory.replaceAll("/$", "") + "/?(:ro)?"));
		assertThat(YamlFiles.document(COMPOSE.resolveSibling("config/application.yml")))
			.satisfies((config) -> assertThat(listAt(config, "portal.identity.accounts")).isNotEmpty());
	}

	/** The environment with compose's own substitutions (${...}) left out: only what is written literally. */
	private Map<String, String> literalValues() {
		Map<String, String> values = new LinkedHashMap<>();
		this.environment.forEach((name, value) -> {
			if (value != null && !value.toString().contains("${")) {
				values.put(name, value.toString());
			}
		});
		return values;
	}

}
