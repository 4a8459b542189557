package dev.mfaportal;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries docs/architecture.md describes hold: each direct sub-package of {@code dev.mfaportal} is a
 * module, uses only the modules its {@code package-info.java} allows, and reaches into no other module's internals.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(MfaPortalApplication.class);

	@Test
	void modulesWhenVerifiedThenNoCyclesAndOnlyAllowedDependencies() {
		modules.verify();
	}

	@Test
	void modulesWhenListedThenOnePerFeature() {
		assertThat(modules.stream().map((module) -> module.getBasePackage().getName()))
			.containsExactlyInAnyOrder("dev.mfaportal.aws", "dev.mfaportal.audit", "dev.mfaportal.coverage", "dev.mfaportal.credentials",
					"dev.mfaportal.enrollment", "dev.mfaportal.guard", "dev.mfaportal.helpdesk",
					"dev.mfaportal.identity", "dev.mfaportal.kernel", "dev.mfaportal.web", "dev.mfaportal.database");
	}

}
