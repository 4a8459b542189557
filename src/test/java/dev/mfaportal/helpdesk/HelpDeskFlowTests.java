package dev.mfaportal.helpdesk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.TestClock;
import dev.mfaportal.audit.AuditEntry;
import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.aws.MfaDevices;
import dev.mfaportal.idp.DemoIdentityProvider;
import dev.mfaportal.idp.ProviderSignIn;
import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help desk over real HTTP with the demo's accounts and the sandbox account: finding an employee, and removing
 * their lost device after the help desk's own recent sign-in (password or company sign-in) and a confirmation
 * that names the employee and the device.
 */
@PortalFlowTest
class HelpDeskFlowTests {

	static final String REASON = "Phone lost, ticket HD-4711";

	@LocalServerPort
	int port;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	MfaDevices mfaDevices;

	@Autowired
	TestClock clock;

	@Autowired
	AuditHistory history;

	LostDevice lost;

	String lostDevice;

	@BeforeEach
	void bobLostHisPhone() {
		this.lost = LostDevice.of(this.sandbox, this.mfaDevices, "bob");
		this.lostDevice = this.lost.serial();
	}

	@AfterEach
	void removeWhatIsLeft() {
		DemoIdentityProvider.shared().reset();
		this.lost.removeIfLeft();
	}

	@Test
	void removeWhenThePasswordIsOldThenAsksForItAndCarriesOnToTheConfirmationWhichAloneRemoves() {
		PortalClient helpdesk = PortalClient.signedIn(this.port, "helpdesk");
		this.clock.advance(Duration.ofMinutes(11));

		Page reauthenticate = helpdesk.submit(helpdesk.get("/admin/employees/bob"), removeForm(), Map.of("reason", REASON));
		assertThat(reauthenticate.response().uri().getPath()).isEqualTo("/reauthenticate");
		assertThat(reauthenticate.document().selectFirst("form#reauthenticate")).isNotNull();

		Page confirmation = helpdesk.submit(reauthenticate, "form#reauthenticate", Map.of("password", "helpdesk"));
		assertConfirmationOfTheLostDevice(confirmation);
		assertThat(this.lost.present()).as("nothing removed before confirming").isTrue();

		Page removed = helpdesk.submit(confirmation, "form#helpdesk-confirm-removal", Map.of("reason", REASON));
		assertRemovedAndAuditedWithTheReason(removed, "helpdesk");
	}

	@Test
	void removeWhenTheCompanySignInIsOldThenSignsInAgainAtTheProviderAndCarriesOnToTheConfirmation() {
		PortalClient helpdesk = PortalClient.notFollowingRedirects(this.port);
		ProviderSignIn provider = new ProviderSignIn(helpdesk);
		provider.signIn("helpdesk");
		this.clock.advance(Duration.ofMinutes(11));

		Page asked = helpdesk.submit(helpdesk.get("/admin/employees/bob"), removeForm(), Map.of("reason", REASON));
		assertThat(asked.location()).startsWith("/reauthenticate?continue=");
		Page reauthenticate = helpdesk.follow(asked);
		String again = reauthenticate.document().selectFirst("#reauthenticate-with-provider").attr("href");

		Page confirmation = provider.follow(helpdesk.get(again), null);
		assertConfirmationOfTheLostDevice(confirmation);
		assertThat(this.lost.present()).as("nothing removed before confirming").isTrue();

		Page removed = provider.follow(
				helpdesk.submit(confirmation, "form#helpdesk-confirm-removal", Map.of("reason", REASON)), null);
		assertRemovedAndAuditedWithTheReason(removed, "helpdesk");
	}

	@Test
	void searchWhenTheNameIsWrittenInAnotherCaseThenOpensTheEmployeeAsIamSpellsIt() {
		PortalClient helpdesk = PortalClient.signedIn(this.port, "helpdesk");

		Page found = helpdesk.get("/admin/employees?iamUser=BoB");

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.response().uri().getPath()).isEqualTo("/admin/employees/bob");
		assertThat(found.document().select("tr[data-serial]").eachAttr("data-serial")).contains(this.lostDevice);
	}

	@Test
	void searchWhenIamHasNoSuchUserThenSaysNoSuchIamUser() {
		PortalClient helpdesk = PortalClient.signedIn(this.port, "helpdesk");

		Page missing = helpdesk.get("/admin/employees?iamUser=nobody-" + System.nanoTime());

		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.text("#helpdesk-no-such-user")).isEqualTo("No such IAM user.");
		assertThat(missing.document().selectFirst("form#helpdesk-search input[name=iamUser]")).isNotNull();
	}

	@Test
	void navigationWhenHelpDeskOrAdminThenLinksTheHelpDeskSearchAndOthersDoNot() {
		for (String user : List.of("helpdesk", "admin")) {
			PortalClient client = PortalClient.signedIn(this.port, user);
			String link = client.page("/").selectFirst("nav a#nav-helpdesk").attr("href");
			assertThat(client.page(link).selectFirst("form#helpdesk-search[method=get] input[name=iamUser]")).as(user)
				.isNotNull();
		}
		for (String user : List.of("alice", "auditor")) {
			PortalClient client = PortalClient.signedIn(this.port, user);
			assertThat(client.page("/").select("nav a#nav-helpdesk")).as(user).isEmpty();
			assertThat(client.get("/admin/employees").status()).as(user).isEqualTo(403);
		}
	}

	String removeForm() {
		return "tr[data-serial=\"" + this.lostDevice + "\"] form.helpdesk-remove";
	}

	void assertConfirmationOfTheLostDevice(Page confirmation) {
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.response().uri().getPath()).isEqualTo("/admin/employees/bob/devices/remove");
		assertThat(confirmation.text("#helpdesk-confirm-device")).contains("bob")
			.contains(this.lostDevice.substring(this.lostDevice.lastIndexOf('/') + 1));
		assertThat(confirmation.text("#helpdesk-confirm-arn")).contains(this.lostDevice);
		assertThat(confirmation.text("form#helpdesk-confirm-removal textarea[name=reason]")).isEqualTo(REASON);
	}

	void assertRemovedAndAuditedWithTheReason(Page removed, String admin) {
		assertThat(removed.response().uri().getPath()).isEqualTo("/admin/employees/bob");
		assertThat(removed.text("#helpdesk-removed")).contains(this.lostDevice);
		assertThat(this.lost.present()).isFalse();
		List<AuditEntry> rows = this.history.recentForIamUser("bob", 2);
		assertThat(rows).extracting(AuditEntry::action)
			.containsExactly("helpdesk.device-removed", "helpdesk.device-removal-started");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.portalUser()).isEqualTo(admin);
			assertThat(row.mfaSerial()).isEqualTo(this.lostDevice);
		});
	}

}
