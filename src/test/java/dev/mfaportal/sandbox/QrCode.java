package dev.mfaportal.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * The {@code QRCodePNG} AWS returns: a PNG of {@code otpauth://totp/$name@$account?secret=$seed}.
 */
final class QrCode {

	private QrCode() {
	}

	static byte[] png(String deviceName, String accountName, String base32Seed) {
		String uri = "otpauth://totp/" + deviceName + "@" + accountName + "?secret=" + base32Seed;
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 200, 200), "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
