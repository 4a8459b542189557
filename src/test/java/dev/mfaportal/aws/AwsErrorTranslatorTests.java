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
	@CsvSource({ "403, InvalidAuthenticationCode, InvalidCodeException", "409, LimitExceeded, DeviceLimitExceededException",
			"404, NoSuchEntity, NoSuchDeviceException", "409, EntityAlreadyExists, DeviceAlreadyExistsException",
			"409, DeleteConflict, DeviceInUseException", "409, EntityTemporarilyUnmodifiable, TryAgainShortlyException",
			"409, ConcurrentModification, TryAgainShortlyException", "400, InvalidInput, AwsRejectedInputException",
			"400, ValidationError, AwsRejectedInputException", "500, ServiceFailure, AwsUnavailableException",
			"503, ServiceUnavailable, AwsUnavailableException", "400, Throttling, AwsUnavailableException",
			"403, AccessDenied, AwsAccessDeniedException", "400, SomethingNew, AwsCallException" })
	void iamErrorCodeMapsToThePortalsException(int status, String code, String expected) {
		AwsCallException translated = AwsErrorTranslator.translate("Op", iam(status, code, "msg"), AwsErrorTranslator.Signer.PORTAL);
		assertThat(translated.getClass().getSimpleName()).isEqualTo(expected);
		assertThat(translated.errorCode()).isEqualTo(code);
		assertThat(translated.requestId()).isEqualTo("req-1");
	}

	@Test
	void wrongCodeOnGetSessionTokenIsInvalidCode() {
		AwsCallException translated = AwsErrorTranslator.translate("GetSessionToken", sts(403, "AccessDenied",
				"MultiFactorAuthentication failed with invalid MFA one time pass code."), AwsErrorTranslator.Signer.EMPLOYEE);
		assertThat(translated).isExactlyInstanceOf(InvalidCodeException.class);
		assertThat(translated.requestId()).isEqualTo("req-2");
	}

	@Test
	void serialNotOfTheKeysUserIsMfaDeviceMismatch() {
		AwsCallException translated = AwsErrorTranslator.translate("GetSessionToken", sts(403, "AccessDenied",
				"MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."),
				AwsErrorTranslator.Signer.EMPLOYEE);
		assertThat(translated).isExactlyInstanceOf(MfaDeviceMismatchException.class).isInstanceOf(InvalidCodeException.class);
	}

	@Test
	void sessionKeyOnGetSessionTokenIsInvalidAccessKey() {
		assertThat(AwsErrorTranslator.translate("GetSessionToken",
				sts(403, "AccessDenied", "Cannot call GetSessionToken with session credentials"), AwsErrorTranslator.Signer.EMPLOYEE))
			.isExactlyInstanceOf(InvalidAccessKeyException.class);
	}

	@ParameterizedTest
	@CsvSource({ "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken" })
	void badEmployeeKeyIsInvalidAccessKeyButBadPortalKeyIsAccessDenied(String code) {
		assertThat(AwsErrorTranslator.translate("Op", sts(403, code, "msg"), AwsErrorTranslator.Signer.EMPLOYEE))
			.isExactlyInstanceOf(InvalidAccessKeyException.class);
		assertThat(AwsErrorTranslator.translate("Op", sts(403, code, "msg"), AwsErrorTranslator.Signer.PORTAL))
			.isExactlyInstanceOf(AwsAccessDeniedException.class);
	}

	@Test
	void clientSideFailuresAreAwsUnavailableWithoutCode() {
		for (SdkException failure : new SdkException[] { SdkClientException.create("Unable to execute HTTP request"),
				ApiCallTimeoutException.create(10_000) }) {
			AwsCallException translated = AwsErrorTranslator.translate("Op", failure, AwsErrorTranslator.Signer.PORTAL);
			assertThat(translated).isExactlyInstanceOf(AwsUnavailableException.class);
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
