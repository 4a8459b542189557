package dev.mfaportal.sandbox;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input constraints of the IAM and STS models that the sandbox enforces: the name, serial, path, code and
 * tag patterns and lengths of the IAM and STS API references, so a request AWS would refuse is refused here too.
 */
final class Validation {

	private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");

	private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]+");

	private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");

	private static final Pattern CODE = Pattern.compile("\\d{6}");

	private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

	private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@*]*");

	private Validation() {
	}

	static String name(String field, String value) {
		if (value.isEmpty() || value.length() > 128 || !NAME.matcher(value).matches()) {
			throw SandboxAwsError.validation(field, value,
					"Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length between 1 and 128");
		}
		return value;
	}

	static String serial(String field, String value) {
		if (value.length() < 9 || value.length() > 256 || !SERIAL.matcher(value).matches()) {
			throw SandboxAwsError.validation(field, value,
					"Member must satisfy regular expression pattern: [\\w+=/:,.@-]+ and have length between 9 and 256");
		}
		return value;
	}

	static String path(String value) {
		if (value.length() > 512 || !PATH.matcher(value).matches()) {
			throw SandboxAwsError.validation("path", value,
					"Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
		}
		return value;
	}

	static String code(String field, String value) {
		if (!CODE.matcher(value).matches()) {
			throw SandboxAwsError.validation(field, value,
					"Member must satisfy regular expression pattern: [\\d]+ and have length 6");
		}
		return value;
	}

	/** One bad tag fails the whole request; {@code aws:} keys are reserved; keys are case-sensitive. */
	static void tags(List<Map.Entry<String, String>> tags) {
		if (tags.size() > 50) {
			throw SandboxAwsError.validation("tags", tags.size(), "Member must have length less than or equal to 50");
		}
		long distinct = tags.stream().map(Map.Entry::getKey).distinct().count();
		if (distinct != tags.size()) {
			throw SandboxAwsError.invalidInput("Duplicate tag keys found. Please note that Tag keys are case sensitive.");
		}
		for (Map.Entry<String, String> tag : tags) {
			String key = tag.getKey();
			if (key.isEmpty() || key.length() > 128 || !TAG_KEY.matcher(key).matches()) {
				throw SandboxAwsError.validation("tags.member.key", key,
						"Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
			}
			if (tag.getValue().length() > 256 || !TAG_VALUE.matcher(tag.getValue()).matches()) {
				throw SandboxAwsError.validation("tags.member.value", tag.getValue(),
						"Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
			}
			if (key.regionMatches(true, 0, "aws:", 0, 4)) {
				throw SandboxAwsError.invalidInput("User-defined tag keys can't start with 'aws:'.");
			}
		}
	}

}
