package dev.mfaportal.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link IamUsers} on IAM, signed by the portal's own identity: each listing follows {@code Marker} through every
 * page of {@code MaxItems} items (IAM allows up to 1,000), so 50,000 users cost 50 calls.
 */
@Component
class IamUserListing implements IamUsers {

	static final int MAX_ITEMS = 1000;

	private final IamClient iam;

	private final int pageSize;

	@Autowired
	IamUserListing(IamClient iam) {
		this(iam, MAX_ITEMS);
	}

	IamUserListing(IamClient iam, int pageSize) {
		this.iam = iam;
		this.pageSize = pageSize;
	}

	@Override
	public List<IamUser> listUnder(String pathPrefix) {
		return PortalCalls.call("ListUsers",
				() -> this.iam.listUsersPaginator((request) -> request.pathPrefix(pathPrefix).maxItems(this.pageSize))
					.users()
					.stream()
					.map((user) -> new IamUser(user.userName(), user.path(), user.arn(), user.createDate()))
					.toList());
	}

	@Override
	public Map<String, Integer> virtualMfaDeviceCounts() {
		return PortalCalls.call("ListVirtualMFADevices", () -> {
			Map<String, Integer> counts = new TreeMap<>();
			this.iam
				.listVirtualMFADevicesPaginator(
						(request) -> request.assignmentStatus(AssignmentStatusType.ASSIGNED).maxItems(this.pageSize))
				.virtualMFADevices()
				.stream()
				.filter((device) -> device.user() != null)
				.forEach((device) -> counts.merge(device.user().userName(), 1, Integer::sum));
			return counts;
		});
	}

}
