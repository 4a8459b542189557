package dev.mfaportal.identity;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.helpdesk.LostDevice;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help desk and the auditor through the one security chain, over real HTTP with the demo's local accounts: the
 * help desk removes a lost device but cannot export the audit log; the auditor reads and exports it but cannot
 * remove anything.
 */
@PortalFlowTest
class RolesFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	MfaDevices mfaDevices;

	LostDevice lost;

	String lostDevice;

	@BeforeEach
	void bobLostHisPhone() {
		this.lost = LostDevice.of(this.sandbox, this.mfaDevices, "bob");
		this.lostDevice = this.lost.serial();
	}

	@AfterEach
	void removeWhatIsLeft() {
		this.lost.removeIfLeft();
	}

	@Test
	void helpDeskWhenAnEmployeeLostTheirDeviceThenRemovesItButCannotExportTheAuditLog() {
		PortalClient helpdesk = PortalClient.signedIn(this.port, "helpdesk");
		Page employee = helpdesk.get("/admin/employees/bob");
		assertThat(employee.status()).isEqualTo(200);

		Page confirmation = helpdesk.submit(employee, "form.helpdesk-remove", Map.of("reason", "Phone lost, ticket 4711"));
		Page removed = helpdesk.submit(confirmation, "form#helpdesk-confirm-removal", Map.of("reason", "Phone lost, ticket 4711"));

		assertThat(removed.status()).isEqualTo(200);
		assertThat(this.lost.present()).isFalse();
		assertThat(helpdesk.get("/admin/audit.csv").status()).isEqualTo(403);
		assertThat(helpdesk.get("/admin/audit").status()).isEqualTo(403);
	}

	@Test
	void auditorWhenReadingTheAuditLogThenReadsAndExportsButCannotRemoveADevice() {
		PortalClient auditor = PortalClient.signedIn(this.port, "auditor");
		Page audit = auditor.get("/admin/audit");
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.document().select("nav a[href=/admin/audit]")).hasSize(1);
		assertThat(audit.document().select("nav a[href=/mfa], nav a[href=/credentials]")).as("no self-service").isEmpty();
		assertThat(auditor.get("/mfa").status()).isEqualTo(403);
		Page home = auditor.get("/");
		assertThat(home.document().select("#read-only a[href=/admin/audit]")).as("home leads to the audit log").hasSize(1);
		assertThat(home.document().select("#enroll-link, #credentials-link")).as("home offers no self-service").isEmpty();
		assertThat(auditor.get("/admin/audit/integrity").status()).isEqualTo(200);
		Page export = auditor.get("/admin/audit.csv");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("text/csv");
		String csrf = PortalClient.csrf(auditor.page("/admin/audit"), "form#sign-out");

		Page removal = auditor.post("/admin/employees/bob/devices/remove",
				Map.of("_csrf", csrf, "serialNumber", this.lostDevice, "reason", "trying"));

		assertThat(removal.status()).isEqualTo(403);
		assertThat(auditor.get("/admin/employees/bob").status()).isEqualTo(403);
		assertThat(this.lost.present()).isTrue();
	}

}
