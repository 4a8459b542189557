package dev.mfaportal.web;

import jakarta.servlet.RequestDispatcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mfaportal.aws.AwsCallException;
import dev.mfaportal.aws.AwsCallException.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Boot's error view with the portal's templates (S27). MockMvc performs no error dispatch, so these
 * tests call {@code /error} with the attributes the servlet container would set.
 */
@ErrorHandlingTest
class ErrorPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void serverErrorShowsNoStackTraceSqlOrExceptionDetails() throws Exception {
		Document page = errorPage(500, new IllegalStateException("bad SQL grammar [SELECT * FROM audit_event]",
				new RuntimeException("Connection to db.internal:5432 refused")));
		assertThat(page.selectFirst("h1").text()).isEqualTo("Something went wrong");
		assertThat(page.html()).doesNotContain("SELECT", "audit_event", "db.internal", "IllegalStateException",
				"java.lang", "at dev.mfaportal", "Exception");
		assertThat(page.selectFirst("#aws-request-id")).isNull();
	}

	@Test
	void serviceUnavailableFromAwsShowsRequestIdOnly() throws Exception {
		Document page = errorPage(503, new AwsCallException(Kind.UNAVAILABLE,
				"Rate exceeded (Service: Iam, Status Code: 400, Request ID: req-9)", "Throttling", "req-9", null));
		assertThat(page.selectFirst("h1").text()).isEqualTo("Service unavailable");
		assertThat(page.selectFirst("#aws-request-id").text()).isEqualTo("req-9");
		assertThat(page.html()).doesNotContain("Rate exceeded", "Throttling", "Service: Iam");
	}

	@Test
	void awsFailureWrappedInAnotherExceptionStillShowsRequestId() throws Exception {
		Document page = errorPage(500, new IllegalStateException("wrapper",
				new AwsCallException(Kind.REJECTED_INPUT, "1 validation error detected: Value at 'userName'", "ValidationError",
						"req-7", null)));
		assertThat(page.selectFirst("#aws-request-id").text()).isEqualTo("req-7");
		assertThat(page.html()).doesNotContain("validation error", "userName");
	}

	@Test
	void forbiddenPageIsFriendly() throws Exception {
		assertThat(errorPage(403, null).selectFirst("h1").text()).isEqualTo("Not allowed");
	}

	@Test
	void notFoundPageIsFriendly() throws Exception {
		assertThat(errorPage(404, null).selectFirst("h1").text()).isEqualTo("Page not found");
	}

	@Test
	void otherClientErrorsUseTheGenericPage() throws Exception {
		assertThat(errorPage(400, null).selectFirst("h1").text()).isEqualTo("That did not work");
	}

	@Test
	void unhandledAwsUnavailableBecomesServiceUnavailable() throws Exception {
		this.mvc.perform(get("/fails").with(user("alice"))).andExpect(status().isServiceUnavailable());
	}

	Document errorPage(int status, Throwable error) throws Exception {
		MockHttpServletRequestBuilder request = get("/error").with(user("alice"))
			.accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere");
		if (error != null) {
			request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, error);
		}
		String html = this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("??");
		return Jsoup.parse(html);
	}

}
