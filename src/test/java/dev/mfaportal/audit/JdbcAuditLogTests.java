package dev.mfaportal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@AuditJdbcTest
class JdbcAuditLogTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ChainKey key;

	@AfterEach
	void leaveRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	AuditTestRows rows() {
		return new AuditTestRows(this.jdbc, this.transactionManager);
	}

	@Test
	void recordWhenInRequestThenWritesEveryFieldWithTimeAndOrigin() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/credentials");
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		Instant before = Instant.now().minusSeconds(1);
		Instant expires = Instant.parse("2026-11-29T01:02:03.123456789Z");

		long id = this.auditLog.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS)
			.portalUser("alice")
			.iamUser("alice-iam")
			.mfaSerial("arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone")
			.accessKeyId("ASIAEXAMPLE0000001")
			.expiresAt(expires)
			.awsRequestId("c0ffee00-0000-4000-8000-000000000001")
			.detail("durationSeconds", 43200)
			.detail("callerArn", "arn:aws:iam::123456789012:user/alice-iam"));

		AuditRow row = rows().find(id);
		assertThat(row.action()).isEqualTo("credentials.issued");
		assertThat(row.outcome()).isEqualTo("SUCCESS");
		assertThat(row.portalUser()).isEqualTo("alice");
		assertThat(row.iamUser()).isEqualTo("alice-iam");
		assertThat(row.mfaSerial()).isEqualTo("arn:aws:iam::123456789012:mfa/mfa-portal/alice-phone");
		assertThat(row.accessKeyId()).isEqualTo("ASIAEXAMPLE0000001");
		assertThat(row.expiresAt()).isEqualTo(Instant.parse("2026-11-29T01:02:03.123456Z"));
		assertThat(row.awsRequestId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
		assertThat(row.detail()).containsEntry("durationSeconds", "43200")
			.containsEntry("callerArn", "arn:aws:iam::123456789012:user/alice-iam");
		assertThat(row.sourceIp()).isEqualTo("203.0.113.7");
		assertThat(row.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
		assertThat(row.occurredAt()).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(row.rowHash()).isEqualTo(this.key.rowHash(row.prevHash(), row));
		assertThat(row.hashVersion()).isEqualTo(AuditHashes.KEYED);
	}

	@Test
	void recordWhenOutsideRequestThenOriginIsEmpty() {
		long id = this.auditLog.record(AuditEvent.of("enrollment.swept", AuditOutcome.SUCCESS));

		AuditRow row = rows().find(id);
		assertThat(row.sourceIp()).isNull();
		assertThat(row.userAgent()).isNull();
	}

	@Test
	void recordWhenValuesAreHugeOrHoldControlCharactersThenEachFieldIsCappedAndEscaped() {
		AuditEvent event = AuditEvent.of("enrollment.remove-failed", AuditOutcome.FAILURE)
			.portalUser("eve\u0000\n")
			.mfaSerial("s".repeat(100_000))
			.detail("big", "d".repeat(10_000));
		for (int i = 0; i < 10; i++) {
			event = event.detail("k" + i, "v".repeat(1_000));
		}

		AuditRow row = rows().find(this.auditLog.record(event));

		assertThat(row.portalUser()).isEqualTo("eve\\u0000\\u000a");
		assertThat(row.mfaSerial()).hasSize(256).endsWith("…");
		assertThat(row.detail().get("big")).hasSize(1024);
		assertThat(AuditRow.detailJson(row.detail()).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(4096);
		assertThat(row.detail()).containsKey(AuditCaps.DROPPED);
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void recordWhenUserAgentIsHugeThenItIsTruncated() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent", "x".repeat(10_000));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		long id = this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser("bob"));

		assertThat(rows().find(id).userAgent()).hasSize(RequestOrigin.USER_AGENT_MAX_LENGTH);
	}

	@Test
	void recordWhenCalledTwiceThenSecondLinksToFirst() {
		long first = this.auditLog.record(AuditEvent.of("signin.succeeded", AuditOutcome.SUCCESS).portalUser("a"));
		long second = this.auditLog.record(AuditEvent.of("signin.failed", AuditOutcome.FAILURE).portalUser("b"));

		assertThat(second).isGreaterThan(first);
		assertThat(rows().find(second).prevHash()).isEqualTo(rows().find(first).rowHash());
	}

	@Test
	void recordWhenEightWritersAtOnceThenOneUnbrokenChain() throws Exception {
		long start = rows().maxId();
		int writers = 8;
		int eventsEach = 40;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<Void>> tasks = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				String writer = "writer-" + w;
				tasks.add(() -> {
					for (int i = 0; i < eventsEach; i++) {
						this.auditLog.record(AuditEvent.of("test.concurrent", AuditOutcome.SUCCESS)
							.portalUser(writer)
							.detail("i", i));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(tasks)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}

		List<AuditRow> written = rows().after(start);
		assertThat(written).hasSize(writers * eventsEach);
		Set<String> prevHashes = new HashSet<>();
		for (int i = 1; i < written.size(); i++) {
			assertThat(written.get(i).prevHash()).isEqualTo(written.get(i - 1).rowHash());
			prevHashes.add(written.get(i).prevHash());
		}
		assertThat(prevHashes).hasSize(written.size() - 1);
		ChainReport report = this.verifier.verify();
		assertThat(report.intact()).as(report.summary()).isTrue();
	}

	@Test
	void recordWhenDatabaseUnreachableThenAuditUnavailable() {
		DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "y");
		JdbcAuditLog broken = AuditTestRows.log(JdbcClient.create(nowhere), new DataSourceTransactionManager(nowhere),
				this.key, java.time.Clock.systemUTC());

		assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> broken.record(AuditEvent.of("credentials.issued", AuditOutcome.SUCCESS)));
	}

	@Test
	void recordWhenInsertRefusedThenAuditUnavailable() {
		// An action is NOT NULL: the database refuses the row, the caller must not go on.
		assertThatExceptionOfType(AuditUnavailableException.class)
			.isThrownBy(() -> this.auditLog.record(AuditEvent.of(null, AuditOutcome.SUCCESS)));
	}

}
