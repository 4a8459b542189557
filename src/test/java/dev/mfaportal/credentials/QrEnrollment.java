package dev.mfaportal.credentials;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.QrReader;
import dev.mfaportal.sandbox.SandboxAccount;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee setting up a phone on the portal's MFA page, as a phone would: it reads the QR code on the
 * scan page, and types the two consecutive codes the app then shows.
 *
 * @param serial the new device's serial
 * @param seed the Base32 seed read from the QR code
 * @param activatedAt the instant whose step gave the second activation code
 */
record QrEnrollment(String serial, String seed, Instant activatedAt) {

	static QrEnrollment enroll(PortalClient client, String label) {
		Document devices = client.page("/mfa");
		Document scan = parse(client.submit(devices, "form#start-enrollment", Map.of("label", label)));
		String otpauth = QrReader.decodeDataUri(scan.selectFirst("img#mfa-qr").attr("src"));
		assertThat(otpauth).startsWith("otpauth://totp/");
		String seed = QrReader.query(otpauth, "secret");
		assertThat(seed).as(otpauth).isNotNull();
		String serial = scan.selectFirst("#mfa-scan").attr("data-serial");
		Instant now = Instant.now();
		Document activated = parse(client.submit(scan, "form#activate-enrollment",
				Map.of("token", scan.selectFirst("form#activate-enrollment input[name=token]").val(), "code1",
						SandboxAccount.totp(seed, now.minusSeconds(30)), "code2", SandboxAccount.totp(seed, now))));
		assertThat(activated.select("#enrollment-success")).as(activated.text()).isNotEmpty();
		return new QrEnrollment(serial, seed, now);
	}

	/** The next code the app shows after the two used for activation; AWS refuses a used one. */
	String nextCode() {
		return SandboxAccount.totp(this.seed, this.activatedAt.plusSeconds(30));
	}

	private static Document parse(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Jsoup.parse(response.body(), response.uri().toString());
	}

}
