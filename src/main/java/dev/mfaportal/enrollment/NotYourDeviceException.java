package dev.mfaportal.enrollment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request named a device or enrollment that is not the signed-in employee's (S6, S20). It has been
 * audited as {@code access.denied}, and no AWS call was made.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
class NotYourDeviceException extends RuntimeException {

	NotYourDeviceException() {
		super("Not the signed-in employee's device");
	}

}
