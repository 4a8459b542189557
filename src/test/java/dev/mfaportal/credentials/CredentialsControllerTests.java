package dev.mfaportal.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AccessKeys;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.CallerIdentity;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.kernel.Secret;
import dev.mfaportal.aws.SessionCredentials;
import dev.mfaportal.aws.SessionRevocations;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.kernel.AttemptsLeft;
import dev.mfaportal.identity.IdentityConfiguration;
import dev.mfaportal.identity.InMemorySignInThrottle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The credentials pages with the real security chain and issuer, AWS, guard and audit mocked: what the
 * employee sees, which status and headers come back, and that nothing secret is echoed (S4, S5, S8).
 */
@WebMvcTest({ CredentialsController.class, CredentialsDownloadController.class })
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, CredentialsConfiguration.class, CodeAttempts.class,
		EmployeeDevices.class })
class CredentialsControllerTests {

	static final String SERIAL = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	static final String SECRET = "alice-sandbox-secret-access-key-00000000";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MfaDevices mfaDevices;

	@MockitoBean
	SessionTokens sessionTokens;

	@MockitoBean
	CodeGuard codeGuard;

	@MockitoBean
	AuditLog auditLog;

	/** The keyless and revocation beans of CredentialsConfiguration; the employee-key form never calls them. */
	@MockitoBean
	AccessKeys accessKeys;

	@MockitoBean
	SessionRevocations sessionRevocations;

	@MockitoBean
	AuditHistory auditHistory;

	@MockitoBean
	JdbcClient jdbcClient;

	@BeforeEach
	void aliceHasADevice() {
		given(this.codeGuard.attemptsLeft(any(), any())).willReturn(new AttemptsLeft(4, 15));
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of(new MfaDevice(SERIAL, "alice", Instant.now())));
		SessionCredentials session = new SessionCredentials("ASIASESSION000000001", Secret.of("temp/secret+key"),
				Secret.of("temp-session-token=="), Instant.now().plus(Duration.ofHours(1)), "req-1");
		given(this.sessionTokens.issue(any(), any(), any(), any())).willReturn(session);
		given(this.sessionTokens.callerOf(session))
			.willReturn(new CallerIdentity("123456789012", "AIDAALICE", "arn:aws:iam::123456789012:user/alice"));
	}

	@Test
	void formWhenSignedOutThenRedirectsToLogin() throws Exception {
		assertThat(this.mvc.perform(get("/credentials")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void formListsDevicesWithSafeFieldAttributes() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/credentials").with(user("alice").roles("EMPLOYEE")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select("form#issue-credentials select[name=serialNumber] option").eachAttr("value"))
			.containsExactly(SERIAL);
		assertThat(page.selectFirst("input[name=tokenCode]").attr("autocomplete")).isEqualTo("one-time-code");
		assertThat(page.selectFirst("input[name=tokenCode]").attr("inputmode")).isEqualTo("numeric");
		assertThat(page.selectFirst("input[name=secretAccessKey]").attr("type")).isEqualTo("password");
		assertThat(page.select("link[href=/css/credentials.css]")).hasSize(1);
	}

	@Test
	void formWhenNoDeviceThenPointsToEnrollment() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of());
		Document page = page(get("/credentials").with(user("alice").roles("EMPLOYEE")), 200);
		assertThat(page.select("form#issue-credentials")).isEmpty();
		assertThat(page.selectFirst("#no-device a").attr("href")).isEqualTo("/mfa");
	}

	@Test
	void formWhenAwsDoesNotAnswerThenSaysSoWith503() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willThrow(new AwsCallException(Kind.UNAVAILABLE, "x", "Throttling", "r", null));
		Document page = page(get("/credentials").with(user("alice").roles("EMPLOYEE")), 503);
		assertThat(page.select("#devices-unavailable")).hasSize(1);
		assertThat(page.select("#no-device")).isEmpty();
	}

	@Test
	void issueWhenValidThenShowsEveryFormatOnceAndUncached() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(issue("654321", "3600")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.selectFirst("#session-access-key-id").text()).isEqualTo("ASIASESSION000000001");
		assertThat(page.selectFirst("time#session-expiration").attr("datetime")).endsWith("Z");
		assertThat(page.select("button[data-format]").eachAttr("data-format")).hasSize(7);
		assertThat(page.selectFirst("pre#credentials-bash").wholeText())
			.contains("export AWS_SECRET_ACCESS_KEY='temp/secret+key'");
		assertThat(page.selectFirst("form#download-credentials input[name=sealed]").val()).isNotBlank();
		assertThat(response.getContentAsString()).doesNotContain(SECRET).doesNotContain("654321");
	}

	@Test
	void issueWhenInputInvalidThenFormErrorsKeepTheKeyIdAndEchoNoSecret() throws Exception {
		Document page = page(issue("65432x", "60"), 400);
		assertThat(page.select("p.error")).hasSize(2);
		assertThat(page.html()).doesNotContain(SECRET).doesNotContain("65432x");
		assertThat(page.selectFirst("input#accessKeyId").val()).isEqualTo("AKIASANDBOXALICE0001");
		assertThat(page.selectFirst("input#secretAccessKey").hasAttr("value")).isFalse();
		assertThat(page.selectFirst("select[name=durationSeconds] option[selected]")).isNull();
		verifyNoInteractions(this.sessionTokens, this.codeGuard);
	}

	@Test
	void issueWhenASecretIsTypedAsTheKeyIdThenItIsNotWrittenBack() throws Exception {
		Document page = page(issueWithKeyIdOnly("65432x", "3600", SECRET), 400);
		assertThat(page.selectFirst("input#accessKeyId").val()).isEmpty();
		assertThat(page.html()).doesNotContain(SECRET);
	}

	@Test
	void issueWhenRefusedThenTheErrorSummaryLinksToEachFieldTiedToItsError() throws Exception {
		Document page = page(issueWithKeyIdOnly("65432x", "60", "AKIASANDBOXALICE0001"), 400);
		assertThat(page.selectFirst("#form-errors").attr("tabindex")).isEqualTo("-1");
		assertThat(page.select("#form-errors li a").eachAttr("href"))
			.containsExactlyInAnyOrder("#tokenCode", "#durationSeconds", "#secretAccessKey");
		assertThat(page.selectFirst("input#tokenCode").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("input#tokenCode").attr("aria-describedby").split(" "))
			.contains("tokenCode-error");
		assertThat(page.selectFirst("#tokenCode-error").text()).contains("six digits");
		assertThat(page.selectFirst("input#secretAccessKey").attr("aria-describedby")).isEqualTo("secretAccessKey-error");
		assertThat(page.selectFirst("select#durationSeconds").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("input#accessKeyId").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void formShowsDevicesByNameWithTheArnAsValueAndHint() throws Exception {
		Document page = page(get("/credentials").with(user("alice").roles("EMPLOYEE")), 200);
		assertThat(page.selectFirst("select#serialNumber option").text()).isEqualTo("alice-phone");
		assertThat(page.selectFirst("select#serialNumber option").val()).isEqualTo(SERIAL);
		assertThat(page.selectFirst("select#serialNumber").attr("aria-describedby")).isEqualTo("serialNumber-arn");
		assertThat(page.selectFirst("#serialNumber-arn code:not([hidden])").text()).isEqualTo(SERIAL);
	}

	@Test
	void formPutsTheCodeLastBesideTheButton() throws Exception {
		Document page = page(get("/credentials").with(user("alice").roles("EMPLOYEE")), 200);
		List<String> fields = page.select("form#issue-credentials input:not([type=hidden]), form#issue-credentials select, "
				+ "form#issue-credentials textarea").eachAttr("name");
		assertThat(fields).last().isEqualTo("tokenCode");
		assertThat(page.select(".code-row > #tokenCode + button[type=submit]")).hasSize(1);
	}

	@Test
	void issueWhenAwsExpiresSecondsBeforeTheAskedHoursThenTheLifetimeSaysTheHours() throws Exception {
		SessionCredentials session = new SessionCredentials("ASIASESSION000000001", Secret.of("temp/secret+key"),
				Secret.of("temp-session-token=="), Instant.now().plus(Duration.ofHours(1)).minusSeconds(45), "req-1");
		given(this.sessionTokens.issue(any(), any(), any(), any())).willReturn(session);
		given(this.sessionTokens.callerOf(session))
			.willReturn(new CallerIdentity("123456789012", "AIDAALICE", "arn:aws:iam::123456789012:user/alice"));
		assertThat(page(issue("654321", "3600"), 200).selectFirst("#session-lifetime").text()).isEqualTo("(1 h from issue)");
		assertThat(page(issue("654321", "43200").header("Accept-Language", "ja"), 200).selectFirst("#session-lifetime")
			.text()).isEqualTo("（発行から 12 時間）");
	}

	@Test
	void issuedPageHasANamedCopyButtonPerValueAndATabPerFormatBashFirst() throws Exception {
		Document page = page(issue("654321", "3600"), 200);
		assertThat(page.select("dl.session-facts button.copy").eachAttr("aria-label")).containsExactly(
				"Copy access key ID", "Copy secret access key", "Copy session token");
		assertThat(page.selectFirst("#session-secret-access-key").text()).isEqualTo("temp/secret+key");
		assertThat(page.selectFirst("#session-token").text()).isEqualTo("temp-session-token==");
		assertThat(page.select(".format-tabs [role=tab]").eachAttr("aria-controls")).hasSize(7)
			.allSatisfy((panel) -> assertThat(page.getElementById(panel)).isNotNull());
		assertThat(page.selectFirst(".format-tabs").attr("data-default-format")).isEqualTo("bash");
		assertThat(page.selectFirst(".format-tabs [aria-selected=true]").id()).isEqualTo("tab-bash");
		assertThat(page.selectFirst("#format-fish button.copy").attr("aria-label")).isEqualTo("Copy fish");
	}

	@Test
	void issueWhenAwsRefusesTheCodeThenSaysSoWithoutEcho() throws Exception {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.WRONG_CODE, "MFA failed", "AccessDenied", "req-2", null));
		Document page = page(issue("654321", "3600"), 400);
		assertThat(page.selectFirst("#tokenCode-error").text()).contains("did not accept this code");
		assertThat(page.select("#session-access-key-id")).isEmpty();
		assertThat(page.html()).doesNotContain(SECRET).doesNotContain("654321");
		assertThat(page.selectFirst("select[name=serialNumber] option[selected]").val()).isEqualTo(SERIAL);
	}

	@Test
	void issueWhenAwsDoesNotAnswerThenSays503TryAgainOnce() throws Exception {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.UNAVAILABLE, "timeout", null, null, null));
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of(new MfaDevice(SERIAL, "alice", Instant.now())))
			.willThrow(new AwsCallException(Kind.UNAVAILABLE, "timeout", null, null, null));
		Document page = page(issue("654321", "3600"), 503);
		assertThat(page.select("#form-errors p")).singleElement()
			.satisfies((error) -> assertThat(error.text()).contains("AWS is not answering"));
		assertThat(page.select("#devices-unavailable")).isEmpty();
	}

	@Test
	void issueWhenCsrfTokenMissingThenForbiddenAndNoAwsCall() throws Exception {
		int status = this.mvc.perform(post("/credentials").with(user("alice").roles("EMPLOYEE")).param("serialNumber", SERIAL))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
		verifyNoInteractions(this.sessionTokens);
	}

	@Test
	void downloadWhenSealTamperedThenForbidden() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/credentials/download").with(user("alice").roles("EMPLOYEE"))
				.with(csrf())
				.param("sealed", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
				.param("format", "bash"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader("Content-Disposition")).isNull();
		assertThat(response.getContentAsString()).isEqualTo("These credentials cannot be downloaded here.");
	}

	@Test
	void downloadWhenFormatUnknownThenBadRequest() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(download("x", "zsh")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).isEqualTo("Unknown format.");
	}

	@Test
	void downloadGivesTheSameTextAsThePageAsAnAttachment() throws Exception {
		Document page = page(issue("654321", "3600"), 200);
		String sealed = page.selectFirst("form#download-credentials input[name=sealed]").val();
		MockHttpServletResponse response = this.mvc
			.perform(download(sealed, "fish"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"aws-session.fish\"");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		assertThat(response.getContentAsString()).isEqualTo(page.selectFirst("pre#credentials-fish").wholeText());
	}

	private MockHttpServletRequestBuilder issue(String code, String duration) {
		return issueWithKeyIdOnly(code, duration, "AKIASANDBOXALICE0001").param("secretAccessKey", SECRET);
	}

	private static MockHttpServletRequestBuilder issueWithKeyIdOnly(String code, String duration, String keyId) {
		return post("/credentials").with(user("alice").roles("EMPLOYEE"))
			.with(csrf())
			.param("serialNumber", SERIAL)
			.param("tokenCode", code)
			.param("durationSeconds", duration)
			.param("accessKeyId", keyId);
	}

	private static MockHttpServletRequestBuilder download(String sealed, String format) {
		return post("/credentials/download").with(user("alice").roles("EMPLOYEE"))
			.with(csrf())
			.param("sealed", sealed)
			.param("format", format);
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		return Jsoup.parse(response.getContentAsString());
	}

}
