package dev.mfaportal.guard;

import java.util.List;
import java.util.Optional;

/**
 * A flow's own check of the codes (or of what they are for) before any is claimed: the enrollment's "two
 * consecutive codes near now", computed from the seed; credentials' "the device is the employee's own". It
 * runs after the rate limit and the six-digit checks, so every code it sees is six digits.
 */
@FunctionalInterface
public interface LocalCheck {

	/**
	 * @param codes the codes as submitted, each six digits
	 * @return why the codes must not go to AWS, or empty when they may
	 * @throws dev.mfaportal.aws.AwsCallException when the check needed AWS and AWS failed; the pipeline audits
	 * and refuses it like a failed AWS call
	 */
	Optional<LocalRefusal> check(List<String> codes);

}
