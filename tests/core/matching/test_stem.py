"""The stem of a name word: the endings table looked up by suffix gives what trying each ending in turn gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from omnidesk.core.matching.text import _ENDINGS, stem


def _stem_by_each_ending(word: str) -> str:  # the rule as first written: every ending tried in the table's order
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) >= 4 and word[-1] in "аеиоуыэюяьй":
        word = word[:-1]
    if len(word) >= 4 and word[-2] == "е" and word[-1] in "лкцр" and word[-3] not in "аеиоуыэюяь":
        word = word[:-2] + word[-1]
    return word


@given(st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюя", max_size=14))
def test_stem_is_the_rule_of_the_endings_table(word):
    stem.cache_clear()
    assert stem(word) == _stem_by_each_ending(word)


def test_names_in_other_cases_meet():
    assert stem("лебедевой") == stem("лебедева")
    assert stem("татьяны") == stem("татьяна")
    assert stem("павла") == stem("павел")
    assert stem("сергея") == stem("сергей")
