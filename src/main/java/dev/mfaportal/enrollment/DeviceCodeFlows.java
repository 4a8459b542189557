package dev.mfaportal.enrollment;

import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.CodeFlow;

/**
 * The device flows that send one-time codes to AWS, as {@link CodeAttempts} runs them: each states its audit
 * actions and the operation whose messages the employee sees; everything else is the pipeline's.
 */
final class DeviceCodeFlows {

	static final CodeFlow ACTIVATION = flow("activate", "enrollment.activation-requested",
			"enrollment.activation-failed");

	static final CodeFlow RESYNC = flow("resync", "enrollment.resync-requested", "enrollment.resync-failed");

	private DeviceCodeFlows() {
	}

	private static CodeFlow flow(String operation, String attempted, String failed) {
		return CodeFlow.of(attempted, failed, (ex) -> AwsRefusal.of(ex.kind()).reason(),
				(refusal) -> EnrollmentException.refused(operation, refusal));
	}

}
