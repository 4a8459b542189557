package dev.mfaportal.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.SealRefusedException;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One format of the credentials shown on the result page, as a file (S4: attachment, no-store). The
 * credentials come back from the page's own seal: no second code, no copy on the server.
 */
@Controller
class CredentialsDownloadController {

	private final SessionSeal seal;

	private final CredentialFiles files;

	private final MessageSource messages;

	CredentialsDownloadController(SessionSeal seal, CredentialFiles files, MessageSource messages) {
		this.seal = seal;
		this.files = files;
		this.messages = messages;
	}

	@PostMapping("/credentials/download")
	ResponseEntity<byte[]> download(Employee employee, @RequestParam("sealed") String sealed,
			@RequestParam("format") String formatId, Locale locale) {
		CredentialFormat format = CredentialFormat.ofId(formatId).orElse(null);
		if (format == null) {
			return refuse(Refusal.UNKNOWN_FORMAT, locale);
		}
		IssuedSession session;
		try {
			session = this.seal.open(sealed, employee.username());
		}
		catch (SealRefusedException ex) {
			return refuse(ex.expired() ? Refusal.DOWNLOAD_EXPIRED : Refusal.DOWNLOAD_REFUSED, locale);
		}
		byte[] body = this.files.render(format, session).getBytes(StandardCharsets.UTF_8);
		ContentDisposition attachment = ContentDisposition.attachment().filename(format.fileName()).build();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
			.contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
			.body(body);
	}

	private ResponseEntity<byte[]> refuse(Refusal refusal, Locale locale) {
		String message = this.messages.getMessage(refusal.messageCode(), null, locale);
		return ResponseEntity.status(refusal.status())
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

}
