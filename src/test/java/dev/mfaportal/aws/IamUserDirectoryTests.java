package dev.mfaportal.aws;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.identity.IamLookupFailedException;
import dev.mfaportal.identity.IamUserLookup.IamUser;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link IamUserDirectory}, identity's look-up of the IAM user a company sign-in maps to, against the sandbox account
 * through the real SDK client.
 */
class IamUserDirectoryTests {

	private final SandboxedAws aws = new SandboxedAws(Duration.ofSeconds(1), 1);

	private final SandboxAccount account = this.aws.account;

	private final IamUserDirectory users = new IamUserDirectory(this.aws.iam);

	@BeforeEach
	void reset() {
		this.account.reset();
	}

	@AfterEach
	void noFaults() {
		this.account.clearFaults();
	}

	@Test
	void findWhenTheUserExistsThenNameAndPathAsIamHasThem() {
		this.account.users().create("carol", "/contractors/");
		assertThat(this.users.find("alice")).contains(new IamUser("alice", SandboxAccount.EMPLOYEES_PATH));
		assertThat(this.users.find("carol")).contains(new IamUser("carol", "/contractors/"));
	}

	@Test
	void findWhenNoSuchUserThenEmpty() {
		assertThat(this.users.find("nobody-here")).isEmpty();
	}

	@Test
	void findWhenIamDoesNotAnswerThenLookupFailedRatherThanNoSuchUser() {
		this.account.inject(SandboxFault.serviceFailure().onlyFor("GetUser"));
		assertThatExceptionOfType(IamLookupFailedException.class).isThrownBy(() -> this.users.find("alice"))
			.withMessageContaining("GetUser");
	}

}
