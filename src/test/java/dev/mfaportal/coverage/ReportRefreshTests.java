package dev.mfaportal.coverage;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.TestClock;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The background refresh against the sandbox account, through the real aws beans and PostgreSQL: each state of
 * IAM's report becomes a refresh state, the last good report survives every failure, and IAM is asked to generate
 * at most once per interval.
 */
@PortalFlowTest
class ReportRefreshTests {

	@Autowired
	ReportRefresh refresh;

	@Autowired
	RefreshStore states;

	@Autowired
	CoverageSnapshots snapshots;

	@Autowired
	SandboxAccount sandbox;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	IamClient iam;

	@Autowired
	DataSource dataSource;

	CoverageScene scene;

	@BeforeEach
	void reset() {
		this.scene = new CoverageScene(this.context).reset();
	}

	RefreshState state() {
		return this.scene.state();
	}

	/** A report the portal holds, and the sandbox's request log emptied after it. */
	void fetchAReport() {
		this.scene.fetchReport();
		this.sandbox.clearRequests();
	}

	@Test
	void firstCheckWhenNoReportThenGeneratesAndALaterOneStoresItScopedToThePath() {
		this.sandbox.seedDemoUsers();
		this.sandbox.credentialReport().generationDelay(Duration.ofSeconds(2));

		this.refresh.onSchedule();

		assertThat(state()).isEqualTo(RefreshState.GENERATING);
		assertThat(this.sandbox.credentialReport().generations()).isEqualTo(1);
		assertThat(this.snapshots.report()).isEmpty();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			this.refresh.onSchedule();
			assertThat(state()).isEqualTo(RefreshState.CURRENT);
		});
		ScopedReport report = this.snapshots.report().orElseThrow();
		assertThat(report.scopePath()).isEqualTo(SandboxAccount.EMPLOYEES_PATH);
		assertThat(report.users()).extracting(ScopedReport.User::name)
			.containsExactlyElementsOf(this.sandbox.users().names(SandboxAccount.EMPLOYEES_PATH))
			.contains("alice", "bob", "amelia.hughes")
			.doesNotContain("admin", SandboxAccount.PORTAL_USER);
		assertThat(report.withMfa()).isEqualTo(24);
		assertThat(this.sandbox.credentialReport().generations()).isEqualTo(1);
	}

	@Test
	void checkWhenReportCurrentThenAsksAwsNothingUntilTheIntervalHasPassed() {
		fetchAReport();

		this.refresh.onSchedule();
		this.clock.advance(Duration.ofHours(3));
		this.refresh.onSchedule();

		assertThat(this.sandbox.requestCount()).isZero();

		this.clock.advance(Duration.ofHours(1));
		this.sandbox.credentialReport().age(Duration.ofHours(4));
		this.refresh.onSchedule();

		assertThat(this.sandbox.credentialReport().generations()).isEqualTo(2);
	}

	@Test
	void refreshWhenAskedAgainWithinTheIntervalThenFetchesWithoutGeneratingAgain() {
		fetchAReport();

		assertThat(this.refresh.requested()).isTrue();
		assertThat(this.refresh.requested()).isTrue();

		assertThat(this.sandbox.requestCount("GenerateCredentialReport")).isZero();
		assertThat(this.sandbox.requestCount("GetCredentialReport")).isGreaterThanOrEqualTo(2);
		assertThat(this.sandbox.credentialReport().generations()).isEqualTo(1);
		assertThat(state()).isEqualTo(RefreshState.CURRENT);
	}

	@Test
	void checkWhileIamStillGeneratesThenGeneratingUntilTheReportIsThere() {
		this.sandbox.credentialReport().generationDelay(Duration.ofHours(1));
		this.refresh.onSchedule();
		this.refresh.onSchedule();

		assertThat(state()).isEqualTo(RefreshState.GENERATING);
		assertThat(this.sandbox.requestCount("GetCredentialReport")).isEqualTo(1);
		assertThat(this.snapshots.report()).isEmpty();
	}

	@Test
	void checkWhenThrottledThenUnavailableWithTheRequestIdAndTheLastGoodReportKept() {
		fetchAReport();
		this.sandbox.inject(SandboxFault.throttling().onlyFor("GetCredentialReport"));

		this.refresh.requested();

		RefreshStatus status = this.states.status();
		assertThat(status.state()).isEqualTo(RefreshState.UNAVAILABLE);
		assertThat(status.awsErrorCode()).isEqualTo("Throttling");
		assertThat(status.awsRequestId()).isNotBlank();
		assertThat(this.snapshots.report()).isPresent();
	}

	@Test
	void checkWhenReportExpiredOrMissingThenSaysSoAndKeepsTheLastGood() {
		fetchAReport();
		this.sandbox.credentialReport().expire();

		this.refresh.requested();

		assertThat(state()).isEqualTo(RefreshState.EXPIRED);
		assertThat(this.snapshots.report()).isPresent();

		this.sandbox.credentialReport().discard();
		this.refresh.onSchedule();

		assertThat(state()).isEqualTo(RefreshState.NOT_PRESENT);
		assertThat(this.sandbox.requestCount("GenerateCredentialReport")).as("once per interval").isZero();

		this.clock.advance(Duration.ofHours(4));
		this.refresh.onSchedule();

		assertThat(this.sandbox.requestCount("GenerateCredentialReport")).isPositive();
		assertThat(this.sandbox.credentialReport().generations()).isEqualTo(2);
	}

	@Test
	void checkWhenReportMalformedThenMalformedNamingTheColumnAndTheLastGoodKept() {
		fetchAReport();
		this.sandbox.credentialReport().dropColumn("mfa_active");

		this.refresh.requested();

		RefreshStatus status = this.states.status();
		assertThat(status.state()).isEqualTo(RefreshState.MALFORMED);
		assertThat(status.detail()).isEqualTo("the report has no column mfa_active");
		assertThat(this.snapshots.report()).isPresent();
		long gets = this.sandbox.requestCount("GetCredentialReport");

		this.refresh.onSchedule();

		assertThat(this.sandbox.requestCount("GetCredentialReport")).as("not fetched again before the interval")
			.isEqualTo(gets);
	}

	@Test
	void checkWhenThePortalMayNotReadTheReportThenDeniedAndAskedAgainOnlyAfterTheIntervalOrOnRequest() {
		this.iam.putUserPolicy((policy) -> policy.userName(SandboxAccount.PORTAL_USER)
			.policyName("no-credential-report")
			.policyDocument("""
					{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Resource":"*",\
					"Action":["iam:GenerateCredentialReport","iam:GetCredentialReport"]}]}"""));

		this.refresh.onSchedule();

		RefreshStatus status = this.states.status();
		assertThat(status.state()).isEqualTo(RefreshState.DENIED);
		assertThat(status.awsErrorCode()).isEqualTo("AccessDenied");
		this.sandbox.clearRequests();
		this.refresh.onSchedule();
		this.clock.advance(Duration.ofHours(3));
		this.refresh.onSchedule();
		assertThat(this.sandbox.requestCount()).isZero();

		this.refresh.requested();
		assertThat(this.sandbox.requestCount("GetCredentialReport")).isEqualTo(1);
		this.clock.advance(Duration.ofHours(4));
		this.refresh.onSchedule();
		assertThat(this.sandbox.requestCount()).isGreaterThan(1);
	}

	@Test
	void refreshWhileAwsAnswersSlowlyThenNoDatabaseConnectionIsHeld() throws Exception {
		fetchAReport();
		this.sandbox.inject(SandboxFault.latency(Duration.ofMillis(900)).onlyFor("GetCredentialReport"));
		HikariPoolMXBean pool = ((HikariDataSource) this.dataSource).getHikariPoolMXBean();
		CompletableFuture<Boolean> refreshing = CompletableFuture.supplyAsync(this.refresh::requested);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.requestCount("GetCredentialReport") > 0);
		int active = pool.getActiveConnections();

		assertThat(refreshing.get()).isTrue();
		assertThat(active).as("connections in use while GetCredentialReport is in flight").isZero();
		assertThat(state()).isEqualTo(RefreshState.CURRENT);
	}

	@Test
	void checkWhenListingTheUsersFailsThenUnavailableAndNothingStored() {
		this.sandbox.inject(SandboxFault.serviceFailure().onlyFor("ListUsers"));

		this.refresh.onSchedule();
		this.refresh.onSchedule();

		assertThat(state()).isEqualTo(RefreshState.UNAVAILABLE);
		assertThat(this.snapshots.report()).isEmpty();
	}

}
