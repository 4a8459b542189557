package dev.mfaportal.aws;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * The aws module's adapters as a second portal instance would have them: new objects, so nothing serialised
 * inside one instance (a monitor, a cache) is shared with the running application. For the tests of what must
 * hold across instances.
 */
public final class SecondInstanceAws {

	private SecondInstanceAws() {
	}

	public static SessionRevocations sessionRevocations(IamClient iam) {
		return new IamSessionRevocations(iam);
	}

}
