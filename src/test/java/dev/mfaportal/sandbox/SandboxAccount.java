package dev.mfaportal.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An in-process AWS account speaking awsQuery for the IAM and STS actions the portal uses, so that the
 * real SDK clients (pointed at {@link #endpoint()}) run the production code path. Tests use this class to
 * look at the account's state, compute TOTP codes, inject faults and see which requests arrived.
 */
public final class SandboxAccount implements AutoCloseable {

	public static final String ACCOUNT_ID = "123456789012";

	public static final String ACCOUNT_ALIAS = "mfa-portal-sandbox";

	/** The IAM user the portal itself runs as (at path {@code /}, in no group). */
	public static final String PORTAL_USER = "mfa-portal";

	public static final String PORTAL_ACCESS_KEY_ID = "AKIASANDBOXPORTAL001";

	public static final String PORTAL_SECRET_ACCESS_KEY = "portal-sandbox-secret-access-key-0000000";

	public static final String ALICE_ACCESS_KEY_ID = "AKIASANDBOXALICE0001";

	public static final String ALICE_SECRET_ACCESS_KEY = "alice-sandbox-secret-access-key-00000000";

	public static final String BOB_ACCESS_KEY_ID = "AKIASANDBOXBOB000001";

	public static final String BOB_SECRET_ACCESS_KEY = "bob-sandbox-secret-access-key-0000000000";

	public static final String ADMIN_ACCESS_KEY_ID = "AKIASANDBOXADMIN0001";

	public static final String ADMIN_SECRET_ACCESS_KEY = "admin-sandbox-secret-access-key-00000000";

	/** The IAM path of the employees the portal serves: alice, bob and the demo users. */
	public static final String EMPLOYEES_PATH = "/employees/";

	/** The group every employee is in; the revocation policy is attached to it. */
	public static final String EMPLOYEES_GROUP = "employees";

	/** The one customer-managed deny policy that revokes sessions (its v1 revokes nothing). */
	public static final String REVOKED_SESSIONS_POLICY_ARN = "arn:aws:iam::" + ACCOUNT_ID
			+ ":policy/mfa-portal/mfa-portal-revoked-sessions";

	private final AccountState state = new AccountState();

	private final Faults faults = new Faults();

	private final Queue<SandboxRequest> log = new ConcurrentLinkedQueue<>();

	private final SandboxDevices devices = new SandboxDevices(this.state.iam, this.state.lock, this::now);

	private volatile Clock totpClock = Clock.systemUTC();

	private final SandboxServer server;

	private SandboxAccount() {
		this.server = new SandboxServer(new SandboxHttpHandler(this.state, this.state.iamActions(this::now),
				this.state.stsActions(this::now), this.faults, this.log));
	}

	/** Starts a sandbox on a random loopback port. */
	public static SandboxAccount start() {
		SandboxAccount account = new SandboxAccount();
		account.server.start();
		return account;
	}

	/** Where to point the SDK clients: {@code http://127.0.0.1:<port>}, for IAM and STS alike. */
	public URI endpoint() {
		return this.server.endpoint();
	}

	/** The ARN of an IAM user of the sandbox, e.g. {@code arn:aws:iam::123456789012:user/employees/alice}. */
	public String userArn(String iamUserName) {
		synchronized (this.state.lock) {
			return this.state.iam.user(iamUserName).orElseThrow().arn();
		}
	}

	/** The account's IAM users: who is under a path, passwords. */
	public SandboxUsers users() {
		return new SandboxUsers(this.state.iam, this.state.lock);
	}

	/** The account's virtual MFA devices: inspect them, create them directly, compute their codes. */
	public SandboxDevices devices() {
		return this.devices;
	}

	/** The users' long-term access keys, and which key created a session. */
	public SandboxAccessKeys accessKeys() {
		return new SandboxAccessKeys(this.state.keys, this.state.iam, this.state.lock);
	}

	/** The managed and inline policies, among them {@link #REVOKED_SESSIONS_POLICY_ARN}. */
	public SandboxPolicies policies() {
		return new SandboxPolicies(this.state.policies, this.state.lock);
	}

	/** The credential report and its switches. */
	public SandboxCredentialReport credentialReport() {
		return new SandboxCredentialReport(this.state.reports, this.state.lock);
	}

	/** Keys created by {@code CreateAccessKey} from now on answer {@code InvalidClientTokenId} for this long. */
	public void keyPropagationDelay(Duration delay) {
		this.state.keys.propagationDelay(delay);
	}

	/** Adds the demo's three dozen employees under {@code /employees/} (only when asked); returns their names. */
	public List<String> seedDemoUsers() {
		return this.state.seedDemoUsers();
	}

	/** The RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) of a Base32 seed at an instant. */
	public static String totp(String base32Seed, Instant at) {
		return Totp.code(base32Seed, at);
	}

	/** The clock the sandbox checks TOTP codes against (the real clock unless {@link #useTotpClock} was called). */
	public Instant now() {
		return this.totpClock.instant();
	}

	/** Checks codes against another clock. HTTP {@code Date} headers and expiries keep the real clock. */
	public void useTotpClock(Clock clock) {
		this.totpClock = clock;
	}

	/** Arms a fault; it stays armed for its {@link SandboxFault#times()} or until {@link #clearFaults()}. */
	public void inject(SandboxFault fault) {
		this.faults.add(fault);
	}

	public void clearFaults() {
		this.faults.clear();
	}

	/** Every request that reached the sandbox since the last {@link #clearRequests()} or {@link #reset()}. */
	public List<SandboxRequest> requests() {
		return List.copyOf(this.log);
	}

	public long requestCount() {
		return this.log.size();
	}

	/** How many requests with this {@code Action} reached the sandbox. */
	public long requestCount(String action) {
		return this.log.stream().filter((request) -> action.equals(request.action())).count();
	}

	public void clearRequests() {
		this.log.clear();
	}

	/** The IAM user a session key ({@code ASIA…}) from {@code GetSessionToken} belongs to, if it exists. */
	public Optional<String> sessionOwner(String sessionAccessKeyId) {
		return this.state.keys.find(sessionAccessKeyId).filter(AccessKeys.Key::session).map(AccessKeys.Key::userName);
	}

	/** Every session key ({@code ASIA…}) {@code GetSessionToken} issued since the last {@link #reset()}, sorted. */
	public List<String> sessionKeyIds() {
		return this.state.keys.sessionIds();
	}

	/** Makes every session issued so far expired: calls signed with one then get {@code ExpiredToken} 403. */
	public void expireSessions() {
		this.state.keys.expireSessions(Instant.now().minusSeconds(1));
	}

	/**
	 * Back to the initial state: the seeded users, keys and policies only, no devices, sessions, report or
	 * faults, no propagation delay, an empty request log, the real clock.
	 */
	public void reset() {
		this.state.reset();
		this.faults.clear();
		this.log.clear();
		this.totpClock = Clock.systemUTC();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
