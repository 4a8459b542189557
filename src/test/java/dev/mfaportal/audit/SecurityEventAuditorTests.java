package dev.mfaportal.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mfaportal.identity.ReauthenticatedEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** S22: sign-ins, failed sign-ins and denials become rows through Spring Security's own events. */
@AuditJdbcTest
class SecurityEventAuditorTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	List<AuditRow> publish(Object event) {
		AuditTestRows rows = new AuditTestRows(this.jdbc, this.transactionManager);
		long before = rows.maxId();
		this.events.publishEvent(event);
		return rows.after(before);
	}

	@Test
	void signInWhenSucceededThenRecordsPortalUser() {
		var alice = UsernamePasswordAuthenticationToken.authenticated("alice", null,
				AuthorityUtils.createAuthorityList("ROLE_EMPLOYEE"));

		List<AuditRow> written = publish(new AuthenticationSuccessEvent(alice));

		assertThat(written).singleElement().satisfies((row) -> {
			assertThat(row.action()).isEqualTo("signin.succeeded");
			assertThat(row.outcome()).isEqualTo("SUCCESS");
			assertThat(row.portalUser()).isEqualTo("alice");
		});
	}

	@Test
	void reauthenticationWhenConfirmedThenRecordsPortalUser() {
		List<AuditRow> written = publish(new ReauthenticatedEvent("alice", Instant.now()));

		assertThat(written).singleElement().satisfies((row) -> {
			assertThat(row.action()).isEqualTo("signin.reauthenticated");
			assertThat(row.outcome()).isEqualTo("SUCCESS");
			assertThat(row.portalUser()).isEqualTo("alice");
		});
	}

	@Test
	void signInWhenFailedThenRecordsAttemptedNameAndReasonButNoPassword() {
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated("alice", "wrong-password-123");

		List<AuditRow> written = publish(
				new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("Bad credentials")));

		assertThat(written).singleElement().satisfies((row) -> {
			assertThat(row.action()).isEqualTo("signin.failed");
			assertThat(row.outcome()).isEqualTo("FAILURE");
			assertThat(row.portalUser()).isEqualTo("alice");
			assertThat(row.detail()).containsEntry("reason", "BadCredentialsException");
			assertThat(row.toString()).doesNotContain("wrong-password-123");
		});
	}

	@Test
	void accessWhenDeniedThenRecordsPathAsDenied() {
		var bob = UsernamePasswordAuthenticationToken.authenticated("bob", null,
				AuthorityUtils.createAuthorityList("ROLE_EMPLOYEE"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/audit");

		List<AuditRow> written = publish(
				new AuthorizationDeniedEvent<>(() -> bob, request, new AuthorizationDecision(false)));

		assertThat(written).singleElement().satisfies((row) -> {
			assertThat(row.action()).isEqualTo("access.denied");
			assertThat(row.outcome()).isEqualTo("DENIED");
			assertThat(row.portalUser()).isEqualTo("bob");
			assertThat(row.detail()).containsEntry("path", "/admin/audit").containsEntry("method", "GET");
		});
	}

	@Test
	void accessWhenAnonymousDeniedThenNothingRecorded() {
		var anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

		List<AuditRow> written = publish(new AuthorizationDeniedEvent<>(() -> anonymous,
				new MockHttpServletRequest("GET", "/mfa"), new AuthorizationDecision(false)));

		assertThat(written).isEmpty();
	}

}
