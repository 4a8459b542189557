package dev.mfaportal.credentials;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;

/**
 * A duration as the page says it, in the reader's language ("12 h", 「12 時間」), rounded to the minute. Given
 * to a message as an argument, the message source words it ({@code duration.*} in the bundle); {@link #toString}
 * is the English short form, for logs and tests.
 */
record SpokenDuration(long hours, int minutes) implements MessageSourceResolvable {

	static SpokenDuration of(Duration duration) {
		Duration rounded = Duration.ofMinutes((duration.toSeconds() + 30) / 60);
		return new SpokenDuration(rounded.toHours(), rounded.toMinutesPart());
	}

	@Override
	public String[] getCodes() {
		if (this.hours == 0) {
			return new String[] { "duration.minutes" };
		}
		return new String[] { (this.minutes == 0) ? "duration.hours" : "duration.hours-minutes" };
	}

	@Override
	public Object[] getArguments() {
		return (this.hours == 0) ? new Object[] { this.minutes } : new Object[] { this.hours, this.minutes };
	}

	@Override
	public String getDefaultMessage() {
		return toString();
	}

	@Override
	public String toString() {
		if (this.hours == 0) {
			return this.minutes + " min";
		}
		return (this.minutes == 0) ? this.hours + " h" : this.hours + " h " + this.minutes + " min";
	}

}
