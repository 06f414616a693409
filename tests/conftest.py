"""Shared fixtures: the spaCy model and the shipped gazetteer, loaded once per test session."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()
