package dev.mfaportal.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** S25: no cell of the export can run as a spreadsheet formula, and quoting follows RFC 4180. */
class CsvCellsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', value = {
			"=1+1|'=1+1",
			"+SUM(A1)|'+SUM(A1)",
			"-2+3|'-2+3",
			"@SUM(A1)|'@SUM(A1)",
			"plain|plain",
			"a,b|\"a,b\"",
			"say \"hi\"|\"say \"\"hi\"\"\"",
			"=HYPERLINK(\"x\",\"y\")|\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
			"^ padded^|\" padded\"" })
	void cellWhenValueIsDangerousOrSpecialThenNeutralisedAndQuoted(String value, String expected) {
		assertThat(CsvCells.cell(value)).isEqualTo(expected);
	}

	@Test
	void cellWhenControlCharactersThenNeutralisedOrQuoted() {
		assertThat(CsvCells.cell("\tcmd")).isEqualTo("'\tcmd");
		assertThat(CsvCells.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
		assertThat(CsvCells.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
	}

	@ParameterizedTest
	@CsvSource(value = { "''" }, nullValues = "NULL")
	void cellWhenEmptyThenEmpty(String value) {
		assertThat(CsvCells.cell(value)).isEmpty();
		assertThat(CsvCells.cell(null)).isEmpty();
	}

}
