"""Shared fixtures: the spaCy model and the shipped gazetteer, loaded once per test session."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory):
    """newsgraph's per-user folders (the embedded store, the Wikidata cache) in a temporary
    folder, never the real home: for every test, and the servers and commands they start."""
    home = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(home / "data"))
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        mp.setenv("NEWSGRAPH_STORE", str(home / "data" / "newsgraph" / "store"))
        mp.setenv("NEWSGRAPH_CACHE", str(home / "cache" / "newsgraph"))
        yield home


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()
