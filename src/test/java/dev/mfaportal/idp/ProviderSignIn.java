package dev.mfaportal.idp;

import java.net.URI;
import java.util.Map;

import dev.mfaportal.PortalClient;
import dev.mfaportal.PortalClient.Page;

/**
 * The authorization-code flow as a browser walks it, over real HTTP, one step at a time so that a test can stop
 * anywhere: from the portal's button to the provider's own login page, through it, and back to the portal's
 * callback. Uses a {@link PortalClient#notFollowingRedirects} client, whose cookies are the browser's.
 */
public final class ProviderSignIn {

	/** Where Spring Security receives the provider's answer on the portal. */
	public static final String CALLBACK_PATH = "/login/oauth2/code/" + DemoIdentityProvider.REGISTRATION_ID;

	private final PortalClient client;

	public ProviderSignIn(PortalClient client) {
		this.client = client;
	}

	/** Signs in at the demo provider as {@code username} (password = username) and returns the page it lands on. */
	public Page signIn(String username) {
		return landOn(atProvider(loginPage(), username));
	}

	/** From the sign-in button to the provider's login page: the answer to the portal's redirect to the provider. */
	public Page loginPage() {
		return follow(this.client.get("/oauth2/authorization/" + DemoIdentityProvider.REGISTRATION_ID), null);
	}

	/**
	 * Submits the provider's login form and follows the provider's redirects until the one back to the portal's
	 * callback, which is returned unvisited: the authorization code and state, as the browser would carry them.
	 */
	public URI atProvider(Page loginPage, String username) {
		Page answer = this.client.submit(loginPage, "form", Map.of("username", username, "password", username));
		Page last = follow(answer, CALLBACK_PATH);
		if (!isRedirect(last) || !PortalClient.target(last).getPath().equals(CALLBACK_PATH)) {
			throw new IllegalStateException("The provider did not send the browser back to the portal: "
					+ last.status() + " " + last.response().uri() + "\n" + last.body());
		}
		return PortalClient.target(last);
	}

	/** Delivers the provider's answer to the portal and follows the portal's redirects to the page shown. */
	public Page landOn(URI callback) {
		return follow(this.client.get(callback.toString()), null);
	}

	/** Follows redirects, on any host, until an answer that is not one or one that leads to {@code stopAtPath}. */
	public Page follow(Page page, String stopAtPath) {
		Page current = page;
		for (int hops = 0; isRedirect(current); hops++) {
			URI target = PortalClient.target(current);
			if (target.getPath().equals(stopAtPath) || hops > 10) {
				return current;
			}
			current = this.client.get(target.toString());
		}
		return current;
	}

	private static boolean isRedirect(Page page) {
		return page.status() / 100 == 3 && page.location() != null;
	}

}
