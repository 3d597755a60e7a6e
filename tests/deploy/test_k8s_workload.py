"""Every pod template: Pod Security "restricted", probes, resources, settings and Secrets."""

from __future__ import annotations

import re

from tests.deploy.manifests import (
    APP_LABEL,
    REPO,
    Doc,
    config_data,
    containers,
    of_kind,
    one,
    pod_templates,
    selects,
)

UID = 65534
# Pod Security Standards, restricted profile: the volume types it allows.
ALLOWED_VOLUMES = {
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
}
SECRET_NAME = "trelloql-trello"
SECRET_VARIABLES = {"TRELLO_API_KEY": "api-key", "TRELLO_TOKEN": "token"}


def _effective(pod: Doc, container: Doc, key: str) -> object:
    """A securityContext field, the container's value winning over the pod's."""
    return container.get("securityContext", {}).get(key, pod.get("securityContext", {}).get(key))


def test_there_are_pod_templates(docs: tuple[Doc, ...]) -> None:
    assert list(pod_templates(docs))


def test_pod_security_restricted(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        pod = template["spec"]
        for flag in ("hostNetwork", "hostPID", "hostIPC"):
            assert not pod.get(flag, False), (name, flag)
        for volume in pod.get("volumes", []):
            kinds = set(volume) - {"name"}
            assert kinds <= ALLOWED_VOLUMES, (name, volume)
        assert not pod.get("securityContext", {}).get("sysctls"), name
        for container in containers(pod):
            where = (name, container["name"])
            context = container.get("securityContext", {})
            assert _effective(pod, container, "runAsNonRoot") is True, where
            assert _effective(pod, container, "runAsUser") == UID, where
            assert _effective(pod, container, "runAsGroup") == UID, where
            seccomp = _effective(pod, container, "seccompProfile") or {}
            assert seccomp.get("type") in {"RuntimeDefault", "Localhost"}, where
            assert context.get("allowPrivilegeEscalation") is False, where
            assert context.get("privileged", False) is False, where
            assert context.get("capabilities", {}).get("drop") == ["ALL"], where
            assert set(context.get("capabilities", {}).get("add", [])) <= {"NET_BIND_SERVICE"}
            assert context.get("procMount", "Default") == "Default", where
            assert context.get("readOnlyRootFilesystem") is True, where
            for port in container.get("ports", []):
                assert "hostPort" not in port, where


def test_writable_tmp_and_no_service_account_token(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        pod = template["spec"]
        assert pod.get("automountServiceAccountToken") is False, name
        tmp = [v["name"] for v in pod.get("volumes", []) if "emptyDir" in v]
        for container in pod["containers"]:
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            assert mounts.get("/tmp") in tmp, (name, container["name"])


def test_probes_on_the_health_endpoints(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        for container in template["spec"]["containers"]:
            ports = {p["name"] for p in container.get("ports", [])}
            for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
                check = container.get(probe, {}).get("httpGet")
                assert check, (name, probe)
                assert check["path"] == path, (name, probe)
                assert check["port"] in ports | {8080}, (name, probe)


def test_resources_requested_and_memory_limited(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        for container in template["spec"]["containers"]:
            resources = container.get("resources", {})
            assert {"cpu", "memory"} <= set(resources.get("requests", {})), name
            assert "memory" in resources.get("limits", {}), name


def test_trello_credentials_come_from_the_secret(docs: tuple[Doc, ...], env: str) -> None:
    for name, template in pod_templates(docs):
        env_vars = {e["name"]: e for c in template["spec"]["containers"] for e in c.get("env", [])}
        settings = config_data(docs, template["spec"])
        if env == "sandbox":
            # The embedded sandbox Trello: no Secret to create, nothing to leak.
            assert not set(env_vars) & set(SECRET_VARIABLES), name
            assert settings["TRELLOQL_SANDBOX"] == "true"
            continue
        # Never fall back to the sandbox silently: a missing Secret stops the pod instead.
        assert settings["TRELLOQL_SANDBOX"] == "false"
        for variable, key in SECRET_VARIABLES.items():
            ref = env_vars[variable]["valueFrom"]["secretKeyRef"]
            assert ref == {"name": SECRET_NAME, "key": key}, (name, variable)
            assert not ref.get("optional", False)


def test_every_other_setting_comes_from_the_configmap(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        pod = template["spec"]
        for container in pod["containers"]:
            for variable in container.get("env", []):
                assert "secretKeyRef" in variable.get("valueFrom", {}), (name, variable["name"])
        settings = config_data(docs, pod)
        assert settings, f"{name} gets no ConfigMap"
        assert all(key.startswith("TRELLOQL_") for key in settings)
        assert not set(settings) & set(SECRET_VARIABLES)
        assert settings["TRELLOQL_PORT"] == "8080"


def test_settings_per_environment(docs: tuple[Doc, ...], env: str) -> None:
    _name, template = next(pod_templates(docs))
    settings = config_data(docs, template["spec"])
    exposed = {"sandbox": "true", "development": "true", "staging": "false", "production": "false"}
    assert settings["TRELLOQL_GRAPHIQL"] == exposed[env]
    if env == "production":
        assert settings["TRELLOQL_INTROSPECTION"] == "false"


def test_rolling_update_never_drops_capacity(docs: tuple[Doc, ...]) -> None:
    for deployment in of_kind(docs, "Deployment"):
        strategy = deployment["spec"]["strategy"]
        assert strategy["type"] == "RollingUpdate"
        assert strategy["rollingUpdate"]["maxUnavailable"] == 0
        spread = deployment["spec"]["template"]["spec"]["topologySpreadConstraints"]
        assert {c["topologyKey"] for c in spread} >= {
            "topology.kubernetes.io/zone",
            "kubernetes.io/hostname",
        }
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert all(selects(c["labelSelector"], labels) for c in spread)


def test_shutdown_fits_in_the_termination_grace_period(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        settings = config_data(docs, template["spec"])
        drain = float(settings["TRELLOQL_SHUTDOWN_DELAY_SECONDS"]) + float(
            settings["TRELLOQL_SHUTDOWN_GRACE_SECONDS"]
        )
        # Kubernetes sends SIGKILL when the period runs out: leave a few seconds to exit.
        assert drain + 3 <= template["spec"]["terminationGracePeriodSeconds"], name
        assert float(settings["TRELLOQL_SHUTDOWN_DELAY_SECONDS"]) > 0, "endpoints need time"


def test_service_pdb_and_hpa_target_the_pods(docs: tuple[Doc, ...], env: str) -> None:
    deployment = one(docs, "Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert APP_LABEL.items() <= labels.items()
    assert selects(deployment["spec"]["selector"], labels)
    service = one(docs, "Service")
    assert service["spec"]["selector"].items() <= labels.items()
    ports = {p["name"] for p in deployment["spec"]["template"]["spec"]["containers"][0]["ports"]}
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= ports
    pdb = one(docs, "PodDisruptionBudget")
    assert selects(pdb["spec"]["selector"], labels)
    assert "maxUnavailable" in pdb["spec"], "minAvailable would block drains of one replica"
    hpas = of_kind(docs, "HorizontalPodAutoscaler")
    if env == "sandbox":
        # Each pod keeps its own in-memory sandbox: one replica, no autoscaling.
        assert not hpas
        assert deployment["spec"]["replicas"] == 1
    else:
        (hpa,) = hpas
        assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
        assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
        assert hpa["spec"]["minReplicas"] >= (2 if env in {"staging", "production"} else 1)


def test_prometheus_scrapes_the_pods(docs: tuple[Doc, ...]) -> None:
    for name, template in pod_templates(docs):
        annotations = template["metadata"].get("annotations", {})
        assert annotations.get("prometheus.io/scrape") == "true", name
        assert annotations.get("prometheus.io/path") == "/metrics", name


def _image_tag(image: str) -> str:
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else ""


def test_images_are_tagged_and_never_latest(docs: tuple[Doc, ...], env: str) -> None:
    version = re.search(r'^version\s*=\s*"([^"]+)"', (REPO / "pyproject.toml").read_text(), re.M)
    assert version
    expected = {
        "development": "development",
        "staging": "staging",
        # Production and the public sandbox run the released version.
        "production": version.group(1),
        "sandbox": version.group(1),
    }
    for name, template in pod_templates(docs):
        for container in containers(template["spec"]):
            tag = _image_tag(container["image"])
            assert tag, f"{name}: untagged image {container['image']} means :latest"
            assert tag != "latest", name
            assert tag == expected[env], name


def test_no_latest_anywhere_in_the_manifests() -> None:
    for path in (REPO / "k8s").rglob("*.yaml"):
        assert not re.search(r":latest\b|newTag:\s*latest\b", path.read_text()), path
