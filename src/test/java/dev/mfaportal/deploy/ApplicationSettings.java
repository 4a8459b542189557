package dev.mfaportal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the portal reads from its environment, for checking deployment files against it: every property it
 * knows (its own {@code @ConfigurationProperties} records, Spring Boot's configuration metadata, the keys of
 * application.yml), which of them an environment variable sets under Boot's relaxed binding, and the
 * settings a given environment ends up with on top of application.yml.
 */
final class ApplicationSettings {

	static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");

	/** Read by the AWS SDK itself, not by Spring: the portal leaves region, endpoints and credentials to it. */
	static final Set<String> AWS_SDK_VARIABLES = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_STS");

	/**
	 * Variables the deployment files set before the code that reads them has landed, with the property they
	 * will set. {@link KubernetesManifestsTests} fails once such a property exists, so the entry goes.
	 */
	static final Map<String, String> ANNOUNCED = Map.of();

	private static Set<String> propertyNames;

	private ApplicationSettings() {
	}

	/** Every property name the portal knows, in Boot's canonical (dashed) form. */
	static synchronized Set<String> propertyNames() {
		if (propertyNames == null) {
			Set<String> names = new TreeSet<>();
			names.addAll(portalProperties());
			names.addAll(metadataProperties());
			names.addAll(applicationYmlKeys());
			propertyNames = Collections.unmodifiableSet(names);
		}
		return propertyNames;
	}

	static boolean isKnown(String propertyName) {
		return propertyNames().contains(propertyName);
	}

	/** The known property an environment variable sets, as Spring Boot would bind it. */
	static Optional<String> propertyOf(String variable) {
		Iterable<ConfigurationPropertySource> source = ConfigurationPropertySources.from(environment(Map.of(variable, "x")));
		for (String name : propertyNames()) {
			if (!ConfigurationPropertyName.isValid(name)) {
				continue;
			}
			ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
			for (ConfigurationPropertySource candidate : source) {
				if (candidate.getConfigurationProperty(property) != null
						|| candidate.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT) {
					return Optional.of(name);
				}
			}
		}
		return Optional.empty();
	}

	/** The settings the portal gets from application.yml overridden by {@code variables}, as it would bind them. */
	static Binder binder(Map<String, String> variables) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(environment(variables));
		try {
			new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(APPLICATION_YML))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

	private static SystemEnvironmentPropertySource environment(Map<String, String> variables) {
		// The name makes Boot map it with its environment-variable rules (upper case, underscores).
		return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.copyOf(variables));
	}

	/** The keys application.yml sets; a list's elements ({@code key[0]}) count as the list's key. */
	private static Set<String> applicationYmlKeys() {
		try {
			Set<String> keys = new TreeSet<>();
			new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(APPLICATION_YML))
				.forEach((source) -> ((Map<?, ?>) source.getSource()).keySet()
					.forEach((key) -> keys.add(((String) key).replaceAll("\\[\\d+]$", ""))));
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The components of the portal's own settings records, nested records included. */
	private static List<String> portalProperties() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<String> names = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.mfaportal")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			addComponents(AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class).prefix(), type,
					names);
		}
		return names;
	}

	private static void addComponents(String prefix, Class<?> type, List<String> names) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
			names.add(name);
			Class<?> value = component.getType();
			if (value.isRecord() && !Collection.class.isAssignableFrom(value)) {
				addComponents(name, value, names);
			}
		}
	}

	private static List<String> metadataProperties() {
		List<String> names = new ArrayList<>();
		try {
			for (URL url : Collections.list(ApplicationSettings.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					JsonNode properties = JsonMapper.shared().readTree(in).path("properties");
					properties.forEach((property) -> names.add(property.get("name").asString()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

}
