package dev.mfaportal;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser the other browser tests rely on starts, renders and saves a screenshot.
 */
@ExtendWith(BrowserSupport.class)
class BrowserSupportTests {

	@Test
	void chromiumRendersAPageAndSavesAScreenshot(Page page) throws Exception {
		page.setContent("<main><h1 id='hello'>Hello</h1></main>");
		assertThat(page.textContent("#hello")).isEqualTo("Hello");
		Path file = BrowserSupport.screenshot(page, "browser-support");
		assertThat(file).exists();
		assertThat(Files.size(file)).isPositive();
	}

	@Test
	void everyTestStartsWithoutCookies(Page page) {
		assertThat(page.context().cookies()).isEmpty();
	}

}
