package dev.mfaportal.coverage;

import java.util.List;

/**
 * One page of the rows a filter matched.
 *
 * @param rows the rows of this page
 * @param number this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param matching how many rows matched in all
 */
record CoveragePage(List<CoverageRow> rows, int number, int pages, int matching) {

	static CoveragePage of(List<CoverageRow> matching, int requested, int size) {
		int pages = Math.max(1, (matching.size() + size - 1) / size);
		int number = Math.min(Math.max(1, requested), pages);
		int from = (number - 1) * size;
		return new CoveragePage(matching.subList(from, Math.min(matching.size(), from + size)), number, pages,
				matching.size());
	}

}
