package dev.mfaportal.sandbox;

/**
 * One awsQuery action: given the verified caller and the request parameters, the inner XML of
 * {@code <OpResult>}, or {@code null} for the actions that answer with {@code ResponseMetadata} only.
 */
@FunctionalInterface
interface Action {

	String handle(AccessKeys.Key caller, FormParams params);

}
