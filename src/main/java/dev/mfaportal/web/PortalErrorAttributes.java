package dev.mfaportal.web;

import java.util.Map;

import dev.mfaportal.audit.RequestId;
import dev.mfaportal.aws.AwsCallException;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Boot's error attributes plus the AWS request id when an AWS call caused the error, so support can find
 * the call (S27), and the portal's own request id, which finds the request's log lines and audit rows. Nothing else from the exception reaches the page: its message may hold AWS internals.
 */
@Component
class PortalErrorAttributes extends DefaultErrorAttributes {

	static final String AWS_REQUEST_ID = "awsRequestId";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		Object requestId = webRequest.getAttribute(RequestId.KEY, RequestAttributes.SCOPE_REQUEST);
		if (requestId != null) {
			attributes.put(RequestId.KEY, requestId);
		}
		for (Throwable error = getError(webRequest); error != null && error.getCause() != error; error = error.getCause()) {
			if (error instanceof AwsCallException aws) {
				if (aws.requestId() != null) {
					attributes.put(AWS_REQUEST_ID, aws.requestId());
				}
				break;
			}
		}
		return attributes;
	}

}
