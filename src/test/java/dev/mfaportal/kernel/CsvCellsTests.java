package dev.mfaportal.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** S25: no cell of the export can run as a spreadsheet formula, and quoting follows RFC 4180. */
class CsvCellsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', value = {
			"=1+1|\"'=1+1\"",
			"+SUM(A1)|\"'+SUM(A1)\"",
			"-2+3|\"'-2+3\"",
			"@SUM(A1)|\"'@SUM(A1)\"",
			"plain|\"plain\"",
			"a,b|\"a,b\"",
			"say \"hi\"|\"say \"\"hi\"\"\"",
			"=HYPERLINK(\"x\",\"y\")|\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
			"^ padded^|\" padded\"" })
	void cellWhenValueIsDangerousOrSpecialThenNeutralisedAndQuoted(String value, String expected) {
		assertThat(CsvCells.cell(value)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '^', value = {
			"a;=cmd|\"a;'=cmd\"",
			"a,+1|\"a,'+1\"",
			"a; @SUM(A1)|\"a; '@SUM(A1)\"",
			"a-b=c|\"a-b=c\"" })
	void cellWhenAFormulaStartFollowsAnySeparatorThenNeutralisedThereToo(String value, String expected) {
		assertThat(CsvCells.cell(value)).isEqualTo(expected);
	}

	@Test
	void cellWhenAFormulaStartFollowsATabOrALineBreakThenNeutralisedThereToo() {
		assertThat(CsvCells.cell("x\t-2")).isEqualTo("\"x\t'-2\"");
		assertThat(CsvCells.cell("x\n=1")).isEqualTo("\"x\n'=1\"");
	}

	@Test
	void cellWhenControlCharactersThenNeutralisedAndQuoted() {
		assertThat(CsvCells.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
		assertThat(CsvCells.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
		assertThat(CsvCells.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
	}

	@Test
	void cellWhenEmptyOrNullThenAnEmptyQuotedCell() {
		assertThat(CsvCells.cell("")).isEqualTo("\"\"");
		assertThat(CsvCells.cell(null)).isEqualTo("\"\"");
	}

}
