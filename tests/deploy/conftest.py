"""Fixtures for the offline checks of the shipping artefacts (image, manifests, scripts)."""

from __future__ import annotations

import pytest

from tests.deploy.manifests import KUBECTL, OVERLAYS, SKIP_NO_KUBECTL, Doc, overlay


@pytest.fixture(params=OVERLAYS)
def env(request: pytest.FixtureRequest) -> str:
    """Each overlay name in turn."""
    return request.param


@pytest.fixture
def docs(env: str) -> tuple[Doc, ...]:
    """The objects the overlay renders."""
    if KUBECTL is None:
        pytest.skip(SKIP_NO_KUBECTL)
    return overlay(env)
