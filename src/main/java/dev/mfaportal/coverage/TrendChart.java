package dev.mfaportal.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trend as plain SVG geometry in the audit chart's style (its axis and label classes in {@code admin.css}):
 * one bar per day on a fixed 0–100% scale, a gap for a day without a point. Drawn by Thymeleaf alone, with no
 * script and no inline style, as the CSP requires.
 *
 * @param width the viewBox width
 * @param height the viewBox height
 * @param bars one per day with a point
 * @param labels day labels under the axis, every {@link #LABEL_EVERY} days
 */
record TrendChart(int width, int height, List<Bar> bars, List<Label> labels) {

	static final int HEIGHT = 160;

	static final int PLOT_HEIGHT = 130;

	static final int DAY_WIDTH = 8;

	static final int LEFT = 40;

	static final int LABEL_EVERY = 7;

	static TrendChart of(List<CoverageTrend.Point> points, LocalDate today, int days) {
		Map<LocalDate, CoverageTrend.Point> byDay = points.stream()
			.collect(Collectors.toMap(CoverageTrend.Point::day, Function.identity()));
		List<Bar> bars = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = today.minusDays(days - 1 - i);
			int x = LEFT + i * DAY_WIDTH + 1;
			CoverageTrend.Point point = byDay.get(day);
			if (point != null) {
				String percent = CoverageSnapshot.percent(point.withMfa(), point.users());
				int h = (point.users() > 0) ? (int) Math.round((double) point.withMfa() * PLOT_HEIGHT / point.users()) : 0;
				bars.add(new Bar(x, 10 + PLOT_HEIGHT - h, DAY_WIDTH - 2, h, day.toString(), percent));
			}
			if ((days - 1 - i) % LABEL_EVERY == 0) {
				labels.add(new Label(x - 10, HEIGHT - 4, day.toString().substring(5)));
			}
		}
		return new TrendChart(LEFT + days * DAY_WIDTH + 24, HEIGHT, bars, labels);
	}

	/** One day's bar; day and percent make its accessible label. */
	record Bar(int x, int y, int width, int height, String day, String percent) {
	}

	record Label(int x, int y, String text) {
	}

}
