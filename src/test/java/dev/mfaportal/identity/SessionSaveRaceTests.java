package dev.mfaportal.identity;

import org.junit.jupiter.api.Test;

import dev.mfaportal.PortalFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session saving the same new attribute, as the sign-in's POST and the browser's next request
 * do under load (the session is saved after the response has gone out): the second save must not fail.
 */
@PortalFlowTest
class SessionSaveRaceTests {

	@Autowired
	JdbcIndexedSessionRepository repository;

	@Test
	void twoRequestsSaveTheSameNewAttributeThenBothSucceedAndTheLaterValueStays() {
		SessionRepository<Session> sessions = sessions();
		Session session = sessions.createSession();
		sessions.save(session);
		Session first = sessions.findById(session.getId());
		Session second = sessions.findById(session.getId());

		first.setAttribute("signed-in", "first");
		sessions.save(first);
		second.setAttribute("signed-in", "second");
		sessions.save(second);

		assertThat((String) sessions.findById(session.getId()).getAttribute("signed-in")).isEqualTo("second");
		sessions.deleteById(session.getId());
	}

	// Its session type is not public; every session it hands out is one it can save.
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private SessionRepository<Session> sessions() {
		return (SessionRepository) this.repository;
	}

}
