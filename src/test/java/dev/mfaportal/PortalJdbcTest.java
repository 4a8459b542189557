package dev.mfaportal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.audit.AuditJdbcConfiguration;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * The JDBC slice on a database of its own on the test PostgreSQL, migrated by Flyway, for every module's store
 * tests: one context for all of them (see {@link TestContextLog}). It holds the audit log's beans too, which the
 * audit tests need and the others ignore; the other stores' tests build their class under test themselves.
 * Each test runs in a transaction rolled back afterwards, as {@code @JdbcTest} does, unless the class says otherwise.
 * The {@code Clock} bean is a {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
// Boot decides on replacing the DataSource before TestDatabaseConfiguration's properties exist.
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class, AuditJdbcConfiguration.class })
public @interface PortalJdbcTest {

}
