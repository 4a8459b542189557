package dev.mfaportal.aws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link IamCredentialReports} against the sandbox account, through the real SDK client: the report's states are
 * answers, AWS failures are {@link AwsCallException}s.
 */
class CredentialReportsTests {

	private final SandboxedAws aws = new SandboxedAws();

	private final SandboxAccount account = this.aws.account;

	private final CredentialReports reports = new IamCredentialReports(this.aws.iam);

	@BeforeEach
	void reset() {
		this.account.reset();
	}

	@Test
	void fetchWhenNeverGeneratedThenNotPresent() {
		assertThat(this.reports.fetch()).isEqualTo(CredentialReports.Report.notReady(CredentialReports.Status.NOT_PRESENT));
	}

	@Test
	void generateWhenNoReportThenStartedAndTheReportIsReadyWithItsTime() {
		assertThat(this.reports.generate()).isEqualTo(CredentialReports.Generation.STARTED);
		assertThat(this.reports.generate()).isEqualTo(CredentialReports.Generation.COMPLETE);

		CredentialReports.Report report = this.reports.fetch();
		assertThat(report.status()).isEqualTo(CredentialReports.Status.READY);
		assertThat(new String(report.csv(), StandardCharsets.UTF_8)).startsWith("user,arn,user_creation_time,");
		assertThat(report.generatedAt()).isCloseTo(Instant.now(), within(Duration.ofSeconds(10)));
	}

	@Test
	void fetchWhileGeneratingThenInProgress() {
		this.account.credentialReport().generationDelay(Duration.ofMinutes(5));
		this.reports.generate();

		assertThat(this.reports.generate()).isEqualTo(CredentialReports.Generation.IN_PROGRESS);
		assertThat(this.reports.fetch().status()).isEqualTo(CredentialReports.Status.IN_PROGRESS);
	}

	@Test
	void fetchWhenExpiredThenExpired() {
		this.reports.generate();
		this.account.credentialReport().expire();

		assertThat(this.reports.fetch().status()).isEqualTo(CredentialReports.Status.EXPIRED);
	}

	@Test
	void fetchWhenThrottledBeyondTheRetriesThenAwsUnavailable() {
		this.reports.generate();
		this.account.inject(SandboxFault.throttling().onlyFor("GetCredentialReport"));

		assertThatExceptionOfType(AwsCallException.class).isThrownBy(this.reports::fetch)
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(AwsCallException.Kind.UNAVAILABLE);
				assertThat(ex.errorCode()).isEqualTo("Throttling");
			});
	}

	@Test
	void generateWhenAwsFailsThenAwsUnavailable() {
		this.account.inject(SandboxFault.serviceFailure().onlyFor("GenerateCredentialReport"));

		assertThatExceptionOfType(AwsCallException.class).isThrownBy(this.reports::generate)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(AwsCallException.Kind.UNAVAILABLE));
	}

}
