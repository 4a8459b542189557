package dev.mfaportal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Links identity-provider sessions to portal sessions for back-channel logout, working with Spring Session in
 * PostgreSQL and any number of instances. Spring Security's in-memory registry keeps the session id of the moment
 * of sign-in, which Spring Session then changes, and lives in one instance's memory. Here the
 * {@code oidc_sign_in} table only says which portal login a provider session ({@code sid}) or subject signed in;
 * the sessions themselves are found at logout time through Spring Session's login-name index, with their
 * current ids, and kept only when their sign-in came from that provider session. Rows older than the absolute
 * session timeout can match no session and are deleted as new ones arrive.
 */
class JdbcOidcSessionRegistry implements OidcSessionRegistry {

	private final JdbcClient jdbc;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Duration keep;

	private final Clock clock;

	JdbcOidcSessionRegistry(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions,
			Duration keep, Clock clock) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.keep = keep;
		this.clock = clock;
	}

	/** Called by Spring Security at each OIDC sign-in. */
	@Override
	public void saveSessionInformation(OidcSessionInformation info) {
		OidcUser user = info.getPrincipal();
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM oidc_sign_in WHERE signed_in_at < :before")
			.param("before", Timestamp.from(now.minus(this.keep)))
			.update();
		this.jdbc.sql("""
				INSERT INTO oidc_sign_in (issuer, subject, sid, portal_user, signed_in_at)
				VALUES (:issuer, :subject, :sid, :portalUser, :signedInAt)
				""")
			.param("issuer", user.getIssuer().toExternalForm())
			.param("subject", user.getSubject())
			.param("sid", user.getClaimAsString("sid"))
			.param("portalUser", user.getName())
			.param("signedInAt", Timestamp.from(now))
			.update();
	}

	/** Sessions are not tracked by id (Spring Session changes it); an ended session simply matches nothing. */
	@Override
	public OidcSessionInformation removeSessionInformation(String clientSessionId) {
		return null;
	}

	/** The portal sessions, by their current ids, that the logout token's provider session or subject signed in. */
	@Override
	public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
		String issuer = token.getIssuer().toExternalForm();
		List<OidcSessionInformation> found = new ArrayList<>();
		for (String portalUser : portalUsers(issuer, token.getSessionId(), token.getSubject())) {
			for (Map.Entry<String, ? extends Session> session : this.sessions.findByPrincipalName(portalUser).entrySet()) {
				OidcUser user = signedInBy(session.getValue(), issuer, token);
				if (user != null) {
					found.add(new OidcSessionInformation(session.getKey(), Map.of(), user));
				}
			}
		}
		return found;
	}

	private List<String> portalUsers(String issuer, String sid, String subject) {
		return this.jdbc.sql("""
				SELECT DISTINCT portal_user FROM oidc_sign_in
				WHERE issuer = :issuer AND (sid = :sid OR (CAST(:sid AS text) IS NULL AND subject = :subject))
				""")
			.param("issuer", issuer)
			.param("sid", sid)
			.param("subject", subject)
			.query(String.class)
			.list();
	}

	/**
	 * The session's OIDC user when its sign-in came from this provider in the session the token names (or, for a
	 * token naming only a subject, for that subject); otherwise {@code null}.
	 */
	private static OidcUser signedInBy(Session session, String issuer, OidcLogoutToken token) {
		SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context == null || context.getAuthentication() == null
				|| !(context.getAuthentication().getPrincipal() instanceof OidcUser user)
				|| !issuer.equals(user.getIssuer().toExternalForm())) {
			return null;
		}
		boolean named = (token.getSessionId() != null) ? Objects.equals(token.getSessionId(), user.getClaimAsString("sid"))
				: Objects.equals(token.getSubject(), user.getSubject());
		return named ? user : null;
	}

}
