package dev.mfaportal.enrollment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S1 and S2: after a whole enrollment (a refused attempt included) with every logger at DEBUG, neither the
 * seed, in any encoding, nor a code is in any table or in the log. The SDK's wire log stays off, as in
 * production: it prints request and response bodies by design.
 */
@PortalFlowTest
@ExtendWith(OutputCaptureExtension.class)
class EnrollmentSecretsTests {

	static final String WIRE_LOG = "org.apache.hc.client5.http.wire";

	@LocalServerPort
	private int port;

	@Autowired
	private SandboxAccount sandbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private LoggingSystem logging;

	private LogLevel rootLevel;

	private LogLevel wireLevel;

	/** Raised at run time for this test only: a logging property would start a portal of its own. */
	@BeforeEach
	void everyLoggerAtDebugButTheWireLog() {
		this.rootLevel = this.logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
		this.wireLevel = this.logging.getLoggerConfiguration(WIRE_LOG).getConfiguredLevel();
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
		this.logging.setLogLevel(WIRE_LOG, LogLevel.INFO);
	}

	@AfterEach
	void loggersBack() {
		this.logging.setLogLevel(WIRE_LOG, this.wireLevel);
		this.logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, this.rootLevel);
	}

	@Test
	void enrollWhenEveryLoggerAtDebugThenNoSeedOrCodeInAnyTableOrLog(CapturedOutput output) {
		this.sandbox.reset();
		PortalClient alice = PortalClient.notFollowingRedirects(this.port).signIn("alice", "alice");
		ScanPage scan = ScanPage.of(alice.submit(alice.get("/mfa"), "form#start-enrollment", Map.of()));
		List<String> codes = List.of(scan.code(2), scan.code(3), scan.code(-1), scan.code(0));
		Page refused = alice.submit(scan.page(), "form#activate-enrollment",
				Map.of("code1", codes.get(0), "code2", codes.get(1)));
		assertThat(refused.text("#enrollment-problem")).contains("clock");
		Page activated = alice.submit(scan.page(), "form#activate-enrollment",
				Map.of("code1", codes.get(2), "code2", codes.get(3)));
		assertThat(alice.follow(activated).document().selectFirst("#enrollment-success")).isNotNull();
		assertThat(this.sandbox.devices().of("alice")).hasSize(1);

		String seed = scan.secret();
		List<String> forms = seedForms(seed);
		String tables = dumpOfEveryTable();
		assertThat(tables).contains("enrollment.activated");
		assertThat(output.getAll()).contains("DEBUG");
		for (String form : forms) {
			assertThat(tables).as("a table holds the seed").doesNotContainIgnoringCase(form);
			assertThat(output.getAll()).as("the log holds the seed").doesNotContainIgnoringCase(form);
		}
		for (String code : codes) {
			assertThat(Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])").matcher(output.getAll()).find())
				.as("the log holds a code").isFalse();
		}
	}

	/** The seed as Base32 text, its bytes in hex and base64, and its text in hex (bytea, serialized sessions). */
	private static List<String> seedForms(String seed) {
		byte[] key = Base32.decode(seed);
		byte[] text = seed.getBytes(StandardCharsets.US_ASCII);
		return List.of(seed, HexFormat.of().formatHex(key), Base64.getEncoder().encodeToString(key),
				HexFormat.of().formatHex(text), Base64.getEncoder().encodeToString(text));
	}

	private String dumpOfEveryTable() {
		List<String> tables = this.jdbc
			.sql("SELECT quote_ident(table_name) FROM information_schema.tables "
					+ "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
			.query(String.class)
			.list();
		assertThat(tables).contains("audit_event", "guard_claimed_code", "spring_session_attributes");
		StringBuilder dump = new StringBuilder();
		for (String table : tables) {
			dump.append(table).append('\n');
			this.jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list().forEach((row) -> {
				dump.append(row).append('\n');
			});
		}
		return dump.toString();
	}

}
