package dev.mfaportal.helpdesk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import dev.mfaportal.PortalMockMvcTest;
import dev.mfaportal.audit.AuditEntry;
import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.MfaDevice;
import dev.mfaportal.aws.MfaDevices;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalMockMvcTest
class HelpDeskControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditHistory history;

	/** A mock ({@link PortalMockMvcTest}). */
	@Autowired
	MfaDevices devices;

	/** An IAM user no other test uses, so its audit history is this test's alone. */
	String employee = "emp-" + UUID.randomUUID().toString().substring(0, 8);

	Cookie[] adminSession;

	String serial() {
		return "arn:aws:iam::123456789012:mfa/mfa-portal/" + this.employee + "-phone";
	}

	void hasDevice() {
		given(this.devices.listAssigned(this.employee))
			.willReturn(List.of(new MfaDevice(serial(), this.employee, Instant.parse("2026-11-01T09:00:00Z"))));
	}

	@Test
	void employeeWhenShownThenListsDevicesWithRemoveForms() throws Exception {
		hasDevice();

		Document page = employeePage();

		assertThat(page.select("tr[data-serial]").eachAttr("data-serial")).containsExactly(serial());
		assertThat(page.select("form.helpdesk-remove textarea[name=reason][required]")).hasSize(1);
	}

	@Test
	void removeWhenCsrfTokenMissingThenForbiddenAndNoAwsChange() throws Exception {
		hasDevice();

		this.mvc.perform(removal()
			.param("serialNumber", serial())
			.param("reason", "Lost phone"))
			.andExpect(status().isForbidden());

		verify(this.devices, never()).deactivate(this.employee, serial());
		verify(this.devices, never()).delete(serial());
	}

	@Test
	void removeWhenReasonGivenThenAuditedBeforeAwsAndDeviceRemoved() throws Exception {
		hasDevice();
		willAnswer((invocation) -> {
			// The attempt must already be on record when AWS is first touched (S21).
			assertThat(actions()).containsExactly("helpdesk.device-removal-started");
			return null;
		}).given(this.devices).deactivate(this.employee, serial());

		this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", "Lost phone, ticket HD-42"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", RemovalNotice.REMOVED))
			.andExpect(flash().attribute("serial", serial()));

		verify(this.devices).deactivate(this.employee, serial());
		verify(this.devices).delete(serial());
		List<AuditEntry> events = this.history.recentForIamUser(this.employee, 10);
		assertThat(events).extracting(AuditEntry::action)
			.containsExactly("helpdesk.device-removed", "helpdesk.device-removal-started");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.portalUser()).isEqualTo("admin");
			assertThat(event.iamUser()).isEqualTo(this.employee);
			assertThat(event.mfaSerial()).isEqualTo(serial());
		});
		String page = this.mvc.perform(get("/admin/audit/" + events.get(0).id()).with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).selectFirst("#audit-detail-json").text()).contains("Lost phone, ticket HD-42")
			.contains("\"admin\"")
			.contains(this.employee);
	}

	@Test
	void removeWhenReasonMissingThenRefusalAuditedAndNoAwsChange() throws Exception {
		hasDevice();

		this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", "  "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", RemovalNotice.REASON_REQUIRED));

		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).containsExactly("helpdesk.device-removal-refused");
	}

	@Test
	void removeWhenSerialIsNotAnMfaArnThenBadRequestAuditedCappedAndNoAwsCall() throws Exception {
		hasDevice();

		this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", "GAHT" + "9".repeat(5_000))
			.param("reason", "lost"))
			.andExpect(status().isBadRequest());

		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).containsExactly("helpdesk.device-removal-failed");
	}

	@Test
	void removeWhenDeviceIsNotTheEmployeesThenRefusedWithoutAwsChange() throws Exception {
		hasDevice();

		this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", "arn:aws:iam::123456789012:mfa/someone-else")
			.param("reason", "lost"))
			.andExpect(flash().attribute("notice", RemovalNotice.NOT_THEIRS));

		verify(this.devices, never()).deactivate(anyString(), anyString());
		verify(this.devices, never()).delete(any());
		assertThat(actions()).containsExactly("helpdesk.device-removal-refused");
	}

	@Test
	void removeWhenAwsFailsThenFailureAuditedAndShown() throws Exception {
		hasDevice();
		willThrow(new AwsCallException(Kind.UNAVAILABLE, "AWS is not answering", "Throttling", "req-1", null)).given(this.devices)
			.deactivate(this.employee, serial());

		this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", "lost"))
			.andExpect(flash().attribute("notice", RemovalNotice.REMOVAL_UNCLEAR))
			.andExpect(flash().attribute("awsRequestId", "req-1"));

		verify(this.devices, never()).delete(any());
		assertThat(actions()).containsExactly("helpdesk.device-removal-failed", "helpdesk.device-removal-started");
	}

	@Test
	void removeWhenDeactivatedButNotDeletedThenSaysSoAndRecordsTheFailedDelete() throws Exception {
		hasDevice();
		willThrow(new AwsCallException(Kind.ACCESS_DENIED, "not allowed", "AccessDenied", "req-5", null))
			.given(this.devices)
			.delete(serial());

		Document page = followed(removing("Lost phone"));

		verify(this.devices).deactivate(this.employee, serial());
		assertThat(page.selectFirst("#helpdesk-removed").text()).contains("was deactivated")
			.contains("no longer protects the employee")
			.contains("did not delete it");
		assertThat(page.text()).contains("AWS error code: AccessDenied").contains("AWS request id: req-5");
		assertThat(actions()).containsExactly("helpdesk.device-removal-failed", "helpdesk.device-removal-started");
		String failed = this.mvc
			.perform(get("/admin/audit/" + this.history.recentForIamUser(this.employee, 1).get(0).id())
				.with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(failed).selectFirst("#audit-detail-json").text()).contains("\"step\"", "\"delete\"")
			.contains("AccessDenied")
			.contains("Lost phone");
	}

	@Test
	void removeWhenAwsNeverAnsweredThenSaysItIsUnclearAndNeverShowsNull() throws Exception {
		hasDevice();
		willThrow(new AwsCallException(Kind.UNAVAILABLE, "dropped", null, null, null)).given(this.devices)
			.deactivate(this.employee, serial());

		Document page = followed(removing("lost"));

		assertThat(page.selectFirst("#helpdesk-aws-error").text()).contains("unclear whether device " + serial());
		assertThat(page.text()).doesNotContain("null").doesNotContain("AWS request id");
	}

	@Test
	void employeeWhenAwsCannotListThenSaysSoWithTheRequestIdAndNoRemoveForm() throws Exception {
		given(this.devices.listAssigned(this.employee))
			.willThrow(new AwsCallException(Kind.ACCESS_DENIED, "not authorized", "AccessDenied", "req-6", null));

		Document page = employeePage();

		assertThat(page.selectFirst("#helpdesk-aws-error").text()).contains("cannot be shown");
		assertThat(page.text()).contains("AWS request id: req-6").doesNotContain("not authorized");
		assertThat(page.select("form.helpdesk-remove")).isEmpty();
	}

	/** The confirmed removal as the confirmation page posts it, by the demo admin signed in just now. */
	MockHttpServletRequestBuilder removal() throws Exception {
		return post("/admin/employees/" + this.employee + "/devices/remove").cookie(signedInAdmin())
			.param("confirmed", "true");
	}

	/** Signed in through the sign-in form, so the session holds a recent sign-in as a real one does. */
	Cookie[] signedInAdmin() throws Exception {
		if (this.adminSession == null) {
			this.adminSession = this.mvc
				.perform(post("/login").param("username", "admin").param("password", "admin").with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn()
				.getResponse()
				.getCookies();
		}
		return this.adminSession;
	}

	MvcResult removing(String reason) throws Exception {
		return this.mvc.perform(removal()
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", reason))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	/** The page the redirect after a removal shows: the session (in the database) carries its flash attributes. */
	Document followed(MvcResult redirect) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(redirect.getResponse().getRedirectedUrl()).cookie(signedInAdmin()))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void employeeWhenNameIsNotAnIamUserNameThenBadRequest() throws Exception {
		this.mvc.perform(get("/admin/employees/bad name!").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void removeWhenNotYetConfirmedThenLeadsToTheConfirmationAndChangesNothing() throws Exception {
		hasDevice();

		String confirmation = this.mvc
			.perform(post("/admin/employees/" + this.employee + "/devices/remove").cookie(signedInAdmin())
				.with(csrf())
				.param("serialNumber", serial())
				.param("reason", "Lost phone, HD-7"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(confirmation).isEqualTo(DeviceRemovalController.confirmationPath(this.employee, serial(), "Lost phone, HD-7"));
		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).isEmpty();
	}

	@Test
	void confirmationWhenSignInRecentThenNamesEmployeeAndDeviceWithTheReasonFilledInAndChangesNothing() throws Exception {
		hasDevice();

		Document page = Jsoup.parse(this.mvc
			.perform(get(URI.create(DeviceRemovalController.confirmationPath(this.employee, serial(), "Lost phone, HD-7")))
				.cookie(signedInAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page.selectFirst("#helpdesk-confirm-device").text()).contains(this.employee + "-phone")
			.contains(this.employee);
		assertThat(page.selectFirst("#helpdesk-confirm-arn").text()).contains(serial());
		assertThat(page.selectFirst("form#helpdesk-confirm-removal textarea[name=reason]").text()).isEqualTo("Lost phone, HD-7");
		assertThat(page.selectFirst("form#helpdesk-confirm-removal input[name=confirmed]").val()).isEqualTo("true");
		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).isEmpty();
	}

	@Test
	void removeWhenSignInNotRecentThenRefusalAuditedAndReauthenticationLeadsBackToTheConfirmation() throws Exception {
		hasDevice();

		String target = this.mvc
			.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("serialNumber", serial())
				.param("reason", "Lost phone")
				.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(target).startsWith("/reauthenticate?continue=");
		assertThat(URLDecoder.decode(target.substring(target.indexOf('=') + 1), StandardCharsets.UTF_8))
			.isEqualTo(DeviceRemovalController.confirmationPath(this.employee, serial(), "Lost phone"));
		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).containsExactly("helpdesk.device-removal-refused");
		String refused = this.mvc
			.perform(get("/admin/audit/" + this.history.recentForIamUser(this.employee, 1).get(0).id())
				.with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refused).selectFirst("#audit-detail-json").text()).contains("reauthentication-required")
			.contains("Lost phone");
	}

	@Test
	void employeeWhenIamHasNoSuchUserThenSaysNoSuchIamUser() throws Exception {
		given(this.devices.listAssigned(this.employee))
			.willThrow(new AwsCallException(Kind.NOT_FOUND, "no such user", "NoSuchEntity", "req-8", null));

		Document page = employeePage();

		assertThat(page.selectFirst("#helpdesk-no-such-user").text()).isEqualTo("No such IAM user.");
		assertThat(page.text()).doesNotContain("Nothing was removed").doesNotContain("has no MFA device");
	}

	@Test
	void removeWhenIamHasNoSuchUserThenSaysNoSuchIamUser() throws Exception {
		given(this.devices.listAssigned(this.employee))
			.willThrow(new AwsCallException(Kind.NOT_FOUND, "no such user", "NoSuchEntity", "req-9", null));

		this.mvc.perform(removal().with(csrf()).param("serialNumber", serial()).param("reason", "lost"))
			.andExpect(flash().attribute("notice", RemovalNotice.NO_SUCH_USER));
	}

	@Test
	void reasonWhenPaddedOrTooLongThenTrimmedAndCapped() {
		assertThat(DeviceRemoval.reason("  lost phone \n")).isEqualTo("lost phone");
		assertThat(DeviceRemoval.reason("x".repeat(600))).hasSize(DeviceRemoval.REASON_MAX_LENGTH);
		assertThat(DeviceRemoval.reason(null)).isEmpty();
	}

	@Test
	void confirmationPathWhenNamesHoldPlusOrSlashThenTheyComeBackUnchanged() {
		String path = DeviceRemovalController.confirmationPath("a+b@x", "arn:aws:iam::123456789012:mfa/p/a+b", "lost & found");
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(path).build().getQueryParams();
		assertThat(path).startsWith("/admin/employees/a+b@x/devices/remove?").doesNotContain("%2F");
		assertThat(URLDecoder.decode(query.getFirst("serialNumber"), StandardCharsets.UTF_8))
			.isEqualTo("arn:aws:iam::123456789012:mfa/p/a+b");
		assertThat(URLDecoder.decode(query.getFirst("reason"), StandardCharsets.UTF_8)).isEqualTo("lost & found");
	}

	/** The employee's help-desk page, which must answer 200. */
	Document employeePage() throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/admin/employees/" + this.employee).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	List<String> actions() {
		return this.history.recentForIamUser(this.employee, 10).stream().map(AuditEntry::action).toList();
	}

}
