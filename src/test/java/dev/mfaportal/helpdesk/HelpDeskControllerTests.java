package dev.mfaportal.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

		Document page = Jsoup.parse(this.mvc.perform(get("/admin/employees/" + this.employee).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page.select("tr[data-serial]").eachAttr("data-serial")).containsExactly(serial());
		assertThat(page.select("form.helpdesk-remove textarea[name=reason][required]")).hasSize(1);
	}

	@Test
	void removeWhenCsrfTokenMissingThenForbiddenAndNoAwsChange() throws Exception {
		hasDevice();

		this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
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

		this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
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
	void removeWhenReasonMissingThenNothingHappens() throws Exception {
		hasDevice();

		this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", "  "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", RemovalNotice.REASON_REQUIRED));

		verify(this.devices, never()).deactivate(anyString(), anyString());
		assertThat(actions()).isEmpty();
	}

	@Test
	void removeWhenDeviceIsNotTheEmployeesThenRefusedWithoutAwsChange() throws Exception {
		hasDevice();

		this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("serialNumber", "arn:aws:iam::123456789012:mfa/someone-else")
			.param("reason", "lost"))
			.andExpect(flash().attribute("notice", RemovalNotice.NOT_THEIRS));

		verify(this.devices, never()).deactivate(anyString(), anyString());
		verify(this.devices, never()).delete(any());
	}

	@Test
	void removeWhenAwsFailsThenFailureAuditedAndShown() throws Exception {
		hasDevice();
		willThrow(new AwsCallException(Kind.UNAVAILABLE, "AWS is not answering", "Throttling", "req-1", null)).given(this.devices)
			.deactivate(this.employee, serial());

		this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
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

		Document page = Jsoup.parse(this.mvc.perform(get("/admin/employees/" + this.employee).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page.selectFirst("#helpdesk-aws-error").text()).contains("cannot be shown");
		assertThat(page.text()).contains("AWS request id: req-6").doesNotContain("not authorized");
		assertThat(page.select("form.helpdesk-remove")).isEmpty();
	}

	MvcResult removing(String reason) throws Exception {
		return this.mvc.perform(post("/admin/employees/" + this.employee + "/devices/remove").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("serialNumber", serial())
			.param("reason", reason))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	/** The page the redirect after a removal shows: the session (in the database) carries its flash attributes. */
	Document followed(MvcResult redirect) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(redirect.getResponse().getRedirectedUrl()).with(user("admin").roles("ADMIN"))
			.cookie(redirect.getResponse().getCookies()))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void employeeWhenNameIsNotAnIamUserNameThenBadRequest() throws Exception {
		this.mvc.perform(get("/admin/employees/bad name!").with(user("admin").roles("ADMIN")))
			.andExpect(status().isBadRequest());
	}

	List<String> actions() {
		return this.history.recentForIamUser(this.employee, 10).stream().map(AuditEntry::action).toList();
	}

}
