package dev.mfaportal.guard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.mfaportal.audit.AuditEvent;
import dev.mfaportal.audit.AuditLog;
import dev.mfaportal.audit.AuditOutcome;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.guard.CodeRefusal.Cause;
import dev.mfaportal.kernel.OneTimeCode;

/**
 * The one way a one-time code reaches AWS. For every flow, in this order:
 * <ol>
 * <li>the rate limit (S14): over it, the denial is audited and {@link TooManyAttemptsException} propagates
 * (answered with 429), even for a correct code; under it, the attempt is counted at once, as if its code were
 * wrong, and uncounted when it ends without a wrong code, so that parallel requests cannot pass together;</li>
 * <li>local checks: each code is six digits; a two-code flow must not get the same code twice; then the
 * flow's own {@link LocalCheck};</li>
 * <li>each code is claimed (S15): a code the portal has just used never reaches AWS;</li>
 * <li>the attempt is audited, before AWS changes anything (S21): no row, no call; its outcome is
 * {@link AuditOutcome#ATTEMPTED}, never a success, as the result is not known yet (S35);</li>
 * <li>exactly one AWS call, never retried (S16);</li>
 * <li>a wrong code, as AWS says, counts against the employee and the source IP; the page answering it says how
 * many wrong codes are left before the pause ({@link dev.mfaportal.kernel.AttemptsLeft}).</li>
 * </ol>
 * Every refusal is audited, then thrown as the flow says ({@link CodeFlow#refusal()}).
 * <p>
 * A new flow (step-up before adding or removing a device, keyless issuance, ...) is a few lines: a
 * {@link CodeFlow} constant naming its audit actions, its audit reason for each AWS refusal (usually its
 * module's refusal enum, keyed by {@link dev.mfaportal.aws.AwsCallException.Kind}) and what its caller throws,
 * then one call per submission with its AWS call:
 * <pre>{@code
 * static final CodeFlow STEP_UP = CodeFlow.of("enrollment.step-up-requested", "enrollment.step-up-failed",
 *         (ex) -> AwsRefusal.of(ex.kind()).reason(), (refusal) -> EnrollmentException.refused("step-up", refusal));
 *
 * attempts.run(STEP_UP, CodeAttempt.of(employee, ip, serial, code),
 *         (codes) -> sessionTokens.issue(key, serial, codes.get(0), duration));
 * }</pre>
 * A flow with a check of its own adds {@link CodeAttempt#checkedBy}; one whose rows carry more facts adds
 * {@link CodeAttempt#withAuditDetail}; one that records some refusals as denials uses
 * {@link CodeFlow#deniedAs}. It records its own success row after {@code run} returns, if it has one.
 */
@Component
public class CodeAttempts {

	private static final Logger logger = LoggerFactory.getLogger(CodeAttempts.class);

	static final String TOO_MANY_ATTEMPTS = "too-many-attempts";

	private final CodeGuard guard;

	private final AuditLog audit;

	public CodeAttempts(CodeGuard guard, AuditLog audit) {
		this.guard = guard;
		this.audit = audit;
	}

	/**
	 * @param awsCall the flow's one AWS call, given the checked codes; it may throw {@link AwsCallException}
	 * @return what {@code awsCall} returned
	 * @throws TooManyAttemptsException over the rate limit (audited)
	 * @throws RuntimeException the flow's exception for any other refusal (audited)
	 */
	public <T> T run(CodeFlow flow, CodeAttempt attempt, Function<List<OneTimeCode>, T> awsCall) {
		try {
			this.guard.ensureAllowed(attempt.employee().username(), attempt.sourceIp());
		}
		catch (TooManyAttemptsException ex) {
			this.audit.record(row(flow.denied(), AuditOutcome.DENIED, attempt).detail("reason", TOO_MANY_ATTEMPTS)
				.detail("scope", ex.scope()));
			throw ex;
		}
		Counted counted = new Counted(attempt);
		try {
			List<OneTimeCode> codes = checkLocally(flow, attempt, counted);
			claim(flow, attempt);
			this.audit.record(row(flow.attempted(), AuditOutcome.ATTEMPTED, attempt));
			try {
				return awsCall.apply(codes);
			}
			catch (AwsCallException ex) {
				throw refusedByAws(flow, attempt, ex, counted);
			}
		}
		finally {
			counted.releaseUnlessWrong();
		}
	}

	private List<OneTimeCode> checkLocally(CodeFlow flow, CodeAttempt attempt, Counted counted) {
		List<String> submitted = attempt.codes();
		if (!submitted.stream().allMatch(OneTimeCode::isWellFormed)) {
			throw refused(flow, attempt, new CodeRefusal(Cause.NOT_SIX_DIGITS, "not-six-digits", null, null));
		}
		if (new LinkedHashSet<>(submitted).size() < submitted.size()) {
			throw refused(flow, attempt, new CodeRefusal(Cause.SAME_CODE_TWICE, "same-code-twice", null, null));
		}
		Optional<LocalRefusal> local;
		try {
			local = attempt.localCheck().check(submitted);
		}
		catch (AwsCallException ex) {
			throw refusedByAws(flow, attempt, ex, counted);
		}
		if (local.isPresent()) {
			if (local.get().countsAsWrongCode()) {
				counted.wrongCode();
			}
			throw refused(flow, attempt, new CodeRefusal(Cause.LOCAL_CHECK, local.get().reason(), local.get(), null));
		}
		return submitted.stream().map(OneTimeCode::new).toList();
	}

	/** S15: a second submission of the same codes (a double click, a replay) never reaches AWS. */
	private void claim(CodeFlow flow, CodeAttempt attempt) {
		try {
			for (String code : attempt.codes()) {
				this.guard.claim(attempt.mfaSerial(), code);
			}
		}
		catch (CodeAlreadyUsedException ex) {
			throw refused(flow, attempt, new CodeRefusal(Cause.CODE_ALREADY_USED, "code-already-used", null, null));
		}
	}

	private RuntimeException refusedByAws(CodeFlow flow, CodeAttempt attempt, AwsCallException ex,
			Counted counted) {
		// Counted before the audit row, so that an audit outage cannot lift the limit.
		if (ex.is(AwsCallException.Kind.WRONG_CODE)) {
			counted.wrongCode();
		}
		CodeRefusal refusal = new CodeRefusal(Cause.AWS, flow.awsReason().apply(ex), null, ex);
		AuditEvent row = refusalRow(flow, attempt, refusal.reason()).awsRequestId(ex.requestId());
		this.audit.record((ex.errorCode() != null) ? row.detail("awsErrorCode", ex.errorCode()) : row);
		return flow.refusal().apply(refusal);
	}

	private RuntimeException refused(CodeFlow flow, CodeAttempt attempt, CodeRefusal refusal) {
		this.audit.record(refusalRow(flow, attempt, refusal.reason()));
		return flow.refusal().apply(refusal);
	}

	private static AuditEvent refusalRow(CodeFlow flow, CodeAttempt attempt, String reason) {
		boolean denial = flow.denials().contains(reason);
		return row(denial ? flow.denied() : flow.failed(), denial ? AuditOutcome.DENIED : AuditOutcome.FAILURE,
				attempt)
			.detail("reason", reason);
	}

	private static AuditEvent row(String action, AuditOutcome outcome, CodeAttempt attempt) {
		AuditEvent row = AuditEvent.of(action, outcome).by(attempt.employee()).mfaSerial(attempt.mfaSerial());
		for (var detail : attempt.auditDetail().entrySet()) {
			row = row.detail(detail.getKey(), detail.getValue());
		}
		return row;
	}

	/** The attempt the guard counted before the AWS call: kept as a wrong code, or else released, once. */
	private final class Counted {

		private final CodeAttempt attempt;

		private boolean settled;

		Counted(CodeAttempt attempt) {
			this.attempt = attempt;
		}

		void wrongCode() {
			CodeAttempts.this.guard.recordWrongCode(this.attempt.employee().username(), this.attempt.sourceIp());
			this.settled = true;
			// S32: the page answering a wrong code says how many are left before the pause.
			CodeAttempts.this.guard.attemptsLeft(this.attempt.employee().username(), this.attempt.sourceIp())
				.showOnPage();
		}

		void releaseUnlessWrong() {
			if (this.settled) {
				return;
			}
			this.settled = true;
			try {
				CodeAttempts.this.guard.release(this.attempt.employee().username(), this.attempt.sourceIp());
			}
			catch (RuntimeException ex) {
				// The attempt then stays counted until the window ends: the limit errs on the safe side, and
				// the answer already decided (credentials shown, a refusal) is not replaced by an error.
				logger.warn("Could not uncount a code attempt; it counts until the window ends", ex);
			}
		}

	}

}
