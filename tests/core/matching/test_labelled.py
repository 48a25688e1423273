"""Precision and automatic share on labelled, realistic generated lines (several seeds)."""

from __future__ import annotations

from collections import Counter

from omnidesk.core.matching import Matcher

SEEDS = (5, 6, 7, 8, 9)


def _as_truth(module, result):
    applied = result.applied
    allocations = tuple((a.order_number, a.amount) for a in applied.allocations)
    return module.Truth(applied.customer_id, allocations, applied.advance)


def _run(module, seed):
    corpus = module.build(seed)
    matcher = Matcher(corpus.customers, corpus.orders)
    rows = []
    for line, truth, scenario in zip(corpus.lines, corpus.truths, corpus.scenarios, strict=False):
        result = matcher.match(line)
        correct = result.automatic and _as_truth(module, result) == truth
        rows.append((scenario, result, correct))
        assert result.reasons, "every decision is explained"
    return rows


def test_precision_is_total_and_automatic_share_at_least_90_percent(corpus_module):
    total = auto = wrong = 0
    per_scenario: Counter[str] = Counter()
    auto_per_scenario: Counter[str] = Counter()
    for seed in SEEDS:
        rows = _run(corpus_module, seed)
        assert len(rows) >= 180
        seed_auto = sum(1 for _, r, _ in rows if r.automatic)
        print(f"seed {seed}: {len(rows)} lines, automatic {seed_auto} ({seed_auto / len(rows):.1%})")
        for scenario, result, correct in rows:
            total += 1
            per_scenario[scenario] += 1
            if result.automatic:
                auto += 1
                auto_per_scenario[scenario] += 1
                wrong += not correct
    precision = (auto - wrong) / auto
    share = auto / total
    print(f"labelled lines {total}; automatic {auto} ({share:.1%}); precision {precision:.1%}")
    for scenario in sorted(per_scenario):
        print(f"  {scenario:17} {auto_per_scenario[scenario]:4} / {per_scenario[scenario]:4} automatic")
    assert total >= 200
    assert wrong == 0
    assert share >= 0.90


def test_review_lines_carry_ranked_suggestions(corpus_module):
    rows = _run(corpus_module, 6)
    reviews = [r for s, r, _ in rows if not r.automatic and s != "unrelated"]
    assert reviews
    for result in reviews:
        assert result.suggestions, result.reasons
        scores = [p.score for p in result.suggestions]
        assert scores == sorted(scores, reverse=True)
        assert all(p.explanation for p in result.suggestions)


def test_unrelated_money_is_never_automatic(corpus_module):
    for seed in SEEDS:
        assert not any(r.automatic for s, r, _ in _run(corpus_module, seed) if s == "unrelated")
