package dev.mfaportal.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-day chart as plain SVG geometry, so the page draws it with Thymeleaf alone: no script, nothing from
 * another host, and colours come from classes in {@code admin.css} (the CSP allows no inline style).
 *
 * @param width the viewBox width
 * @param height the viewBox height
 * @param bars one group of four bars per day
 * @param labels day labels under the axis (thinned out on long ranges)
 * @param max the value of the tallest bar, printed on the axis
 */
record DailyChart(int width, int height, List<Bar> bars, List<Label> labels, long max) {

	static final int HEIGHT = 160;

	static final int PLOT_HEIGHT = 130;

	static final int DAY_WIDTH = 24;

	static final int LEFT = 40;

	static final String[] SERIES = { "issued", "enrolled", "failed", "denied" };

	static DailyChart of(List<DailyCounts.Day> days) {
		long max = Math.max(1, days.stream().mapToLong(DailyCounts.Day::max).max().orElse(1));
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		// Labels are ~26 px wide and a day is 24: label every other day, fewer on long ranges.
		int labelEvery = Math.max(2, (days.size() + 11) / 12);
		for (int i = 0; i < days.size(); i++) {
			DailyCounts.Day day = days.get(i);
			long[] values = { day.issued(), day.enrolled(), day.failed(), day.denied() };
			int x = LEFT + i * DAY_WIDTH + 2;
			for (int s = 0; s < values.length; s++) {
				int h = (int) Math.round((double) values[s] * PLOT_HEIGHT / max);
				bars.add(new Bar(x + s * 5, 10 + PLOT_HEIGHT - h, 5, h, SERIES[s], day.day().toString(), values[s]));
			}
			if (i % labelEvery == 0) {
				labels.add(new Label(x, HEIGHT - 4, day.day().toString().substring(5)));
			}
		}
		return new DailyChart(LEFT + days.size() * DAY_WIDTH + 4, HEIGHT, bars, labels, max);
	}

	/** One bar; {@code series} is its CSS class and names its message, day and value make its tooltip. */
	record Bar(int x, int y, int width, int height, String series, String day, long value) {
	}

	record Label(int x, int y, String text) {
	}

}
