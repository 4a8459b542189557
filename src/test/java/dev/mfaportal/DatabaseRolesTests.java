package dev.mfaportal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.database.MigrateOnly;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S37 on a real PostgreSQL with the roles of docs/deployment.md: the migration run is the only one with the
 * owner's credentials and starts no web server; the portal, as the application role, refuses to start while the
 * schema is behind, cannot rewrite the audit log, and is not ready while a grant it needs is missing. This test
 * starts the portal itself (one SpringApplication of its own, closed at the end), outside the shared contexts.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRolesTests {

	private static final Path DEPLOYMENT = Path.of("docs", "deployment.md");

	private static final Path GRANTS = Path.of("docker", "postgres", "grants.sql");

	private static final String MISSING_LOG = "The database role lacks grants the portal needs";

	private final TestPostgres server = TestPostgres.shared();

	private final String suffix = "_" + Long.toString(System.nanoTime(), 36);

	private final String owner = "mfaportal_owner" + this.suffix;

	private final String app = "mfaportal_app" + this.suffix;

	private final String database = "mfaportal" + this.suffix;

	@Test
	void portalWhenItServesThenAsTheAppRoleWhichCannotRewriteTheAuditLogAndReadinessNamesMissingGrants(
			CapturedOutput output) throws Exception {
		List<String> sql = sqlBlocks();
		run(this.server.url("postgres"), this.server.username(), statements(sql.get(0)));

		assertThatThrownBy(() -> portal().close()).as("the schema is behind: Flyway has not run")
			.hasStackTraceContaining("pending migration")
			.hasStackTraceContaining("--portal.migrate-only=true");

		try (ServerSocket taken = new ServerSocket(0)) {
			// A web server on the portal's port would fail to start: the run must not start one.
			assertThat(MigrateOnly.run(new String[] { "--portal.migrate-only=true", "--server.port=" + taken.getLocalPort(),
					"--spring.datasource.url=" + url(), "--spring.datasource.username=" + this.owner,
					"--spring.datasource.password=owner-password" })).isZero();
		}
		assertThat(Files.readString(GRANTS)).as("compose's grants are the documented ones").endsWith(sql.get(1));
		run(url(), this.owner, statements(sql.get(1)));

		try (ConfigurableApplicationContext portal = portal()) {
			PortalClient client = PortalClient.notFollowingRedirects(
					Integer.parseInt(portal.getEnvironment().getProperty("local.server.port")));
			assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(appRoleMay("UPDATE")).isFalse();
			assertThat(appRoleMay("DELETE")).isFalse();
			assertThat(appRoleMay("TRUNCATE")).isFalse();
			assertThatThrownBy(() -> run(url(), this.app, List.of("UPDATE audit_event SET action = 'rewritten'")))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");

			run(url(), this.owner, List.of("REVOKE INSERT ON audit_event FROM " + this.app));
			Page notReady = client.get("/actuator/health/readiness");
			assertThat(notReady.status()).isEqualTo(503);
			assertThat(notReady.body()).contains("INSERT ON audit_event");
			assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(output.getAll().split(MISSING_LOG, -1)).as("logged once, not per probe").hasSize(2);

			run(url(), this.owner, List.of("GRANT INSERT ON audit_event TO " + this.app));
			assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	/** The portal as deployed, as the application role, without migrating itself (as production). */
	private ConfigurableApplicationContext portal() {
		List<String> arguments = new ArrayList<>(
				TwoPortals.arguments().stream().filter((argument) -> !argument.startsWith("--spring.datasource.")).toList());
		arguments.add("--spring.datasource.url=" + url());
		arguments.add("--spring.datasource.username=" + this.app);
		arguments.add("--spring.datasource.password=app-password");
		arguments.add("--portal.database.migrate-on-start=false");
		// Health details are off by default; where actuator has a port of its own an operator may show them.
		arguments.add("--management.endpoint.health.group.readiness.show-details=always");
		return new SpringApplicationBuilder(MfaPortalApplication.class).run(arguments.toArray(String[]::new));
	}

	private boolean appRoleMay(String privilege) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(), this.server.username(), this.server.password());
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT has_table_privilege('" + this.app + "', 'audit_event', '"
						+ privilege + "')")) {
			result.next();
			return result.getBoolean(1);
		}
	}

	private String url() {
		return this.server.url(this.database);
	}

	/** The two SQL blocks of "Database roles" in docs/deployment.md: the roles, then the grants. */
	private static List<String> sqlBlocks() throws IOException {
		String text = Files.readString(DEPLOYMENT);
		String section = text.substring(text.indexOf("## Database roles"), text.indexOf("## Behind TLS"));
		Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
		List<String> blocks = new ArrayList<>();
		while (block.find()) {
			blocks.add(block.group(1));
		}
		assertThat(blocks).hasSize(2);
		return blocks;
	}

	/** The statements of a block, comments dropped, for this test's own role and database names. */
	private List<String> statements(String block) {
		String named = block.replaceAll("(?m)^--.*$", "")
			.replace("mfaportal_owner", this.owner)
			.replace("mfaportal_app", this.app)
			.replace("DATABASE mfaportal ", "DATABASE " + this.database + " ");
		return List.of(named.split(";")).stream().map(String::strip).filter((statement) -> !statement.isEmpty()).toList();
	}

	private void run(String url, String user, List<String> statements) throws SQLException {
		String password = user.equals(this.owner) ? "owner-password"
				: user.equals(this.app) ? "app-password" : this.server.password();
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
