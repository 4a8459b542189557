package dev.mfaportal.credentials;

import java.util.ArrayList;
import java.util.List;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S32 for one-time codes: the code pipeline tells the page answering a wrong code how many are left before the
 * pause; at the limit the page says the pause has begun, and the next try is refused with 429.
 */
class CodeAttemptsLeftFlowTests extends CredentialsFlowSupport {

	@Test
	void wrongCodesThenCredentialsFormCountsDownToThePause() {
		String serial = newDevice("alice");
		PortalClient alice = signIn("alice");
		List<String> notices = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Page page = alice.submit(alice.get("/credentials"), "form#issue-credentials",
					fields(serial, wrongCode(serial, i), "3600", ALICE_KEY_ID, ALICE_SECRET));
			assertThat(page.status()).isEqualTo(400);
			notices.add(page.text("#attempts-left"));
		}
		assertThat(notices).containsExactly("4 attempts left before a 15-minute pause.",
				"3 attempts left before a 15-minute pause.", "2 attempts left before a 15-minute pause.",
				"1 attempt left before a 15-minute pause.",
				"No attempts left: tries are paused for up to 15 minutes, even with the right password or code.");
		Page paused = alice.submit(alice.get("/credentials"), "form#issue-credentials", oneHourWithAlicesKey(serial));
		assertThat(paused.status()).isEqualTo(429);
	}

	/** A six-digit code that is not the device's, different each time. */
	private String wrongCode(String serial, int i) {
		String fresh = this.sandbox.devices().freshCode(serial);
		String code = String.format("%06d", (Integer.parseInt(fresh) + 100_000 + i * 7919) % 1_000_000);
		return code;
	}

}
