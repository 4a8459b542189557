package dev.mfaportal.identity;

import java.security.Principal;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages that show what the security chain decided, for the identity MockMvc tests; one class for all of them, so
 * they share one context. A test component: only the tests that import it have these pages.
 */
@TestComponent
@RestController
class IdentityTestPages {

	private final RecentSignIn recentSignIn;

	IdentityTestPages(RecentSignIn recentSignIn) {
		this.recentSignIn = recentSignIn;
	}

	@GetMapping("/whoami")
	String whoami(Principal principal) {
		return principal.getName();
	}

	@GetMapping("/employee")
	String employee(Employee employee) {
		return employee.username() + " -> " + employee.iamUserName();
	}

	@GetMapping("/admin/ping")
	String ping() {
		return "pong";
	}

	@GetMapping("/recent")
	boolean recent() {
		return this.recentSignIn.isRecent();
	}

}
