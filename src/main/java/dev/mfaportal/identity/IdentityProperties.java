package dev.mfaportal.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may sign in and how long a sign-in counts.
 *
 * @param accounts local accounts, for a demo and as break-glass beside company sign-in (OidcProperties)
 * @param reauthenticationWindow how long after a sign-in a sensitive action needs no fresh password
 * @param absoluteSessionTimeout how long a session lives after sign-in, however active it is (S11)
 * @param signInAttempts failed sign-ins for one login within {@code signInLockout} before it is refused (S13)
 * @param signInLockout the window those failures are counted in, and so how long a lockout lasts at most
 * @param signInAttemptsPerIp failed sign-ins from one source address, whatever the login, within
 * {@code signInLockout} before that address is refused; above what one office behind one NAT address
 * mistypes, far below what spraying passwords across logins needs
 */
@Validated
@ConfigurationProperties("portal.identity")
record IdentityProperties(@Valid @DefaultValue List<Account> accounts,
		@NotNull @DefaultValue("10m") Duration reauthenticationWindow,
		@NotNull @DefaultValue("12h") Duration absoluteSessionTimeout, @Min(1) @DefaultValue("5") int signInAttempts,
		@NotNull @DefaultValue("15m") Duration signInLockout, @Min(1) @DefaultValue("50") int signInAttemptsPerIp) {

	/**
	 * One local account.
	 *
	 * @param username the login name
	 * @param password the password's hash in {@code DelegatingPasswordEncoder} form, e.g. <code>{bcrypt}$2a$10$...</code>
	 * @param displayName how the portal greets them; the username when blank
	 * @param iamUser the IAM user this login acts on; IAM's own name rule
	 * @param roles portal roles without {@code ROLE_} ({@code EMPLOYEE}, {@code HELPDESK}, {@code AUDITOR},
	 * {@code ADMIN}), {@code EMPLOYEE} when not given
	 */
	record Account(@NotBlank String username, @NotBlank String password, String displayName,
			@NotBlank @Pattern(regexp = "[\\w+=,.@-]+") String iamUser, @DefaultValue("EMPLOYEE") Set<String> roles) {

		Employee toEmployee() {
			String name = (this.displayName == null || this.displayName.isBlank()) ? this.username : this.displayName;
			return new Employee(this.username, name, this.iamUser, this.roles);
		}

	}

}
