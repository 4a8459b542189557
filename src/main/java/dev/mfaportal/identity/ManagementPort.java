package dev.mfaportal.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests that arrived on actuator's own port ({@code management.server.port}), which production
 * reaches only from inside the cluster (the NetworkPolicy admits Prometheus and the kubelet). Boot publishes
 * the port it bound as {@code local.management.port}; without a port of its own nothing matches, so on the
 * employees' port {@code /actuator/prometheus} stays behind sign-in.
 */
final class ManagementPort implements RequestMatcher {

	private final Environment environment;

	ManagementPort(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Integer port = this.environment.getProperty("local.management.port", Integer.class);
		Integer serverPort = this.environment.getProperty("local.server.port", Integer.class);
		return port != null && port > 0 && !port.equals(serverPort) && request.getLocalPort() == port;
	}

}
