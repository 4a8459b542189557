package dev.mfaportal.credentials;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
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

	static QrEnrollment enroll(PortalClient client, String label) throws IOException, ReaderException {
		Document devices = client.page("/mfa");
		Document scan = parse(client.submit(devices, "form#start-enrollment", Map.of("label", label)));
		String otpauth = readQr(scan.selectFirst("img#mfa-qr").attr("src"));
		assertThat(otpauth).startsWith("otpauth://totp/");
		String seed = query(otpauth, "secret");
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

	/** The portal's QR image is a clean, computer-drawn code: ZXing's pure-barcode mode reads it reliably. */
	private static String readQr(String dataUri) throws IOException, ReaderException {
		String prefix = "data:image/png;base64,";
		assertThat(dataUri).startsWith(prefix);
		BufferedImage image = ImageIO
			.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

	private static String query(String uri, String name) {
		for (String pair : URI.create(uri).getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		throw new IllegalStateException("No " + name + " in the otpauth URI");
	}

}
