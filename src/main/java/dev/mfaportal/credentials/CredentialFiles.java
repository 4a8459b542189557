package dev.mfaportal.credentials;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one set of session credentials in each {@link CredentialFormat}. Values are quoted for the
 * shell that reads them, so a character that means something there stays a plain character.
 */
class CredentialFiles {

	private final String profileName;

	private final String region;

	CredentialFiles(String profileName, String region) {
		this.profileName = profileName;
		this.region = (region == null || region.isBlank()) ? null : region;
	}

	String profileName() {
		return this.profileName;
	}

	String render(CredentialFormat format, IssuedSession session) {
		return switch (format) {
			case BASH -> shell(session, "# ", "export %s=%s", CredentialFiles::posix);
			case FISH -> shell(session, "# ", "set -gx %s %s", CredentialFiles::fish);
			case POWERSHELL -> shell(session, "# ", "$env:%s = %s", CredentialFiles::powershell);
			case CMD -> "@echo off\r\n" + shell(session, "REM ", "set \"%s=%s\"", CredentialFiles::cmd)
				.replace("\n", "\r\n");
			case DOTENV -> shell(session, "# ", "%s=%s", CredentialFiles::dotenv);
			case CREDENTIALS_FILE -> credentialsFile(session);
			case CREDENTIAL_PROCESS -> credentialProcess(session);
		};
	}

	/** The variables every env format sets, in order. */
	Map<String, String> variables(IssuedSession session) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("AWS_ACCESS_KEY_ID", session.accessKeyId());
		variables.put("AWS_SECRET_ACCESS_KEY", session.secretAccessKey().reveal());
		variables.put("AWS_SESSION_TOKEN", session.sessionToken().reveal());
		variables.put("AWS_CREDENTIAL_EXPIRATION", iso(session.expiration()));
		if (this.region != null) {
			variables.put("AWS_REGION", this.region);
		}
		return variables;
	}

	private String shell(IssuedSession session, String comment, String assignment, Quoting quoting) {
		StringBuilder text = new StringBuilder();
		header(session).forEach((line) -> text.append(comment).append(line).append('\n'));
		variables(session)
			.forEach((name, value) -> text.append(assignment.formatted(name, quoting.quote(value))).append('\n'));
		return text.toString();
	}

	private String credentialsFile(IssuedSession session) {
		StringBuilder text = new StringBuilder();
		header(session).forEach((line) -> text.append("# ").append(line).append('\n'));
		text.append('[').append(this.profileName).append("]\n");
		text.append("aws_access_key_id = ").append(line(session.accessKeyId())).append('\n');
		text.append("aws_secret_access_key = ").append(line(session.secretAccessKey().reveal())).append('\n');
		text.append("aws_session_token = ").append(line(session.sessionToken().reveal())).append('\n');
		return text.toString();
	}

	private String credentialProcess(IssuedSession session) {
		// The shape the AWS CLI and SDKs expect from a credential_process command.
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("Version", 1);
		json.put("AccessKeyId", session.accessKeyId());
		json.put("SecretAccessKey", session.secretAccessKey().reveal());
		json.put("SessionToken", session.sessionToken().reveal());
		json.put("Expiration", iso(session.expiration()));
		return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
	}

	private List<String> header(IssuedSession session) {
		List<String> lines = new ArrayList<>();
		lines.add("AWS session credentials issued by MFA Portal to " + plain(session.portalUser()) + " (IAM user "
				+ plain(session.iamUser()) + ")");
		lines.add("issued " + iso(session.issuedAt()) + ", valid until " + iso(session.expiration()));
		lines.add("MFA device " + plain(session.mfaSerial()));
		return lines;
	}

	static String iso(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** Comments carry names only; anything that could end the comment or start a command is dropped. */
	private static String plain(String text) {
		return (text == null) ? "" : text.replaceAll("[^\\w+=,.@:/ -]", "?");
	}

	/** bash, zsh, sh: inside single quotes nothing is special but the quote itself. */
	static String posix(String value) {
		return "'" + line(value).replace("'", "'\\''") + "'";
	}

	/** fish: inside single quotes only a backslash before a backslash or a quote escapes it. */
	static String fish(String value) {
		return "'" + line(value).replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	/** PowerShell: single-quoted strings are verbatim; a quote (typographic ones too) is doubled. */
	static String powershell(String value) {
		return "'" + line(value).replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
	}

	/**
	 * cmd.exe batch file: {@code set "NAME=value"} keeps {@code & | < > ^} literal; {@code %} is doubled.
	 * A double quote cannot be written safely, so such a value is refused (AWS never issues one).
	 */
	static String cmd(String value) {
		if (line(value).indexOf('"') >= 0) {
			throw new IllegalArgumentException("A value with a double quote cannot be written for cmd");
		}
		return value.replace("%", "%%");
	}

	/** docker --env-file reads the rest of the line verbatim, so the value is written as is. */
	static String dotenv(String value) {
		return line(value);
	}

	/** No format can carry a line break inside a value; AWS never issues one. */
	private static String line(String value) {
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("A credential value cannot span lines");
		}
		return value;
	}

	@FunctionalInterface
	private interface Quoting {

		String quote(String value);

	}

}
