package dev.mfaportal.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.mfaportal.kernel.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CredentialFilesTests {

	static final Instant ISSUED = Instant.parse("2026-11-28T13:00:00Z");

	static final Instant EXPIRES = Instant.parse("2026-11-29T01:00:00Z");

	private final CredentialFiles files = new CredentialFiles("mfa-portal", "eu-central-1");

	@TempDir
	Path directory;

	static IssuedSession session(String secret, String token) {
		return new IssuedSession("alice", "alice", "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone",
				"ASIAEXAMPLE000000001", Secret.of(secret), Secret.of(token), ISSUED, EXPIRES);
	}

	@Test
	void bashWhenSourcedByBashThenSetsTheVariables() throws Exception {
		String text = this.files.render(CredentialFormat.BASH, session("wJalr/K7MDENG+bPxRfiCY", "FwoGZXIvYXdzEB=="));
		Map<String, String> variables = sourceInBash(text);
		assertThat(variables).containsEntry("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE000000001")
			.containsEntry("AWS_SECRET_ACCESS_KEY", "wJalr/K7MDENG+bPxRfiCY")
			.containsEntry("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEB==")
			.containsEntry("AWS_CREDENTIAL_EXPIRATION", "2026-11-29T01:00:00Z")
			.containsEntry("AWS_REGION", "eu-central-1");
	}

	@Test
	void bashWhenValuesHoldShellCharactersThenBashReadsThemLiterally() throws Exception {
		String nasty = "a'b\"c$(touch pwned)`id`!x;y&z|\\q $HOME *";
		Map<String, String> variables = sourceInBash(this.files.render(CredentialFormat.BASH, session(nasty, "t'")));
		assertThat(variables).containsEntry("AWS_SECRET_ACCESS_KEY", nasty).containsEntry("AWS_SESSION_TOKEN", "t'");
		assertThat(this.directory.resolve("pwned")).doesNotExist();
	}

	@Test
	void shellFormatsStartWithWhoIssuedThemAndUntilWhen() {
		for (CredentialFormat format : new CredentialFormat[] { CredentialFormat.BASH, CredentialFormat.FISH,
				CredentialFormat.POWERSHELL, CredentialFormat.CMD }) {
			String text = this.files.render(format, session("s", "t"));
			String comment = (format == CredentialFormat.CMD) ? "REM " : "# ";
			String firstComment = text.lines().filter((line) -> !line.equals("@echo off")).findFirst().orElseThrow();
			assertThat(firstComment).as(format.id()).startsWith(comment).contains("MFA Portal").contains("alice");
			assertThat(text).as(format.id())
				.contains(comment + "issued 2026-11-28T13:00:00Z, valid until 2026-11-29T01:00:00Z");
		}
	}

	@Test
	void envFormatsSetExpirationAndRegionWhenConfigured() {
		CredentialFiles withoutRegion = new CredentialFiles("mfa-portal", "");
		for (CredentialFormat format : new CredentialFormat[] { CredentialFormat.BASH, CredentialFormat.FISH,
				CredentialFormat.POWERSHELL, CredentialFormat.CMD, CredentialFormat.DOTENV }) {
			assertThat(this.files.render(format, session("s", "t"))).as(format.id())
				.contains("AWS_CREDENTIAL_EXPIRATION")
				.contains("2026-11-29T01:00:00Z")
				.contains("AWS_REGION")
				.contains("eu-central-1");
			assertThat(withoutRegion.render(format, session("s", "t"))).as(format.id())
				.contains("AWS_CREDENTIAL_EXPIRATION")
				.doesNotContain("AWS_REGION");
		}
	}

	@Test
	void fishQuotesBackslashAndQuote() {
		String text = this.files.render(CredentialFormat.FISH, session("a'b\\c$d\"e", "t"));
		assertThat(text).contains("set -gx AWS_SECRET_ACCESS_KEY 'a\\'b\\\\c$d\"e'\n")
			.contains("set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLE000000001'\n");
	}

	@Test
	void powershellDoublesQuotesIncludingTypographicOnes() {
		String text = this.files.render(CredentialFormat.POWERSHELL, session("a'b\u2019c$d`e\"f", "t"));
		assertThat(text).contains("$env:AWS_SECRET_ACCESS_KEY = 'a''b\u2019\u2019c$d`e\"f'\n")
			.contains("$env:AWS_SESSION_TOKEN = 't'\n");
	}

	@Test
	void cmdKeepsOperatorsInsideQuotesAndDoublesPercent() {
		String text = this.files.render(CredentialFormat.CMD, session("a%PATH%&b|c<d>e^f!", "t"));
		assertThat(text).startsWith("@echo off\r\n")
			.contains("set \"AWS_SECRET_ACCESS_KEY=a%%PATH%%&b|c<d>e^f!\"\r\n")
			.doesNotContain("\r\r")
			.doesNotContainPattern("[^\r]\n");
	}

	@Test
	void cmdWhenValueHoldsDoubleQuoteThenRefuses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.files.render(CredentialFormat.CMD, session("a\"b", "t")));
	}

	@Test
	void anyFormatWhenValueSpansLinesThenRefuses() {
		for (CredentialFormat format : CredentialFormat.values()) {
			if (format != CredentialFormat.CREDENTIAL_PROCESS) {
				assertThatIllegalArgumentException().as(format.id())
					.isThrownBy(() -> this.files.render(format, session("a\nexport X=1", "t")));
			}
		}
	}

	@Test
	void dotenvWritesPlainAssignments() {
		String text = this.files.render(CredentialFormat.DOTENV, session("wJalr/K7+x=", "tok"));
		assertThat(text.lines().filter((line) -> !line.startsWith("#")))
			.containsExactly("AWS_ACCESS_KEY_ID=ASIAEXAMPLE000000001", "AWS_SECRET_ACCESS_KEY=wJalr/K7+x=",
					"AWS_SESSION_TOKEN=tok", "AWS_CREDENTIAL_EXPIRATION=2026-11-29T01:00:00Z",
					"AWS_REGION=eu-central-1");
	}

	@Test
	void credentialsFileIsANamedProfileBlock() {
		String text = this.files.render(CredentialFormat.CREDENTIALS_FILE, session("sec", "tok"));
		assertThat(text.lines().filter((line) -> !line.startsWith("#"))).containsExactly("[mfa-portal]",
				"aws_access_key_id = ASIAEXAMPLE000000001", "aws_secret_access_key = sec", "aws_session_token = tok");
	}

	@Test
	void credentialProcessIsVersionOneJsonWithTheFourFields() {
		String text = this.files.render(CredentialFormat.CREDENTIAL_PROCESS, session("se\"c\\", "tok"));
		JsonNode json = JsonMapper.shared().readTree(text);
		assertThat(json.get("Version").asInt()).isEqualTo(1);
		assertThat(json.get("AccessKeyId").asString()).isEqualTo("ASIAEXAMPLE000000001");
		assertThat(json.get("SecretAccessKey").asString()).isEqualTo("se\"c\\");
		assertThat(json.get("SessionToken").asString()).isEqualTo("tok");
		assertThat(json.get("Expiration").asString()).isEqualTo("2026-11-29T01:00:00Z");
		assertThat(json.propertyNames()).containsExactly("Version", "AccessKeyId", "SecretAccessKey", "SessionToken",
				"Expiration");
	}

	@Test
	void headerDropsCharactersThatCouldEndTheComment() {
		IssuedSession session = new IssuedSession("eve\nexport X=1", "alice", "arn&calc", "ASIAEXAMPLE000000001",
				Secret.of("s"), Secret.of("t"), ISSUED, EXPIRES);
		assertThat(this.files.render(CredentialFormat.BASH, session)).doesNotContain("\nexport X=1")
			.contains("eve?export X=1");
		assertThat(this.files.render(CredentialFormat.CMD, session)).doesNotContain("&calc");
	}

	/** Sources the file in a real bash and prints the environment, NUL-separated. */
	Map<String, String> sourceInBash(String text) throws IOException, InterruptedException {
		Path file = Files.writeString(this.directory.resolve("aws-session.env"), text);
		Process bash = new ProcessBuilder("bash", "-c", "cd \"$1\" && source \"$2\" && env -0", "bash",
				this.directory.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(output).isZero();
		Map<String, String> variables = new LinkedHashMap<>();
		Arrays.stream(output.split("\0")).filter((entry) -> entry.contains("=")).forEach((entry) -> {
			int equals = entry.indexOf('=');
			variables.put(entry.substring(0, equals), entry.substring(equals + 1));
		});
		return variables;
	}

}
