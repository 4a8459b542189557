package dev.mfaportal.credentials;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.kernel.MfaSerialNumbers;
import dev.mfaportal.kernel.OneTimeCode;

import org.springframework.validation.Errors;

/**
 * What the credentials form posts. The page never writes {@code tokenCode}, {@code secretAccessKey} or
 * {@code profileBlock} back into its fields (S5), so an error means typing them again rather than a secret
 * lingering in the HTML. The access key id is not a secret: a typed one that has an id's shape comes back.
 */
class CredentialsForm {

	/** An access key id's shape; a secret pasted into the id's field by mistake never has it, so is never shown. */
	private static final Pattern KEY_ID = Pattern.compile("A[KS]IA[A-Z0-9]{12,124}");

	private String serialNumber;

	private String tokenCode;

	private String durationSeconds;

	private String accessKeyId;

	private String secretAccessKey;

	private String profileBlock;

	private String mintedKey;

	private String sealedDevices;

	/**
	 * Checks everything that can be checked without AWS (S17).
	 * @return the request, or empty when {@code errors} now holds why not
	 */
	Optional<IssueRequest> validate(DurationChoices durations, Errors errors) {
		return validate(durations, errors, KeySource.EMPLOYEE_KEY);
	}

	/**
	 * The same; with {@link KeySource#PORTAL_MINTED} no key is read from the form, and the request's key is
	 * {@code null} until the caller puts the minted one in ({@link IssueRequest#withMintedKey}).
	 */
	Optional<IssueRequest> validate(DurationChoices durations, Errors errors, KeySource keySource) {
		// Taken out first, so that no error, model or log line can carry them from here on (S2, S5).
		String code = this.tokenCode;
		String keyId = this.accessKeyId;
		String secret = this.secretAccessKey;
		String block = this.profileBlock;
		forgetSecrets();
		this.accessKeyId = (keyId != null && KEY_ID.matcher(keyId.strip()).matches()) ? keyId.strip() : null;
		if (!MfaSerialNumbers.isIamMfaArn(this.serialNumber)) {
			errors.rejectValue("serialNumber", "credentials.error.device-required");
		}
		if (code == null || !OneTimeCode.isWellFormed(code.strip())) {
			errors.rejectValue("tokenCode", "credentials.error.code-format");
		}
		Duration duration = null;
		try {
			duration = durations.resolve(this.durationSeconds);
		}
		catch (InvalidInputException ex) {
			errors.rejectValue("durationSeconds", ex.messageCode(), ex.arguments(), null);
		}
		AccessKey key = null;
		try {
			key = (keySource == KeySource.EMPLOYEE_KEY) ? AccessKeyInput.read(keyId, secret, block) : null;
		}
		catch (InvalidInputException ex) {
			errors.rejectValue(keyField(ex.messageCode()), ex.messageCode(), ex.arguments(), null);
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new IssueRequest(this.serialNumber, new OneTimeCode(code.strip()), duration, key));
	}

	/** The field a refused key concerns, so that the error stands beside (and is tied to) that field. */
	private static String keyField(String messageCode) {
		if (messageCode.startsWith("credentials.error.secret-")) {
			return "secretAccessKey";
		}
		return messageCode.startsWith("credentials.error.profile-") ? "profileBlock" : "accessKeyId";
	}

	private void forgetSecrets() {
		this.tokenCode = null;
		this.accessKeyId = null;
		this.secretAccessKey = null;
		this.profileBlock = null;
	}

	/** The sealed minted key, taken out so that the re-rendered form carries a new one, never this one. */
	String takeMintedKey() {
		String sealed = this.mintedKey;
		this.mintedKey = null;
		return sealed;
	}

	public String getSealedDevices() {
		return this.sealedDevices;
	}

	public void setSealedDevices(String sealedDevices) {
		this.sealedDevices = sealedDevices;
	}

	public String getMintedKey() {
		return this.mintedKey;
	}

	public void setMintedKey(String mintedKey) {
		this.mintedKey = mintedKey;
	}

	public String getSerialNumber() {
		return this.serialNumber;
	}

	public void setSerialNumber(String serialNumber) {
		this.serialNumber = serialNumber;
	}

	public String getTokenCode() {
		return this.tokenCode;
	}

	public void setTokenCode(String tokenCode) {
		this.tokenCode = tokenCode;
	}

	public String getDurationSeconds() {
		return this.durationSeconds;
	}

	public void setDurationSeconds(String durationSeconds) {
		this.durationSeconds = durationSeconds;
	}

	public String getAccessKeyId() {
		return this.accessKeyId;
	}

	public void setAccessKeyId(String accessKeyId) {
		this.accessKeyId = accessKeyId;
	}

	public String getSecretAccessKey() {
		return this.secretAccessKey;
	}

	public void setSecretAccessKey(String secretAccessKey) {
		this.secretAccessKey = secretAccessKey;
	}

	public String getProfileBlock() {
		return this.profileBlock;
	}

	public void setProfileBlock(String profileBlock) {
		this.profileBlock = profileBlock;
	}

	@Override
	public String toString() {
		return "CredentialsForm[serialNumber=" + this.serialNumber + ", durationSeconds=" + this.durationSeconds + "]";
	}

}
