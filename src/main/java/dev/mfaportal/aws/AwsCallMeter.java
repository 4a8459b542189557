package dev.mfaportal.aws;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every IAM and STS call as {@code mfa.portal.aws.calls} with a latency histogram, tagged with the AWS
 * action ({@code GetSessionToken}) and {@code success} or {@code failure}. It sits in the SDK's execution
 * chain of both clients, so no call can go around it; one execution spans the SDK's retries, so the time is
 * what the employee waited.
 */
final class AwsCallMeter implements ExecutionInterceptor {

	private static final ExecutionAttribute<Timer.Sample> STARTED = new ExecutionAttribute<>("mfaPortalCallStarted");

	private final MeterRegistry registry;

	AwsCallMeter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		attributes.putAttribute(STARTED, Timer.start(this.registry));
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
		stop(attributes, "success");
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
		stop(attributes, "failure");
	}

	private void stop(ExecutionAttributes attributes, String outcome) {
		Timer.Sample started = attributes.getAttribute(STARTED);
		if (started == null) {
			return;
		}
		started.stop(Timer.builder("mfa.portal.aws.calls")
			.description("IAM and STS calls, by action and outcome")
			.tag("action", String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)))
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(this.registry));
	}

}
