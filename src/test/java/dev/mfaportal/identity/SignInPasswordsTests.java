package dev.mfaportal.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignInPasswordsTests {

	final RecordingThrottle throttle = new RecordingThrottle();

	final SignInPasswords passwords = new SignInPasswords(passwords(), this.throttle);

	@Test
	void authenticateWhenLockedThenRefusedEvenWithTheRightPassword() {
		this.throttle.locked = true;
		assertThatExceptionOfType(LockedException.class).isThrownBy(() -> this.passwords.authenticate(attempt("carol")));
		assertThat(this.throttle.resets).isEmpty();
	}

	@Test
	void authenticateWhenPasswordWrongThenFailureIsCounted() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.passwords.authenticate(attempt("wrong")));
		assertThat(this.throttle.failures).containsExactly("carol");
	}

	@Test
	void authenticateWhenPasswordRightThenFailuresAreForgotten() {
		assertThat(this.passwords.authenticate(attempt("carol")).isAuthenticated()).isTrue();
		assertThat(this.throttle.resets).containsExactly("carol");
		assertThat(this.throttle.failures).isEmpty();
	}

	static UsernamePasswordAuthenticationToken attempt(String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated("carol", password);
	}

	static DaoAuthenticationProvider passwords() {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
				User.withUsername("carol").password(encoder.encode("carol")).roles("EMPLOYEE").build()));
		provider.setPasswordEncoder(encoder);
		return provider;
	}

	static class RecordingThrottle implements SignInThrottle {

		boolean locked;

		final List<String> failures = new ArrayList<>();

		final List<String> resets = new ArrayList<>();

		@Override
		public dev.mfaportal.kernel.AttemptsLeft attemptsLeft(String username, String sourceIp) {
			return new dev.mfaportal.kernel.AttemptsLeft(1, 15);
		}

		@Override
		public Optional<Instant> lockedUntil(String username) {
			return this.locked ? Optional.of(Instant.now().plusSeconds(60)) : Optional.empty();
		}

		final List<String> released = new ArrayList<>();

		@Override
		public Optional<Instant> begin(String username, String sourceIp) {
			return lockedUntil(username);
		}

		@Override
		public void recordFailure(String username, String sourceIp) {
			this.failures.add(username);
		}

		@Override
		public void release(String username, String sourceIp) {
			this.released.add(username);
		}

		@Override
		public void reset(String username) {
			this.resets.add(username);
		}

	}

}
