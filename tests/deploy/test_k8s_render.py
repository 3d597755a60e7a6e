"""Every overlay renders offline, and every core object validates against Kubernetes schemas."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import kubernetes_validate
import pytest

from tests.deploy.manifests import (
    K8S,
    KUBECTL,
    OVERLAYS,
    REPO,
    SKIP_NO_KUBECTL,
    Doc,
    of_kind,
    one,
    render,
)

# The oldest Kubernetes minor still supported upstream when this was written, and the newest
# the validator knows: the manifests must be valid for both.
KUBERNETES_VERSIONS = ("1.30.0", kubernetes_validate.latest_version())
# Custom resources: not in the core schemas, checked by hand in test_k8s_exposure.py.
CRD_GROUPS = {"gateway.networking.k8s.io", "monitoring.coreos.com"}
EXPECTED_KINDS = {
    "Namespace",
    "ServiceAccount",
    "ConfigMap",
    "Deployment",
    "Service",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
    "NetworkPolicy",
}


def _group(doc: Doc) -> str:
    api_version = doc["apiVersion"]
    return api_version.split("/")[0] if "/" in api_version else ""


def test_every_overlay_renders_the_whole_application(docs: tuple[Doc, ...], env: str) -> None:
    kinds = {doc["kind"] for doc in docs}
    expected = EXPECTED_KINDS - ({"HorizontalPodAutoscaler"} if env == "sandbox" else set())
    assert expected <= kinds
    assert ("Ingress" in kinds) != ("HTTPRoute" in kinds), "exactly one way in per environment"


def test_everything_lands_in_the_overlay_namespace(docs: tuple[Doc, ...], env: str) -> None:
    namespace = one(docs, "Namespace")["metadata"]["name"]
    assert namespace == f"trelloql-{env}"
    for doc in docs:
        if doc["kind"] != "Namespace":
            assert doc["metadata"].get("namespace") == namespace, doc["metadata"]["name"]


def test_namespace_enforces_the_restricted_pod_security_standard(docs: tuple[Doc, ...]) -> None:
    labels = one(docs, "Namespace")["metadata"]["labels"]
    for mode in ("enforce", "audit", "warn"):
        assert labels[f"pod-security.kubernetes.io/{mode}"] == "restricted"


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_core_objects_validate_strictly(docs: tuple[Doc, ...], version: str) -> None:
    for doc in docs:
        if _group(doc) in CRD_GROUPS:
            continue
        kubernetes_validate.validate(doc, version, strict=True)


def test_only_known_custom_resources(docs: tuple[Doc, ...]) -> None:
    for doc in docs:
        if _group(doc) in CRD_GROUPS:
            assert doc["apiVersion"] in {
                "gateway.networking.k8s.io/v1",
                "monitoring.coreos.com/v1",
            }


def test_no_secret_is_ever_rendered(docs: tuple[Doc, ...]) -> None:
    assert not of_kind(docs, "Secret"), "Secrets are created with kubectl, never committed"


def test_no_secret_objects_in_the_repository() -> None:
    for path in K8S.rglob("*.yaml"):
        assert not re.search(r"^kind:\s*Secret\s*$", path.read_text(), re.M), path


def test_the_servicemonitor_component_renders(tmp_path: Path) -> None:
    if KUBECTL is None:
        pytest.skip(SKIP_NO_KUBECTL)
    # kustomize loads relative paths only: a copy of k8s/ with one more overlay.
    shutil.copytree(K8S, tmp_path / "k8s")
    probe = tmp_path / "k8s" / "overlays" / "probe"
    probe.mkdir()
    (probe / "kustomization.yaml").write_text(
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        "kind: Kustomization\n"
        "resources: [../production]\n"
        "components: [../../components/servicemonitor]\n"
    )
    docs = render(probe)
    monitor = one(docs, "ServiceMonitor")
    service = one(docs, "Service")
    assert (
        monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    )
    assert [e["port"] for e in monitor["spec"]["endpoints"]] == ["http"]
    annotations = one(docs, "Deployment")["spec"]["template"]["metadata"].get("annotations", {})
    assert not any(key.startswith("prometheus.io/") for key in annotations)


def test_overlays_listed_in_the_docs() -> None:
    text = (REPO / "docs" / "deploy.md").read_text()
    for env in OVERLAYS:
        assert f"k8s/overlays/{env}" in text
