"""Shared fixtures: the real data beside the repository, and hypothesis settings that keep the suite fast."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: Real data from public sources (see ../shared/data/SOURCES.md), kept outside the repository.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# deadline=None: timings belong in benchmarks/, and a shared 2-core machine makes them flaky.
settings.register_profile("default", deadline=None, max_examples=50,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", deadline=None, max_examples=1000,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of real data (../shared/data beside the repository); skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA} is absent (see the README)")
    return SHARED_DATA
