package dev.mfaportal.credentials;

import dev.mfaportal.aws.AccessKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessKeyInputTests {

	static final String ALICE_ID = "AKIASANDBOXALICE0001";

	static final String ALICE_SECRET = "alice-sandbox-secret-access-key-00000000";

	@Test
	void readWhenTypedThenTakesBothFieldsTrimmed() {
		AccessKey key = AccessKeyInput.read(" " + ALICE_ID + " ", ALICE_SECRET + "\n", "");
		assertThat(key.accessKeyId()).isEqualTo(ALICE_ID);
		assertThat(key.secretAccessKey().reveal()).isEqualTo(ALICE_SECRET);
	}

	@Test
	void readWhenProfileBlockPastedThenTakesOnlyTheTwoKeys() {
		String block = """
				# my work account
				[default]
				region = eu-central-1
				aws_access_key_id = AKIASANDBOXALICE0001
				aws_secret_access_key=alice-sandbox-secret-access-key-00000000
				output = json
				""";
		AccessKey key = AccessKeyInput.read(null, null, block);
		assertThat(key.accessKeyId()).isEqualTo(ALICE_ID);
		assertThat(key.secretAccessKey().reveal()).isEqualTo(ALICE_SECRET);
	}

	@Test
	void readWhenBlockHasNoHeaderAndWindowsLineEndingsThenStillReads() {
		String block = "aws_access_key_id = " + ALICE_ID + "\r\naws_secret_access_key = " + ALICE_SECRET + "\r\n";
		assertThat(AccessKeyInput.read("", "", block).accessKeyId()).isEqualTo(ALICE_ID);
	}

	@Test
	void readWhenBlockLacksSecretThenSaysBothAreNeeded() {
		assertRefused(null, null, "[default]\naws_access_key_id = " + ALICE_ID,
				"credentials.error.profile-incomplete");
	}

	@Test
	void readWhenBlockHasAStrayLineThenNamesItsNumberNotItsText() {
		InvalidInputException ex = assertRefused(null, null,
				"[default]\naws_access_key_id = " + ALICE_ID + "\n" + ALICE_SECRET + "\n",
				"credentials.error.profile-malformed");
		assertThat(ex.arguments()).containsExactly(3);
		assertThat(ex.getMessage()).doesNotContain(ALICE_SECRET);
	}

	@Test
	void readWhenBlockHoldsTwoProfilesThenRefuses() {
		assertRefused(null, null, "[a]\naws_access_key_id = " + ALICE_ID + "\n[b]\naws_secret_access_key = x",
				"credentials.error.profile-several");
	}

	@Test
	void readWhenBlockHeaderIsBrokenThenRefuses() {
		assertRefused(null, null, "[default\naws_access_key_id = x", "credentials.error.profile-malformed");
	}

	@Test
	void readWhenBlockSetsAKeyTwiceThenRefuses() {
		assertRefused(null, null, "aws_access_key_id = " + ALICE_ID + "\naws_access_key_id = AKIAOTHER00000000000",
				"credentials.error.profile-duplicate");
	}

	@Test
	void readWhenBothFieldsAndBlockThenAsksForOne() {
		assertRefused(ALICE_ID, ALICE_SECRET, "[default]", "credentials.error.key-twice");
	}

	@Test
	void readWhenNothingGivenThenAsksForTheKeyId() {
		assertRefused("", "", "  ", "credentials.error.key-id-required");
	}

	@Test
	void readWhenSecretMissingThenAsksForIt() {
		assertRefused(ALICE_ID, "", null, "credentials.error.secret-required");
	}

	@Test
	void readWhenTemporaryKeyThenSaysToUseTheLongTermOne() {
		assertRefused("ASIAEXAMPLE000000001", ALICE_SECRET, null, "credentials.error.key-temporary");
	}

	@Test
	void readWhenKeyIdMalformedThenRefuses() {
		assertRefused("AKIA-not-a-key", ALICE_SECRET, null, "credentials.error.key-id-invalid");
	}

	@Test
	void readWhenSecretHasInnerSpaceThenRefuses() {
		assertRefused(ALICE_ID, "alice sandbox", null, "credentials.error.secret-invalid");
	}

	private static InvalidInputException assertRefused(String keyId, String secret, String block, String code) {
		return assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> AccessKeyInput.read(keyId, secret, block))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code))
			.actual();
	}

}
