package dev.mfaportal.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.mfaportal.audit.AuditUnavailableException;
import dev.mfaportal.identity.IdentityConfiguration;
import dev.mfaportal.identity.InMemorySignInThrottle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which failures mean "the database is not answering" (S29): those become 503, anything else stays what
 * it is, so a bug is not disguised as an outage.
 */
@WebMvcTest(controllers = DatabaseUnavailableStatusTests.Failing.class)
@Import({ IdentityConfiguration.class, InMemorySignInThrottle.class, DatabaseUnavailableStatus.class,
		DatabaseUnavailableStatusTests.Failing.class })
class DatabaseUnavailableStatusTests {

	@Autowired
	MockMvc mvc;

	@Test
	void controllerWhenNoConnectionThenServiceUnavailable() throws Exception {
		this.mvc.perform(get("/fails").param("with", "no-connection").with(user("alice")))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void controllerWhenAuditCannotBeWrittenThenServiceUnavailable() throws Exception {
		this.mvc.perform(get("/fails").param("with", "audit").with(user("alice")))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void controllerWhenOtherDatabaseErrorThenNotDisguised() {
		assertThatException()
			.isThrownBy(() -> this.mvc.perform(get("/fails").param("with", "constraint").with(user("alice"))))
			.withRootCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void unavailableWhenNoConnectionNoTransactionOrNoAudit() {
		assertThat(DatabaseUnavailable.causedBy(failure("no-connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(failure("audit"))).isTrue();
	}

	@Test
	void unavailableWhenWrappedOrHiddenBehindAFailedRollback() {
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("view", failure("no-connection")))).isTrue();
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(failure("no-connection"));
		assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
	}

	@Test
	void notUnavailableWhenOtherFailures() {
		assertThat(DatabaseUnavailable.causedBy(failure("constraint"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("commit failed"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
	}

	static RuntimeException failure(String kind) {
		return switch (kind) {
			case "no-connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLException("Connection is not available, request timed out after 3000ms"));
			case "audit" -> new AuditUnavailableException("The audit log could not be written",
					new CannotCreateTransactionException("no connection"));
			default -> new DataIntegrityViolationException("duplicate key");
		};
	}

	@RestController
	static class Failing {

		@GetMapping("/fails")
		String fails(@RequestParam String with) {
			throw failure(with);
		}

	}

}
