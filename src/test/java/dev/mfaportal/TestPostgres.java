package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL 17 server for tests, reached by host, port and a superuser whichever way it runs: a Testcontainers
 * container where a Docker engine answers, a zonky embedded server otherwise. Both get the same settings, and
 * both are used only through {@link #createDatabase()} and {@link #url(String)}, so a test cannot tell them apart.
 */
final class TestPostgres {

	static final String IMAGE = "postgres:17-alpine";

	/** zonky's defaults plus Testcontainers' {@code fsync=off}, for both: many pools, UTC, speed over durability. */
	static final Map<String, String> SETTINGS = Map.of("max_connections", "300", "timezone", "UTC",
			"synchronous_commit", "off", "fsync", "off");

	private static final AtomicInteger databases = new AtomicInteger();

	private static TestPostgres shared;

	private final Kind kind;

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private TestPostgres(Kind kind, String host, int port, String username, String password) {
		this.kind = kind;
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	/** The server of this test JVM, started on first use (~5 s) and stopped when the JVM ends. */
	static synchronized TestPostgres shared() {
		if (shared == null) {
			shared = start(Kind.of(DockerClientFactory.instance().isDockerAvailable()));
		}
		return shared;
	}

	static TestPostgres start(Kind kind) {
		return switch (kind) {
			case CONTAINER -> container();
			case EMBEDDED -> embedded();
		};
	}

	/** Stopped by Testcontainers' reaper when the JVM ends. */
	private static TestPostgres container() {
		List<String> command = new ArrayList<>(List.of("postgres"));
		SETTINGS.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand(command.toArray(String[]::new));
		container.start();
		return new TestPostgres(Kind.CONTAINER, container.getHost(), container.getMappedPort(5432),
				container.getUsername(), container.getPassword());
	}

	/** Stopped by zonky's shutdown hook. Local connections are trusted; the password is not checked. */
	private static TestPostgres embedded() {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(true);
		SETTINGS.forEach(builder::setServerConfig);
		try {
			EmbeddedPostgres server = builder.start();
			return new TestPostgres(Kind.EMBEDDED, "localhost", server.getPort(), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	Kind kind() {
		return this.kind;
	}

	String url(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	/** A new, empty database on this server; its name is unique in this JVM. */
	String createDatabase() {
		String name = "portal_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(url("postgres"), this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return name;
	}

	/** Where the server runs; only whether a Docker engine answers decides. */
	enum Kind {

		CONTAINER, EMBEDDED;

		static Kind of(boolean dockerAvailable) {
			return dockerAvailable ? CONTAINER : EMBEDDED;
		}

	}

}
