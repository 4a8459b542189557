package dev.mfaportal.guard;

/**
 * The code was already used for this device; AWS would refuse it too, so it is refused locally (S15).
 */
public class CodeAlreadyUsedException extends RuntimeException {

	public CodeAlreadyUsedException() {
		super("This code has already been used; wait for the next one");
	}

}
