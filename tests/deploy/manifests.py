"""Rendering the kustomize overlays and walking the rendered objects (helpers for the tests)."""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "k8s"
OVERLAYS = ("sandbox", "development", "staging", "production")
APP_LABEL = {"app.kubernetes.io/name": "trelloql"}
KUBECTL = shutil.which("kubectl")
SKIP_NO_KUBECTL = "kubectl is not installed: the overlays cannot be rendered (kubectl kustomize)"

Doc = dict[str, Any]
POD_OWNERS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}


@functools.cache
def render(path: Path) -> tuple[Doc, ...]:
    """The objects `kubectl kustomize PATH` renders (offline)."""
    assert KUBECTL, SKIP_NO_KUBECTL
    out = subprocess.run(
        [KUBECTL, "kustomize", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, f"kubectl kustomize {path} failed:\n{out.stderr}"
    return tuple(doc for doc in yaml.safe_load_all(out.stdout) if doc)


def overlay(name: str) -> tuple[Doc, ...]:
    return render(K8S / "overlays" / name)


def of_kind(docs: tuple[Doc, ...], kind: str) -> list[Doc]:
    return [doc for doc in docs if doc["kind"] == kind]


def one(docs: tuple[Doc, ...], kind: str) -> Doc:
    found = of_kind(docs, kind)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def pod_templates(docs: tuple[Doc, ...]) -> Iterator[tuple[str, Doc]]:
    """(object name, pod template) for every object that makes pods."""
    for doc in docs:
        if doc["kind"] in POD_OWNERS:
            yield f"{doc['kind']}/{doc['metadata']['name']}", doc["spec"]["template"]
        elif doc["kind"] == "CronJob":
            yield (
                f"CronJob/{doc['metadata']['name']}",
                doc["spec"]["jobTemplate"]["spec"]["template"],
            )


def containers(pod_spec: Doc) -> list[Doc]:
    return [
        *pod_spec.get("initContainers", []),
        *pod_spec["containers"],
        *pod_spec.get("ephemeralContainers", []),
    ]


def selects(selector: Doc, labels: dict[str, str]) -> bool:
    """Whether a LabelSelector matches a set of labels."""
    for key, value in selector.get("matchLabels", {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions", []):
        key, op, values = expr["key"], expr["operator"], expr.get("values", [])
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and labels.get(key) in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def config_data(docs: tuple[Doc, ...], pod_spec: Doc) -> dict[str, str]:
    """The ConfigMap values a pod gets through envFrom."""
    names = {
        source["configMapRef"]["name"]
        for container in pod_spec["containers"]
        for source in container.get("envFrom", [])
        if "configMapRef" in source
    }
    data: dict[str, str] = {}
    for doc in of_kind(docs, "ConfigMap"):
        if doc["metadata"]["name"] in names:
            data.update(doc.get("data", {}))
    return data
