package dev.mfaportal.enrollment;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.kernel.Secret;

/**
 * What the employee typed to prove they hold one of their devices: which device, its current code, and (when
 * the portal asks for it) a long-term access key of their IAM user. Never stored.
 *
 * @param serial the device whose code this is; blank when the employee has only one
 * @param code the device's current code, unchecked
 * @param accessKeyId the key's id as typed, possibly blank
 * @param secretAccessKey the key's secret as typed, possibly empty
 */
public record StepUpInput(@Nullable String serial, @Nullable String code, @Nullable String accessKeyId,
		Secret secretAccessKey) {

	static StepUpInput of(@Nullable String serial, @Nullable String code, @Nullable String accessKeyId,
			@Nullable String secretAccessKey) {
		return new StepUpInput(serial, (code != null) ? code.strip() : null, accessKeyId,
				Secret.of((secretAccessKey != null) ? secretAccessKey : ""));
	}

}
