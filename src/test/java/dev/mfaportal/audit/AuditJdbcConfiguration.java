package dev.mfaportal.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The audit log's JDBC beans, for {@code PortalJdbcTest}, which cannot name these package-private classes, and
 * a meter registry for its meters (a JDBC slice has no metrics auto-configuration).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ JdbcAuditLog.class, CountedRows.class, ChainAppender.class, ChainKey.class, RefusalFlood.class, ChainCheckpoints.class,
		AuditMeters.class, ChainVerifier.class, SecurityEventAuditor.class })
@EnableConfigurationProperties(AuditProperties.class)
public class AuditJdbcConfiguration {

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
