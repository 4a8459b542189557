package dev.mfaportal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives the system Chromium through Playwright. Use {@code @ExtendWith(BrowserSupport.class)} and declare
 * a {@link Page} parameter on each test: one browser per test class, a fresh context (no cookies) per test.
 * <p>
 * Playwright never downloads a browser here. Without {@code /usr/bin/chromium} the tests are skipped with
 * the reason, except under {@code CI=true}, where they fail: CI must really run them.
 */
public final class BrowserSupport
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	// Background networking is refused by the build machines' closed network; the rest keep headless quiet.
	static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync");

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		requireChromium();
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS));
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		store.put(Playwright.class, playwright);
		store.put(Browser.class, browser);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		BrowserContext browserContext = browser.newContext();
		context.getStore(NAMESPACE).put(BrowserContext.class, browserContext);
		context.getStore(NAMESPACE).put(Page.class, browserContext.newPage());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		BrowserContext browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, BrowserContext.class);
		if (browserContext != null) {
			browserContext.close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
		if (browser != null) {
			browser.close();
		}
		Playwright playwright = context.getStore(NAMESPACE).remove(Playwright.class, Playwright.class);
		if (playwright != null) {
			playwright.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Page.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Page.class, Page.class);
	}

	/** Skips (or under {@code CI=true}, fails) when the system Chromium is not installed. */
	public static void requireChromium() {
		if (Files.isExecutable(CHROMIUM)) {
			return;
		}
		String reason = CHROMIUM + " not found: browser tests need Debian's chromium (apt-get install -y chromium)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(reason + "; CI=true, so they must run");
		}
		Assumptions.abort(reason + "; skipped outside CI");
	}

	/** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
	public static Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/**
	 * Runs axe-core (from its Maven artifact, never fetched) on the page as it is and adds each WCAG 2 A/AA violation
	 * to {@code violations}, named {@code name} with the elements it concerns.
	 */
	public static void axe(Page page, String name, List<String> violations) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
		for (Rule rule : results.getViolations()) {
			violations.add(name + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList());
		}
	}

	/** Signs in through the portal's own sign-in form and waits for the page it leads to. */
	public static void signIn(Page page, String baseUrl, String username, String password) {
		page.navigate(baseUrl + "/login");
		page.fill("#username", username);
		page.fill("#password", password);
		String form = page.url();
		page.click("#sign-in button[type=submit]");
		page.waitForURL((url) -> !url.equals(form));
	}

}
