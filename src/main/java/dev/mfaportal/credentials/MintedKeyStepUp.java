package dev.mfaportal.credentials;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.enrollment.StepUpInput;
import dev.mfaportal.enrollment.StepUpKeyException;
import dev.mfaportal.enrollment.StepUpKeys;
import dev.mfaportal.identity.Employee;

/**
 * The step-up check signed by a key the portal mints for it, with the portal-minted key source: the employee
 * types only the code, as on the keyless credentials form. The key is in the ledger before it is used (S40),
 * waits for STS to know it within the same budget as an issuance, signs the one shortest GetSessionToken and is
 * deleted whatever the outcome. Implemented here, not in enrollment, because minting is this module's.
 */
class MintedKeyStepUp implements StepUpKeys {

	private final MintedKeys keys;

	private final PropagationRetry propagation;

	MintedKeyStepUp(MintedKeys keys, PropagationRetry propagation) {
		this.keys = keys;
		this.propagation = propagation;
	}

	@Override
	public boolean asksForKey() {
		return false;
	}

	@Override
	public <T> T signWith(Employee employee, StepUpInput input, Function<AccessKey, T> check) {
		AccessKey key;
		try {
			key = this.keys.mintRecorded(employee);
		}
		catch (AwsCallException ex) {
			throw new StepUpKeyException(
					ex.is(AwsCallException.Kind.LIMIT_EXCEEDED) ? "access-key-limit" : "key-unavailable");
		}
		try {
			return check.apply(key);
		}
		finally {
			this.keys.discard(employee, key.accessKeyId());
		}
	}

	/** A key STS still does not know after the budget is "AWS is slow", not a key the employee got wrong. */
	@Override
	public <T> T send(Supplier<T> awsCall) {
		try {
			return this.propagation.call(awsCall);
		}
		catch (AwsCallException ex) {
			if (!ex.is(AwsCallException.Kind.INVALID_KEY)) {
				throw ex;
			}
			throw new AwsCallException(AwsCallException.Kind.UNAVAILABLE,
					"The key minted for the step-up did not propagate in time", ex.errorCode(), ex.requestId(), ex);
		}
	}

}
