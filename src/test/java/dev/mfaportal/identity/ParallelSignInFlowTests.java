package dev.mfaportal.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mfaportal.Concurrently;
import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import dev.mfaportal.PortalFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S13 under parallel requests: guesses sent all at once are counted before their passwords are checked.
 */
@PortalFlowTest
class ParallelSignInFlowTests {

	private static final int GUESSES = 30;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void unlock() {
		// Every test signs in from 127.0.0.1 as the demo logins: no lockout may outlive this class.
		this.jdbc.sql("DELETE FROM sign_in_failure").update();
	}

	@Test
	void thirtyConcurrentWrongPasswordsThenTheRightOneDoesNotSignIn() throws Exception {
		List<PortalClient> guessers = new ArrayList<>();
		List<Page> forms = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			PortalClient guesser = PortalClient.notFollowingRedirects(this.port);
			guessers.add(guesser);
			forms.add(guesser.get("/login"));
		}
		List<String> locations = Concurrently.run(GUESSES, (index) -> () -> {
			Page answer = guessers.get(index)
				.submit(forms.get(index), "form#sign-in", Map.of("username", "bob", "password", "guess-" + index));
			return (answer.location() != null) ? answer.location() : "status " + answer.status();
		});

		PortalClient owner = PortalClient.notFollowingRedirects(this.port);
		Page rightPassword = owner.submit(owner.get("/login"), "form#sign-in",
				Map.of("username", "bob", "password", "bob"));

		assertThat(rightPassword.location()).endsWith("/login?locked");
		assertThat(locations).filteredOn((location) -> location.endsWith("/login?error")).hasSizeLessThanOrEqualTo(5);
		// On this shared build machine a guess may also meet a full connection pool (503): it signs in no one.
		assertThat(locations).allSatisfy((location) -> assertThat(location).matches(".*/login\\?(error|locked)|status 503"));
	}

}
