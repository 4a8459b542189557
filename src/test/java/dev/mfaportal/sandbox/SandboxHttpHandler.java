package dev.mfaportal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Serves one awsQuery request: logs it, applies the armed faults, verifies the signature, records the key's
 * use, refuses IAM calls an explicit deny applies to, runs the action under the account's lock and writes
 * the XML answer (or AWS's error envelope) with {@code x-amzn-RequestId}.
 * The JDK server sets an accurate {@code Date} header itself, which the SDK's clock-skew logic relies on.
 */
final class SandboxHttpHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(SandboxHttpHandler.class);

	static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

	static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

	private final Map<String, Action> iamActions;

	private final Map<String, Action> stsActions;

	private final SigV4Verifier verifier;

	private final ExplicitDeny denies;

	private final AccessKeys keys;

	private final Faults faults;

	private final Queue<SandboxRequest> log;

	private final Object lock;

	SandboxHttpHandler(AccountState state, Map<String, Action> iamActions, Map<String, Action> stsActions,
			Faults faults, Queue<SandboxRequest> log) {
		this.iamActions = iamActions;
		this.stsActions = stsActions;
		this.verifier = new SigV4Verifier(state.keys);
		this.denies = new ExplicitDeny(state.iam, state.policies);
		this.keys = state.keys;
		this.faults = faults;
		this.log = log;
		this.lock = state.lock;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			FormParams params = new FormParams(new String(body, StandardCharsets.UTF_8));
			String action = params.get("Action");
			this.log.add(new SandboxRequest(Instant.now(), action, SigV4Verifier.claimedKeyId(exchange.getRequestHeaders())));
			boolean sts = this.stsActions.containsKey(action) || "2011-06-15".equals(params.get("Version"));
			String namespace = sts ? STS_NAMESPACE : IAM_NAMESPACE;
			String requestId = UUID.randomUUID().toString();
			try {
				if (!applyFaults(action, sts)) {
					return;
				}
				AccessKeys.Key caller = this.verifier.verify(exchange.getRequestMethod(),
						exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
						exchange.getRequestHeaders(), body);
				String result = run(action, sts, caller, params);
				respond(exchange, 200, requestId, Xml.success(namespace, action, result, requestId));
			}
			catch (SandboxAwsError error) {
				respond(exchange, error.status(), requestId, Xml.error(namespace, error, requestId));
			}
			catch (RuntimeException bug) {
				// A sandbox bug must look like an AWS failure to the client, and be visible to whoever runs the test.
				logger.error("Sandbox bug while handling " + action, bug);
				SandboxAwsError failure = SandboxAwsError.serviceFailure(sts ? "InternalFailure" : "ServiceFailure");
				respond(exchange, failure.status(), requestId, Xml.error(namespace, failure, requestId));
			}
		}
	}

	/** Sleeps for latency faults, throws for error faults; false when the connection is to be dropped. */
	private boolean applyFaults(String action, boolean sts) {
		List<SandboxFault> applicable = this.faults.take(action);
		for (SandboxFault fault : applicable) {
			if (fault.kind() == SandboxFault.Kind.LATENCY) {
				sleep(fault);
			}
		}
		for (SandboxFault fault : applicable) {
			switch (fault.kind()) {
				case DROPPED_CONNECTION -> {
					return false;
				}
				case THROTTLING -> throw SandboxAwsError.throttling();
				case SERVICE_FAILURE -> throw SandboxAwsError.serviceFailure(sts ? "InternalFailure" : "ServiceFailure");
				default -> {
				}
			}
		}
		return true;
	}

	private static void sleep(SandboxFault fault) {
		try {
			Thread.sleep(fault.latency().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String run(String action, boolean sts, AccessKeys.Key caller, FormParams params) {
		if (caller.session() && caller.expiration().isBefore(Instant.now())) {
			throw SandboxAwsError.expiredToken();
		}
		Action handler = (sts ? this.stsActions : this.iamActions).get(action);
		if (handler == null) {
			throw new SandboxAwsError(400, "InvalidAction",
					"Could not find operation " + action + " for version " + params.get("Version"));
		}
		if (!sts && caller.session() && !caller.mfa()) {
			// A session from GetSessionToken without MFA cannot call IAM at all.
			throw SandboxAwsError.invalidClientTokenId();
		}
		// IAM is global, so its region is N/A in the credential report; STS's global endpoint is us-east-1.
		this.keys.recordUse(caller, Instant.now(), sts ? "sts" : "iam", sts ? "us-east-1" : "N/A");
		synchronized (this.lock) {
			if (!sts) {
				// Only IAM calls are evaluated. GetCallerIdentity: "If an administrator attaches a policy to your
				// identity that explicitly denies access … you can still perform this operation"
				// (API_GetCallerIdentity); GetSessionToken: "You cannot use policies to control authentication
				// operations" (IAM User Guide, Permissions for GetSessionToken).
				this.denies.check(caller, action, params);
			}
			return handler.handle(caller, params);
		}
	}

	private static void respond(HttpExchange exchange, int status, String requestId, String xml) throws IOException {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml");
		exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
