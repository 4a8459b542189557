package dev.mfaportal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language and zone per request ({@link PortalLocaleResolver}); {@code ?lang=ja} or {@code ?lang=en} on any
 * page switches the language and remembers it.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	// The DispatcherServlet looks the resolver up by this bean name.
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new PortalLocaleResolver();
	}

	// Defined here rather than scanned, so that MVC slice tests, which load WebMvcConfigurers, render times too.
	@Bean
	ShownTimes shownTimes() {
		return new ShownTimes();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(LANGUAGE_PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
