"""Fixtures of the matching tests: the labelled corpus generator (loaded from this folder)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_NAME = "omnidesk_tests_matching_labelled_corpus"


def _load():
    if _NAME in sys.modules:
        return sys.modules[_NAME]
    spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).parent / "labelled_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus_module():
    return _load()
