package dev.mfaportal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * What a phone does with the scan page's QR code: reads the otpauth URI in it.
 */
public final class QrReader {

	private static final String INLINE_PNG = "data:image/png;base64,";

	private QrReader() {
	}

	/** The text of the QR code in an inline PNG ({@code data:image/png;base64,...}), as the scan page shows it. */
	public static String decodeDataUri(String src) {
		if (!src.startsWith(INLINE_PNG)) {
			throw new IllegalStateException("The QR code is not an inline PNG: " + src);
		}
		return decode(Base64.getDecoder().decode(src.substring(INLINE_PNG.length())));
	}

	/**
	 * Reads the QR code in a PNG. The portal's image is a pure barcode (no perspective, no noise), which
	 * ZXing's general detector misreads now and then; phones cope, and so does the pure-barcode mode.
	 */
	public static String decode(byte[] png) {
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

	/** A parameter of an otpauth URI, decoded, or {@code null} when it has none of that name. */
	public static String query(String otpauthUri, String name) {
		for (String pair : URI.create(otpauthUri).getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
