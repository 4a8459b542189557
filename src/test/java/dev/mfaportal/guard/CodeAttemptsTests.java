package dev.mfaportal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;
import dev.mfaportal.guard.CodeRefusal.Cause;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.OneTimeCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The code-attempt pipeline with a toy flow: what every code-carrying flow gets without writing it.
 */
class CodeAttemptsTests {

	static final Employee ALICE = new Employee("alice", "Alice", "alice-iam", Set.of("EMPLOYEE"));

	static final String SERIAL = "arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone";

	static final String IP = "192.0.2.10";

	/**
	 * A fourth flow, such as a step-up before removing a device, is these few lines: its audit actions, its
	 * words for AWS's refusals, and what its caller throws.
	 */
	static final CodeFlow STEP_UP = CodeFlow.of("toy.step-up-requested", "toy.step-up-failed",
			(ex) -> ex.kind().name().toLowerCase(), ToyRefusedException::new);

	final FakeCodeGuard guard = new FakeCodeGuard();

	final List<AuditEvent> rows = new ArrayList<>();

	boolean auditDown;

	final AuditLog audit = (event) -> {
		if (this.auditDown) {
			throw new AuditUnavailableException("down", null);
		}
		this.rows.add(event);
		return this.rows.size();
	};

	final CodeAttempts attempts = new CodeAttempts(this.guard, this.audit);

	final List<List<OneTimeCode>> awsCalls = new ArrayList<>();

	@Test
	void runWhenCodeIsFineThenTheAttemptRowPrecedesTheOneAwsCall() {
		String answer = this.attempts.run(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), (codes) -> {
			assertThat(actions()).as("recorded before AWS is called").containsExactly("toy.step-up-requested SUCCESS");
			this.awsCalls.add(codes);
			return "session";
		});
		assertThat(answer).isEqualTo("session");
		assertThat(this.awsCalls).singleElement()
			.satisfies((codes) -> assertThat(codes).extracting(OneTimeCode::digits).containsExactly("123456"));
		assertThat(this.rows.get(0).portalUser()).isEqualTo("alice");
		assertThat(this.rows.get(0).iamUser()).isEqualTo("alice-iam");
		assertThat(this.rows.get(0).mfaSerial()).isEqualTo(SERIAL);
		assertThat(this.guard.claimed).containsExactly(SERIAL + "/123456");
	}

	@Test
	void runWhenAwsSaysTheCodeIsWrongThenCountsAWrongCodeAndRefusesOnce() {
		ToyRefusedException refused = refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"),
				failing(new AwsCallException(Kind.WRONG_CODE, "bad", "InvalidAuthenticationCode", "req-9", null)));
		assertThat(refused.refusal.cause()).isEqualTo(Cause.AWS);
		assertThat(refused.refusal.aws().requestId()).isEqualTo("req-9");
		assertThat(this.guard.wrongCodes).isEqualTo(1);
		assertThat(this.awsCalls).as("never retried").hasSize(1);
		assertThat(actions()).containsExactly("toy.step-up-requested SUCCESS", "toy.step-up-failed FAILURE");
		assertThat(last().detail()).containsEntry("reason", "wrong_code")
			.containsEntry("awsErrorCode", "InvalidAuthenticationCode");
		assertThat(last().awsRequestId()).isEqualTo("req-9");
	}

	@Test
	void runWhenAwsFailsOtherwiseThenNoWrongCodeIsCounted() {
		refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"),
				failing(new AwsCallException(Kind.KEY_NOT_FOR_DEVICE, "not associated", "AccessDenied", "r", null)));
		refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "654321"),
				failing(new AwsCallException(Kind.UNAVAILABLE, "timeout", null, null, null)));
		assertThat(this.guard.wrongCodes).isZero();
		assertThat(last().detail()).doesNotContainKey("awsErrorCode");
	}

	@Test
	void runWhenCodeWasClaimedAlreadyThenItNeverReachesAws() {
		this.attempts.run(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), this::call);
		ToyRefusedException again = refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), this::call);
		assertThat(again.refusal.cause()).isEqualTo(Cause.CODE_ALREADY_USED);
		assertThat(this.awsCalls).hasSize(1);
		assertThat(last().detail()).containsEntry("reason", "code-already-used");
	}

	@Test
	void runWhenOverTheRateLimitThenDeniedAndAuditedWithoutClaimOrAwsCall() {
		this.guard.blocked = true;
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.attempts.run(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), this::call));
		assertThat(this.awsCalls).isEmpty();
		assertThat(this.guard.claimed).isEmpty();
		assertThat(actions()).containsExactly("toy.step-up-failed DENIED");
		assertThat(last().detail()).containsEntry("reason", "too-many-attempts");
	}

	@Test
	void runWhenACodeIsNotSixDigitsThenRefusedWithoutClaimOrAwsCall() {
		for (String code : new String[] { "12345", "12 456", "abcdef", "1234567", null }) {
			ToyRefusedException refused = refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456", code),
					this::call);
			assertThat(refused.refusal.cause()).isEqualTo(Cause.NOT_SIX_DIGITS);
			assertThat(last().detail()).containsEntry("reason", "not-six-digits");
		}
		assertThat(this.awsCalls).isEmpty();
		assertThat(this.guard.claimed).isEmpty();
		assertThat(this.guard.wrongCodes).isZero();
	}

	@Test
	void runWhenATwoCodeFlowGetsTheSameCodeTwiceThenRefused() {
		ToyRefusedException refused = refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456", "123456"),
				this::call);
		assertThat(refused.refusal.cause()).isEqualTo(Cause.SAME_CODE_TWICE);
		assertThat(last().detail()).containsEntry("reason", "same-code-twice");
		assertThat(this.awsCalls).isEmpty();
	}

	@Test
	void runWhenTheFlowsLocalCheckRefusesThenAuditedAndCountedOnlyWhenItSaysSo() {
		LocalRefusal slip = LocalRefusal.of("clock-offset");
		LocalRefusal wrong = new LocalRefusal() {

			@Override
			public String reason() {
				return "no-match";
			}

			@Override
			public boolean countsAsWrongCode() {
				return true;
			}

		};
		ToyRefusedException refused = refused(STEP_UP,
				CodeAttempt.of(ALICE, IP, SERIAL, "123456").checkedBy((codes) -> Optional.of(slip)), this::call);
		assertThat(refused.refusal.local()).isSameAs(slip);
		assertThat(this.guard.wrongCodes).isZero();
		refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456").checkedBy((codes) -> Optional.of(wrong)),
				this::call);
		assertThat(this.guard.wrongCodes).isEqualTo(1);
		assertThat(last().detail()).containsEntry("reason", "no-match");
		assertThat(this.awsCalls).isEmpty();
		assertThat(this.guard.claimed).as("nothing claimed: the codes may be typed again").isEmpty();
	}

	@Test
	void runWhenTheLocalCheckNeedsAwsAndAwsFailsThenRefusedAsAnAwsFailureBeforeAnyClaim() {
		AwsCallException down = new AwsCallException(Kind.UNAVAILABLE, "timeout", "Throttling", "req-3", null);
		ToyRefusedException refused = refused(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456").checkedBy((codes) -> {
			throw down;
		}), this::call);
		assertThat(refused.refusal.aws()).isSameAs(down);
		assertThat(actions()).containsExactly("toy.step-up-failed FAILURE");
		assertThat(this.guard.claimed).isEmpty();
		assertThat(this.awsCalls).isEmpty();
	}

	@Test
	void runWhenTheAttemptCannotBeAuditedThenNoAwsCall() {
		this.auditDown = true;
		assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> this.attempts.run(STEP_UP, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), this::call));
		assertThat(this.awsCalls).isEmpty();
	}

	@Test
	void runWhenAFlowNamesDenialsThenThoseAreRecordedAsDenied() {
		CodeFlow flow = STEP_UP.deniedAs("toy.step-up-denied", Set.of("key_not_for_device"));
		refused(flow, CodeAttempt.of(ALICE, IP, SERIAL, "123456").withAuditDetail("longTermKeyId", "AKIA1"),
				failing(new AwsCallException(Kind.KEY_NOT_FOR_DEVICE, "not associated", "AccessDenied", "r", null)));
		assertThat(actions()).containsExactly("toy.step-up-requested SUCCESS", "toy.step-up-denied DENIED");
		assertThat(this.rows).allSatisfy((row) -> assertThat(row.detail()).containsEntry("longTermKeyId", "AKIA1"));
		this.guard.blocked = true;
		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.attempts.run(flow, CodeAttempt.of(ALICE, IP, SERIAL, "123456"), this::call));
		assertThat(last().action()).isEqualTo("toy.step-up-denied");
	}

	private String call(List<OneTimeCode> codes) {
		this.awsCalls.add(codes);
		return "session";
	}

	private Function<List<OneTimeCode>, String> failing(AwsCallException failure) {
		return (codes) -> {
			this.awsCalls.add(codes);
			throw failure;
		};
	}

	private ToyRefusedException refused(CodeFlow flow, CodeAttempt attempt, Function<List<OneTimeCode>, String> call) {
		ToyRefusedException[] thrown = new ToyRefusedException[1];
		assertThatExceptionOfType(ToyRefusedException.class).isThrownBy(() -> this.attempts.run(flow, attempt, call))
			.satisfies((ex) -> thrown[0] = ex);
		return thrown[0];
	}

	private List<String> actions() {
		return this.rows.stream().map((row) -> row.action() + " " + row.outcome()).toList();
	}

	private AuditEvent last() {
		return this.rows.get(this.rows.size() - 1);
	}

	/** The toy flow's own refusal, as a flow's caller would throw it. */
	static class ToyRefusedException extends RuntimeException {

		final CodeRefusal refusal;

		ToyRefusedException(CodeRefusal refusal) {
			super(refusal.reason());
			this.refusal = refusal;
		}

	}

}
