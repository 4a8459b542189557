package dev.mfaportal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;

import static dev.mfaportal.deploy.KubernetesManifests.containerPort;
import static dev.mfaportal.deploy.KubernetesManifests.environment;
import static dev.mfaportal.deploy.KubernetesManifests.environmentValues;
import static dev.mfaportal.deploy.KubernetesManifests.onlyContainer;
import static dev.mfaportal.deploy.KubernetesManifests.podLabels;
import static dev.mfaportal.deploy.KubernetesManifests.podSpec;
import static dev.mfaportal.deploy.KubernetesManifests.selects;
import static dev.mfaportal.deploy.YamlFiles.at;
import static dev.mfaportal.deploy.YamlFiles.listAt;
import static dev.mfaportal.deploy.YamlFiles.mapAt;
import static dev.mfaportal.deploy.YamlFiles.mapsAt;
import static dev.mfaportal.deploy.YamlFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests agree with the application they deploy: probes ask the actuator groups on the
 * port the portal serves them on, every variable they set is a setting the portal reads, secrets are
 * referenced and never written down, the pods run as the image's non-root user on a read-only root, and the
 * schema owner's credentials reach only the migration Job. No cluster runs here; these are the checks a
 * reviewer would otherwise do by reading.
 */
class KubernetesManifestsTests {

	private static final String MIGRATE_ONLY = "--portal.migrate-only=true";

	private static final Set<String> SERVER_KEYS = Set.of("PORTAL_ENROLLMENT_SEALING_KEY",
			"PORTAL_CREDENTIALS_SEALING_KEY", "PORTAL_GUARD_CODE_KEY", "PORTAL_AUDIT_CHAIN_KEY");

	private final KubernetesManifests portal = KubernetesManifests.of(KubernetesManifests.PORTAL);

	private final KubernetesManifests migration = KubernetesManifests.of(KubernetesManifests.MIGRATION);

	private final Map<String, Object> deployment = this.portal.one("Deployment");

	private final Map<String, Object> job = this.migration.one("Job");

	private final Map<String, Object> server = onlyContainer(this.deployment);

	private final Binder settings = ApplicationSettings.binder(environmentValues(this.server));

	@Test
	void kustomizationsWhenReadThenEachListsEveryManifestBesideIt() throws IOException {
		for (Path directory : List.of(KubernetesManifests.PORTAL, KubernetesManifests.MIGRATION)) {
			assertThat(listAt(KubernetesManifests.kustomization(directory), "resources")).as(directory.toString())
				.containsExactlyInAnyOrderElementsOf(manifestFiles(directory));
		}
		Stream.concat(this.portal.all().stream(), this.migration.all().stream())
			.forEach((doc) -> assertThat(doc).as(String.valueOf(doc.get("kind")))
				.containsKeys("apiVersion", "kind")
				.satisfies((d) -> assertThat(stringAt(d, "metadata.name")).isNotBlank()));
		assertThat(stringAt(KubernetesManifests.kustomization(KubernetesManifests.MIGRATION), "namespace"))
			.isEqualTo(stringAt(KubernetesManifests.kustomization(KubernetesManifests.PORTAL), "namespace"))
			.isEqualTo(stringAt(this.portal.one("Namespace"), "metadata.name"));
	}

	@Test
	void imagesWhenTheJobAndThePortalAreAppliedThenBothRunTheSameVersion() {
		assertThat(listAt(KubernetesManifests.kustomization(KubernetesManifests.MIGRATION), "images"))
			.isNotEmpty()
			.isEqualTo(listAt(KubernetesManifests.kustomization(KubernetesManifests.PORTAL), "images"));
		assertThat(stringAt(onlyContainer(this.job), "image")).isEqualTo(stringAt(this.server, "image"));
	}

	@Test
	void probesWhenAskedThenHitTheActuatorGroupsOnTheManagementPortTheApplicationServesThemOn() {
		int managementPort = managementPort();
		int serverPort = serverPort();
		String base = this.settings.bind("management.endpoints.web.base-path", String.class).orElse("/actuator");
		assertThat(managementPort).as("actuator kept off the port the ingress reaches").isNotEqualTo(serverPort);
		assertThat(this.settings.bind("management.endpoint.health.probes.enabled", Boolean.class).orElse(false)).isTrue();
		assertThat(this.settings.bind("management.endpoint.health.group.readiness.include", String[].class)
			.orElse(new String[0])).as("readiness includes the database").contains("db");

		Map<String, String> expected = Map.of("startupProbe", base + "/health/liveness", "livenessProbe",
				base + "/health/liveness", "readinessProbe", base + "/health/readiness");
		expected.forEach((probe, path) -> {
			assertThat(stringAt(this.server, probe + ".httpGet.path")).as(probe).isEqualTo(path);
			assertThat(containerPort(this.server, at(this.server, probe + ".httpGet.port"))).as(probe)
				.isEqualTo(managementPort);
		});
	}

	@Test
	void portsWhenDeclaredThenContainerServiceAndNetworkPolicyAgreeWithTheApplication() {
		int serverPort = serverPort();
		int managementPort = managementPort();
		assertThat(containerPort(this.server, "http")).isEqualTo(serverPort);
		assertThat(containerPort(this.server, "management")).isEqualTo(managementPort);
		assertThat(ContainerImage.read().exposedPorts()).contains(serverPort);
		assertThat(mapAt(this.deployment, "spec.template.metadata.annotations"))
			.containsEntry("prometheus.io/port", String.valueOf(managementPort));

		for (Map<String, Object> port : mapsAt(this.portal.one("Service"), "spec.ports")) {
			assertThat(containerPort(this.server, port.get("targetPort"))).as(String.valueOf(port.get("name")))
				.isEqualTo(containerPort(this.server, port.get("name")));
		}
		List<Map<String, Object>> ingress = mapsAt(this.portal.one("NetworkPolicy"), "spec.ingress");
		assertThat(ingress).flatExtracting((rule) -> mapsAt(rule, "ports"))
			.extracting((port) -> port.get("port"))
			.containsExactlyInAnyOrder(serverPort, managementPort);
		assertThat(ingress).allSatisfy((rule) -> assertThat(listAt(rule, "from")).as("every ingress rule names its source")
			.isNotEmpty());
	}

	@Test
	void egressWhenAllowedThenOnlyDnsPostgresqlAndHttps() {
		List<Map<String, Object>> egress = mapsAt(this.portal.one("NetworkPolicy"), "spec.egress");
		assertThat(listAt(this.portal.one("NetworkPolicy"), "spec.policyTypes")).containsExactlyInAnyOrder("Ingress",
				"Egress");
		assertThat(egress).flatExtracting((rule) -> mapsAt(rule, "ports"))
			.extracting((port) -> port.get("protocol") + "/" + port.get("port"))
			.containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/5432", "TCP/443");
		List<Map<String, Object>> migrationEgress = mapsAt(this.migration.one("NetworkPolicy"), "spec.egress");
		assertThat(migrationEgress).flatExtracting((rule) -> mapsAt(rule, "ports"))
			.extracting((port) -> port.get("protocol") + "/" + port.get("port"))
			.containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/5432");
		assertThat(listAt(this.migration.one("NetworkPolicy"), "spec.ingress")).as("the Job accepts no connection")
			.isEmpty();
	}

	@Test
	void environmentWhenSetThenEveryVariableIsASettingThePortalOrTheAwsSdkReads() {
		for (Map<String, Object> container : List.of(this.server, onlyContainer(this.job))) {
			for (String variable : environment(container).keySet()) {
				boolean known = ApplicationSettings.propertyOf(variable).isPresent()
						|| ApplicationSettings.AWS_SDK_VARIABLES.contains(variable)
						|| ApplicationSettings.ANNOUNCED.containsKey(variable);
				assertThat(known).as(variable + " sets nothing the portal reads").isTrue();
			}
		}
		assertThat(ApplicationSettings.propertyOf("PORTAL_ENROLLMENT_SEALING_KEY")).contains("portal.enrollment.sealing-key");
		assertThat(ApplicationSettings.propertyOf("PORTAL_CREDENTIALS_SEALING_KEY"))
			.contains("portal.credentials.sealing-key");
		assertThat(ApplicationSettings.propertyOf("PORTAL_GUARD_CODE_KEY")).contains("portal.guard.code-key");
		assertThat(ApplicationSettings.propertyOf("PORTAL_GUARD_CODE_KEYS")).as("a misspelt name binds nothing").isEmpty();
	}

	@Test
	void announcedVariablesWhenTheirPropertyLandsThenTheyLeaveTheAnnouncedList() {
		ApplicationSettings.ANNOUNCED.forEach((variable, property) -> assertThat(ApplicationSettings.isKnown(property))
			.as(property + " exists now: remove " + variable + " from ApplicationSettings.ANNOUNCED")
			.isFalse());
	}

	@Test
	void secretsWhenNeededThenReferencedFromSecretsAndNeverWrittenDown() {
		Map<String, Map<String, Object>> serving = environment(this.server);
		Map<String, Map<String, Object>> migrating = environment(onlyContainer(this.job));
		assertThat(serving).containsKeys(SERVER_KEYS.toArray(String[]::new));
		for (Map<String, Map<String, Object>> variables : List.of(serving, migrating)) {
			variables.forEach((name, variable) -> {
				if (name.endsWith("_KEY") || name.startsWith("SPRING_DATASOURCE_")) {
					assertThat(variable).as(name).doesNotContainKey("value");
					assertThat(stringAt(variable, "valueFrom.secretKeyRef.name")).as(name).isNotBlank();
				}
			});
		}
		assertThat(secretsOf(serving, "SPRING_DATASOURCE_")).containsExactly("mfa-portal-db-app");
		assertThat(secretsOf(migrating, "SPRING_DATASOURCE_")).containsExactly("mfa-portal-db-owner");
		assertThat(secretsOf(serving, "PORTAL_")).containsExactly("mfa-portal-keys");
		Stream.concat(this.portal.all().stream(), this.migration.all().stream())
			.forEach((doc) -> assertThat(doc.get("kind")).as("no Secret with values in the repository")
				.isNotEqualTo("Secret"));
	}

	@Test
	void podsWhenRunningThenNonRootAsTheImagesUserOnAReadOnlyRootWithoutPrivileges() {
		ContainerImage image = ContainerImage.read();
		for (Map<String, Object> workload : List.of(this.deployment, this.job)) {
			Map<String, Object> pod = podSpec(workload);
			Map<String, Object> container = onlyContainer(workload);
			String what = String.valueOf(workload.get("kind"));
			assertThat(at(pod, "securityContext.runAsNonRoot")).as(what).isEqualTo(true);
			assertThat(((Number) at(pod, "securityContext.runAsUser")).longValue()).as(what).isEqualTo(image.uid());
			assertThat(((Number) at(pod, "securityContext.runAsGroup")).longValue()).as(what).isEqualTo(image.gid());
			assertThat(stringAt(pod, "securityContext.seccompProfile.type")).as(what).isEqualTo("RuntimeDefault");
			assertThat(mapAt(container, "securityContext")).as(what)
				.containsEntry("allowPrivilegeEscalation", false)
				.containsEntry("readOnlyRootFilesystem", true)
				.doesNotContainKeys("privileged", "runAsUser", "runAsNonRoot");
			assertThat(listAt(container, "securityContext.capabilities.drop")).as(what).containsExactly("ALL");
			assertThat(at(container, "securityContext.capabilities.add")).as(what).isNull();
			assertThat(writableTmp(pod, container)).as(what + ": /tmp on an emptyDir").isTrue();
			for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
				assertThat(at(container, "resources." + resource)).as(what + " " + resource).isNotNull();
			}
		}
	}

	@Test
	void jobWhenRunThenMigratesAsTheOwnerAndExitsWhileThePortalNeverDoes() {
		Map<String, Object> container = onlyContainer(this.job);
		assertThat(listAt(container, "args")).containsExactly(MIGRATE_ONLY);
		assertThat(at(container, "command")).as("the image's own entrypoint runs the jar").isNull();
		assertThat(stringAt(this.job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
		assertThat(at(this.job, "spec.backoffLimit")).isNotNull();
		assertThat(listAt(this.server, "args")).doesNotContain(MIGRATE_ONLY);
		assertThat(environment(this.server)).doesNotContainKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
	}

	@Test
	void replicasWhenDisruptedThenOneKeepsServingAndEverySelectorFindsOnlyThePortal() {
		Map<String, Object> serving = podLabels(this.deployment);
		Map<String, Object> migrating = podLabels(this.job);
		assertThat(at(this.deployment, "spec.replicas")).isEqualTo(2);
		assertThat(at(this.deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);
		assertThat(at(this.portal.one("PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(1);
		List<Map<String, Object>> selectors = List.of(mapAt(this.deployment, "spec.selector"),
				mapAt(this.portal.one("PodDisruptionBudget"), "spec.selector"),
				mapAt(this.portal.one("Service"), "spec.selector"),
				mapAt(this.portal.one("NetworkPolicy"), "spec.podSelector"));
		assertThat(selectors).allSatisfy((selector) -> {
			assertThat(selects(selector, serving)).as("selects the portal: " + selector).isTrue();
			assertThat(selects(selector, migrating)).as("does not select the Job: " + selector).isFalse();
		});
		assertThat(selects(mapAt(this.migration.one("NetworkPolicy"), "spec.podSelector"), migrating)).isTrue();
	}

	private int serverPort() {
		return this.settings.bind("server.port", Integer.class).orElse(8080);
	}

	/** The port actuator listens on in the pod: application.yml overridden by the pod's environment. */
	private int managementPort() {
		return this.settings.bind("management.server.port", Integer.class)
			.orElseThrow(() -> new AssertionError("the pod sets no management.server.port"));
	}

	private static boolean writableTmp(Map<String, Object> pod, Map<String, Object> container) {
		return mapsAt(container, "volumeMounts").stream()
			.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
			.anyMatch((mount) -> mapsAt(pod, "volumes").stream()
				.anyMatch((volume) -> volume.get("name").equals(mount.get("name")) && volume.containsKey("emptyDir")));
	}

	private static Set<String> secretsOf(Map<String, Map<String, Object>> variables, String prefix) {
		return variables.entrySet()
			.stream()
			.filter((variable) -> variable.getKey().startsWith(prefix))
			.map((variable) -> stringAt(variable.getValue(), "valueFrom.secretKeyRef.name"))
			.filter((name) -> name != null)
			.collect(Collectors.toSet());
	}

	private static List<String> manifestFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
				.toList();
		}
	}

}
