package dev.mfaportal.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.TestDatabaseConfiguration;
import dev.mfaportal.kernel.ClockConfiguration;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's JDBC slice on the shared real PostgreSQL. No test transaction: the audit log commits in
 * its own transactions, and a refused statement must not poison the test's connection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ TestDatabaseConfiguration.class, ClockConfiguration.class, JdbcAuditLog.class, ChainVerifier.class,
		SecurityEventAuditor.class })
@interface AuditJdbcTest {

}
