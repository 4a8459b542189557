package dev.mfaportal.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the documented canonical form, so the chain can be re-checked outside the portal. */
class AuditHashesTests {

	static AuditRow row(Map<String, String> detail) {
		return new AuditRow(42, Instant.parse("2026-11-28T13:05:00.1234567Z"), "alice", null, "credentials.issued",
				"SUCCESS", "203.0.113.7", "curl/8", null, "ASIAX", Instant.parse("2026-11-29T01:00:00Z"), "r-1",
				detail, AuditHashes.GENESIS, null, AuditHashes.LEGACY);
	}

	@Test
	void canonicalFormWhenRowHasNullsTimesAndDetailThenMatchesTheDocumentedForm() {
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("z", "é");
		detail.put("a", "1");

		assertThat(AuditHashes.canonicalForm(row(detail))).isEqualTo("v1" + "2:42;" + "27:2026-11-28T13:05:00.123456Z;"
				+ "5:alice;" + "~;" + "18:credentials.issued;" + "7:SUCCESS;" + "11:203.0.113.7;" + "6:curl/8;" + "~;"
				+ "5:ASIAX;" + "27:2026-11-29T01:00:00.000000Z;" + "3:r-1;" + "2{" + "1:a;1:1;" + "1:z;2:é;" + "}");
	}

	@Test
	void rowHashWhenPrevHashDiffersThenHashDiffers() {
		AuditRow row = row(Map.of());

		assertThat(AuditHashes.rowHash(AuditHashes.GENESIS, row)).hasSize(64)
			.isNotEqualTo(AuditHashes.rowHash("1".repeat(64), row))
			.isEqualTo(AuditHashes.sha256Hex(AuditHashes.GENESIS + AuditHashes.canonicalForm(row)));
	}

	@Test
	void canonicalFormWhenValuesWouldRunTogetherThenStillDistinct() {
		Map<String, String> one = Map.of("ab", "c");
		Map<String, String> other = Map.of("a", "bc");

		assertThat(AuditHashes.canonicalForm(row(one))).isNotEqualTo(AuditHashes.canonicalForm(row(other)));
	}

}
