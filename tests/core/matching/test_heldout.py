"""The held-out corpus (other wording, other seeds), checked only at the end: never tune the matcher on it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _module(name: str):
    key = f"omnidesk_tests_matching_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(__file__).parent / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def line_purpose(result) -> str:
    return result.line_id


def test_held_out_lines_are_booked_precisely(corpus_module):
    heldout, families, scoring = _module("heldout_corpus"), _module("families"), _module("test_labelled")
    run, measure, report = scoring.run, scoring.measure, scoring.report
    wrong, shares = [], []
    for seed in heldout.SEEDS:
        rows = run(corpus_module, seed, phrases=heldout.phrases(families))
        m = measure(rows)
        report("held-out", seed, m)
        wrong += [(seed, s, line_purpose(r), r.reasons) for s, _t, r, right in rows if r.automatic and not right]
        shares.append(m["certain_automatic"] / m["certain"])
    assert wrong == []
    assert min(shares) >= 0.92
