package dev.mfaportal.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.StsException;

import dev.mfaportal.aws.AwsCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class AwsErrorTranslatorTests {

	private static SdkException iam(int status, String code, String message) {
		return IamException.builder()
			.statusCode(status)
			.requestId("req-1")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.build();
	}

	private static SdkException sts(int status, String code, String message) {
		return StsException.builder()
			.statusCode(status)
			.requestId("req-2")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.build();
	}

	@ParameterizedTest
	@CsvSource({ "403, InvalidAuthenticationCode, WRONG_CODE", "409, LimitExceeded, LIMIT_EXCEEDED",
			"404, NoSuchEntity, NOT_FOUND", "409, EntityAlreadyExists, ALREADY_EXISTS", "409, DeleteConflict, IN_USE",
			"409, EntityTemporarilyUnmodifiable, TRY_AGAIN_SHORTLY", "409, ConcurrentModification, TRY_AGAIN_SHORTLY",
			"400, InvalidInput, REJECTED_INPUT", "400, ValidationError, REJECTED_INPUT",
			"500, ServiceFailure, UNAVAILABLE", "503, ServiceUnavailable, UNAVAILABLE", "400, Throttling, UNAVAILABLE",
			"403, AccessDenied, ACCESS_DENIED", "400, SomethingNew, OTHER" })
	void iamErrorCodeMapsToThePortalsKind(int status, String code, Kind expected) {
		AwsCallException translated = AwsErrorTranslator.translate("Op", iam(status, code, "msg"), AwsErrorTranslator.Signer.PORTAL);
		assertThat(translated.kind()).isEqualTo(expected);
		assertThat(translated.errorCode()).isEqualTo(code);
		assertThat(translated.requestId()).isEqualTo("req-1");
	}

	@Test
	void wrongCodeOnGetSessionTokenIsWrongCode() {
		AwsCallException translated = AwsErrorTranslator.translate("GetSessionToken", sts(403, "AccessDenied",
				"MultiFactorAuthentication failed with invalid MFA one time pass code."), AwsErrorTranslator.Signer.EMPLOYEE);
		assertThat(translated.kind()).isEqualTo(Kind.WRONG_CODE);
		assertThat(translated.requestId()).isEqualTo("req-2");
	}

	@Test
	void serialNotOfTheKeysUserIsKeyNotForDevice() {
		AwsCallException translated = AwsErrorTranslator.translate("GetSessionToken", sts(403, "AccessDenied",
				"MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."),
				AwsErrorTranslator.Signer.EMPLOYEE);
		assertThat(translated.kind()).isEqualTo(Kind.KEY_NOT_FOR_DEVICE);
	}

	@Test
	void sessionKeyOnGetSessionTokenIsInvalidKey() {
		assertThat(AwsErrorTranslator.translate("GetSessionToken",
				sts(403, "AccessDenied", "Cannot call GetSessionToken with session credentials"), AwsErrorTranslator.Signer.EMPLOYEE)
			.kind()).isEqualTo(Kind.INVALID_KEY);
	}

	@ParameterizedTest
	@CsvSource({ "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken" })
	void badEmployeeKeyIsInvalidKeyButBadPortalKeyIsAccessDenied(String code) {
		assertThat(AwsErrorTranslator.translate("Op", sts(403, code, "msg"), AwsErrorTranslator.Signer.EMPLOYEE).kind())
			.isEqualTo(Kind.INVALID_KEY);
		assertThat(AwsErrorTranslator.translate("Op", sts(403, code, "msg"), AwsErrorTranslator.Signer.PORTAL).kind())
			.isEqualTo(Kind.ACCESS_DENIED);
	}

	@Test
	void clientSideFailuresAreUnavailableWithoutCode() {
		for (SdkException failure : new SdkException[] { SdkClientException.create("Unable to execute HTTP request"),
				ApiCallTimeoutException.create(10_000) }) {
			AwsCallException translated = AwsErrorTranslator.translate("Op", failure, AwsErrorTranslator.Signer.PORTAL);
			assertThat(translated.kind()).isEqualTo(Kind.UNAVAILABLE);
			assertThat(translated.errorCode()).isNull();
			assertThat(translated.requestId()).isNull();
		}
	}

	@Test
	void validationMessageDoesNotEchoTheRejectedValue() {
		AwsCallException translated = AwsErrorTranslator.translate("GetSessionToken", sts(400, "ValidationError",
				"1 validation error detected: Value '123456' at 'tokenCode' failed to satisfy constraint"),
				AwsErrorTranslator.Signer.EMPLOYEE);
		assertThat(translated.getMessage()).doesNotContain("123456").contains("tokenCode");
		assertThat(translated.getCause()).isNull();
	}

}
