package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issuing session credentials end to end: the form, one GetSessionToken with alice's own sandbox key,
 * the result page, every format and its download.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsFlowTests extends CredentialsFlowSupport {

	@TempDir
	Path directory;

	@Test
	void formOffersOnlyTheEmployeesDevicesAndSaysWhyTheKeyIsNeeded() {
		String alices = newDevice("alice");
		String bobs = newDevice("bob");
		Document form = signIn("alice").page("/credentials");
		assertThat(form.select("form#issue-credentials select[name=serialNumber] option").eachAttr("value"))
			.contains(alices)
			.doesNotContain(bobs);
		assertThat(form.select("select[name=durationSeconds] option").eachAttr("value")).containsExactly("3600",
				"14400", "28800", "43200", "129600", "end-of-workday");
		assertThat(form.selectFirst("select[name=durationSeconds] option[selected]").val()).isEqualTo("43200");
		assertThat(form.selectFirst("input[name=tokenCode]").attributes().asList().toString())
			.contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"");
		assertThat(form.selectFirst("input[name=secretAccessKey]").attr("autocomplete")).isEqualTo("off");
		assertThat(form.selectFirst("input[name=accessKeyId]").attr("autocomplete")).isEqualTo("off");
		assertThat(form.selectFirst("textarea[name=profileBlock]").attr("autocomplete")).isEqualTo("off");
		assertThat(form.text()).contains("never stored").contains("one call");
	}

	/** The issue's full flow: enroll a phone by its QR code, then issue with alice's key and a fresh code. */
	@Test
	void issueAfterEnrollingByTheQrThenEveryFormatCarriesTheSessionAndNoSecretIsLeftAnywhere(CapturedOutput output)
			throws Exception {
		// S2 holds "with all loggers at DEBUG": the root logger is, for this test; loggers the application
		// pins explicitly (the AWS SDK's, whose signer prints signed headers) keep their level.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
		try {
			PortalClient alice = signIn("alice");
			QrEnrollment phone = QrEnrollment.enroll(alice, "creds-flow");
			issueAndCheckEveryFormat(output, alice, phone.serial(), phone.nextCode(), phone.seed());
		}
		finally {
			logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		}
	}

	@Test
	void issueForADeviceEnabledInAwsThenEveryFormatCarriesTheSession(CapturedOutput output) throws Exception {
		String serial = newDevice("alice");
		issueAndCheckEveryFormat(output, signIn("alice"), serial, this.sandbox.devices().freshCode(serial),
				this.sandbox.devices().seedOf(serial));
	}

	private void issueAndCheckEveryFormat(CapturedOutput output, PortalClient alice, String serial, String code,
			String seed) throws Exception {
		Instant before = Instant.now();
		HttpResponse<String> response = issue(alice, fields(serial, code, "14400", ALICE_KEY_ID, ALICE_SECRET));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("no-store"));
		Document page = html(response);
		String keyId = page.selectFirst("#session-access-key-id").text();
		assertThat(keyId).startsWith("ASIA");
		assertThat(this.sandbox.sessionOwner(keyId)).contains("alice");
		Element expiration = page.selectFirst("time#session-expiration");
		Instant expiresAt = Instant.parse(expiration.attr("datetime"));
		assertThat(expiresAt).isCloseTo(before.plus(Duration.ofHours(4)), within(30, ChronoUnit.SECONDS));
		assertThat(page.select("script[src]").eachAttr("src")).anyMatch((src) -> src.endsWith("/js/credentials.js"));
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select("[data-format]").eachAttr("data-format")).containsExactly("bash", "fish", "powershell",
				"cmd", "dotenv", "credentials-file", "credential-process");

		Map<String, String> bash = sourceInBash(download(alice, page, "bash", "aws-session.env"));
		assertThat(bash).containsEntry("AWS_ACCESS_KEY_ID", keyId)
			.containsEntry("AWS_CREDENTIAL_EXPIRATION", expiration.attr("datetime"))
			.containsEntry("AWS_REGION", "eu-central-1");
		assertThat(bash.get("AWS_SECRET_ACCESS_KEY")).isNotBlank();
		assertThat(bash.get("AWS_SESSION_TOKEN")).isNotBlank();

		JsonNode json = JsonMapper.shared()
			.readTree(download(alice, page, "credential-process", "aws-session.json"));
		assertThat(json.get("Version").asInt()).isEqualTo(1);
		assertThat(json.get("AccessKeyId").asString()).isEqualTo(keyId);
		assertThat(json.get("SecretAccessKey").asString()).isEqualTo(bash.get("AWS_SECRET_ACCESS_KEY"));
		assertThat(json.get("SessionToken").asString()).isEqualTo(bash.get("AWS_SESSION_TOKEN"));
		assertThat(Instant.parse(json.get("Expiration").asString())).isEqualTo(expiresAt);

		for (String format : List.of("fish", "powershell", "cmd", "dotenv", "credentials-file")) {
			String file = download(alice, page, format, null);
			assertThat(file).as(format)
				.contains(keyId)
				.contains(bash.get("AWS_SECRET_ACCESS_KEY"))
				.contains(bash.get("AWS_SESSION_TOKEN"));
			String onPage = page.selectFirst("pre#credentials-" + format).wholeText();
			assertThat(file.replace("\r\n", "\n")).as(format).isEqualTo(onPage.replace("\r\n", "\n"));
		}
		assertThat(download(alice, page, "credentials-file", "aws-credentials.ini")).contains("[mfa-portal]");

		List<Map<String, Object>> issued = auditRows("credentials.issued");
		assertThat(issued).hasSize(1);
		assertThat(issued.get(0)).containsEntry("portal_user", "alice")
			.containsEntry("iam_user", "alice")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("mfa_serial", serial)
			.containsEntry("access_key_id", keyId);
		assertThat(issued.get(0).get("aws_request_id")).isNotNull();
		assertThat((String) issued.get(0).get("detail")).contains("arn:aws:iam::123456789012:user/employees/alice")
			.contains("14400");
		assertThat(issued.get(0).get("source_ip")).isNotNull();

		assertNoSecretAnywhere(output, code, List.of(ALICE_SECRET, seed, bash.get("AWS_SECRET_ACCESS_KEY"),
				bash.get("AWS_SESSION_TOKEN")));
	}

	@Test
	void issueWithPastedProfileBlockThenIssues() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Map<String, String> fields = fields(serial, this.sandbox.devices().freshCode(serial), "3600", "", "");
		fields.put("profileBlock", "[default]\nregion = eu-west-1\naws_access_key_id = " + ALICE_KEY_ID
				+ "\naws_secret_access_key = " + ALICE_SECRET + "\n");
		HttpResponse<String> response = issue(alice, fields);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(html(response).selectFirst("#session-access-key-id").text()).startsWith("ASIA");
	}

	@Test
	void issueWithTheSameCodeTwiceThenTheSecondIsRefusedWithoutAnAwsCall() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		String code = this.sandbox.devices().freshCode(serial);
		assertThat(issue(alice, fields(serial, code, "3600", ALICE_KEY_ID, ALICE_SECRET)).statusCode()).isEqualTo(200);
		long calls = getSessionTokenCalls();

		HttpResponse<String> again = issue(alice, fields(serial, code, "3600", ALICE_KEY_ID, ALICE_SECRET));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(html(again).select("#session-access-key-id")).isEmpty();
		assertThat(html(again).text()).contains("already been used");
		assertThat(getSessionTokenCalls()).isEqualTo(calls);
		assertThat(auditRows("credentials.failed")).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("code-already-used"));
	}

	@Test
	void downloadWhenAnotherEmployeePostsTheSealThenForbidden() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document page = html(issue(alice, oneHourWithAlicesKey(serial)));
		String sealed = page.selectFirst("form#download-credentials input[name=sealed]").val();
		PortalClient bob = signIn("bob");
		Document bobsPage = bob.page("/credentials");
		Page response = bob.post("/credentials/download",
				Map.of("sealed", sealed, "format", "bash", "_csrf", PortalClient.csrf(bobsPage, "form#sign-out")));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("AWS_SECRET_ACCESS_KEY");
	}

	@Test
	void downloadWithoutCsrfTokenThenForbidden() {
		Page response = signIn("alice").post("/credentials/download", Map.of("sealed", "x", "format", "bash"));
		assertThat(response.status()).isEqualTo(403);
	}

	private String download(PortalClient client, Document page, String format, String fileName) {
		Element button = page.selectFirst("button[data-format=" + format + "]");
		HttpResponse<String> response = client.submit(page, "form#download-credentials",
				Map.of("sealed", page.selectFirst("form#download-credentials input[name=sealed]").val(),
						button.attr("name"), button.val()));
		assertThat(response.statusCode()).as(format).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).as(format)
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		String disposition = response.headers().firstValue("Content-Disposition").orElse("");
		assertThat(disposition).as(format).startsWith("attachment");
		if (fileName != null) {
			assertThat(disposition).contains("filename=\"" + fileName + "\"");
		}
		return response.body();
	}

	private Map<String, String> sourceInBash(String text) throws Exception {
		Path file = Files.writeString(this.directory.resolve("aws-session.env"), text);
		Process bash = new ProcessBuilder("bash", "-c",
				"source \"$1\" && printf '%s\\n' \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" "
						+ "\"$AWS_SESSION_TOKEN\" \"$AWS_CREDENTIAL_EXPIRATION\" \"$AWS_REGION\"",
				"bash", file.toString())
			.redirectErrorStream(true)
			.start();
		String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(out).isZero();
		String[] lines = out.split("\n", -1);
		return Map.of("AWS_ACCESS_KEY_ID", lines[0], "AWS_SECRET_ACCESS_KEY", lines[1], "AWS_SESSION_TOKEN", lines[2],
				"AWS_CREDENTIAL_EXPIRATION", lines[3], "AWS_REGION", lines[4]);
	}

	/** S1-S3: no log line and no table holds the code, the seed, the long-term secret or the session's. */
	private void assertNoSecretAnywhere(CapturedOutput output, String code, List<String> secrets) {
		assertThat(output.getAll()).doesNotContain(secrets.toArray(String[]::new))
			.doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
		List<String> tables = this.jdbc
			.sql("SELECT table_name FROM information_schema.tables "
					+ "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
			.query(String.class)
			.list();
		assertThat(tables).contains("audit_event");
		for (String table : tables) {
			List<String> rows = this.jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list();
			String dump = String.join("\n", rows);
			for (String secret : secrets) {
				assertThat(dump).as(table).doesNotContain(secret)
					.doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
			}
		}
		assertThat(String.join("\n", this.jdbc.sql("SELECT t::text FROM audit_event t").query(String.class).list()))
			.doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
	}

}
