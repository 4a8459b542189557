package dev.mfaportal.identity;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Local accounts from {@code portal.identity.accounts}: both the password check's source and the
 * login-to-employee mapping, so the two can never disagree.
 */
class ConfiguredAccounts implements UserDetailsService, EmployeeDirectory {

	private final Map<String, IdentityProperties.Account> accounts;

	ConfiguredAccounts(IdentityProperties properties) {
		// toMap refuses duplicates: two accounts with one login would make the IAM user ambiguous.
		this.accounts = properties.accounts()
			.stream()
			.collect(Collectors.toUnmodifiableMap(IdentityProperties.Account::username, Function.identity()));
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		IdentityProperties.Account account = this.accounts.get(username);
		if (account == null) {
			throw new UsernameNotFoundException("No such account");
		}
		return User.withUsername(account.username())
			.password(account.password())
			.roles(account.roles().toArray(String[]::new))
			.build();
	}

	@Override
	public Optional<Employee> findByUsername(String username) {
		return Optional.ofNullable(this.accounts.get(username)).map(IdentityProperties.Account::toEmployee);
	}

}
