package dev.mfaportal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationChoicesTests {

	// 09:30 in Berlin (UTC+1 in November).
	static final Clock MORNING = Clock.fixed(Instant.parse("2026-11-28T08:30:00Z"), ZoneOffset.UTC);

	static CredentialsProperties properties(Duration max, Duration byDefault) {
		return new CredentialsProperties(max, byDefault, "18:00", ZoneId.of("Europe/Berlin"), "mfa-portal", "", "", KeySource.EMPLOYEE_KEY,
				Duration.ofMinutes(10), Duration.ofSeconds(18), "", Duration.ofMinutes(1));
	}

	private final DurationChoices choices = new DurationChoices(
			properties(Duration.ofHours(36), Duration.ofHours(12)), MORNING);

	@Test
	void optionsAreThePresetsThenTheEndOfTheWorkingDay() {
		assertThat(this.choices.options()).extracting(DurationChoices.DurationOption::value)
			.containsExactly("3600", "14400", "28800", "43200", "129600", DurationChoices.END_OF_WORKDAY);
		assertThat(this.choices.defaultValue()).isEqualTo("43200");
	}

	@Test
	void endOfWorkdayIsTodaysEndInTheConfiguredZone() {
		assertThat(this.choices.resolve(DurationChoices.END_OF_WORKDAY)).isEqualTo(Duration.ofHours(8).plusMinutes(30));
		assertThat(this.choices.options().get(5).arguments()).extracting(String::valueOf)
			.containsExactly("18:00 Europe/Berlin", "8 h 30 min");
	}

	@Test
	void endOfWorkdayWhenLessThanFifteenMinutesLeftThenUnavailable() {
		Clock late = Clock.fixed(Instant.parse("2026-11-28T16:50:00Z"), ZoneOffset.UTC);
		DurationChoices evening = new DurationChoices(properties(Duration.ofHours(36), Duration.ofHours(12)), late);
		assertThat(evening.options().get(5).disabled()).isTrue();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> evening.resolve(DurationChoices.END_OF_WORKDAY))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("credentials.error.workday-over"));
	}

	@Test
	void endOfWorkdayIsCappedAtTheMaximum() {
		DurationChoices short4h = new DurationChoices(properties(Duration.ofHours(4), Duration.ofHours(12)), MORNING);
		assertThat(short4h.resolve(DurationChoices.END_OF_WORKDAY)).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void optionsWhenMaximumIsLowerThenHideLongerPresetsAndCapTheDefault() {
		DurationChoices short4h = new DurationChoices(properties(Duration.ofHours(4), Duration.ofHours(12)), MORNING);
		assertThat(short4h.options()).extracting(DurationChoices.DurationOption::value)
			.containsExactly("3600", "14400", DurationChoices.END_OF_WORKDAY);
		assertThat(short4h.defaultValue()).isEqualTo("14400");
	}

	@Test
	void optionsWhenDefaultIsNoPresetThenOfferIt() {
		DurationChoices twoHours = new DurationChoices(properties(Duration.ofHours(36), Duration.ofHours(2)), MORNING);
		assertThat(twoHours.options()).extracting(DurationChoices.DurationOption::value).contains("7200");
	}

	@Test
	void resolveAcceptsTheBounds() {
		assertThat(this.choices.resolve("900")).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.choices.resolve("129600")).isEqualTo(Duration.ofHours(36));
	}

	@Test
	void resolveWhenTooShortThenSaysTheMinimum() {
		assertRefused(this.choices, "899", "credentials.error.duration-too-short", "15 min");
	}

	@Test
	void resolveWhenAboveAwsLimitThenSaysTheMaximum() {
		assertRefused(this.choices, "129601", "credentials.error.duration-too-long", "36 h");
	}

	@Test
	void resolveWhenAboveConfiguredMaximumThenSaysIt() {
		DurationChoices short4h = new DurationChoices(properties(Duration.ofHours(4), Duration.ofHours(1)), MORNING);
		assertRefused(short4h, "43200", "credentials.error.duration-too-long", "4 h");
	}

	@Test
	void resolveWhenNotANumberThenRefuses() {
		assertRefused(this.choices, "12h", "credentials.error.duration-invalid");
		assertRefused(this.choices, "-3600", "credentials.error.duration-invalid");
		assertRefused(this.choices, "99999999999999", "credentials.error.duration-invalid");
		assertRefused(this.choices, "", "credentials.error.duration-required");
	}

	@Test
	void settingsRefuseAMaximumAwsWouldNotHonour() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofHours(37), Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMinutes(10), Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new CredentialsProperties(Duration.ofHours(1),
				Duration.ofHours(1), "6pm", ZoneId.of("UTC"), "p", "", "", KeySource.EMPLOYEE_KEY, Duration.ofMinutes(10),
				Duration.ofSeconds(18), "", Duration.ofMinutes(1)));
	}

	@Test
	void describeIsShortAndHuman() {
		assertThat(DurationChoices.describe(Duration.ofMinutes(15))).hasToString("15 min");
		assertThat(DurationChoices.describe(Duration.ofHours(36))).hasToString("36 h");
		assertThat(DurationChoices.describe(Duration.ofMinutes(90))).hasToString("1 h 30 min");
	}

	@Test
	void describeWhenSecondsShortOfTheHourThenRoundsToTheHour() {
		assertThat(DurationChoices.describe(Duration.ofHours(12).minusSeconds(20))).hasToString("12 h");
	}

	@Test
	void describeInJapaneseThenJapaneseUnits() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage(DurationChoices.describe(Duration.ofHours(12)), Locale.JAPANESE))
			.isEqualTo("12 時間");
		assertThat(messages.getMessage("credentials.issued.lifetime",
				new Object[] { DurationChoices.describe(Duration.ofMinutes(90)) }, Locale.JAPANESE))
			.isEqualTo("（発行から 1 時間 30 分）");
		assertThat(messages.getMessage(DurationChoices.describe(Duration.ofMinutes(15)), Locale.ENGLISH))
			.isEqualTo("15 min");
	}

	private static void assertRefused(DurationChoices choices, String value, String code, Object... arguments) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> choices.resolve(value))
			.satisfies((ex) -> {
				assertThat(ex.messageCode()).isEqualTo(code);
				assertThat(ex.arguments()).extracting(String::valueOf).containsExactly(Stream.of(arguments).map(String::valueOf).toArray(String[]::new));
			});
	}

}
