package dev.mfaportal.audit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The audit log's JDBC beans, for {@code PortalJdbcTest}, which cannot name these package-private classes. */
@TestConfiguration(proxyBeanMethods = false)
@Import({ JdbcAuditLog.class, ChainVerifier.class, SecurityEventAuditor.class })
public class AuditJdbcConfiguration {

}
