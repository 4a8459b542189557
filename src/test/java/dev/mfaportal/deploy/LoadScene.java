package dev.mfaportal.deploy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mfaportal.MfaPortalApplication;
import dev.mfaportal.sandbox.SandboxAccount;
import dev.mfaportal.sandbox.SandboxAwsConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the load run needs before it starts: employees in the sandbox account, each an IAM user under
 * {@code /employees/} with an enabled virtual MFA device and a long-term key of its own, and a portal that knows
 * them as local accounts. The portal is the real application with settings only, as {@code TwoPortals} starts it,
 * behind an imagined proxy ({@code server.forward-headers-strategy=native}) so that each employee can come from an
 * address of their own, as they would in an office.
 */
final class LoadScene {

	private LoadScene() {
	}

	/** One employee of the run: login (password = login), IAM user, device and long-term key. */
	record LoadEmployee(String login, String address, String serial, String accessKeyId, String secretAccessKey) {

		/** The credentials form as the employee fills it: their device, {@code code}, one hour, their own key. */
		Map<String, String> issuance(String code) {
			return Map.of("serialNumber", this.serial, "tokenCode", code, "durationSeconds", "3600", "accessKeyId",
					this.accessKeyId, "secretAccessKey", this.secretAccessKey);
		}

	}

	/** Creates {@code count} employees in the sandbox; their IAM keys come from {@code CreateAccessKey}, as on AWS. */
	static List<LoadEmployee> seed(SandboxAccount sandbox, int count) {
		List<LoadEmployee> employees = new ArrayList<>();
		try (IamClient iam = IamClient.builder()
			.endpointOverride(sandbox.endpoint())
			.region(Region.AWS_GLOBAL)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(SandboxAccount.ADMIN_ACCESS_KEY_ID, SandboxAccount.ADMIN_SECRET_ACCESS_KEY)))
			.build()) {
			for (int i = 1; i <= count; i++) {
				String login = "load-%03d".formatted(i);
				sandbox.users().create(login, SandboxAccount.EMPLOYEES_PATH);
				String serial = sandbox.devices().createEnabled(login, "/mfa-portal/", login + "-phone");
				AccessKey key = iam.createAccessKey((request) -> request.userName(login)).accessKey();
				employees.add(new LoadEmployee(login, "10.20.%d.%d".formatted(i / 250, i % 250 + 1), serial,
						key.accessKeyId(), key.secretAccessKey()));
			}
		}
		return employees;
	}

	/** Starts the portal on {@code databaseUrl} with a local account for every employee. */
	static ConfigurableApplicationContext portal(String databaseUrl, List<LoadEmployee> employees) {
		Map<String, Object> settings = new LinkedHashMap<>(SandboxAwsConfiguration.properties());
		settings.put("server.port", 0);
		settings.put("spring.datasource.url", databaseUrl);
		settings.put("spring.datasource.username", "postgres");
		settings.put("spring.datasource.password", "postgres");
		settings.put("server.forward-headers-strategy", "native");
		settings.put("portal.audit.verify-on-schedule", false);
		settings.put("portal.coverage.refresh-on-schedule", false);
		for (String key : List.of("enrollment.sealing-key", "credentials.sealing-key", "guard.code-key")) {
			settings.put("portal." + key, randomKey());
		}
		// bcrypt at its default strength, as docs/configuration.md tells operators to store local passwords.
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		for (int i = 0; i < employees.size(); i++) {
			LoadEmployee employee = employees.get(i);
			String account = "portal.identity.accounts[" + i + "].";
			settings.put(account + "username", employee.login());
			settings.put(account + "password", "{bcrypt}" + bcrypt.encode(employee.login()));
			settings.put(account + "iam-user", employee.login());
			settings.put(account + "roles", "EMPLOYEE");
		}
		return new SpringApplicationBuilder(MfaPortalApplication.class).main(MfaPortalApplication.class)
			.run(settings.entrySet()
				.stream()
				.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new));
	}

	/**
	 * A clock for the sandbox's TOTP that runs {@code speed} times faster than real time. A phone shows a new code
	 * every 30 s and AWS accepts each code once, so at real speed an employee could issue credentials at most twice
	 * a minute; faster steps let every employee issue on every round without reusing a code.
	 */
	static Clock fastTotpClock(int speed) {
		Instant start = Instant.now();
		long startNanos = System.nanoTime();
		return new Clock() {

			@Override
			public Instant instant() {
				return start.plusNanos((System.nanoTime() - startNanos) * speed);
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				throw new UnsupportedOperationException();
			}

		};
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
