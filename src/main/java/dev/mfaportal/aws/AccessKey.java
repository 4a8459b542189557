package dev.mfaportal.aws;

import dev.mfaportal.kernel.Secret;

/**
 * An employee's long-term access key, supplied for one request and never stored.
 */
public record AccessKey(String accessKeyId, Secret secretAccessKey) {
}
