package dev.mfaportal.enrollment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import dev.mfaportal.enrollment.PortalClient.Page;

/**
 * What a phone gets from the scan page: the otpauth URI decoded from the QR image, and the codes an
 * authenticator app would show for it.
 */
record ScanPage(Page page, String otpauthUri) {

	static ScanPage of(Page page) {
		String src = page.document().selectFirst("img#mfa-qr").attr("src");
		String prefix = "data:image/png;base64,";
		if (!src.startsWith(prefix)) {
			throw new IllegalStateException("The QR code is not an inline PNG: " + src);
		}
		return new ScanPage(page, decodeQr(Base64.getDecoder().decode(src.substring(prefix.length()))));
	}

	/**
	 * Reads the QR code in a PNG. The portal's image is a pure barcode (no perspective, no noise), which
	 * ZXing's general detector misreads now and then; phones cope, and so does the pure-barcode mode.
	 */
	static String decodeQr(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
						Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
				.getText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NotFoundException | ChecksumException | FormatException ex) {
			throw new IllegalStateException("No readable QR code", ex);
		}
	}

	/** The {@code secret} parameter of the otpauth URI. */
	String secret() {
		return query("secret");
	}

	String query(String name) {
		return query(this.otpauthUri, name);
	}

	/** A parameter of an otpauth URI, decoded. */
	static String query(String otpauthUri, String name) {
		for (String pair : URI.create(otpauthUri).getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	String serial() {
		return this.page.document().selectFirst("#mfa-scan").attr("data-serial");
	}

	/** The code the app shows {@code steps} 30-second steps from now. */
	String code(long steps) {
		return code(secret(), steps);
	}

	static String code(String base32Seed, long steps) {
		return Totp.ofBase32Seed(base32Seed).codeAt(Totp.stepAt(Instant.now()) + steps);
	}

}
