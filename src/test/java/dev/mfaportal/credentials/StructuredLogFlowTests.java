package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's log as {@code logging.structured.format.console=ecs} writes it: the encoder Boot uses for that
 * setting, attached to the running portal's root logger for the test, so every line is what an operator ships.
 * An issuance gives one JSON line per audit event carrying the request id the employee's response and the
 * audit row carry, and no line holds a secret (S2).
 */
class StructuredLogFlowTests extends CredentialsFlowSupport {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final StructuredLogEncoder encoder = new StructuredLogEncoder();

	private final AppenderBase<ILoggingEvent> json = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			StructuredLogFlowTests.this.lines
				.add(new String(StructuredLogFlowTests.this.encoder.encode(event), StandardCharsets.UTF_8));
		}

	};

	@BeforeEach
	void logAsJson() {
		this.encoder.setContext(this.root.getLoggerContext());
		this.encoder.setFormat("ecs");
		this.encoder.start();
		this.json.setContext(this.root.getLoggerContext());
		this.json.start();
		this.root.addAppender(this.json);
	}

	@AfterEach
	void stopLoggingAsJson() {
		this.root.detachAppender(this.json);
		this.json.stop();
		this.encoder.stop();
	}

	@Test
	void issueThenItsAuditEventIsOneJsonLineWithTheRequestIdOfResponseAndAuditRowAndNoSecret() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Map<String, String> fields = oneHourWithAlicesKey(serial);
		HttpResponse<String> response = issue(alice, fields);
		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

		List<JsonNode> issued = this.lines.stream()
			.map(JsonMapper.shared()::readTree)
			.filter((line) -> "credentials.issued".equals(text(line, "audit.action")))
			.toList();
		assertThat(issued).hasSize(1);
		assertThat(text(issued.get(0), "requestId")).isEqualTo(requestId);
		assertThat(text(issued.get(0), "log.level")).isEqualTo("INFO");
		assertThat(auditRows("credentials.issued").get(0).get("detail").toString())
			.contains("\"requestId\": \"" + requestId + "\"");

		Document page = html(response);
		Map<String, String> session = page.selectFirst("pre#credentials-dotenv")
			.wholeText()
			.lines()
			.filter((line) -> line.contains("="))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
					(line) -> line.substring(line.indexOf('=') + 1)));
		List<String> secrets = List.of(ALICE_SECRET, fields.get("tokenCode"), session.get("AWS_SECRET_ACCESS_KEY"),
				session.get("AWS_SESSION_TOKEN"));
		assertThat(secrets).allSatisfy((secret) -> assertThat(secret).isNotBlank());
		assertThat(this.lines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).doesNotContain(secrets));
	}

	@Test
	void requestWithAWellFormedRequestIdThenTheErrorPageAndResponseShowIt() {
		PortalClient alice = signIn("alice");
		Page page = alice.get("/no-such-page", Map.of("X-Request-Id", "proxy-4f1c2a9b"));
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("X-Request-Id")).isEqualTo("proxy-4f1c2a9b");
		assertThat(page.text("code#request-id")).isEqualTo("proxy-4f1c2a9b");
	}

	@Test
	void requestWithAMalformedRequestIdThenAFreshOneIsUsed() {
		Page page = signIn("alice").get("/no-such-page", Map.of("X-Request-Id", "bad id\" injected"));
		assertThat(page.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(page.text("code#request-id")).isEqualTo(page.header("X-Request-Id"));
	}

	/** A field of an ECS line, whether the formatter wrote it dotted or nested. */
	private static String text(JsonNode line, String field) {
		JsonNode node = line.get(field);
		if (node == null) {
			node = line;
			for (String part : field.split("\\.")) {
				node = (node != null) ? node.get(part) : null;
			}
		}
		return (node != null) ? node.asString() : null;
	}

}
