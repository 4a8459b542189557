package dev.mfaportal.enrollment;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.identity.Employee;

/**
 * The long-term key of the employee's IAM user that signs the step-up check. Only AWS can check a code of a
 * device the employee already has (the portal never holds a seed), and the only AWS call that checks one
 * without changing anything is {@code sts:GetSessionToken}, which must be signed by a key of the device's
 * own user. Where that key comes from depends on how the portal gets keys: the one the employee types
 * ({@link EmployeeKeyStepUp}), or one the portal mints for the check and deletes afterwards. Exactly one
 * implementation is a bean, chosen by {@code portal.credentials.key-source}; with none the portal does not start.
 */
public interface StepUpKeys {

	/** Whether the step-up forms ask the employee for their access key. */
	boolean asksForKey();

	/**
	 * Runs {@code check} with a key of the employee's IAM user, disposing of the key afterwards if it made one.
	 * @throws StepUpKeyException when there is no usable key; nothing was sent to AWS with it
	 */
	<T> T signWith(Employee employee, StepUpInput input, Function<AccessKey, T> check);

	/**
	 * Sends the check's one AWS call, inside the code pipeline: a key minted a moment ago is retried while STS
	 * does not know it yet (that refusal comes before the code is checked, so the code is not spent).
	 */
	default <T> T send(Supplier<T> awsCall) {
		return awsCall.get();
	}

}
