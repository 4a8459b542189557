package dev.mfaportal.aws;

import java.util.List;
import java.util.Map;

import dev.mfaportal.kernel.OneTimeCode;

/**
 * IAM's virtual MFA device calls, made with the portal's own identity. Every method that names a user
 * must be given the IAM user mapped to the signed-in employee, never a name from a request.
 */
public interface MfaDevices {

	/** {@code ListMFADevices}: the devices assigned to the user, all pages. */
	List<MfaDevice> listAssigned(String iamUserName);

	/** {@code ListVirtualMFADevices(AssignmentStatus=Unassigned)}: all pages. */
	List<UnassignedDevice> listUnassigned();

	/** {@code CreateVirtualMFADevice}; {@code path} is like {@code /mfa-portal/}. */
	NewVirtualDevice create(String deviceName, String path, Map<String, String> tags);

	/** {@code ListMFADeviceTags}. */
	Map<String, String> tags(String serialNumber);

	/** {@code EnableMFADevice}; carries codes, so it is never retried. */
	void enable(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2);

	/** {@code ResyncMFADevice}; carries codes, so it is never retried. */
	void resync(String iamUserName, String serialNumber, OneTimeCode code1, OneTimeCode code2);

	/** {@code DeactivateMFADevice}. */
	void deactivate(String iamUserName, String serialNumber);

	/** {@code DeleteVirtualMFADevice}. */
	void delete(String serialNumber);

}
