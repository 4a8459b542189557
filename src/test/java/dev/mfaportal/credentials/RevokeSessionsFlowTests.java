package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mfaportal.PortalClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Revoking sessions: the employee's "my credentials leaked" on /credentials and the help desk's form, written as a
 * deny in the sandbox's revocation policy. A session issued before is refused on an IAM call, one after works.
 */
class RevokeSessionsFlowTests extends CredentialsFlowSupport {

	private static final Pattern EXPORT = Pattern.compile("export (AWS_\\w+)='?([^'\\n]+)'?");

	@Test
	void employeeRevokesThenTheEarlierSessionIsRefusedOnIamAndALaterOneWorksBothAudited() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		Map<String, String> before = issueSession(alice, serial);
		assertThatNoException().isThrownBy(() -> listMfaDevices(before));

		Document form = alice.page("/credentials");
		HttpResponse<String> revoked = alice.submit(form, "form#revoke-sessions", Map.of("reason", "laptop stolen"));

		Document page = html(revoked);
		assertThat(page.select("#revoke-done")).as(page.text()).isNotEmpty();
		assertThatExceptionOfType(IamException.class).isThrownBy(() -> listMfaDevices(before))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
		List<Map<String, Object>> rows = auditRows(SessionRevoker.REVOKED);
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("portal_user", "alice").containsEntry("iam_user", "alice");
			assertThat((String) row.get("detail")).contains("my credentials leaked: laptop stolen")
				.contains(issuedRowIds().get(0).toString());
		});
		Instant revokedBefore = this.sandbox.now();
		await().atMost(Duration.ofSeconds(3)).until(() -> this.sandbox.now().isAfter(revokedBefore.plusSeconds(1)));

		Map<String, String> after = issueSession(alice, serial);
		assertThatNoException().isThrownBy(() -> listMfaDevices(after));
		assertThat(issuedRowIds()).hasSize(2);
	}

	@Test
	void helpDeskSeesNoRevocationThenRevokesWithAReasonThenSeesItInForce() {
		String serial = newDevice("alice");
		Map<String, String> session = issueSession(signIn("alice"), serial);
		PortalClient admin = PortalClient.followingRedirects(this.port).signIn("admin", "admin");
		Document employee = admin.page("/admin/employees/alice");
		assertThat(employee.selectFirst("#revocation-status").text()).contains("No revocation");

		Document refused = html(admin.submit(employee, "form#revoke-sessions", Map.of("reason", " ")));
		assertThat(refused.select("#revoke-error")).isNotEmpty();
		assertThatNoException().isThrownBy(() -> listMfaDevices(session));

		Document done = html(admin.submit(refused, "form#revoke-sessions", Map.of("reason", "phishing report 42")));
		assertThat(done.select("#revoke-done")).isNotEmpty();
		assertThat(done.selectFirst("#revocation-status").text()).contains("are revoked");
		assertThatExceptionOfType(IamException.class).isThrownBy(() -> listMfaDevices(session));
		assertThat(auditRows(SessionRevoker.REVOKED)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("portal_user", "admin").containsEntry("iam_user", "alice"));
	}

	private List<Long> issuedRowIds() {
		return this.jdbc.sql("SELECT id FROM audit_event WHERE id > ? AND action = 'credentials.issued' ORDER BY id")
			.param(this.auditMark)
			.query(Long.class)
			.list();
	}

	private Map<String, String> issueSession(PortalClient client, String serial) {
		HttpResponse<String> response = issue(client, oneHourWithAlicesKey(serial));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher exports = EXPORT.matcher(html(response).selectFirst("pre#credentials-bash").wholeText());
		Map<String, String> values = new HashMap<>();
		while (exports.find()) {
			values.put(exports.group(1), exports.group(2));
		}
		return values;
	}

	private void listMfaDevices(Map<String, String> session) {
		try (IamClient iam = IamClient.builder()
			.endpointOverride(this.sandbox.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
					session.get("AWS_ACCESS_KEY_ID"), session.get("AWS_SECRET_ACCESS_KEY"), session.get("AWS_SESSION_TOKEN"))))
			.build()) {
			iam.listMFADevices((request) -> request.userName("alice"));
		}
	}

}
