package dev.mfaportal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portal instances on one PostgreSQL behind nginx, as in {@link TwoInstancesTests}, but the second runs in
 * a JVM of its own and is killed (SIGKILL) in the middle of a burst, as a node that crashes or a container the
 * OOM killer ends: no graceful shutdown, no request allowed to finish. Whatever the killed instance was doing,
 * no AWS change is without its audit row, the audit chain stays intact, and what it left half done (a device
 * created for an enrollment nobody will finish) is cleaned up by the instance that lives on.
 */
class InstanceKillTests {

	@TempDir
	static Path directory;

	static TwoPortals portals;

	@BeforeAll
	static void startTwoInstancesTheSecondInItsOwnJvm() {
		Nginx.require();
		portals = TwoPortals.startWithSecondInItsOwnProcess(directory);
	}

	@AfterAll
	static void stopEverything() {
		if (portals != null) {
			portals.close();
		}
	}

	@Test
	void oneInstanceKilledDuringABurstThenEveryAwsChangeHadItsAuditRowFirstAndNoDeviceIsLeftHalfDone() {
		portals.sandbox().reset();
		long auditMark = portals.jdbc().sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();

		BurstResult burst = Burst.killingTheSecondOf(portals).run();

		burst.assertReachedBothInstancesAndOutlivedTheShutdown(portals);
		burst.assertEveryAnsweredChangeIsAudited(portals.jdbc(), auditMark);
		burst.assertEveryAwsChangeHadItsAuditRowFirst(portals.sandbox(), portals.jdbc(), auditMark);
		burst.cancelWhatIsStillPending(portals);
		burst.assertNoPortalDeviceIsLeftUnassigned(portals.sandbox());
		BurstResult.assertAuditChainVerifies(portals);
	}

}
