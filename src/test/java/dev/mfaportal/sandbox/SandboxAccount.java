package dev.mfaportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-process AWS account speaking awsQuery for the IAM and STS actions the portal uses, so that the
 * real SDK clients (pointed at {@link #endpoint()}) run the production code path. Tests use this class to
 * look at the account's state, compute TOTP codes, inject faults and see which requests arrived.
 */
public final class SandboxAccount implements AutoCloseable {

	public static final String ACCOUNT_ID = "123456789012";

	public static final String ACCOUNT_ALIAS = "mfa-portal-sandbox";

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

	private final HttpServer server;

	private final ExecutorService executor;

	private SandboxAccount() throws IOException {
		seed();
		Map<String, Action> iamActions = new HashMap<>();
		new IamDeviceActions(this.iam, this::now).register(iamActions);
		new IamQueryActions(this.iam, ACCOUNT_ALIAS).register(iamActions);
		Map<String, Action> stsActions = new HashMap<>();
		new StsActions(this.iam, this.keys, this::now).register(stsActions);
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "sandbox-aws");
			thread.setDaemon(true);
			return thread;
		});
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.createContext("/", new SandboxHttpHandler(iamActions, stsActions, new SigV4Verifier(this.keys),
				this.faults, this.log, this.lock));
		this.server.setExecutor(this.executor);
	}

	/** Starts a sandbox on a random loopback port. */
	public static SandboxAccount start() {
		try {
			SandboxAccount account = new SandboxAccount();
			// Started from a daemon thread so the server's dispatcher thread is a daemon too and never holds the JVM.
			Thread starter = new Thread(account.server::start, "sandbox-aws-start");
			starter.setDaemon(true);
			starter.start();
			starter.join();
			return account;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void seed() {
		addUser("alice", "AIDASANDBOXALICE00001", ALICE_ACCESS_KEY_ID, ALICE_SECRET_ACCESS_KEY);
		addUser("bob", "AIDASANDBOXBOB0000001", BOB_ACCESS_KEY_ID, BOB_SECRET_ACCESS_KEY);
		addUser("admin", "AIDASANDBOXADMIN00001", ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY);
		addUser(PORTAL_USER, "AIDASANDBOXPORTAL0001", PORTAL_ACCESS_KEY_ID, PORTAL_SECRET_ACCESS_KEY);
	}

	private void addUser(String name, String userId, String accessKeyId, String secret) {
		this.iam.addUser(name, userId);
		this.keys.addLongTerm(accessKeyId, name, secret);
	}

	/** Where to point the SDK clients: {@code http://127.0.0.1:<port>}, for IAM and STS alike. */
	public URI endpoint() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	/** The ARN of an IAM user of the sandbox, e.g. {@code arn:aws:iam::123456789012:user/alice}. */
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
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
