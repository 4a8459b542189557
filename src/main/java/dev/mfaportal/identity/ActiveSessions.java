package dev.mfaportal.identity;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code mfa.portal.sessions.active}: the sign-in sessions not yet expired. Sessions live in PostgreSQL, so
 * every instance reports the same number; a scrape while the database is down reads NaN rather than failing.
 */
@Component
class ActiveSessions implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	ActiveSessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mfa.portal.sessions.active", this, ActiveSessions::count)
			.description("Signed-in sessions that have not expired, across all instances")
			.register(registry);
	}

	private double count() {
		try {
			return this.jdbc.sql("SELECT count(*) FROM spring_session WHERE expiry_time > :now")
				.param("now", this.clock.millis())
				.query(Long.class)
				.single();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

}
