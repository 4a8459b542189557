package dev.mfaportal.audit;

import java.util.UUID;

import com.microsoft.playwright.Page;
import dev.mfaportal.BrowserSupport;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin sees: the portal on a real port with PostgreSQL and the sandbox AWS account, in Chromium.
 */
@PortalFlowTest
@ExtendWith(BrowserSupport.class)
class AuditBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	SandboxAccount sandbox;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@Test
	void adminFiltersTheAuditViewAndOpensAnEvent(Page page) {
		String user = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			this.auditLog.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS).portalUser(user).iamUser(user));
		}
		long denied = this.auditLog.record(AuditEvent.of("access.denied", AuditOutcome.DENIED)
			.portalUser(user)
			.detail("path", "/admin/audit"));

		BrowserSupport.signIn(page, baseUrl(), "admin", "admin");
		page.navigate(baseUrl() + "/admin/audit");
		// The page's own script filled in the browser's time zone.
		assertThat(page.inputValue("#audit-zone")).isNotBlank();
		page.fill("#audit-filter input[name=portalUser]", user);
		page.selectOption("#audit-filter select[name=outcome]", "DENIED");
		page.click("#audit-filter button[type=submit]");
		page.waitForURL((url) -> url.contains("portalUser=" + user));

		assertThat(page.locator("tr[data-audit-id]").count()).isEqualTo(1);
		assertThat(page.getAttribute("tr[data-audit-id]", "data-audit-id")).isEqualTo(Long.toString(denied));
		assertThat(page.locator("#audit-chart svg g.denied").count()).isPositive();
		BrowserSupport.screenshot(page, "audit-filtered");

		page.click("tr[data-audit-id] a");
		page.waitForURL((url) -> url.contains("/admin/audit/" + denied));
		assertThat(page.textContent("#audit-detail-json")).contains("/admin/audit");
		BrowserSupport.screenshot(page, "audit-event");

		page.navigate(baseUrl() + "/admin/audit/integrity");
		assertThat(page.getAttribute("#audit-integrity", "data-intact")).isEqualTo("true");
		BrowserSupport.screenshot(page, "audit-integrity");
	}

	@Test
	void adminRemovesALostDeviceWithAReason(Page page) {
		String serial = this.sandbox.devices().createEnabled("bob", "/mfa-portal/", "bob-lost-" + UUID.randomUUID().toString().substring(0, 6));

		BrowserSupport.signIn(page, baseUrl(), "admin", "admin");
		page.navigate(baseUrl() + "/admin/employees/bob");
		String row = "tr[data-serial='" + serial + "']";
		assertThat(page.locator(row).count()).isEqualTo(1);
		page.fill(row + " textarea[name=reason]", "Lost phone, ticket HD-7");
		BrowserSupport.screenshot(page, "helpdesk-employee");
		page.click(row + " button[type=submit]");
		// The confirmation names the employee and the device, with the reason carried over; only it removes.
		page.waitForSelector("form#helpdesk-confirm-removal");
		assertThat(page.textContent("#helpdesk-confirm-arn")).contains(serial);
		assertThat(page.inputValue("#helpdesk-reason")).isEqualTo("Lost phone, ticket HD-7");
		page.click("form#helpdesk-confirm-removal button[type=submit]");
		page.waitForSelector("#helpdesk-removed");

		assertThat(this.sandbox.devices().find(serial)).isEmpty();
		assertThat(page.locator(row).count()).isZero();
		assertThat(page.locator("tr[data-audit-id]").allTextContents())
			.anySatisfy((text) -> assertThat(text).contains("helpdesk.device-removed"));
		BrowserSupport.screenshot(page, "helpdesk-removed");
	}

}
