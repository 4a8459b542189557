package dev.mfaportal.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * Where the employees the portal serves live, as docs/iam-policy.md assumes; the portal's own user sits at
	 * {@code /}, and {@code carol}, a contractor, at {@value #CONTRACTORS_PATH}.
	 */
	public static final String EMPLOYEES_PATH = "/employees/";

	public static final String CONTRACTORS_PATH = "/contractors/";

	/** The IAM user the portal itself runs as. */
	public static final String PORTAL_USER = "mfa-portal";

	public static final String PORTAL_ACCESS_KEY_ID = "AKIASANDBOXPORTAL001";

	public static final String PORTAL_SECRET_ACCESS_KEY = "portal-sandbox-secret-access-key-0000000";

	public static final String ALICE_ACCESS_KEY_ID = "AKIASANDBOXALICE0001";

	public static final String ALICE_SECRET_ACCESS_KEY = "alice-sandbox-secret-access-key-00000000";

	public static final String BOB_ACCESS_KEY_ID = "AKIASANDBOXBOB000001";

	public static final String BOB_SECRET_ACCESS_KEY = "bob-sandbox-secret-access-key-0000000000";

	public static final String ADMIN_ACCESS_KEY_ID = "AKIASANDBOXADMIN0001";

	public static final String ADMIN_SECRET_ACCESS_KEY = "admin-sandbox-secret-access-key-00000000";

	private final Object lock = new Object();

	private final IamState iam = new IamState(ACCOUNT_ID);

	private final AccessKeys keys = new AccessKeys();

	private final Faults faults = new Faults();

	private final Queue<SandboxRequest> log = new ConcurrentLinkedQueue<>();

	private final SandboxDevices devices = new SandboxDevices(this.iam, this.lock, this::now);

	private volatile Clock totpClock = Clock.systemUTC();

	private final SandboxServer server;

	private SandboxAccount() {
		seed();
		Map<String, Action> iamActions = new HashMap<>();
		new IamDeviceActions(this.iam, this::now).register(iamActions);
		new IamQueryActions(this.iam, ACCOUNT_ALIAS).register(iamActions);
		Map<String, Action> stsActions = new HashMap<>();
		new StsActions(this.iam, this.keys, this::now).register(stsActions);
		this.server = new SandboxServer(new SandboxHttpHandler(iamActions, stsActions, new SigV4Verifier(this.keys),
				this.faults, this.log, this.lock));
	}

	/** Starts a sandbox on a random loopback port. */
	public static SandboxAccount start() {
		SandboxAccount account = new SandboxAccount();
		account.server.start();
		return account;
	}

	private void seed() {
		String[][] users = { { "alice", "AIDASANDBOXALICE00001", ALICE_ACCESS_KEY_ID, ALICE_SECRET_ACCESS_KEY },
				{ "bob", "AIDASANDBOXBOB0000001", BOB_ACCESS_KEY_ID, BOB_SECRET_ACCESS_KEY },
				{ "admin", "AIDASANDBOXADMIN00001", ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY } };
		for (String[] user : users) {
			this.iam.addUser(user[0], user[1], EMPLOYEES_PATH);
			this.keys.addLongTerm(user[2], user[0], user[3]);
		}
		// Sign-ins of the demo identity provider without keys of their own: help desk, auditor, an employee
		// who signs in without MFA, and a contractor outside the employees' path.
		this.iam.addUser("helpdesk", "AIDASANDBOXHELPDESK01", EMPLOYEES_PATH);
		this.iam.addUser("auditor", "AIDASANDBOXAUDITOR001", EMPLOYEES_PATH);
		this.iam.addUser("dave", "AIDASANDBOXDAVE000001", EMPLOYEES_PATH);
		this.iam.addUser("carol", "AIDASANDBOXCAROL00001", CONTRACTORS_PATH);
		this.iam.addUser(PORTAL_USER, "AIDASANDBOXPORTAL0001", "/");
		this.keys.addLongTerm(PORTAL_ACCESS_KEY_ID, PORTAL_USER, PORTAL_SECRET_ACCESS_KEY);
	}

	/** Where to point the SDK clients: {@code http://127.0.0.1:<port>}, for IAM and STS alike. */
	public URI endpoint() {
		return this.server.endpoint();
	}

	/** The ARN of an IAM user of the sandbox, e.g. {@code arn:aws:iam::123456789012:user/employees/alice}. */
	public String userArn(String iamUserName) {
		synchronized (this.lock) {
			return this.iam.user(iamUserName).orElseThrow().arn();
		}
	}

	/** The account's virtual MFA devices: inspect them, create them directly, compute their codes. */
	public SandboxDevices devices() {
		return this.devices;
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
		return this.keys.find(sessionAccessKeyId).filter(AccessKeys.Key::session).map(AccessKeys.Key::userName);
	}

	/** Every session key ({@code ASIA…}) {@code GetSessionToken} issued since the last {@link #reset()}, sorted. */
	public List<String> sessionKeyIds() {
		return this.keys.sessionIds();
	}

	/** Makes every session issued so far expired: calls signed with one then get {@code ExpiredToken} 403. */
	public void expireSessions() {
		this.keys.expireSessions(Instant.now().minusSeconds(1));
	}

	/** Back to the initial state: no devices, no sessions, no faults, an empty request log, the real clock. */
	public void reset() {
		synchronized (this.lock) {
			this.iam.clearDevices();
			this.keys.removeSessions();
		}
		this.faults.clear();
		this.log.clear();
		this.totpClock = Clock.systemUTC();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
