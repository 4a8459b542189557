package dev.mfaportal.web;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.identity.IdentityConfiguration;
import dev.mfaportal.identity.InMemorySignInThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page with the real security chain and enrollment's device rules, AWS mocked. The device limit is
 * set to 5 here, not AWS's 8, to show that the page follows {@code portal.enrollment.max-devices}.
 */
@WebMvcTest(controllers = HomeController.class, properties = "portal.enrollment.max-devices=5")
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, EmployeeDevices.class })
class HomeControllerTests {

	static final String SERIAL = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MfaDevices mfaDevices;

	@MockitoBean
	AuditLog auditLog;

	@Test
	void homeShowsTheEmployeeAndTheirIamUser() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of());
		Document page = home("alice");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Welcome, Alice Example");
		assertThat(page.selectFirst("#iam-user").text()).isEqualTo("alice");
		assertThat(page.selectFirst("#signed-in-user").text()).isEqualTo("alice");
		assertThat(page.selectFirst("#no-devices")).isNotNull();
		assertThat(page.selectFirst("#device-count").text()).isEqualTo("0 of 5 used");
		assertThat(page.selectFirst("nav a[aria-current=page]").attr("href")).isEqualTo("/");
	}

	@Test
	void homeListsTheDevicesOfTheEmployeesOwnIamUser() throws Exception {
		given(this.mfaDevices.listAssigned("bob"))
			.willReturn(List.of(new MfaDevice(SERIAL, "bob", Instant.parse("2026-11-02T08:15:00Z")),
					new MfaDevice(SERIAL + "2", "bob", Instant.parse("2026-11-03T09:00:00Z"))));
		Document page = home("bob");
		assertThat(page.select("tr[data-serial]")).hasSize(2);
		assertThat(page.selectFirst("tr[data-serial]").attr("data-serial")).isEqualTo(SERIAL);
		assertThat(page.selectFirst("tr[data-serial] time").attr("datetime")).isEqualTo("2026-11-02T08:15:00Z");
		assertThat(page.selectFirst("tr[data-serial] time").text()).isEqualTo("2026-11-02 08:15 UTC");
		assertThat(page.selectFirst("#device-count").text()).isEqualTo("2 of 5 used");
		assertThat(page.selectFirst("#aws-problem")).isNull();
	}

	@Test
	void homeWhenDeviceLimitConfiguredThenCountsAgainstThatLimit() throws Exception {
		given(this.mfaDevices.listAssigned("alice"))
			.willReturn(List.of(new MfaDevice(SERIAL, "alice", Instant.parse("2026-11-02T08:15:00Z"))));
		Document page = home("alice");
		assertThat(page.selectFirst("#device-usage").attr("max")).isEqualTo("5");
		assertThat(page.selectFirst("#device-usage").attr("value")).isEqualTo("1");
		assertThat(page.selectFirst("#device-count").text()).isEqualTo("1 of 5 used");
	}

	@Test
	void homeWhenAwsNotAnsweringThenSaysSoWithRequestIdAndNoInternals() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willThrow(new AwsCallException(Kind.UNAVAILABLE,
				"Throttling: Rate exceeded (Service: Iam, Status Code: 400)", "Throttling", "req-123", null));
		Document page = home("alice");
		assertThat(page.selectFirst("#aws-problem").text()).contains("AWS is not answering");
		assertThat(page.selectFirst("#aws-request-id").text()).isEqualTo("req-123");
		assertThat(page.selectFirst("#devices")).isNull();
		assertThat(page.html()).doesNotContain("Rate exceeded").doesNotContain("Status Code");
	}

	@Test
	void homeWhenAwsRefusesThenSaysSo() throws Exception {
		given(this.mfaDevices.listAssigned("alice"))
			.willThrow(new AwsCallException(Kind.ACCESS_DENIED, "User portal is not authorized", "AccessDenied", null, null));
		Document page = home("alice");
		assertThat(page.selectFirst("#aws-problem").text()).contains("AWS refused");
		assertThat(page.selectFirst("#aws-request-id")).isNull();
		assertThat(page.html()).doesNotContain("not authorized");
	}

	@Test
	void layoutShowsAdminLinkOnlyToAdmins() throws Exception {
		given(this.mfaDevices.listAssigned("admin")).willReturn(List.of());
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of());
		assertThat(home("admin", "EMPLOYEE", "ADMIN").select("a[href=/admin/audit]")).hasSize(1);
		assertThat(home("alice").select("a[href=/admin/audit]")).isEmpty();
	}

	@Test
	void homeWhenAuditorAloneThenTheReadablePagesInsteadOfDevicesAndNoAwsCall() throws Exception {
		Document page = home("auditor", "AUDITOR");
		assertThat(page.selectFirst("#read-only a#audit-link").attr("href")).isEqualTo("/admin/audit");
		assertThat(page.selectFirst("#read-only a#coverage-link").attr("href")).isEqualTo("/admin/coverage");
		assertThat(page.select("#enroll-link, #credentials-link, #devices-heading")).isEmpty();
		assertThat(page.selectFirst("#iam-user").text()).isEqualTo("auditor");
		then(this.mfaDevices).shouldHaveNoInteractions();
	}

	@Test
	void homeWhenAnEmployeeThenDevicesAndActionsAndNoReadOnlyCard() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of());
		Document page = home("alice");
		assertThat(page.select("#enroll-link, #credentials-link")).hasSize(2);
		assertThat(page.selectFirst("#read-only")).isNull();
	}

	@Test
	void layoutSignsOutByPostWithCsrfToken() throws Exception {
		given(this.mfaDevices.listAssigned("alice")).willReturn(List.of());
		Document page = home("alice");
		assertThat(page.selectFirst("form#sign-out").attr("method")).isEqualTo("post");
		assertThat(page.selectFirst("form#sign-out").attr("action")).isEqualTo("/logout");
		assertThat(page.selectFirst("form#sign-out input[name=_csrf]").attr("value")).isNotBlank();
	}

	Document home(String username, String... roles) throws Exception {
		String[] granted = (roles.length > 0) ? roles : new String[] { "EMPLOYEE" };
		String html = this.mvc.perform(get("/").with(user(username).roles(granted)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("??");
		return Jsoup.parse(html);
	}

}
