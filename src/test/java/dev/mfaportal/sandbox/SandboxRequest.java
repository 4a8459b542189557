package dev.mfaportal.sandbox;

import java.time.Instant;

/**
 * One request that reached the sandbox, logged on arrival (before faults and signature checks).
 *
 * @param action the awsQuery {@code Action}, or {@code null} if the request named none
 * @param accessKeyId the key id the request claims to be signed with, or {@code null}
 */
public record SandboxRequest(Instant at, String action, String accessKeyId) {
}
