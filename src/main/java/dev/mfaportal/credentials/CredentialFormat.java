package dev.mfaportal.credentials;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ways the portal hands out one set of session credentials. {@code id} is the {@code data-format}
 * of the page's controls and the {@code format} of a download.
 */
enum CredentialFormat {

	BASH("bash", "aws-session.env", "text/plain"),

	FISH("fish", "aws-session.fish", "text/plain"),

	POWERSHELL("powershell", "aws-session.ps1", "text/plain"),

	CMD("cmd", "aws-session.cmd", "text/plain"),

	DOTENV("dotenv", "aws-session.dotenv", "text/plain"),

	CREDENTIALS_FILE("credentials-file", "aws-credentials.ini", "text/plain"),

	CREDENTIAL_PROCESS("credential-process", "aws-session.json", "application/json");

	private final String id;

	private final String fileName;

	private final String mediaType;

	CredentialFormat(String id, String fileName, String mediaType) {
		this.id = id;
		this.fileName = fileName;
		this.mediaType = mediaType;
	}

	// Public so that the result page template can read them.
	public String id() {
		return this.id;
	}

	public String fileName() {
		return this.fileName;
	}

	String mediaType() {
		return this.mediaType;
	}

	static Optional<CredentialFormat> ofId(String id) {
		return Arrays.stream(values()).filter((format) -> format.id.equals(id)).findFirst();
	}

}
