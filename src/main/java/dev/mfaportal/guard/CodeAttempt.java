package dev.mfaportal.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mfaportal.identity.Employee;

/**
 * One submission of one-time codes: who sent them, from where, for which device, anything the flow's audit
 * rows carry besides, and the flow's own local check.
 *
 * @param employee the signed-in employee; the rate limit and every audit row name them
 * @param sourceIp where the request came from; the rate limit counts it too
 * @param mfaSerial the device the codes are for; claims are per device
 * @param codes the codes as submitted (unchecked, possibly {@code null})
 * @param auditDetail small, non-secret facts every audit row of this attempt carries
 * @param localCheck the flow's own check; by default none
 */
public record CodeAttempt(Employee employee, String sourceIp, String mfaSerial, List<@Nullable String> codes,
		Map<String, Object> auditDetail, LocalCheck localCheck) {

	public CodeAttempt {
		codes = Collections.unmodifiableList(new ArrayList<>(codes));
		auditDetail = Collections.unmodifiableMap(new LinkedHashMap<>(auditDetail));
	}

	public static CodeAttempt of(Employee employee, String sourceIp, String mfaSerial, @Nullable String... codes) {
		return new CodeAttempt(employee, sourceIp, mfaSerial, Arrays.asList(codes), Map.of(),
				(checked) -> Optional.empty());
	}

	/** The same attempt, its audit rows carrying {@code key} too. */
	public CodeAttempt withAuditDetail(String key, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.auditDetail);
		more.put(key, value);
		return new CodeAttempt(this.employee, this.sourceIp, this.mfaSerial, this.codes, more, this.localCheck);
	}

	/** The same attempt with the flow's own local check. */
	public CodeAttempt checkedBy(LocalCheck check) {
		return new CodeAttempt(this.employee, this.sourceIp, this.mfaSerial, this.codes, this.auditDetail, check);
	}

}
