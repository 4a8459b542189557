package dev.mfaportal.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The credential report as AWS writes it: read by header, in both its 22- and its old 16-column form, with
 * {@code N/A}, {@code no_information} and {@code not_supported}, ISO times with {@code +00:00}; anything else is
 * malformed, with a message that names the line and column.
 */
class CredentialReportParserTests {

	static final String HEADER_22 = "user,arn,user_creation_time,password_enabled,password_last_used,"
			+ "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
			+ "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
			+ "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
			+ "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

	/** The three rows of the IAM User Guide's example, as public reports show them. */
	static final String SAMPLE = HEADER_22 + "\n"
			+ "<root_account>,arn:aws:iam::123456789012:root,2015-06-24T12:45:00+00:00,not_supported,"
			+ "2016-10-07T14:30:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
			+ "false,N/A,false,N/A\n"
			+ "alice,arn:aws:iam::123456789012:user/alice,2015-06-24T15:45:00+00:00,true,2017-03-08T19:35:01+00:00,"
			+ "2016-04-29T16:20:00+00:00,N/A,true,true,2017-04-19T15:47:39+00:00,2017-04-19T15:48:00+00:00,eu-west-1,ec2,"
			+ "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
			+ "svc-ci,arn:aws:iam::123456789012:user/ci/svc-ci,2015-10-22T16:40:00+00:00,false,N/A,N/A,N/A,false,true,"
			+ "2015-10-22T14:45:00+00:00,2017-08-30T13:32:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

	/** Before the last-used columns (2015): 16 columns. */
	static final String OLD_16 = "user,arn,user_creation_time,password_enabled,password_last_used,"
			+ "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
			+ "access_key_2_active,access_key_2_last_rotated,cert_1_active,cert_1_last_rotated,cert_2_active,"
			+ "cert_2_last_rotated\n"
			+ "bob,arn:aws:iam::123456789012:user/bob,2014-10-20T08:00:00+00:00,true,no_information,"
			+ "2014-10-20T08:05:00+00:00,N/A,false,true,2014-10-20T08:10:00+00:00,false,N/A,false,N/A,false,N/A\n";

	static List<ReportUser> parse(String csv) {
		return CredentialReportParser.parse(csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void parseWhenAwsSampleThenEveryUserButTheRootWithTheirValues() {
		List<ReportUser> users = parse(SAMPLE);

		assertThat(users).extracting(ReportUser::userName).containsExactly("alice", "svc-ci");
		ReportUser alice = users.get(0);
		assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
		assertThat(alice.passwordEnabled()).isTrue();
		assertThat(alice.passwordLastUsed()).isEqualTo(Instant.parse("2017-03-08T19:35:01Z"));
		assertThat(alice.mfaActive()).isTrue();
		assertThat(alice.keys()).containsExactly(
				new ReportUser.AccessKey(1, true, Instant.parse("2017-04-19T15:47:39Z"),
						Instant.parse("2017-04-19T15:48:00Z"), true),
				new ReportUser.AccessKey(2, false, null, null, true));
		ReportUser ci = users.get(1);
		assertThat(ci.passwordEnabled()).isFalse();
		assertThat(ci.passwordLastUsed()).isNull();
		assertThat(ci.mfaActive()).isFalse();
		assertThat(ci.keys().get(0).lastUsed()).isEqualTo(Instant.parse("2017-08-30T13:32:00Z"));
	}

	@Test
	void parseWhenSixteenColumnReportThenKeyUsageIsUnknownRatherThanNever() {
		ReportUser bob = parse(OLD_16).get(0);

		assertThat(bob.passwordEnabled()).isTrue();
		assertThat(bob.passwordLastUsed()).as("no_information").isNull();
		assertThat(bob.keys()).containsExactly(
				new ReportUser.AccessKey(1, true, Instant.parse("2014-10-20T08:10:00Z"), null, false),
				new ReportUser.AccessKey(2, false, null, null, false));
	}

	@Test
	void parseWhenColumnsReorderedOrAddedThenReadByName() {
		String csv = "mfa_active,user,future_column,arn,password_enabled,access_key_2_active,access_key_2_last_rotated,"
				+ "access_key_1_last_rotated,access_key_1_active\n"
				+ "TRUE,carol,whatever,arn:aws:iam::123456789012:user/carol,FALSE,false,N/A,2020-01-02T03:04:05+00:00,true";

		ReportUser carol = parse(csv).get(0);

		assertThat(carol.userName()).isEqualTo("carol");
		assertThat(carol.mfaActive()).isTrue();
		assertThat(carol.passwordEnabled()).isFalse();
		assertThat(carol.keys().get(0).lastRotated()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
		assertThat(carol.keys().get(0).lastUsedKnown()).isFalse();
	}

	@Test
	void parseWhenCrLfTrailingNewlineBlankLinesAndQuotedNamesThenTheSameUsers() {
		String csv = SAMPLE.replace("\n", "\r\n").replace("svc-ci,arn", "\"svc,ci\",arn") + "\r\n\r\n";

		assertThat(parse(csv)).extracting(ReportUser::userName).containsExactly("alice", "svc,ci");
	}

	@Test
	void parseWhenOnlyTheHeaderThenNoUsers() {
		assertThat(parse(HEADER_22)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "mfa_active", "user", "access_key_1_last_rotated" })
	void parseWhenANeededColumnIsMissingThenMalformedNamingIt(String column) {
		String csv = SAMPLE.replace(column + ",", "renamed_" + column + ",");

		assertThatExceptionOfType(MalformedReportException.class).isThrownBy(() -> parse(csv))
			.withMessage("the report has no column " + column);
	}

	@Test
	void parseWhenABooleanIsUnknownThenMalformedNamingLineAndColumnNotTheValue() {
		String csv = SAMPLE.replace("N/A,true,true,2017-04-19T15:47:39", "N/A,maybe,true,2017-04-19T15:47:39");

		assertThatExceptionOfType(MalformedReportException.class).isThrownBy(() -> parse(csv))
			.withMessage("line 3: mfa_active is not true or false");
	}

	@Test
	void parseWhenATimeIsUnknownThenMalformed() {
		String csv = SAMPLE.replace("2017-08-30T13:32:00+00:00", "last tuesday");

		assertThatExceptionOfType(MalformedReportException.class).isThrownBy(() -> parse(csv))
			.withMessage("line 4: access_key_1_last_used_date is neither a time nor N/A");
	}

	@Test
	void parseWhenARowIsRaggedThenMalformed() {
		String csv = SAMPLE + "\ndave,arn:aws:iam::123456789012:user/dave,true";

		assertThatExceptionOfType(MalformedReportException.class).isThrownBy(() -> parse(csv))
			.withMessage("line 5 has 3 cells, the header 22");
	}

	@Test
	void parseWhenEmptyThenMalformed() {
		assertThatExceptionOfType(MalformedReportException.class).isThrownBy(() -> parse(""))
			.withMessage("the report is empty");
	}

}
