package dev.mfaportal.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page: a button per provider beside the local form, or straight to the only provider when local
 * accounts are off and the page has nothing to say.
 */
class LoginControllerTests {

	private final ExtendedModelMap model = new ExtendedModelMap();

	static LoginController controller(boolean localAccounts, OidcLogin oidc) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (oidc != null) {
			beans.addBean("oidcLogin", oidc);
		}
		ObjectProvider<OidcLogin> provider = beans.getBeanProvider(OidcLogin.class);
		return new LoginController(new AccessProperties(new AccessProperties.LocalAccounts(localAccounts), Map.of()),
				provider);
	}

	@Test
	void loginWhenLocalAccountsAreOffAndOneProviderThenStraightToIt() {
		OidcLogin oidc = OidcLoginTests.login(OidcLoginTests.provider("entra").build());
		assertThat(controller(false, oidc).login(null, new MockHttpServletRequest(), this.model))
			.isEqualTo("redirect:/oauth2/authorization/entra");
	}

	@Test
	void loginWhenTheProviderRefusedOrTheSessionEndedThenThePageSaysSoInstead() {
		OidcLogin oidc = OidcLoginTests.login(OidcLoginTests.provider("entra").build());
		for (String notice : List.of("refused", "logout", "expired")) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setParameter(notice, "not-mapped");
			assertThat(controller(false, oidc).login(null, request, this.model)).as(notice).isEqualTo("identity/login");
		}
		assertThat(this.model.get("localAccounts")).isEqualTo(false);
	}

	@Test
	void loginWhenLocalAccountsAndProvidersThenBothWithAButtonEach() {
		OidcLogin oidc = OidcLoginTests.login(OidcLoginTests.provider("entra").build(),
				OidcLoginTests.provider("google").build());
		assertThat(controller(true, oidc).login("/mfa", new MockHttpServletRequest(), this.model))
			.isEqualTo("identity/login");
		assertThat(this.model.get("localAccounts")).isEqualTo(true);
		assertThat(this.model.get("continuePath")).isEqualTo("/mfa");
		assertThat((List<?>) this.model.get("providers")).extracting("path")
			.containsExactlyInAnyOrder("/oauth2/authorization/entra", "/oauth2/authorization/google");
	}

	@Test
	void loginWhenNoProviderThenTheLocalFormOnly() {
		assertThat(controller(true, null).login(null, new MockHttpServletRequest(), this.model))
			.isEqualTo("identity/login");
		assertThat((List<?>) this.model.get("providers")).isEmpty();
		assertThat(this.model.get("localAccounts")).isEqualTo(true);
	}

}
