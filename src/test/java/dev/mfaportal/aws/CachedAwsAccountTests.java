package dev.mfaportal.aws;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.aws.AwsCallException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachedAwsAccountTests {

	private final SandboxedAws aws = new SandboxedAws();

	private final SandboxAccount account = this.aws.account;

	@BeforeEach
	void reset() {
		this.account.reset();
	}

	@Test
	void accountIdAndAliasAreLookedUpOnceThenKept() {
		AwsAccount awsAccount = this.aws.awsAccount();
		assertThat(awsAccount.accountId()).isEqualTo(SandboxAccount.ACCOUNT_ID);
		assertThat(awsAccount.displayName()).isEqualTo(SandboxAccount.ACCOUNT_ALIAS);
		assertThat(awsAccount.accountId()).isEqualTo(SandboxAccount.ACCOUNT_ID);
		assertThat(awsAccount.displayName()).isEqualTo(SandboxAccount.ACCOUNT_ALIAS);
		assertThat(this.account.requestCount("GetCallerIdentity")).isEqualTo(1);
		assertThat(this.account.requestCount("ListAccountAliases")).isEqualTo(1);
	}

	@Test
	void creatingItCallsNothingAndFailuresAreNotKept() {
		this.account.inject(SandboxFault.serviceFailure().times(3));
		AwsAccount awsAccount = this.aws.awsAccount();
		assertThat(this.account.requestCount()).isZero();
		assertThatExceptionOfType(AwsCallException.class).isThrownBy(awsAccount::accountId)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(awsAccount.accountId()).isEqualTo(SandboxAccount.ACCOUNT_ID);
	}

	@Test
	void aliasThatCannotBeReadFallsBackToTheAccountId() {
		this.account.inject(SandboxFault.throttling().onlyFor("ListAccountAliases"));
		AwsAccount awsAccount = this.aws.awsAccount();
		assertThat(awsAccount.displayName()).isEqualTo(SandboxAccount.ACCOUNT_ID);
		this.account.clearFaults();
		assertThat(awsAccount.displayName()).isEqualTo(SandboxAccount.ACCOUNT_ALIAS);
	}

}
