"""The entity stage, built once for every entity test (it loads lexicons and the model)."""

import pytest

from warta.entities import EntityStage
from warta.settings import Settings


@pytest.fixture(scope="session")
def stage() -> EntityStage:
    return EntityStage(Settings())
