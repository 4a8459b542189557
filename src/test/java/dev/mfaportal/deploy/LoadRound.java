package dev.mfaportal.deploy;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.deploy.LoadResults.Kind;
import dev.mfaportal.deploy.LoadScene.LoadEmployee;
import dev.mfaportal.sandbox.SandboxAccount;

/** One employee's round, from signing in to signing out: stops at the first request that fails. */
record LoadRound(PortalClient browser, LoadEmployee employee, SandboxAccount sandbox, LoadResults results) {

	/** @return whether every request of the round answered as expected */
	boolean run() {
		PortalClient browser = this.browser;
		Page login = request(Kind.SIGN_IN_PAGE, () -> browser.get("/login"),
				(page) -> page.document().selectFirst("form#sign-in") != null);
		Page home = (login == null) ? null : request(Kind.SIGN_IN, () -> browser.submit(login, "form#sign-in",
				Map.of("username", this.employee.login(), "password", this.employee.login())),
				(page) -> page.response().uri().getPath().equals("/"));
		Page devices = (home == null) ? null : request(Kind.DEVICE_LIST, () -> browser.get("/mfa"),
				(page) -> page.document().selectFirst("tr[data-serial=\"" + this.employee.serial() + "\"]") != null);
		Page form = (devices == null) ? null : request(Kind.CREDENTIALS_FORM, () -> browser.get("/credentials"),
				(page) -> page.document().selectFirst("form#issue-credentials") != null);
		if (form == null) {
			return false;
		}
		Map<String, String> fields = this.employee.issuance(freshCode());
		Page issued = request(Kind.ISSUE, () -> browser.submit(form, "form#issue-credentials", fields),
				(page) -> page.text("#session-access-key-id") != null
						&& page.text("#session-access-key-id").startsWith("ASIA"));
		Page signedOut = (issued == null) ? null : request(Kind.SIGN_OUT,
				() -> browser.submit(issued, "form#sign-out", Map.of()),
				(page) -> page.response().uri().getPath().equals("/login"));
		if (signedOut == null) {
			return false;
		}
		this.results.roundDone(System.nanoTime());
		return true;
	}

	/** Times one request; an answer other than a 200 showing the expected page counts as an error. */
	private Page request(Kind kind, Supplier<Page> send, Predicate<Page> expected) {
		long started = System.nanoTime();
		Page page;
		try {
			page = send.get();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			this.results.error(kind, started, ex.getClass().getSimpleName());
			return null;
		}
		this.results.record(kind, started, System.nanoTime() - started);
		if (page.status() != 200) {
			this.results.error(kind, started, "HTTP " + page.status());
			return null;
		}
		if (!expected.test(page)) {
			this.results.error(kind, started, "unexpected page " + page.response().uri().getPath());
			return null;
		}
		return page;
	}

	/** The next code the employee's phone would show that AWS has not accepted yet; waits (untimed) if none. */
	private String freshCode() {
		long started = System.nanoTime();
		try {
			return waitForFreshCode();
		}
		finally {
			this.results.waitedForCode(started, System.nanoTime() - started);
		}
	}

	private String waitForFreshCode() {
		while (true) {
			try {
				return this.sandbox.devices().freshCode(this.employee.serial());
			}
			catch (IllegalStateException ex) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}

}
