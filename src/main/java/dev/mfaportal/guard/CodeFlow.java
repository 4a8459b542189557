package dev.mfaportal.guard;

import java.util.Set;
import java.util.function.Function;

import dev.mfaportal.aws.AwsCallException;

/**
 * What one code-carrying flow states to {@link CodeAttempts}: its audit actions, its words for AWS's refusals,
 * and what its caller throws for a refusal. Everything else (rate limit, six digits, claims, the order of
 * audit rows and AWS, the wrong-code count) is the pipeline's and the same for every flow.
 *
 * @param attempted the action of the row recorded just before the AWS call, e.g. {@code credentials.requested}
 * @param failed the action of a refusal row (outcome {@code FAILURE}), e.g. {@code credentials.failed}
 * @param denied the action of a denial row (outcome {@code DENIED}): the rate limit, and each reason in
 * {@code denials}
 * @param awsReason the stable audit reason for a failed AWS call, e.g. {@code wrong-code}
 * @param denials the reasons (local or AWS) this flow records as denials rather than failures
 * @param refusal what the flow's caller throws for a refusal, e.g. an exception carrying the message
 */
public record CodeFlow(String attempted, String failed, String denied, Function<AwsCallException, String> awsReason,
		Set<String> denials, Function<CodeRefusal, ? extends RuntimeException> refusal) {

	public CodeFlow {
		denials = Set.copyOf(denials);
	}

	/** A flow whose refusals are all recorded as {@code failed}, and the rate limit's denial too. */
	public static CodeFlow of(String attempted, String failed, Function<AwsCallException, String> awsReason,
			Function<CodeRefusal, ? extends RuntimeException> refusal) {
		return new CodeFlow(attempted, failed, failed, awsReason, Set.of(), refusal);
	}

	/** The same flow, recording the rate limit and the given reasons as {@code denied}. */
	public CodeFlow deniedAs(String denied, Set<String> denials) {
		return new CodeFlow(this.attempted, this.failed, denied, this.awsReason, denials, this.refusal);
	}

}
