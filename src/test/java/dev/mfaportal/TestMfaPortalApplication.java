package dev.mfaportal;

import org.springframework.boot.SpringApplication;

/**
 * The local demo: {@code ./mvnw spring-boot:test-run} starts the portal on port 8080 with an embedded
 * PostgreSQL and the sandbox AWS account, and prints the URL and the demo sign-ins. The only class with a
 * {@code main} method in the test sources, so the Maven plugin finds it without configuration.
 */
public class TestMfaPortalApplication {

	public static void main(String[] args) {
		SpringApplication.from(MfaPortalApplication::main).with(LocalDemoConfiguration.class).run(args);
	}

}
