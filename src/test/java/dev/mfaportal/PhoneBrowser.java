package dev.mfaportal;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A phone in Chromium: 390 × 844 CSS pixels, touch, the reader's language as {@code Accept-Language} and a zone
 * where it is spoken; and the check that a page fits it without scrolling sideways.
 */
public final class PhoneBrowser {

	public static final int WIDTH = 390;

	private PhoneBrowser() {
	}

	/** A fresh phone (no cookies) beside the browser that {@code page} belongs to; close it after use. */
	public static BrowserContext open(Page page, String language) {
		return page.context()
			.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, 844)
				.setIsMobile(true)
				.setHasTouch(true)
				.setLocale("ja".equals(language) ? "ja-JP" : "en-US")
				.setTimezoneId("ja".equals(language) ? "Asia/Tokyo" : "Europe/London"));
	}

	/** Adds "name: width" to {@code tooWide} when the page scrolls sideways. */
	public static void checkFits(Page page, String name, List<String> tooWide) {
		page.waitForLoadState();
		int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
		if (width > WIDTH) {
			tooWide.add(name + " (" + page.url() + "): " + width + " px wide");
		}
	}

}
