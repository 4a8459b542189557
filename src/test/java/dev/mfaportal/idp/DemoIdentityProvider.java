package dev.mfaportal.idp;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.mfaportal.sandbox.SandboxAccount;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo identity provider (test scope): Spring Authorization Server as a small application of its own on a
 * random port of {@code 127.0.0.1}, so its issuer differs from the portal's address, started once per JVM on
 * first use (the portal's test configuration names its issuer as <code>${demo-identity-provider.issuer}</code>).
 * Tests steer it here: tamper with the next ID token, disable a user, sign a back-channel logout token.
 */
public final class DemoIdentityProvider {

	/** The portal's client registration id for it. */
	public static final String REGISTRATION_ID = "demo";

	public static final String CLIENT_ID = "mfa-portal-demo";

	public static final String CLIENT_SECRET = "demo-identity-provider-secret";

	private static volatile DemoIdentityProvider shared;

	private final ConfigurableApplicationContext context;

	private final URI issuer;

	private DemoIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.issuer = URI.create("http://127.0.0.1:" + port);
	}

	/** The one provider of this JVM, started on first use and stopped when the JVM ends. */
	public static DemoIdentityProvider shared() {
		DemoIdentityProvider provider = shared;
		if (provider == null) {
			synchronized (DemoIdentityProvider.class) {
				provider = shared;
				if (provider == null) {
					provider = new DemoIdentityProvider(start());
					shared = provider;
				}
			}
		}
		return provider;
	}

	private static ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(DemoIdentityProviderServer.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// The portal already set up logging; a second application must not reset it.
		application.setListeners(application.getListeners()
			.stream()
			.filter((listener) -> !(listener instanceof LoggingApplicationListener))
			.toList());
		// A config name of its own: the portal's application.yml files are not this application's.
		application.setDefaultProperties(Map.of("spring.config.name", "demo-identity-provider", "server.port", "0",
				"server.address", "127.0.0.1", "server.servlet.session.cookie.name", "DEMO_IDP_SESSION",
				"spring.jmx.enabled", "false"));
		return application.run();
	}

	public URI issuer() {
		return this.issuer;
	}

	/** Lets {@code tamper} change the claims of the next ID token the provider issues, once. */
	public void tamperWithNextIdToken(Consumer<JwtClaimsSet.Builder> tamper) {
		this.context.getBean(DemoClaims.class).tamperWithNextIdToken(tamper);
	}

	/** The nonce of the last ID token issued. */
	public String lastNonce() {
		return this.context.getBean(DemoClaims.class).lastNonce();
	}

	/** The provider session ({@code sid}) the last ID token named, as a back-channel logout token names it. */
	public String lastSid() {
		return this.context.getBean(DemoClaims.class).lastSid();
	}

	/**
	 * Adds the sandbox IAM users the provider's people map to, where missing: alice and bob are seeded; the help
	 * desk, auditor, admin ({@code it.admin}) and dave go under {@code /employees/}, carol under
	 * {@code /contractors/}. The local help-desk and auditor accounts act on the same users.
	 */
	public static void addIamUsers(SandboxAccount sandbox) {
		List<String> existing = sandbox.users().names("/");
		DemoUsers.IAM_USERS.forEach((name, path) -> {
			if (!existing.contains(name)) {
				sandbox.users().create(name, path);
			}
		});
	}

	/** As an administrator disabling a leaver at the provider: their next sign-in there fails. */
	public void disable(String username) {
		setEnabled(username, false);
	}

	public void enable(String username) {
		setEnabled(username, true);
	}

	private void setEnabled(String username, boolean enabled) {
		InMemoryUserDetailsManager users = this.context.getBean(InMemoryUserDetailsManager.class);
		users.updateUser(User.withUserDetails(users.loadUserByUsername(username)).disabled(!enabled).build());
	}

	/**
	 * A back-channel logout token as the provider would post it, signed with its key, naming the provider session
	 * {@code sid} and/or the {@code subject} (either may be {@code null}).
	 */
	@SuppressWarnings("unchecked")
	public String logoutToken(String subject, String sid) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.issuer.toString())
			.audience(List.of(CLIENT_ID))
			.issuedAt(Instant.now())
			.id(UUID.randomUUID().toString())
			.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
		if (subject != null) {
			claims.subject(subject);
		}
		if (sid != null) {
			claims.claim("sid", sid);
		}
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(this.context.getBean(JWKSource.class));
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/** Back to the start: no tampering pending, every user enabled. */
	public void reset() {
		this.context.getBean(DemoClaims.class).reset();
		DemoUsers.ALL.forEach((user) -> enable(user.username()));
	}

}
