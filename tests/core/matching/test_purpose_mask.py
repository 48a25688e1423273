"""The mask of numbers that are not orders: the start-of-match lookahead changes nothing it blanks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from omnidesk.core.matching import purpose
from omnidesk.core.matching.text import fold
from tests.core.matching import labelled_corpus

_PLAIN = re.compile("|".join(f"(?:{p})" for p in purpose._MASK_PARTS))  # every pattern tried at every position
_ALPHABET = "0123456789 .,-/%№#*()гдеилнопрстуфчъсумаитогвндсрубкопюяёnrb₽\u00a0"


def _same(text: str) -> None:
    assert purpose._MASK.sub(purpose._blank, text) == _PLAIN.sub(purpose._blank, text), text


@settings(max_examples=3000)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_the_lookahead_blanks_what_every_pattern_blanks(text):
    _same(text)


def test_on_the_purposes_of_the_labelled_corpus():
    for seed in (5, 6, 7):
        for line in labelled_corpus.build(seed).lines:
            _same(fold(line.purpose))
