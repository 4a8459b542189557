package dev.mfaportal.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mfaportal.PortalJdbcTest;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's JDBC slice ({@link PortalJdbcTest}). No test transaction: the audit log commits in
 * its own transactions, and a refused statement must not poison the test's connection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PortalJdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@interface AuditJdbcTest {

}
