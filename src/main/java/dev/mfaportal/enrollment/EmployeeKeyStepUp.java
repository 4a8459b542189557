package dev.mfaportal.enrollment;

import java.util.function.Function;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.mfaportal.aws.AccessKey;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.Secret;

/**
 * The step-up check signed by the key the employee types, as on the credentials form. The trade-off: the
 * employee must have their key at hand to add or remove a device, but the portal needs no right to create
 * keys and nothing outlives the request. The key is checked for shape only; AWS refuses a code of a device
 * that is not the key's own user's. The step-up of the default key source ({@code employee-key}); the
 * portal-minted one is the credentials module's.
 */
@Component
@ConditionalOnProperty(name = "portal.credentials.key-source", havingValue = "employee-key", matchIfMissing = true)
class EmployeeKeyStepUp implements StepUpKeys {

	@Override
	public boolean asksForKey() {
		return true;
	}

	@Override
	public <T> T signWith(Employee employee, StepUpInput input, Function<AccessKey, T> check) {
		String id = (input.accessKeyId() != null) ? input.accessKeyId().strip() : "";
		String secret = input.secretAccessKey().reveal().strip();
		if (id.isEmpty() || secret.isEmpty()) {
			throw new StepUpKeyException("key-required");
		}
		String problem = AccessKey.problemWith(id, secret);
		if (problem != null) {
			throw new StepUpKeyException(problem);
		}
		return check.apply(new AccessKey(id, Secret.of(secret)));
	}

}
