package dev.mfaportal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S29 on the running portal: PostgreSQL goes away (a proxy between this portal and its test database
 * is cut) and comes back. Sessions live in PostgreSQL too, so the signed-in pages fail in Spring Session's
 * filter before MVC runs; the answer must still be the friendly 503 page, within seconds, and the portal
 * must serve normally again once the database is back, without a restart.
 */
@PortalFlowTest
@Import(ProxiedDatabase.class)
class DatabaseOutageTests {

	/** The pool waits 3 s for a connection (application.yml); the rest is slack for a loaded build machine. */
	static final Duration QUICKLY = Duration.ofSeconds(10);

	/**
	 * A partition hangs a query on a pooled connection until pgjdbc's socketTimeout (10 s, application.yml), then
	 * the pool's 3 s; the rest is slack.
	 */
	static final Duration QUICKLY_DESPITE_PARTITION = Duration.ofSeconds(20);

	static final Duration RECOVERY = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	ProxiedDatabase.Link database;

	@AfterEach
	void databaseBack() {
		this.database.restore();
		eventually(() -> PortalClient.followingRedirects(this.port).get("/actuator/health"), 200);
	}

	@Test
	void signedInPageWhenDatabaseDownThenFriendly503Quickly() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.database.cut();
		Page home = timed(() -> alice.get("/"));
		assertFriendly503(home);
	}

	@Test
	void signedInPageWhenDatabaseHostStopsAnsweringThenFriendly503Quickly() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.database.stall();
		assertFriendly503(timed(QUICKLY_DESPITE_PARTITION, () -> alice.get("/")));
		Page health = timed(QUICKLY_DESPITE_PARTITION,
				() -> PortalClient.followingRedirects(this.port).get("/actuator/health/readiness"));
		assertThat(health.status()).isEqualTo(503);
		this.database.restore();
		assertThat(eventually(() -> alice.get("/"), 200).status()).isEqualTo(200);
	}

	@Test
	void signedInPageWhenDatabaseReturnsThenServedAgainInTheSameSession() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.database.cut();
		assertThat(timed(() -> alice.get("/")).status()).isEqualTo(503);
		this.database.restore();
		Page home = eventually(() -> alice.get("/"), 200);
		assertThat(home.document().selectFirst("#signed-in-user").text()).isEqualTo("alice");
	}

	@Test
	void healthWhenDatabaseDownThenDownAndStillAnswers() {
		this.database.cut();
		Page health = timed(() -> PortalClient.followingRedirects(this.port).get("/actuator/health"));
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"");
		this.database.restore();
		assertThat(eventually(() -> PortalClient.followingRedirects(this.port).get("/actuator/health"), 200).body())
			.contains("\"status\":\"UP\"");
	}

	@Test
	void probesWhenDatabaseDownThenAliveButNotReady() {
		this.database.cut();
		PortalClient monitor = PortalClient.followingRedirects(this.port);
		assertThat(timed(() -> monitor.get("/actuator/health/liveness")).status()).isEqualTo(200);
		Page readiness = timed(() -> monitor.get("/actuator/health/readiness"));
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
	}

	@Test
	void staticAssetsWhenDatabaseDownThenStillServed() {
		PortalClient alice = PortalClient.signedIn(this.port, "alice");
		this.database.cut();
		Page css = timed(() -> alice.get("/css/portal.css"));
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.body()).isNotBlank();
	}

	@Test
	void signInPageWhenDatabaseDownThenFriendly503() {
		this.database.cut();
		assertFriendly503(timed(() -> PortalClient.followingRedirects(this.port).get("/login")));
	}

	@Test
	void signInWhenDatabaseDownThenFriendly503() {
		PortalClient visitor = PortalClient.followingRedirects(this.port);
		String csrf = PortalClient.csrf(visitor.get("/login").document(), "form");
		this.database.cut();
		assertFriendly503(timed(() -> visitor.post("/login",
				Map.of("username", "alice", "password", "alice", "_csrf", csrf))));
	}

	@Test
	void manyRequestsWhenDatabaseDownThenNoneHangs() {
		List<PortalClient> employees = List.of(PortalClient.signedIn(this.port, "alice"),
				PortalClient.signedIn(this.port, "bob"), PortalClient.signedIn(this.port, "alice"),
				PortalClient.signedIn(this.port, "bob"));
		this.database.cut();
		List<Page> answers = timed(() -> employees.stream()
			.map((employee) -> CompletableFuture.supplyAsync(() -> employee.get("/")))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList());
		assertThat(answers).allSatisfy(DatabaseOutageTests::assertFriendly503);
	}

	static void assertFriendly503(Page response) {
		assertThat(response.status()).isEqualTo(503);
		Document page = response.document();
		assertThat(page.selectFirst("h1")).as(response.body()).isNotNull();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Service unavailable");
		assertThat(page.selectFirst("main").text()).contains("is not answering right now");
		// S27: nothing about the database, the driver or the code reaches the page.
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("sql")
			.doesNotContainIgnoringCase("jdbc")
			.doesNotContainIgnoringCase("hikari")
			.doesNotContain("at org.", "at dev.mfaportal", "127.0.0.1");
	}

	static <T> T timed(Supplier<T> request) {
		return timed(QUICKLY, request);
	}

	static <T> T timed(Duration limit, Supplier<T> request) {
		long start = System.nanoTime();
		T answer = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answer time").isLessThan(limit);
		return answer;
	}

	/** Polls until the answer has {@code status}, within {@link #RECOVERY}. */
	static Page eventually(Supplier<Page> request, int status) {
		return await().atMost(RECOVERY)
			.pollInterval(Duration.ofMillis(250))
			.until(request::get, (answer) -> answer.status() == status);
	}

	/** A deliberate pause (not a wait for a condition): lets the sandbox finish work a test left it. */
	static void sleep(Duration duration) {
		if (duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
