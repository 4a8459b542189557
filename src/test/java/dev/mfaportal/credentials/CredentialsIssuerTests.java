package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.aws.CallerIdentity;
import dev.mfaportal.kernel.OneTimeCode;
import dev.mfaportal.kernel.Secret;
import dev.mfaportal.aws.SessionCredentials;
import dev.mfaportal.aws.SessionTokens;
import dev.mfaportal.enrollment.EmployeeDevices;
import dev.mfaportal.guard.CodeAlreadyUsedException;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.CodeGuard;
import dev.mfaportal.kernel.AttemptsLeft;
import dev.mfaportal.guard.TooManyAttemptsException;
import dev.mfaportal.identity.Employee;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class CredentialsIssuerTests {

	static final String SERIAL = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	static final Employee ALICE = new Employee("alice", "Alice", "alice", Set.of("EMPLOYEE"));

	static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");

	private final CodeGuard codeGuard = mock();

	private final EmployeeDevices devices = mock();

	private final SessionTokens sessionTokens = mock();

	private final AuditLog auditLog = mock();

	private final CredentialsIssuer issuer = new CredentialsIssuer(new CodeAttempts(this.codeGuard, this.auditLog),
			this.devices, this.sessionTokens, this.auditLog, Clock.fixed(NOW, ZoneOffset.UTC),
			new PropagationRetry(Duration.ofSeconds(18), Clock.fixed(NOW, ZoneOffset.UTC)));

	private final IssueRequest request = new IssueRequest(SERIAL, new OneTimeCode("654321"), Duration.ofHours(12),
			new AccessKey("AKIASANDBOXALICE0001", Secret.of("alice-secret")));

	private final SessionCredentials session = new SessionCredentials("ASIASESSION000000001", Secret.of("temp-secret"),
			Secret.of("temp-token"), NOW.plus(Duration.ofHours(12)), "req-1");

	@BeforeEach
	void aliceHasHerDevice() {
		given(this.codeGuard.attemptsLeft(any(), any())).willReturn(new AttemptsLeft(4, 15));
		given(this.devices.isTheirs("alice", SERIAL)).willReturn(true);
		given(this.sessionTokens.issue(any(), any(), any(), any())).willReturn(this.session);
		given(this.sessionTokens.callerOf(this.session))
			.willReturn(new CallerIdentity("123456789012", "AIDAALICE", "arn:aws:iam::123456789012:user/alice"));
	}

	@Test
	void issueWhenAllChecksPassThenRecordsBeforeReturningTheSession() {
		IssuedSession issued = this.issuer.issue(ALICE, this.request, "10.0.0.1");
		assertThat(issued.accessKeyId()).isEqualTo("ASIASESSION000000001");
		assertThat(issued.sessionToken().reveal()).isEqualTo("temp-token");
		assertThat(issued.expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		InOrder order = inOrder(this.codeGuard, this.devices, this.auditLog, this.sessionTokens);
		order.verify(this.codeGuard).ensureAllowed("alice", "10.0.0.1");
		order.verify(this.devices).isTheirs("alice", SERIAL);
		order.verify(this.codeGuard).claim(SERIAL, "654321");
		order.verify(this.auditLog).record(action("credentials.requested"));
		order.verify(this.sessionTokens).issue(this.request.key(), SERIAL, this.request.code(), Duration.ofHours(12));
		order.verify(this.sessionTokens).callerOf(this.session);
		order.verify(this.auditLog).record(action("credentials.issued"));
	}

	@Test
	void issuedEventCarriesTheFactsAndNoSecret() {
		this.issuer.issue(ALICE, this.request, "10.0.0.1");
		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.auditLog, times(2)).record(events.capture());
		AuditEvent issued = events.getAllValues().get(1);
		assertThat(issued.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(issued.portalUser()).isEqualTo("alice");
		assertThat(issued.iamUser()).isEqualTo("alice");
		assertThat(issued.mfaSerial()).isEqualTo(SERIAL);
		assertThat(issued.accessKeyId()).isEqualTo("ASIASESSION000000001");
		assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(issued.awsRequestId()).isEqualTo("req-1");
		assertThat(issued.detail()).containsEntry("durationSeconds", "43200")
			.containsEntry("callerArn", "arn:aws:iam::123456789012:user/alice");
		assertThat(events.getAllValues().toString()).doesNotContain("temp-secret", "temp-token", "alice-secret",
				"654321");
	}

	@Test
	void issueWhenTooManyAttemptsThenDeniedWithoutAnyAwsCall() {
		willThrow(new TooManyAttemptsException(NOW.plusSeconds(600))).given(this.codeGuard)
			.ensureAllowed("alice", "10.0.0.1");
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.issuer.issue(ALICE, this.request, "10.0.0.1"));
		verifyNoInteractions(this.devices, this.sessionTokens);
		verify(this.auditLog).record(denied("too-many-attempts"));
	}

	@Test
	void issueWhenDeviceIsNotTheEmployeesThenDeniedBeforeTheCodeIsUsed() {
		given(this.devices.isTheirs("alice", SERIAL)).willReturn(false);
		assertRefused(Refusal.NOT_YOUR_DEVICE);
		verify(this.codeGuard, never()).claim(any(), any());
		verifyNoInteractions(this.sessionTokens);
		verify(this.auditLog).record(denied("device-of-another-user"));
	}

	@Test
	void issueWhenTheDevicesCannotBeListedThenRefusedBeforeTheCodeIsUsed() {
		given(this.devices.isTheirs("alice", SERIAL))
			.willThrow(new AwsCallException(Kind.UNAVAILABLE, "Rate exceeded", "Throttling", null, null));
		assertThatExceptionOfType(IssueRefusedException.class)
			.isThrownBy(() -> this.issuer.issue(ALICE, this.request, "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.AWS_UNAVAILABLE));
		verify(this.codeGuard, never()).claim(any(), any());
		verifyNoInteractions(this.sessionTokens);
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.failed")
				&& event.detail().get("reason").equals("aws-unavailable")));
	}

	@Test
	void issueWhenCodeAlreadyUsedThenNoAwsCall() {
		willThrow(new CodeAlreadyUsedException()).given(this.codeGuard).claim(SERIAL, "654321");
		assertRefused(Refusal.CODE_ALREADY_USED);
		verifyNoInteractions(this.sessionTokens);
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.failed")
				&& event.detail().get("reason").equals("code-already-used")));
	}

	@Test
	void issueWhenAuditLogDownBeforeTheCallThenNoAwsCall() {
		given(this.auditLog.record(action("credentials.requested")))
			.willThrow(new AuditUnavailableException("down", null));
		assertRefused(Refusal.AUDIT_UNAVAILABLE);
		verifyNoInteractions(this.sessionTokens);
	}

	@Test
	void issueWhenIssuanceCannotBeRecordedThenNothingIsReturned() {
		given(this.auditLog.record(action("credentials.issued")))
			.willThrow(new AuditUnavailableException("down", null));
		assertRefused(Refusal.AUDIT_UNAVAILABLE);
	}

	@Test
	void issueWhenWrongCodeThenCountsItAgainstEmployeeAndIp() {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.WRONG_CODE, "MFA failed", "AccessDenied", "req-2", null));
		assertRefused(Refusal.WRONG_CODE);
		verify(this.codeGuard).recordWrongCode("alice", "10.0.0.1");
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.failed")
				&& event.detail().get("reason").equals("wrong-code") && "req-2".equals(event.awsRequestId())));
	}

	@Test
	void issueWhenAwsCannotTieTheDeviceToTheKeyThenDeniedAndNoWrongCodeCounted() {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.KEY_NOT_FOR_DEVICE, "not associated", "AccessDenied", "req-6", null));
		assertRefused(Refusal.KEY_NOT_FOR_DEVICE);
		verify(this.codeGuard, never()).recordWrongCode(any(), any());
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.denied")
				&& event.detail().get("reason").equals("key-not-for-device") && "req-6".equals(event.awsRequestId())));
	}

	@Test
	void issueWhenKeyUnknownThenSaysSoAndCountsNoWrongCode() {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.INVALID_KEY, "bad key", "InvalidClientTokenId", "req-3", null));
		assertRefused(Refusal.INVALID_KEY);
		verify(this.codeGuard, never()).recordWrongCode(any(), any());
	}

	@Test
	void issueWhenAwsRejectsTheDurationThenPointsAtIt() {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.REJECTED_INPUT, "range", "ValidationError", "req-4", null));
		assertRefused(Refusal.DURATION_REJECTED);
	}

	@Test
	void issueWhenAwsThrottlesThenCalledOnceAndSaysTryAgain() {
		given(this.sessionTokens.issue(any(), any(), any(), any()))
			.willThrow(new AwsCallException(Kind.UNAVAILABLE, "Rate exceeded", "Throttling", "req-5", null));
		assertRefused(Refusal.AWS_UNAVAILABLE);
		verify(this.sessionTokens, times(1)).issue(any(), any(), any(), any());
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.failed")
				&& event.detail().get("reason").equals("aws-unavailable")));
	}

	@Test
	void issueWhenKeyBelongsToAnotherUserThenDeniedAndRecordedWithTheSessionKeyId() {
		given(this.sessionTokens.callerOf(this.session))
			.willReturn(new CallerIdentity("123456789012", "AIDABOB", "arn:aws:iam::123456789012:user/bob"));
		assertRefused(Refusal.KEY_OF_ANOTHER_USER);
		verify(this.auditLog).record(argThat((event) -> event.action().equals("credentials.denied")
				&& event.outcome() == AuditOutcome.DENIED && event.detail().get("reason").equals("key-of-another-user")
				&& "ASIASESSION000000001".equals(event.accessKeyId())
				&& event.detail().get("callerArn").endsWith(":user/bob")));
		verify(this.auditLog, never()).record(action("credentials.issued"));
	}

	@Test
	void issueWhenCallerCheckFailsThenNothingIsShown() {
		given(this.sessionTokens.callerOf(this.session))
			.willThrow(new AwsCallException(Kind.UNAVAILABLE, "timeout", null, null, null));
		assertRefused(Refusal.AWS_UNAVAILABLE);
		verify(this.auditLog, never()).record(action("credentials.issued"));
	}

	private void assertRefused(Refusal refusal) {
		assertThatExceptionOfType(IssueRefusedException.class)
			.isThrownBy(() -> this.issuer.issue(ALICE, this.request, "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(refusal));
	}

	private static AuditEvent action(String action) {
		return argThat((event) -> event != null && event.action().equals(action));
	}

	private static AuditEvent denied(String reason) {
		return argThat((event) -> event.action().equals("credentials.denied") && event.outcome() == AuditOutcome.DENIED
				&& event.detail().get("reason").equals(reason));
	}

}
