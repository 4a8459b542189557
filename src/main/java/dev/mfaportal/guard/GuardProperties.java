package dev.mfaportal.guard;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on wrong one-time codes (S14) and how long a used code stays refused (S15).
 *
 * @param maxWrongCodesPerEmployee wrong codes one employee may enter within {@code window}
 * @param maxWrongCodesPerIp wrong codes one source IP may send within {@code window}, whoever signs in
 * @param window how far back wrong codes count; also how long a blocked employee waits at most
 * @param claimLifetime how long a used code stays refused; longer than AWS accepts a code
 * @param codeKey base64 key for the HMAC of claimed codes; random per start when unset, which lets
 * another instance (or a restart) accept a code once more
 * @param purgeInterval how often expired counters and claims are deleted
 */
@ConfigurationProperties("portal.guard")
@Validated
record GuardProperties(@DefaultValue("5") @Min(1) int maxWrongCodesPerEmployee,
		@DefaultValue("20") @Min(1) int maxWrongCodesPerIp, @DefaultValue("15m") @NotNull Duration window,
		@DefaultValue("90s") @NotNull Duration claimLifetime, String codeKey,
		@DefaultValue("5m") @NotNull Duration purgeInterval) {
}
