package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sandbox's IAM users: paths, {@code ListUsers}, and the demo account's three dozen employees.
 */
class SandboxUsersTests {

	private static final SandboxAccount account = SandboxAccount.start();

	private final IamClient iam = new SandboxClients(account).portalIam();

	@BeforeEach
	void reset() {
		account.reset();
	}

	@AfterAll
	static void stop() {
		account.close();
	}

	@Test
	void employeesLiveUnderTheirPathAndThePortalUserDoesNot() {
		User alice = this.iam.getUser((request) -> request.userName("alice")).user();
		assertThat(alice.path()).isEqualTo("/employees/");
		assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/employees/alice");
		assertThat(alice.passwordLastUsed()).isNull();
		assertThat(this.iam.getUser().user().path()).isEqualTo("/");
		assertThat(account.users().names("/employees/")).containsExactly("alice", "bob");
	}

	@Test
	void listUsersFiltersByPathPrefixAndPaginates() {
		List<String> demo = account.seedDemoUsers();
		ListUsersResponse first = this.iam.listUsers((request) -> request.pathPrefix("/employees/").maxItems(10));
		assertThat(first.users()).hasSize(10);
		assertThat(first.isTruncated()).isTrue();
		ListUsersResponse second = this.iam
			.listUsers((request) -> request.pathPrefix("/employees/").maxItems(10).marker(first.marker()));
		assertThat(second.users()).hasSize(10).doesNotContainAnyElementsOf(first.users());
		List<String> employees = this.iam.listUsersPaginator((request) -> request.pathPrefix("/employees/"))
			.users()
			.stream()
			.map(User::userName)
			.toList();
		assertThat(employees).hasSize(demo.size() + 2).contains("alice", "bob").containsAll(demo)
			.doesNotContain(SandboxAccount.PORTAL_USER, "admin");
		assertThat(this.iam.listUsers().users()).hasSize(demo.size() + 4);
		assertThat(this.iam.listUsers().isTruncated()).isFalse();
	}

	@Test
	void pathPrefixNotStartingWithASlashIsValidationError() {
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(() -> this.iam.listUsers((request) -> request.pathPrefix("employees/")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
	}

	@Test
	void demoUsersAreAMixWorthAReportAndGoAwayOnReset() {
		List<String> demo = account.seedDemoUsers();
		assertThat(demo).hasSize(36).doesNotHaveDuplicates();
		assertThat(account.seedDemoUsers()).isEqualTo(demo);
		assertThat(account.policies().groupMembers(SandboxAccount.EMPLOYEES_GROUP)).containsAll(demo);
		this.iam.generateCredentialReport();
		List<Map<String, String>> rows = rows().stream().filter((row) -> demo.contains(row.get("user"))).toList();
		assertThat(rows).hasSize(36);
		assertThat(rows).filteredOn((row) -> row.get("mfa_active").equals("false")).hasSize(12);
		assertThat(rows).filteredOn((row) -> row.get("password_last_used").equals("no_information")).isNotEmpty();
		assertThat(rows).filteredOn((row) -> row.get("password_enabled").equals("false")).hasSize(18);
		Instant ninetyDaysAgo = Instant.now().minus(Duration.ofDays(90));
		assertThat(rows).filteredOn((row) -> row.get("access_key_1_active").equals("true")
				&& OffsetDateTime.parse(row.get("access_key_1_last_rotated")).toInstant().isBefore(ninetyDaysAgo))
			.hasSizeGreaterThanOrEqualTo(8)
			.anySatisfy((row) -> assertThat(row.get("access_key_1_last_used_date")).isEqualTo("N/A"))
			.anySatisfy((row) -> assertThat(row.get("access_key_1_last_used_date")).isNotEqualTo("N/A"));
		account.reset();
		assertThat(account.users().names("/employees/")).containsExactly("alice", "bob");
		assertThat(account.devices().all()).isEmpty();
		assertThat(account.policies().groupMembers(SandboxAccount.EMPLOYEES_GROUP)).containsExactly("alice", "bob");
	}

	private List<Map<String, String>> rows() {
		return CsvRows.of(this.iam);
	}

}
