package dev.mfaportal.sandbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sandbox's raw HTTP answers: what the SDK parses, checked without the SDK.
 */
class SandboxWireTests {

	private static final SandboxAccount account = SandboxAccount.start();

	@AfterAll
	static void stop() {
		account.close();
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(account.endpoint().resolve("/"))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unsignedRequestIsMissingAuthenticationTokenInAwsErrorEnvelope() throws Exception {
		HttpResponse<String> response = post("Action=ListAccountAliases&Version=2010-05-08");
		String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
		assertThat(response.body()).isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
				+ "<Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>"
				+ "<Message>Request is missing Authentication Token</Message></Error>"
				+ "<RequestId>" + requestId + "</RequestId></ErrorResponse>");
	}

	@Test
	void stsErrorsUseTheStsNamespace() throws Exception {
		assertThat(post("Action=GetCallerIdentity&Version=2011-06-15").body())
			.startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
	}

	@Test
	void dateHeaderFollowsTheRealClockEvenWhenTotpClockIsMoved() throws Exception {
		account.useTotpClock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(5)));
		try {
			String date = post("Action=GetCallerIdentity&Version=2011-06-15").headers().firstValue("Date").orElseThrow();
			assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME))
				.isCloseTo(ZonedDateTime.now(), within(Duration.ofSeconds(5)));
		}
		finally {
			account.reset();
		}
	}

	@Test
	void serviceFailureIsAReceiverFault() throws Exception {
		account.inject(SandboxFault.serviceFailure().times(1));
		HttpResponse<String> response = post("Action=ListAccountAliases&Version=2010-05-08");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("<Type>Receiver</Type><Code>ServiceFailure</Code>");
	}

}
