package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import dev.mfaportal.Concurrently;
import dev.mfaportal.PortalClient;
import dev.mfaportal.audit.AuditHistory;
import dev.mfaportal.aws.SecondInstanceAws;
import dev.mfaportal.kernel.Leases;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocations for different users at the same moment, from the running portal (employees over HTTP) and from a
 * second instance (its own revoker on the same database and AWS account): every user's statement ends up in the
 * revocation policy's default version, and the policy keeps within IAM's five versions.
 */
class RevocationRaceFlowTests extends CredentialsFlowSupport {

	private static final String POLICY = SandboxAccount.REVOKED_SESSIONS_POLICY_ARN;

	@Autowired
	IamClient iam;

	@Autowired
	AuditHistory history;

	@Autowired
	Clock clock;

	@Test
	void revocationsForSeveralUsersAtOnceOnTwoInstancesThenEveryStatementIsInTheDefaultVersion() throws Exception {
		Leases leases = new Leases(this.jdbc, this.clock, "revocation_lease", SessionRevoker.LEASE);
		SessionRevoker secondInstance = new SessionRevoker(SecondInstanceAws.sessionRevocations(this.iam), POLICY,
				this.auditLog, this.history, this.clock, leases);
		List<String> employees = List.of("alice", "bob");
		List<String> others = IntStream.range(0, 6).mapToObj((i) -> "race-user-" + i).toList();
		// A slow read of the current version widens the window in which two revocations would start from it.
		this.sandbox.inject(SandboxFault.latency(Duration.ofMillis(40)).onlyFor("GetPolicyVersion"));

		List<Integer> answers = Concurrently.run(employees.size() + others.size(), (i) -> (i < employees.size())
				? selfRevocation(employees.get(i)) : () -> {
					secondInstance.revoke("admin", others.get(i - employees.size()), "race test");
					return 200;
				});

		assertThat(answers).containsOnly(200);
		String document = this.sandbox.policies().defaultDocument(POLICY);
		for (String user : employees) {
			assertThat(document).as(user).contains("\"" + user + "\"");
		}
		for (String user : others) {
			assertThat(document).as(user).contains("\"" + user + "\"");
		}
		assertThat(this.sandbox.policies().versionIds(POLICY)).hasSizeLessThanOrEqualTo(5);
		assertThat(auditRows(SessionRevoker.REVOKED)).hasSize(employees.size() + others.size());
	}

	/** Signed in with the form loaded before the start gate; the call only submits it. */
	private Callable<Integer> selfRevocation(String employee) {
		PortalClient client = signIn(employee);
		Document form = client.page("/credentials");
		return () -> {
			HttpResponse<String> revoked = client.submit(form, "form#revoke-sessions", Map.of("reason", "race"));
			assertThat(html(revoked).select("#revoke-done")).as(revoked.body()).isNotEmpty();
			return revoked.statusCode();
		};
	}

}
