package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox's credential report: its states and errors, and the CSV in AWS's column order and formats,
 * driven through the real SDK client.
 */
class SandboxCredentialReportTests {

	private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00";

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

	private List<Map<String, String>> rows() {
		return CsvRows.of(this.iam);
	}

	private Map<String, String> row(String user) {
		return rows().stream().filter((row) -> row.get("user").equals(user)).findFirst().orElseThrow();
	}

	@Test
	void firstGenerationStartsWithADescriptionAndLaterOnesAreComplete() {
		GenerateCredentialReportResponse first = this.iam.generateCredentialReport();
		assertThat(first.state()).isEqualTo(ReportStateType.STARTED);
		assertThat(first.description()).isEqualTo("No report exists. Starting a new report generation task");
		GenerateCredentialReportResponse second = this.iam.generateCredentialReport();
		assertThat(second.state()).isEqualTo(ReportStateType.COMPLETE);
		assertThat(second.description()).isNull();
		GetCredentialReportResponse report = this.iam.getCredentialReport();
		assertThat(report.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
		assertThat(report.generatedTime()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
	}

	@Test
	void reportBeforeAnyGenerationIsReportNotPresentWithoutAMessage() {
		assertThatExceptionOfType(CredentialReportNotPresentException.class).isThrownBy(this.iam::getCredentialReport)
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(410);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
				assertThat(ex.awsErrorDetails().errorMessage()).isNull();
			});
	}

	@Test
	void reportWhileGeneratingIsReportInProgressUntilTheDelayHasPassed() {
		account.credentialReport().generationDelay(Duration.ofMillis(1200));
		assertThat(this.iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
		assertThat(this.iam.generateCredentialReport().state()).isEqualTo(ReportStateType.INPROGRESS);
		assertThatExceptionOfType(CredentialReportNotReadyException.class).isThrownBy(this.iam::getCredentialReport)
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ReportInProgress");
			});
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.iam.generateCredentialReport().state() == ReportStateType.COMPLETE);
		assertThat(this.iam.getCredentialReport().content().asUtf8String()).startsWith("user,arn,");
		assertThat(account.credentialReport().generations()).isEqualTo(1);
	}

	@Test
	void expiredReportIsReportExpiredUntilANewOneIsGenerated() {
		this.iam.generateCredentialReport();
		account.credentialReport().expire();
		assertThatExceptionOfType(CredentialReportExpiredException.class).isThrownBy(this.iam::getCredentialReport)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(410));
		assertThat(this.iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
		assertThat(this.iam.getCredentialReport().content()).isNotNull();
	}

	@Test
	void reportIsGeneratedAtMostOnceInFourHours() {
		this.iam.generateCredentialReport();
		account.credentialReport().age(Duration.ofHours(3));
		assertThat(this.iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
		assertThat(account.credentialReport().generations()).isEqualTo(1);
		account.credentialReport().age(Duration.ofHours(2));
		assertThat(this.iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
		assertThat(account.credentialReport().generations()).isEqualTo(2);
	}

	@Test
	void reportHasTheTwentyTwoColumnsInAwsOrderWithTheRootFirst() {
		this.iam.generateCredentialReport();
		String csv = this.iam.getCredentialReport().content().asUtf8String();
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("user,arn,user_creation_time,password_enabled,"
				+ "password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
				+ "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
				+ "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
				+ "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
				+ "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated");
		assertThat(csv).doesNotContain("\r").doesNotEndWith("\n");
		Map<String, String> root = rows().get(0);
		assertThat(root).containsEntry("user", "<root_account>")
			.containsEntry("arn", "arn:aws:iam::123456789012:root")
			.containsEntry("password_enabled", "not_supported")
			.containsEntry("password_last_changed", "not_supported")
			.containsEntry("password_next_rotation", "not_supported");
		assertThat(root.get("user_creation_time")).matches(TIME);
		assertThat(rows()).extracting((row) -> row.get("user"))
			.containsExactly("<root_account>", "admin", "alice", "bob", SandboxAccount.PORTAL_USER);
	}

	@Test
	void userRowsShowMfaKeysAndPasswordsInAwsFormats() {
		account.devices().createEnabled("alice", "/mfa-portal/", "alice-phone");
		account.users().setPassword("alice", Instant.parse("2025-02-03T04:05:06Z"), null);
		account.users().setPassword("bob", Instant.parse("2025-02-03T04:05:06Z"), Instant.parse("2025-03-04T05:06:07Z"));
		String inactive = account.accessKeys().create("bob", Instant.parse("2025-01-01T00:00:00Z"), false);
		new SandboxClients(account).aliceSts().getCallerIdentity();
		this.iam.generateCredentialReport();
		Map<String, String> alice = row("alice");
		assertThat(alice).containsEntry("arn", "arn:aws:iam::123456789012:user/employees/alice")
			.containsEntry("user_creation_time", "2024-01-01T00:00:00+00:00")
			.containsEntry("password_enabled", "true")
			.containsEntry("password_last_used", "no_information")
			.containsEntry("password_last_changed", "2025-02-03T04:05:06+00:00")
			.containsEntry("password_next_rotation", "N/A")
			.containsEntry("mfa_active", "true")
			.containsEntry("access_key_1_active", "true")
			.containsEntry("access_key_1_last_rotated", "2024-01-01T00:00:00+00:00")
			.containsEntry("access_key_1_last_used_region", "us-east-1")
			.containsEntry("access_key_1_last_used_service", "sts")
			.containsEntry("access_key_2_active", "false")
			.containsEntry("access_key_2_last_rotated", "N/A")
			.containsEntry("cert_1_active", "false")
			.containsEntry("cert_2_last_rotated", "N/A");
		assertThat(alice.get("access_key_1_last_used_date")).matches(TIME);
		Map<String, String> bob = row("bob");
		assertThat(bob).containsEntry("password_last_used", "2025-03-04T05:06:07+00:00")
			.containsEntry("mfa_active", "false")
			.containsEntry("access_key_1_last_used_date", "N/A")
			.containsEntry("access_key_2_active", "false");
		assertThat(account.accessKeys().of("bob")).extracting(SandboxAccessKey::accessKeyId).contains(inactive);
		Map<String, String> portal = row(SandboxAccount.PORTAL_USER);
		assertThat(portal).containsEntry("password_enabled", "false")
			.containsEntry("password_last_used", "N/A")
			.containsEntry("access_key_1_last_used_service", "iam")
			.containsEntry("access_key_1_last_used_region", "N/A");
	}

	@Test
	void reportCanBeMadeMalformedForFaultTests() {
		this.iam.generateCredentialReport();
		account.credentialReport().dropColumn("mfa_active");
		List<String> header = Arrays.asList(this.iam.getCredentialReport().content().asUtf8String().lines()
			.findFirst().orElseThrow().split(","));
		assertThat(header).hasSize(21).doesNotContain("mfa_active");
		assertThat(rows()).allSatisfy((row) -> assertThat(row).hasSize(21));
		account.credentialReport().tamper((csv) -> csv.replace(",true,", ",maybe,"));
		assertThat(account.credentialReport().csv()).hasValueSatisfying((csv) -> assertThat(csv).contains(",maybe,"));
	}

}
