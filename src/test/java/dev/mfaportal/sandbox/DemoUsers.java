package dev.mfaportal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Three dozen employees under {@code /employees/} for the demo's coverage page: the same names and the same
 * mix every time, dated relative to today. Two in three have an MFA device; half have a console password
 * (some never used); a fifth each hold a key over 90 days old that was last used long ago, a key over 90
 * days old never used, an old inactive key beside a fresh one, a fresh key in daily use, or no key.
 */
final class DemoUsers {

	static final List<String> NAMES = List.of("amelia.hughes", "ben.carter", "chloe.nguyen", "daniel.okafor",
			"elena.petrova", "farid.haddad", "grace.kim", "hiro.tanaka", "isabel.moreno", "jonas.berg", "kavya.iyer",
			"liam.oconnor", "maya.cohen", "noah.schmidt", "olivia.rossi", "pablo.garcia", "quinn.murphy", "rania.aziz",
			"sofia.lindqvist", "tomas.novak", "uma.patel", "victor.dubois", "wei.zhang", "ximena.lopez", "yusuf.demir",
			"zoe.martin", "aaron.fischer", "bianca.costa", "chen.li", "dara.walsh", "emil.jensen", "fatima.sy",
			"gabriel.silva", "hannah.weber", "ivan.horvat", "julia.nowak");

	private DemoUsers() {
	}

	/** Adds the demo users that are not there yet; returns all their names. */
	static List<String> seed(IamState iam, AccessKeys keys, IamPolicies policies) {
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < NAMES.size(); i++) {
			String name = NAMES.get(i);
			names.add(name);
			if (iam.user(name).isPresent()) {
				continue;
			}
			Instant created = today.minus(days(420 - i * 9)).plusSeconds(31_000L + i * 977L);
			iam.putUser(name, "AIDASANDBOXDEMO%06d".formatted(i + 1), SandboxAccount.EMPLOYEES_PATH, created);
			policies.addMember(SandboxAccount.EMPLOYEES_GROUP, name);
			if (i % 3 != 0) {
				IamState.Device device = iam.addDevice("/", name, Totp.newSeed());
				device.userName = name;
				device.enableDate = created.plus(days(2));
			}
			if (i % 2 == 0) {
				Instant lastUsed = (i % 4 == 0) ? today.minus(days(i % 7 + 1)).plusSeconds(36_000) : null;
				iam.setPassword(name, new IamState.Password(created.plus(days(1)), lastUsed));
			}
			seedKeys(keys, name, i, today);
		}
		return names;
	}

	private static void seedKeys(AccessKeys keys, String name, int i, Instant today) {
		String id = "AKIASANDBOXDEMO%05d".formatted(i + 1);
		switch (i % 5) {
			case 0 -> {
				keys.addLongTerm(id, name, "demo-secret-" + id, today.minus(days(200 + i)), true);
				keys.setLastUsed(id, new AccessKeys.LastUsed(today.minus(days(150 + i)), "s3", "N/A"));
			}
			case 1 -> keys.addLongTerm(id, name, "demo-secret-" + id, today.minus(days(120 + i)), true);
			case 2 -> {
				keys.addLongTerm(id, name, "demo-secret-" + id, today.minus(days(300)), false);
				String fresh = "AKIASANDBOXDEMF%05d".formatted(i + 1);
				keys.addLongTerm(fresh, name, "demo-secret-" + fresh, today.minus(days(20)), true);
				keys.setLastUsed(fresh, new AccessKeys.LastUsed(today.minus(days(1)), "ec2", "eu-west-1"));
			}
			case 3 -> {
				keys.addLongTerm(id, name, "demo-secret-" + id, today.minus(days(30)), true);
				keys.setLastUsed(id, new AccessKeys.LastUsed(today.minusSeconds(10_800), "sts", "us-east-1"));
			}
			default -> {
			}
		}
	}

	private static Duration days(long days) {
		return Duration.ofDays(days);
	}

}
