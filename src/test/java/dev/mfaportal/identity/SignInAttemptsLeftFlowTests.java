package dev.mfaportal.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S32: after a wrong password the sign-in page, and the "confirm it's you" page before a sensitive action, say
 * how many tries are left before the 15-minute pause, one fewer each time, and the try that reaches the limit
 * shows the lockout message.
 */
@PortalFlowTest
class SignInAttemptsLeftFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void forgetFailures() {
		this.jdbc.sql("DELETE FROM sign_in_failure").update();
	}

	@Test
	void wrongPasswordsThenPageCountsDownToTheLockout() {
		PortalClient visitor = PortalClient.followingRedirects(this.port);
		List<String> notices = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Page page = visitor.submit(visitor.get("/login"), "form#sign-in",
					Map.of("username", "bob", "password", "wrong-" + i));
			assertThat(page.status()).isEqualTo(200);
			notices.add((page.text("#attempts-left") != null) ? page.text("#attempts-left") : page.text("[role=alert]"));
		}
		assertThat(notices).containsExactly("4 attempts left before a 15-minute pause.",
				"3 attempts left before a 15-minute pause.", "2 attempts left before a 15-minute pause.",
				"1 attempt left before a 15-minute pause.",
				"Too many failed sign-ins for this account. Please wait a few minutes before you try again.");
	}

	@Test
	void countIsShownOnceNotOnReload() {
		PortalClient visitor = PortalClient.followingRedirects(this.port);
		Page failed = visitor.submit(visitor.get("/login"), "form#sign-in", Map.of("username", "bob", "password", "x"));
		assertThat(failed.text("#attempts-left")).isEqualTo("4 attempts left before a 15-minute pause.");
		assertThat(visitor.get("/login?error").text("#attempts-left")).isNull();
	}

	@Test
	void japaneseReaderGetsTheCountInJapanese() {
		PortalClient visitor = PortalClient.followingRedirects(this.port);
		visitor.get("/login?lang=ja");
		Page failed = visitor.submit(visitor.get("/login"), "form#sign-in", Map.of("username", "bob", "password", "x"));
		assertThat(failed.text("#attempts-left")).isEqualTo("あと4回間違えると、15分間試せなくなります。");
	}

	@Test
	void wrongPasswordsWhenConfirmingItIsYouThenThatPageCountsDownToTheLockoutToo() {
		PortalClient bob = PortalClient.signedIn(this.port, "bob");
		Page form = bob.get("/reauthenticate?continue=/mfa");
		List<String> notices = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Page page = bob.submit(form, "form#reauthenticate", Map.of("password", "wrong-" + i));
			assertThat(page.status()).isEqualTo(200);
			notices.add((page.text("#attempts-left") != null) ? page.text("#attempts-left") : page.text("[role=alert]"));
			form = page;
		}
		assertThat(notices).containsExactly("4 attempts left before a 15-minute pause.",
				"3 attempts left before a 15-minute pause.", "2 attempts left before a 15-minute pause.",
				"1 attempt left before a 15-minute pause.",
				"Too many wrong passwords. Please wait a few minutes before you try again.");
	}

}
