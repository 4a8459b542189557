package dev.mfaportal.sandbox;

import java.util.List;
import java.util.stream.IntStream;

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
 * The sandbox's IAM users: paths and {@code ListUsers}.
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
		List<String> more = IntStream.range(0, 20).mapToObj((i) -> "employee-%02d".formatted(i)).toList();
		more.forEach((name) -> account.users().create(name, "/employees/"));
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
		assertThat(employees).hasSize(more.size() + 2).contains("alice", "bob").containsAll(more)
			.doesNotContain(SandboxAccount.PORTAL_USER, "admin");
		assertThat(this.iam.listUsers().users()).hasSize(more.size() + 4);
		account.reset();
		assertThat(account.users().names("/")).containsExactlyInAnyOrder("alice", "bob", "admin",
				SandboxAccount.PORTAL_USER);
	}

	@Test
	void pathPrefixNotStartingWithASlashIsValidationError() {
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(() -> this.iam.listUsers((request) -> request.pathPrefix("employees/")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
	}

}
