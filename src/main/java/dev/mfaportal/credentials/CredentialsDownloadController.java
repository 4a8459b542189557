package dev.mfaportal.credentials;

import java.nio.charset.StandardCharsets;

import dev.mfaportal.identity.Employee;
import dev.mfaportal.kernel.SealRefusedException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

	CredentialsDownloadController(SessionSeal seal, CredentialFiles files) {
		this.seal = seal;
		this.files = files;
	}

	@PostMapping("/credentials/download")
	ResponseEntity<byte[]> download(Employee employee, @RequestParam("sealed") String sealed,
			@RequestParam("format") String formatId) {
		CredentialFormat format = CredentialFormat.ofId(formatId).orElse(null);
		if (format == null) {
			return refuse(HttpStatus.BAD_REQUEST, "Unknown format.");
		}
		IssuedSession session;
		try {
			session = this.seal.open(sealed, employee.username());
		}
		catch (SealRefusedException ex) {
			return ex.expired() ? refuse(HttpStatus.GONE, "These credentials have expired; request new ones.")
					: refuse(HttpStatus.FORBIDDEN, "These credentials cannot be downloaded here.");
		}
		byte[] body = this.files.render(format, session).getBytes(StandardCharsets.UTF_8);
		ContentDisposition attachment = ContentDisposition.attachment().filename(format.fileName()).build();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
			.contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
			.body(body);
	}

	private static ResponseEntity<byte[]> refuse(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message.getBytes(StandardCharsets.UTF_8));
	}

}
