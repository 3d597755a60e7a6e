"""scripts/build-and-push: the git ref decides the image tag and the overlay (--dry-run only)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.manifests import REPO

SCRIPT = REPO / "scripts" / "build-and-push"
REGISTRY = "registry.invalid/team"
VERSION = "1.2.3"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    out = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository with the script, the overlays and a version, on branch main."""
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    shutil.copy2(SCRIPT, root / "scripts" / "build-and-push")
    shutil.copytree(REPO / "k8s" / "overlays", root / "k8s" / "overlays")
    (root / "pyproject.toml").write_text(f'[project]\nname = "trelloql"\nversion = "{VERSION}"\n')
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "initial")
    return root


def _run(
    repo: Path, *args: str, registry: str | None = REGISTRY, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REGISTRY", "CONTAINER_ENGINE"}}
    if registry is not None:
        env["REGISTRY"] = registry
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [str(repo / "scripts" / "build-and-push"), *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _dry_run(repo: Path, *args: str) -> str:
    out = _run(repo, "--dry-run", *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _commands(stdout: str) -> list[str]:
    return [line[2:] for line in stdout.splitlines() if line.startswith("+ ")]


@pytest.mark.parametrize("branch", ["development", "staging"])
def test_environment_branches_push_their_own_tag(repo: Path, branch: str) -> None:
    _git(repo, "checkout", "-q", "-b", branch)
    out = _dry_run(repo)
    image = f"{REGISTRY}/trelloql:{branch}"
    commands = _commands(out)
    assert commands[0].startswith("podman build -f Dockerfile -t " + image)
    assert commands[0].endswith(" .")
    assert f"--build-arg VERSION={branch}" in commands[0]
    assert commands[1].startswith("podman push ")
    assert commands[1].endswith(image)
    assert f"mkdir -p k8s/.generated/{branch}" in commands
    assert f"  - ../../overlays/{branch}" in out
    assert f"newName: {REGISTRY}/trelloql" in out
    assert f'newTag: "{branch}@sha256:' in out
    assert f"kubectl apply -k k8s/.generated/{branch}" in out.splitlines()
    assert f"kubectl -n trelloql-{branch} rollout status deployment/trelloql" in out
    assert "production" not in out


def test_release_tag_on_main_deploys_that_version_to_production(repo: Path) -> None:
    _git(repo, "tag", f"v{VERSION}")
    for checkout in ("main", f"v{VERSION}"):  # on the branch, or detached as CI checks out tags
        _git(repo, "checkout", "-q", checkout)
        out = _dry_run(repo)
        image = f"{REGISTRY}/trelloql:{VERSION}"
        assert _commands(out)[0].startswith(f"podman build -f Dockerfile -t {image} ")
        assert "podman push --digestfile" in out
        assert out.count(image) >= 2
        assert f"tag v{VERSION} on main" in out
        lines = out.splitlines()
        assert "kubectl apply -k k8s/.generated/production" in lines
        assert (
            "kubectl -n trelloql-production rollout status deployment/trelloql --timeout=5m"
            in lines
        )
        # The public sandbox runs the same release.
        assert "kubectl apply -k k8s/.generated/sandbox" in lines


def test_release_tag_must_be_on_main(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "topic")
    _git(repo, "commit", "-q", "--allow-empty", "-m", "not released")
    _git(repo, "tag", f"v{VERSION}")
    _git(repo, "checkout", "-q", "--detach")
    out = _run(repo, "--dry-run")
    assert out.returncode != 0
    assert "not on main" in out.stderr


def test_release_tag_must_match_the_project_version(repo: Path) -> None:
    _git(repo, "tag", "v9.9.9")
    out = _run(repo, "--dry-run")
    assert out.returncode != 0
    assert "does not match the version in pyproject.toml" in out.stderr


def test_main_without_a_release_tag_is_refused(repo: Path) -> None:
    _git(repo, "tag", "not-a-release")
    _git(repo, "tag", "v1.2")
    out = _run(repo, "--dry-run")
    assert out.returncode != 0
    assert "release tag vX.Y.Z" in out.stderr
    assert not _commands(out.stdout)


def test_other_branches_have_no_environment(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "feature/x")
    out = _run(repo, "--dry-run")
    assert out.returncode != 0
    assert "'feature/x' has no environment" in out.stderr


def test_branch_option_for_a_detached_head(repo: Path) -> None:
    _git(repo, "checkout", "-q", "--detach")
    out = _dry_run(repo, "--branch", "staging")
    assert f"{REGISTRY}/trelloql:staging" in out


def test_a_branch_wins_over_a_release_tag_on_the_same_commit(repo: Path) -> None:
    _git(repo, "tag", f"v{VERSION}")
    _git(repo, "checkout", "-q", "-b", "development")
    out = _dry_run(repo)
    assert f"{REGISTRY}/trelloql:development" in out
    assert "production" not in out


def test_registry_comes_from_the_environment(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "staging")
    out = _run(repo, "--dry-run", registry=None)
    assert out.returncode != 0
    assert "set REGISTRY" in out.stderr
    out = _run(repo, "--dry-run", registry="other.invalid/x/")
    assert "other.invalid/x/trelloql:staging" in out.stdout


def test_dry_run_runs_nothing_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "staging")
    # Only git and coreutils on PATH: a real build or push would fail.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "git", "sed", "grep", "sort", "tail", "head", "mktemp", "dirname", "cat"):
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    out = _run(repo, "--dry-run", path=str(bin_dir))
    assert out.returncode == 0, out.stderr
    assert _commands(out.stdout)[0].startswith("podman build")
    assert not (repo / "k8s" / ".generated").exists()
    assert _git(repo, "status", "--porcelain") == ""


def test_docker_is_supported(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "staging")
    env_engine = {"CONTAINER_ENGINE": "docker"}
    out = subprocess.run(
        [str(repo / "scripts" / "build-and-push"), "--dry-run"],
        cwd=repo,
        env={**os.environ, "REGISTRY": REGISTRY, **env_engine},
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    commands = _commands(out.stdout)
    assert commands[0].startswith("docker build")
    assert commands[1] == f"docker push {REGISTRY}/trelloql:staging"
    assert commands[2].startswith("docker image inspect --format")


def test_a_real_run_refuses_a_dirty_tree(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "staging")
    (repo / "pyproject.toml").write_text("changed\n")
    out = _run(repo)
    assert out.returncode != 0
    assert "uncommitted changes" in out.stderr


def test_unknown_arguments_are_refused(repo: Path) -> None:
    out = _run(repo, "--push-everything")
    assert out.returncode != 0
    assert "unknown argument" in out.stderr
