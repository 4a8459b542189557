package dev.mfaportal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the real portal, as production runs them behind a load balancer: one
 * PostgreSQL, one AWS account (the sandbox), the same server keys, each on its own random port, and nginx in
 * front balancing round robin without sticky sessions. Nothing test-only is wired into the instances: they
 * are the application with settings, as a deployment would give them. The first runs in this JVM; so does the
 * second, or it runs in a JVM of its own ({@link PortalProcess}) when a test kills it.
 */
final class TwoPortals implements AutoCloseable {

	/** Short, so that the sweeper deletes an abandoned device within the test's time. */
	static final String TOKEN_LIFETIME = "20s";

	static final String SWEEP_INTERVAL = "2s";

	private final ConfigurableApplicationContext first;

	/** In this JVM, or (for {@link #killSecond()}) a {@link PortalProcess}. */
	private final Second second;

	private final Nginx nginx;

	private TwoPortals(ConfigurableApplicationContext first, Second second, Nginx nginx) {
		this.first = first;
		this.second = second;
		this.nginx = nginx;
	}

	/** Starts both instances one after the other, then nginx in front of them (its files in {@code directory}). */
	static TwoPortals start(Path directory) {
		return start(directory, (arguments) -> Second.of(instance(arguments)));
	}

	/**
	 * As {@link #start(Path)}, with the second instance in a JVM of its own, so that {@link #killSecond()} can
	 * kill it outright.
	 */
	static TwoPortals startWithSecondInItsOwnProcess(Path directory) {
		return start(directory, (arguments) -> Second.of(PortalProcess.start(directory, arguments)));
	}

	private static TwoPortals start(Path directory, Function<List<String>, Second> secondInstance) {
		List<String> arguments = arguments();
		ConfigurableApplicationContext first = instance(arguments);
		Second second = null;
		try {
			second = secondInstance.apply(arguments);
			return new TwoPortals(first, second, Nginx.start(directory, List.of(port(first), second.port())));
		}
		catch (RuntimeException ex) {
			first.close();
			if (second != null) {
				second.stop();
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
		return PortalClient.notFollowingRedirects(this.second.port());
	}

	/** The address nginx names an instance by in {@value Nginx#UPSTREAM_HEADER}. */
	String firstAddress() {
		return "127.0.0.1:" + port(this.first);
	}

	String secondAddress() {
		return "127.0.0.1:" + this.second.port();
	}

	/** Shuts the second instance down as an orchestrator would (graceful: in-flight requests finish). */
	void closeSecond() {
		this.second.stop();
	}

	/** Kills the second instance (SIGKILL): it must have been started in its own process. */
	void killSecond() {
		this.second.kill();
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
		this.second.stop();
		this.first.close();
	}

	/** The second instance, wherever it runs. */
	private record Second(ConfigurableApplicationContext context, PortalProcess process) {

		static Second of(ConfigurableApplicationContext context) {
			return new Second(context, null);
		}

		static Second of(PortalProcess process) {
			return new Second(null, process);
		}

		int port() {
			return (this.process != null) ? this.process.port() : TwoPortals.port(this.context);
		}

		/** A graceful shutdown: the context's close, or SIGTERM to the process. */
		void stop() {
			if (this.process != null) {
				this.process.close();
			}
			else {
				this.context.close();
			}
		}

		void kill() {
			if (this.process == null) {
				throw new IllegalStateException("The second instance runs in this JVM: it cannot be killed");
			}
			this.process.kill();
		}

	}

}
