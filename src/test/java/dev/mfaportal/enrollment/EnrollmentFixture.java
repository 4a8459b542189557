package dev.mfaportal.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.support.ResourceBundleMessageSource;

import dev.mfaportal.aws.AwsAccount;
import dev.mfaportal.guard.CodeAttempts;
import dev.mfaportal.guard.FakeCodeGuard;
import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.Sealer;

/**
 * The device flow wired by hand around fakes and a movable clock, for unit tests.
 */
class EnrollmentFixture {

	static final Employee ALICE = new Employee("alice", "Alice", "alice", Set.of("EMPLOYEE"));

	static final Employee BOB = new Employee("bob", "Bob", "bob", Set.of("EMPLOYEE"));

	static final String IP = "192.0.2.10";

	Instant now = Instant.parse("2026-11-28T12:00:10Z");

	final FakeMfaDevices devices = new FakeMfaDevices();

	final RecordingAuditLog audit = new RecordingAuditLog();

	final FakeCodeGuard guard = new FakeCodeGuard();

	final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return EnrollmentFixture.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	final EnrollmentTokens tokens = new EnrollmentTokens(
			new EnrollmentSeal(new Sealer(new byte[32], this.clock), Duration.ofMinutes(10)), this.audit);

	final AwsAccount account = new AwsAccount() {

		@Override
		public String accountId() {
			return "123456789012";
		}

		@Override
		public String displayName() {
			return "mfa-portal-sandbox";
		}

	};

	final EmployeeDevices employeeDevices = new EmployeeDevices(this.devices, this.audit, properties(8));

	final Enrollments enrollments = new Enrollments(this.devices, this.account, this.audit, this.tokens,
			new DeviceNames("{iam-user}-{label}"), this.employeeDevices, this.clock);

	final EnrollmentLocks locks = new EnrollmentLocks(null, null) {

		@Override
		<T> T whileActivating(String iamUser, Supplier<T> action) {
			return action.get();
		}

		@Override
		int ifNobodyElseSweeps(Supplier<Integer> sweep) {
			return sweep.get();
		}

	};

	final CodeAttempts attempts = new CodeAttempts(this.guard, this.audit);

	final Activations activations = new Activations(this.devices, this.audit, this.attempts, this.tokens,
			new CodeCheck(1, 30), this.locks, this.enrollments, this.clock);

	final DeviceActions deviceActions = new DeviceActions(this.devices, this.employeeDevices, this.audit,
			this.attempts);

	/** The defaults of {@code portal.enrollment.*}, with another device limit. */
	static EnrollmentProperties properties(int maxDevices) {
		return new EnrollmentProperties(null, Duration.ofMinutes(10), "MFA Portal", "{iam-user}-{label}",
				Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(5), maxDevices);
	}

	/** The code the fake device's app shows {@code steps} 30-second steps from now. */
	String code(long steps) {
		return Totp.ofBase32Seed(FakeMfaDevices.SEED).codeAt(Totp.stepAt(this.now) + steps);
	}

	static String text(EnrollmentException ex) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages.getMessage(ex.userMessage(), Locale.ENGLISH);
	}

}
