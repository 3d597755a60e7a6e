"""The shipping scripts parse, are executable, and pass shellcheck where it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.deploy.manifests import REPO

SCRIPTS = ["build-and-push", "image-test", "make-base-image"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_is_executable_bash_that_parses(name: str) -> None:
    path = REPO / "scripts" / name
    assert os.access(path, os.X_OK), f"{path} is not executable"
    assert path.read_text().startswith("#!/usr/bin/env bash\n")
    subprocess.run(["bash", "-n", str(path)], check=True, timeout=30)


def test_shellcheck_is_clean() -> None:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (Debian: apt-get install shellcheck)")
    paths = [f"scripts/{name}" for name in SCRIPTS] + ["scripts/lib/containers.sh"]
    out = subprocess.run(
        [shellcheck, "-x", *paths],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_scripts_explain_themselves() -> None:
    for name in ("build-and-push", "image-test", "make-base-image"):
        head = (REPO / "scripts" / name).read_text().splitlines()[1]
        assert head.startswith("# "), name
    out = subprocess.run(
        [str(REPO / "scripts" / "build-and-push"), "--help"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert "vX.Y.Z" in out.stdout
    assert "--dry-run" in out.stdout
