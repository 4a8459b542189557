package dev.mfaportal.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalFlowTest;
import dev.mfaportal.sandbox.SandboxAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mfaportal.kernel.OneTimeCode;
import dev.mfaportal.kernel.Secret;

/**
 * The whole application with the sandbox imported, as the enrollment and credentials tests will run it:
 * the aws module's beans reach the sandbox with the portal identity's key.
 */
@PortalFlowTest
class AwsModuleIntegrationTests {

	@Autowired
	private MfaDevices mfaDevices;

	@Autowired
	private SessionTokens sessionTokens;

	@Autowired
	private AwsAccount awsAccount;

	@Autowired
	private SandboxAccount sandbox;

	@BeforeEach
	void reset() {
		this.sandbox.reset();
	}

	@Test
	void enrolAndIssueThroughTheApplicationsBeans() {
		NewVirtualDevice device = this.mfaDevices.create("alice-it", "/mfa-portal/", Map.of("created-by", "mfa-portal"));
		List<OneTimeCode> codes = this.sandbox.devices().freshCodePair(device.serialNumber()).stream().map(OneTimeCode::new).toList();
		this.mfaDevices.enable("alice", device.serialNumber(), codes.get(0), codes.get(1));
		assertThat(this.mfaDevices.listAssigned("alice")).extracting(MfaDevice::serialNumber).containsExactly(device.serialNumber());
		SessionCredentials session = this.sessionTokens.issue(
				new AccessKey(SandboxAccount.ALICE_ACCESS_KEY_ID, Secret.of(SandboxAccount.ALICE_SECRET_ACCESS_KEY)),
				device.serialNumber(), new OneTimeCode(this.sandbox.devices().freshCode(device.serialNumber())),
				Duration.ofHours(12));
		assertThat(this.sessionTokens.callerOf(session).iamUserName()).isEqualTo("alice");
		assertThat(this.awsAccount.displayName()).isEqualTo(SandboxAccount.ACCOUNT_ALIAS);
		assertThat(this.sandbox.requests()).extracting((request) -> request.accessKeyId())
			.contains(SandboxAccount.PORTAL_ACCESS_KEY_ID, SandboxAccount.ALICE_ACCESS_KEY_ID);
	}

}
