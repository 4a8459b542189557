package dev.mfaportal.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mfaportal.deploy.YamlFiles.listAt;
import static dev.mfaportal.deploy.YamlFiles.mapAt;
import static dev.mfaportal.deploy.YamlFiles.mapsAt;
import static dev.mfaportal.deploy.YamlFiles.stringAt;

/**
 * The manifests under {@code deploy/kubernetes/}, read the way {@code kubectl apply -k} reads them: each
 * kustomization's resources, document by document.
 */
final class KubernetesManifests {

	static final Path PORTAL = Path.of("deploy/kubernetes");

	static final Path MIGRATION = PORTAL.resolve("migration");

	private final List<Map<String, Object>> documents;

	private KubernetesManifests(List<Map<String, Object>> documents) {
		this.documents = documents;
	}

	/** The resources {@code kustomization.yaml} in {@code directory} lists. */
	static KubernetesManifests of(Path directory) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object resource : listAt(kustomization(directory), "resources")) {
			documents.addAll(YamlFiles.documents(directory.resolve((String) resource)));
		}
		return new KubernetesManifests(documents);
	}

	static Map<String, Object> kustomization(Path directory) {
		return YamlFiles.document(directory.resolve("kustomization.yaml"));
	}

	List<Map<String, Object>> all() {
		return this.documents;
	}

	/** The one document of this kind. */
	Map<String, Object> one(String kind) {
		List<Map<String, Object>> found = this.documents.stream().filter((doc) -> kind.equals(doc.get("kind"))).toList();
		if (found.size() != 1) {
			throw new IllegalStateException(found.size() + " documents of kind " + kind + ", expected one");
		}
		return found.get(0);
	}

	/** The pod template's spec of a Deployment or Job. */
	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return mapAt(workload, "spec.template.spec");
	}

	static Map<String, Object> podLabels(Map<String, Object> workload) {
		return mapAt(workload, "spec.template.metadata.labels");
	}

	static Map<String, Object> onlyContainer(Map<String, Object> workload) {
		List<Map<String, Object>> containers = mapsAt(workload, "spec.template.spec.containers");
		if (containers.size() != 1) {
			throw new IllegalStateException(containers.size() + " containers, expected one");
		}
		return containers.get(0);
	}

	/** The container's environment by name: each entry's {@code value} or {@code valueFrom} node. */
	static Map<String, Map<String, Object>> environment(Map<String, Object> container) {
		Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
		for (Map<String, Object> variable : mapsAt(container, "env")) {
			variables.put((String) variable.get("name"), variable);
		}
		return variables;
	}

	/**
	 * The environment as the process would see it, for binding: literal values as given, values from a Secret
	 * as a stand-in (their real value is the cluster's).
	 */
	static Map<String, String> environmentValues(Map<String, Object> container) {
		Map<String, String> values = new LinkedHashMap<>();
		environment(container).forEach((name, variable) -> values.put(name,
				variable.containsKey("value") ? String.valueOf(variable.get("value")) : "from-" + stringAt(variable,
						"valueFrom.secretKeyRef.name")));
		return values;
	}

	/** A port given by number or by the name of one of the container's ports, as a number. */
	static int containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		for (Map<String, Object> declared : mapsAt(container, "ports")) {
			if (port.equals(declared.get("name"))) {
				return (Integer) declared.get("containerPort");
			}
		}
		throw new IllegalStateException("The container declares no port named " + port);
	}

	/** Whether a selector's {@code matchLabels} (or a Service's plain selector) select pods with these labels. */
	static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		Map<String, Object> match = selector.containsKey("matchLabels") ? mapAt(selector, "matchLabels") : selector;
		return !match.isEmpty() && labels.entrySet().containsAll(match.entrySet());
	}

}
