package dev.mfaportal.guard;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.mfaportal.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code guard is a security control: the code pipeline, the only way a one-time code reaches AWS, cannot
 * exist without it, so the portal does not start without one.
 */
class CodeGuardRequiredTests {

	private final ApplicationContextRunner pipeline = new ApplicationContextRunner()
		.withBean(AuditLog.class, () -> (event) -> 1L)
		.withUserConfiguration(CodeAttempts.class);

	@Test
	void startWhenNoCodeGuardThenFailsNamingIt() {
		this.pipeline.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchBeanDefinitionException.class)
				.hasMessageContaining(CodeGuard.class.getName());
		});
	}

	@Test
	void startWhenACodeGuardExistsThenThePipelineStarts() {
		this.pipeline.withBean(CodeGuard.class, FakeCodeGuard::new)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CodeAttempts.class));
	}

}
