package dev.mfaportal.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/.//evil.example", "/..//evil.example", "/./..//evil.example", "/a/../..//evil.example",
			"/%2F%2Fevil.example", "/%2fevil.example", "/%5Cevil.example", "/\\evil.example", "//evil.example",
			"https://evil.example/", "/\u0000x" })
	void orHomeWhenTargetLeavesThePortalOnceNormalisedThenHome(String target) {
		assertThat(LocalPaths.orHome(target)).isEqualTo(LocalPaths.HOME);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/credentials", "/mfa/devices?x=1", "/admin/audit/42" })
	void orHomeWhenTargetIsALocalPathThenKept(String target) {
		assertThat(LocalPaths.orHome(target)).isEqualTo(target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a/./b", "/a/x/../b", "/a/..", "/a//b" })
	void orHomeWhenTargetHasEmptyOrDotSegmentsThenHome(String target) {
		assertThat(LocalPaths.orHome(target)).isEqualTo(LocalPaths.HOME);
	}

}
