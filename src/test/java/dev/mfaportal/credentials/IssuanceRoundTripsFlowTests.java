package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.mfaportal.PortalClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submission of the credentials form waits for as few AWS round trips as S6 and S9 allow: the device list
 * sealed into the form when it was shown stands in for ListMFADevices; anything the seal does not vouch for is
 * looked up in IAM as before.
 */
class IssuanceRoundTripsFlowTests extends CredentialsFlowSupport {

	@Test
	void issueWithTheFormsSealedDeviceListThenNoListMfaDevicesOnlyGetSessionTokenAndTheCallerCheck() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document form = alice.page("/credentials");
		assertThat(form.selectFirst("form#issue-credentials input[name=sealedDevices]").val()).isNotBlank()
			.doesNotContain(serial);
		this.sandbox.clearRequests();

		HttpResponse<String> issued = alice.submit(form, "form#issue-credentials", oneHourWithAlicesKey(serial));

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		assertThat(this.sandbox.requestCount("ListMFADevices")).isZero();
		assertThat(this.sandbox.requestCount("GetSessionToken")).isEqualTo(1);
		assertThat(this.sandbox.requestCount("GetCallerIdentity")).isEqualTo(1);
		assertThat(this.sandbox.requestCount()).isEqualTo(2);
	}

	@Test
	void issueWithATamperedSealThenIamIsAskedAndTheIssuanceStillWorks() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Document form = alice.page("/credentials");
		form.selectFirst("form#issue-credentials input[name=sealedDevices]").val("tampered");
		this.sandbox.clearRequests();

		HttpResponse<String> issued = alice.submit(form, "form#issue-credentials", oneHourWithAlicesKey(serial));

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		assertThat(this.sandbox.requestCount("ListMFADevices")).isEqualTo(1);
	}

	@Test
	void issueForAnotherEmployeesDeviceWithTheirSealThenRefusedAsNotYoursAndNoCodeSentToAws() {
		String bobs = newDevice("bob");
		newDevice("alice");
		PortalClient bob = signIn("bob");
		String bobsSeal = bob.page("/credentials").selectFirst("form#issue-credentials input[name=sealedDevices]").val();
		PortalClient alice = signIn("alice");
		Document form = alice.page("/credentials");
		form.selectFirst("form#issue-credentials input[name=sealedDevices]").val(bobsSeal);
		this.sandbox.clearRequests();

		HttpResponse<String> refused = alice.submit(form, "form#issue-credentials",
				fields(bobs, this.sandbox.devices().freshCode(bobs), "3600", ALICE_KEY_ID, ALICE_SECRET));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.sandbox.requestCount("GetSessionToken")).isZero();
		assertThat(auditRows(IssuanceEvents.DENIED)).singleElement()
			.satisfies((row) -> assertThat((String) row.get("detail")).contains("device-of-another-user"));
	}

}
