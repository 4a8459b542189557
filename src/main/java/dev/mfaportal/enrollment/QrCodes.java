package dev.mfaportal.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The {@code otpauth://} URI authenticator apps understand, and its QR code as a PNG data URI. The portal
 * draws its own QR code, rather than AWS's, so that the label and issuer say which account it is for.
 */
final class QrCodes {

	private static final int SIZE_PIXELS = 240;

	private QrCodes() {
	}

	/** {@code otpauth://totp/<issuer>:<iam-user>@<account>?secret=<seed>&issuer=<issuer>}. */
	static String otpauthUri(String issuer, String iamUser, String accountName, String base32Seed) {
		return "otpauth://totp/" + encode(issuer) + ":" + encode(iamUser + "@" + accountName) + "?secret="
				+ base32Seed + "&issuer=" + encode(issuer);
	}

	static String pngDataUri(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE_PIXELS, SIZE_PIXELS,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException ex) {
			throw new IllegalStateException("An otpauth URI always fits in a QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The seed in groups of four, as people copy it into an app by hand. */
	static String inGroupsOfFour(String base32Seed) {
		return base32Seed.replaceAll("(.{4})(?!$)", "$1 ");
	}

	// Apps decode %20 but not always '+' in the label.
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
