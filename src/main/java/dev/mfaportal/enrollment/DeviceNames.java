package dev.mfaportal.enrollment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mfaportal.identity.Employee;

/**
 * Names new devices from the configured template. A device name is unique within its path, so the default
 * label is the creation time; the time is also kept in a tag, since AWS reports none for an unassigned
 * device.
 */
final class DeviceNames {

	/** Where the portal creates devices; the sweeper touches nothing outside it. */
	static final String PATH = "/mfa-portal/";

	/** What AWS allows in a device name, and so in a label. */
	static final Pattern ALLOWED = Pattern.compile("[\\w+=,.@-]+");

	static final int MAX_LABEL_LENGTH = 64;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(?:iam-user|portal-user|label)}");

	private static final int MAX_NAME_LENGTH = 226;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final String template;

	DeviceNames(String template) {
		this.template = template;
	}

	static boolean isValidLabel(String label) {
		return label.length() <= MAX_LABEL_LENGTH && ALLOWED.matcher(label).matches();
	}

	/** @param label a valid label, or {@code null} or blank for the creation time */
	String name(Employee employee, String label, Instant createdAt) {
		String chosen = (label == null || label.isBlank()) ? TIMESTAMP.format(createdAt) : label;
		String name = this.template.replace("{iam-user}", employee.iamUserName())
			.replace("{portal-user}", employee.username())
			.replace("{label}", chosen);
		if (name.length() > MAX_NAME_LENGTH || !ALLOWED.matcher(name).matches()) {
			throw new IllegalStateException("portal.enrollment.device-name makes an invalid device name");
		}
		return name;
	}

	/**
	 * The label in the name of a device the portal created for {@code iamUser}: the name with the template's
	 * other parts taken off. The whole name for a device made elsewhere, or when the template has no label.
	 */
	String labelOf(String iamUser, String serialNumber) {
		String name = serialNumber.substring(serialNumber.lastIndexOf('/') + 1);
		if (!isPortalDevice(serialNumber) || !this.template.contains("{label}")) {
			return name;
		}
		StringBuilder pattern = new StringBuilder();
		Matcher placeholder = PLACEHOLDER.matcher(this.template);
		int literalStart = 0;
		while (placeholder.find()) {
			pattern.append(quoted(this.template.substring(literalStart, placeholder.start())));
			pattern.append(switch (placeholder.group()) {
				case "{label}" -> "(?<label>.+)";
				case "{iam-user}" -> Pattern.quote(iamUser);
				default -> ".+?";
			});
			literalStart = placeholder.end();
		}
		pattern.append(quoted(this.template.substring(literalStart)));
		Matcher matcher = Pattern.compile(pattern.toString()).matcher(name);
		return matcher.matches() ? matcher.group("label") : name;
	}

	private static String quoted(String literal) {
		return literal.isEmpty() ? "" : Pattern.quote(literal);
	}

	/** Whether the serial ({@code arn:aws:iam::<account>:mfa/<path><name>}) lies in the portal's path. */
	static boolean isPortalDevice(String serialNumber) {
		return serialNumber.contains(":mfa" + PATH);
	}

}
