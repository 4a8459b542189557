package dev.mfaportal.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
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
	void databaseWhenConnectingThenOnlyTheMigrationRunIsTheOwnerAndThePortalIsTheApplicationRole() throws IOException {
		Map<String, Object> postgres = mapAt(this.compose, "services.postgres");
		Map<String, Object> migrate = mapAt(this.compose, "services.migrate");
		Map<String, Object> migrating = mapAt(migrate, "environment");
		String roles = Files.readString(COMPOSE.resolveSibling("postgres/roles.sh"));
		for (Map<String, Object> variables : List.of(this.environment, migrating)) {
			URI url = URI.create(stringAt(variables, "SPRING_DATASOURCE_URL").substring("jdbc:".length()));
			assertThat(mapAt(this.compose, "services")).containsKey(url.getHost());
			assertThat(roles).contains("CREATE DATABASE " + url.getPath().substring(1) + " OWNER mfaportal_owner;");
		}
		migrating.keySet().forEach((variable) -> assertThat(ApplicationSettings.propertyOf(variable)).as(variable).isPresent());
		assertThat(listAt(migrate, "command")).containsExactly("--portal.migrate-only=true");
		assertThat(stringAt(migrating, "SPRING_DATASOURCE_USERNAME")).isEqualTo("mfaportal_owner");
		assertThat(stringAt(migrating, "SPRING_DATASOURCE_PASSWORD"))
			.isEqualTo(stringAt(postgres, "environment.MFAPORTAL_OWNER_PASSWORD"));
		assertThat(stringAt(this.environment, "SPRING_DATASOURCE_USERNAME")).isEqualTo("mfaportal_app");
		assertThat(stringAt(this.environment, "SPRING_DATASOURCE_PASSWORD"))
			.isEqualTo(stringAt(postgres, "environment.MFAPORTAL_APP_PASSWORD"));
		assertThat(this.environment).doesNotContainKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
		assertThat(roles).contains("CREATE ROLE mfaportal_owner LOGIN", "CREATE ROLE mfaportal_app LOGIN");
		assertThat(listAt(postgres, "volumes")).extracting(Object::toString)
			.anyMatch((volume) -> volume.startsWith("./postgres/roles.sh:/docker-entrypoint-initdb.d/"));
	}

	@Test
	void startWhenComposedThenMigrationThenGrantsThenThePortal() {
		assertThat(stringAt(this.compose, "services.migrate.depends_on.postgres.condition")).isEqualTo("service_healthy");
		assertThat(stringAt(this.compose, "services.grants.depends_on.migrate.condition"))
			.isEqualTo("service_completed_successfully");
		assertThat(stringAt(this.portal, "depends_on.grants.condition")).isEqualTo("service_completed_successfully");
		assertThat(stringAt(this.compose, "services.grants.environment.PGUSER")).isEqualTo("mfaportal_owner");
		assertThat(listAt(mapAt(this.compose, "services.grants"), "volumes")).extracting(Object::toString)
			.anyMatch((volume) -> volume.startsWith("./postgres/grants.sql:"));
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
