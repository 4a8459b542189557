package dev.mfaportal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the real portal in this JVM, as production runs them behind a load balancer: one
 * PostgreSQL, one AWS account (the sandbox), the same server keys, each on its own random port, and nginx in
 * front balancing round robin without sticky sessions. Nothing test-only is wired into the instances: they
 * are the application with settings, as a deployment would give them.
 */
final class TwoPortals implements AutoCloseable {

	/** Short, so that the sweeper deletes an abandoned device within the test's time. */
	static final String TOKEN_LIFETIME = "20s";

	static final String SWEEP_INTERVAL = "2s";

	private final ConfigurableApplicationContext first;

	private final ConfigurableApplicationContext second;

	private final Nginx nginx;

	private TwoPortals(ConfigurableApplicationContext first, ConfigurableApplicationContext second, Nginx nginx) {
		this.first = first;
		this.second = second;
		this.nginx = nginx;
	}

	/** Starts both instances one after the other, then nginx in front of them (its files in {@code directory}). */
	static TwoPortals start(Path directory) {
		List<String> arguments = arguments();
		ConfigurableApplicationContext first = instance(arguments);
		ConfigurableApplicationContext second = null;
		try {
			second = instance(arguments);
			return new TwoPortals(first, second, Nginx.start(directory, List.of(port(first), port(second))));
		}
		catch (RuntimeException ex) {
			first.close();
			if (second != null) {
				second.close();
			}
			throw ex;
		}
	}

	/** Command-line arguments, which take precedence over application.yml (whose keys are empty). */
	static List<String> arguments() {
		Map<String, Object> settings = new LinkedHashMap<>(SandboxAwsConfiguration.properties());
		settings.put("server.port", 0);
		// Both instances on one fresh database of the test JVM's one server, as two pods share one PostgreSQL.
		TestPostgres server = TestPostgres.shared();
		settings.put("spring.datasource.url", server.url(server.createDatabase()));
		settings.put("spring.datasource.username", server.username());
		settings.put("spring.datasource.password", server.password());
		settings.put("spring.datasource.hikari.minimum-idle", 1);
		settings.put("portal.enrollment.sealing-key", randomKey());
		settings.put("portal.credentials.sealing-key", randomKey());
		settings.put("portal.guard.code-key", randomKey());
		settings.put("portal.audit.chain-key", randomKey());
		settings.put("portal.enrollment.token-lifetime", TOKEN_LIFETIME);
		settings.put("portal.enrollment.sweep-interval", SWEEP_INTERVAL);
		// As behind any TLS-terminating proxy (docs/deployment.md): nginx sets X-Forwarded-For.
		settings.put("server.forward-headers-strategy", "native");
		List<String> arguments = new ArrayList<>();
		settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments;
	}

	private static ConfigurableApplicationContext instance(List<String> arguments) {
		return new SpringApplicationBuilder(MfaPortalApplication.class).main(MfaPortalApplication.class)
			.run(arguments.toArray(String[]::new));
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	/** A client of the portal through nginx, not following redirects. */
	PortalClient client() {
		return PortalClient.notFollowingRedirects(this.nginx.port());
	}

	PortalClient signedIn(String user) {
		return client().signIn(user, user);
	}

	/** A client of the second instance itself, bypassing nginx: a request the proxy has already handed over. */
	PortalClient clientOfSecond() {
		return PortalClient.notFollowingRedirects(port(this.second));
	}

	/** The address nginx names an instance by in {@value Nginx#UPSTREAM_HEADER}. */
	String firstAddress() {
		return "127.0.0.1:" + port(this.first);
	}

	String secondAddress() {
		return "127.0.0.1:" + port(this.second);
	}

	/** Shuts the second instance down as an orchestrator would (graceful: in-flight requests finish). */
	void closeSecond() {
		this.second.close();
	}

	/** The database both instances share, through the first instance's pool. */
	JdbcClient jdbc() {
		return this.first.getBean(JdbcClient.class);
	}

	SandboxAccount sandbox() {
		return SandboxAwsConfiguration.sandbox();
	}

	Nginx nginx() {
		return this.nginx;
	}

	@Override
	public void close() {
		this.nginx.close();
		this.second.close();
		this.first.close();
	}

}
