package dev.mfaportal.audit;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * S7 and S22 through the identity module's real security chain: every admin URL refuses a plain employee, the
 * refusal is audited, and sign-ins are audited from Spring Security's own events.
 */
@AuditWebTest
class AdminAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	AuditTestRows rows() {
		return new AuditTestRows(this.jdbc, this.transactionManager);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/audit", "/admin/audit?portalUser=alice", "/admin/audit/1", "/admin/audit.csv",
			"/admin/audit/integrity", "/admin/audit/integrity.json", "/admin/employees/alice" })
	void adminPageWhenPlainEmployeeThenForbiddenAndAudited(String url) throws Exception {
		long before = rows().maxId();

		this.mvc.perform(get(url).with(user("bob").roles("EMPLOYEE"))).andExpect(status().isForbidden());

		List<AuditRow> written = rows().after(before);
		assertThat(written).anySatisfy((row) -> {
			assertThat(row.action()).isEqualTo("access.denied");
			assertThat(row.outcome()).isEqualTo("DENIED");
			assertThat(row.portalUser()).isEqualTo("bob");
			assertThat(row.detail()).containsEntry("path", url.replaceFirst("\\?.*", ""));
		});
		assertThat(written).noneSatisfy((row) -> assertThat(row.action()).isEqualTo("admin.audit-exported"));
	}

	@Test
	void helpDeskRemovalWhenPlainEmployeeThenForbidden() throws Exception {
		this.mvc.perform(post("/admin/employees/alice/devices/remove").with(user("bob").roles("EMPLOYEE"))
			.with(csrf())
			.param("serialNumber", "arn:aws:iam::123456789012:mfa/mfa-portal/alice")
			.param("reason", "because"))
			.andExpect(status().isForbidden());
	}

	@Test
	void adminPageWhenAdminThenAllowed() throws Exception {
		this.mvc.perform(get("/admin/audit").with(user("admin").roles("EMPLOYEE", "ADMIN"))).andExpect(status().isOk());
	}

	@Test
	void signInWhenPasswordRightThenSucceededIsAudited() throws Exception {
		long before = rows().maxId();

		this.mvc.perform(formLogin("/login").user("alice").password("alice")).andExpect(status().is3xxRedirection());

		assertThat(rows().after(before)).anySatisfy((row) -> {
			assertThat(row.action()).isEqualTo("signin.succeeded");
			assertThat(row.portalUser()).isEqualTo("alice");
			assertThat(row.iamUser()).isEqualTo("alice");
			assertThat(row.sourceIp()).isNotBlank();
		});
	}

	@Test
	void signInWhenPasswordWrongThenFailureIsAuditedWithoutThePassword() throws Exception {
		long before = rows().maxId();
		String password = "wrong-" + UUID.randomUUID();

		this.mvc.perform(formLogin("/login").user("alice").password(password)).andExpect(status().is3xxRedirection());

		List<AuditRow> written = rows().after(before);
		assertThat(written).anySatisfy((row) -> {
			assertThat(row.action()).isEqualTo("signin.failed");
			assertThat(row.outcome()).isEqualTo("FAILURE");
			assertThat(row.portalUser()).isEqualTo("alice");
			assertThat(row.detail()).containsEntry("reason", "BadCredentialsException");
		});
		assertThat(written.toString()).doesNotContain(password);
	}

}
