package dev.mfaportal.sandbox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * The credential report as the sandbox's tests read it: one map per row, keyed by the header's column names.
 */
final class CsvRows {

	private CsvRows() {
	}

	/** Fetches the report with {@code GetCredentialReport} and splits it (no quoting: the sandbox never quotes). */
	static List<Map<String, String>> of(IamClient iam) {
		List<String> lines = iam.getCredentialReport().content().asUtf8String().lines().toList();
		List<String> header = List.of(lines.get(0).split(","));
		return lines.stream().skip(1).map((line) -> {
			List<String> cells = List.of(line.split(",", -1));
			return IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, cells::get));
		}).toList();
	}

}
