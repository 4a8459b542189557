package dev.mfaportal.aws;

import java.util.Map;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link IamUserListing} against the sandbox account, through the real SDK client.
 */
class IamUsersTests {

	private final SandboxedAws aws = new SandboxedAws();

	private final SandboxAccount account = this.aws.account;

	@BeforeEach
	void reset() {
		this.account.reset();
	}

	@Test
	void listUnderWhenManyPagesThenEveryUserUnderThePathAndNoOther() {
		this.account.seedDemoUsers();
		this.account.users().create("ci-bot", "/automation/");
		IamUsers users = new IamUserListing(this.aws.iam, 7);

		assertThat(users.listUnder(SandboxAccount.EMPLOYEES_PATH)).extracting(IamUsers.IamUser::userName)
			.containsExactlyElementsOf(this.account.users().names(SandboxAccount.EMPLOYEES_PATH))
			.hasSize(38)
			.doesNotContain("ci-bot", "admin");
		assertThat(this.account.requestCount("ListUsers")).isEqualTo(6);
	}

	@Test
	void listUnderThenEachUserWithPathArnAndCreationTime() {
		IamUsers.IamUser alice = new IamUserListing(this.aws.iam).listUnder("/").stream()
			.filter((user) -> user.userName().equals("alice"))
			.findFirst()
			.orElseThrow();

		assertThat(alice.path()).isEqualTo(SandboxAccount.EMPLOYEES_PATH);
		assertThat(alice.arn()).isEqualTo(this.account.userArn("alice"));
		assertThat(alice.createdAt()).isNotNull();
	}

	@Test
	void virtualMfaDeviceCountsWhenDevicesAssignedAndPendingThenCountsOnlyAssigned() {
		this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		this.account.devices().createEnabled("alice", "/mfa-portal/", "alice-tablet");
		this.account.devices().createEnabled("bob", "/", "bob-phone");
		this.account.devices().create("/mfa-portal/", "pending", Map.of());
		IamUsers users = new IamUserListing(this.aws.iam, 2);

		assertThat(users.virtualMfaDeviceCounts()).containsOnly(Map.entry("alice", 2), Map.entry("bob", 1));
	}

	@Test
	void listUnderWhenThrottledBeyondTheRetriesThenAwsUnavailable() {
		this.account.inject(SandboxFault.throttling().onlyFor("ListUsers"));

		assertThatExceptionOfType(AwsCallException.class)
			.isThrownBy(() -> new IamUserListing(this.aws.iam).listUnder("/"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AwsCallException.Kind.UNAVAILABLE));
	}

}
