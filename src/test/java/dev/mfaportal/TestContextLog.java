package dev.mfaportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Counts the Spring application contexts the test framework starts, because each one costs seconds and the
 * suite is meant to need only a few. Every context a test class gets that no earlier class got is appended to
 * {@value #FILE} as {@code <n> <first test class> (<beans>)}; the file is rewritten on the first context of each
 * test JVM (Surefire runs one), so after {@code ./mvnw verify} its line count is the number of distinct contexts.
 * Registered for every test in {@code META-INF/spring.factories}. Contexts that a test builds itself (an
 * {@code ApplicationContextRunner}) are not cached and not counted.
 */
public final class TestContextLog implements TestExecutionListener, Ordered {

	static final String FILE = "target/spring-test-contexts.txt";

	private static final Log logger = LogFactory.getLog(TestContextLog.class);

	private static final Set<ApplicationContext> seen = Collections.newSetFromMap(new IdentityHashMap<>());

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		synchronized (seen) {
			if (seen.add(context)) {
				String line = seen.size() + " " + testContext.getTestClass().getName() + " ("
						+ context.getBeanDefinitionCount() + " beans)";
				logger.info("Spring test context " + line);
				write(line, seen.size() == 1);
			}
		}
	}

	private static void write(String line, boolean first) {
		Path file = Paths.get(FILE);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** After the listeners that load the context and inject the test instance. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
