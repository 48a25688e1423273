"""Who paid: INN/KPP, a payer account seen before, a phone or a name in the purpose.

Every clue is evidence of a strength; the strongest customer wins, and two customers with the
same top strength are a tie that a person must resolve.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from omnidesk.core.enums import CustomerKind

from .index import CustomerIndex
from .model import BankLine, CustomerId
from .purpose import PurposeFacts
from .text import digits_only, fold, is_transit_account, name_key, name_tokens, stem, words


class Strength(enum.IntEnum):
    NONE = 0
    WEAK = 1  # initials, a company's name: a hint only
    MEDIUM = 2  # a person's full name
    STRONG = 3  # INN, a known payer account, a phone


@dataclass(frozen=True)
class Identity:
    customer_id: CustomerId | None
    strength: Strength
    reasons: tuple[str, ...]
    candidates: dict[CustomerId, Strength]  # everyone with evidence, the winner too
    transit: bool
    evidence: dict[CustomerId, tuple[str, ...]]

    @property
    def tied(self) -> bool:
        return self.customer_id is None and bool(self.candidates)

    def strength_of(self, customer_id: CustomerId) -> Strength:
        return self.candidates.get(customer_id, Strength.NONE)


_INITIALS = re.compile(r"([А-ЯЁ][а-яё]+)\s+([А-ЯЁ])\.\s*([А-ЯЁ])\.?|([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+)\s+([А-ЯЁ])\.")


class _Evidence:
    def __init__(self) -> None:
        self.strength: dict[CustomerId, Strength] = {}
        self.reasons: dict[CustomerId, list[str]] = {}

    def add(self, ids: tuple[CustomerId, ...] | list[CustomerId], strength: Strength, reason: str) -> None:
        for customer_id in ids:
            if strength > self.strength.get(customer_id, Strength.NONE):
                self.strength[customer_id] = strength
            self.reasons.setdefault(customer_id, [])
            if reason not in self.reasons[customer_id]:
                self.reasons[customer_id].append(reason)


def is_transit(line: BankLine, facts: PurposeFacts) -> bool:
    """Money that came through a bank's transit account: the payer fields name the bank."""
    if is_transit_account(line.payer_account):
        return True
    return facts.sbp and "банк" in fold(line.payer_name)


def identify(line: BankLine, facts: PurposeFacts, index: CustomerIndex) -> Identity:
    evidence = _Evidence()
    transit = is_transit(line, facts)
    if not transit:
        _by_inn(line, index, evidence)
        owners = index.account_owner(line.payer_account) if line.payer_account else ()
        evidence.add(owners, Strength.STRONG if len(owners) == 1 else Strength.WEAK, "счёт плательщика уже встречался")
        _by_payer_name(line, index, evidence)
    _by_purpose(line.purpose, facts, index, evidence)
    return _verdict(evidence, transit)


def _by_inn(line: BankLine, index: CustomerIndex, evidence: _Evidence) -> None:
    inn = digits_only(line.payer_inn)
    ids = index.by_inn.get(inn, []) if inn and set(inn) != {"0"} else []
    if len(ids) == 1:
        same_kpp = line.payer_kpp and index.by_id[ids[0]].kpp == line.payer_kpp
        evidence.add(ids, Strength.STRONG, "ИНН и КПП совпали" if same_kpp else "ИНН совпал")
        return
    by_kpp = [i for i in ids if line.payer_kpp and index.by_id[i].kpp == line.payer_kpp]
    if len(by_kpp) == 1:
        evidence.add(by_kpp, Strength.STRONG, "ИНН и КПП совпали")
    elif ids:
        evidence.add(ids, Strength.WEAK, "ИНН есть у нескольких клиентов")


def _name_strength(customer_id: CustomerId, line: BankLine, index: CustomerIndex, base: Strength) -> Strength:
    customer = index.by_id[customer_id]
    payer_inn = digits_only(line.payer_inn)
    if payer_inn and customer.inn and digits_only(customer.inn) != payer_inn:
        return Strength.NONE  # same name, another legal entity or person
    if customer.kind is not CustomerKind.INDIVIDUAL:
        return Strength.WEAK  # companies are identified by INN, a name alone is a hint
    return base


def _add_names(ids: tuple[CustomerId, ...], base: Strength, reason: str, line: BankLine, index: CustomerIndex, evidence: _Evidence) -> None:
    if len(ids) != 1:
        return  # namesakes tell nothing
    (customer_id,) = ids
    strength = _name_strength(customer_id, line, index, base)
    if strength:
        evidence.add(ids, strength, reason)


def _by_payer_name(line: BankLine, index: CustomerIndex, evidence: _Evidence) -> None:
    tokens = name_tokens(line.payer_name)
    if not tokens:
        return
    full = index.by_name.get(name_key(tokens), ())
    _add_names(full, Strength.MEDIUM, "имя плательщика совпало", line, index, evidence)
    if not full and len(tokens) == 3:
        initials = index.by_initials.get(" ".join(tokens), ())
        _add_names(initials, Strength.WEAK, "фамилия и инициалы плательщика совпали", line, index, evidence)


def _by_purpose(purpose: str, facts: PurposeFacts, index: CustomerIndex, evidence: _Evidence) -> None:
    for phone in facts.phones:
        ids = index.by_phone.get(phone, ())
        if len(ids) == 1:
            evidence.add(ids, Strength.STRONG, "телефон в назначении")
    for inn in facts.inns:
        by_inn = index.by_inn.get(inn, [])
        if len(by_inn) == 1:
            evidence.add(by_inn, Strength.STRONG, "ИНН в назначении")
    known = index.stem_words
    tokens = [w if w in known else "" for w in map(stem, words(purpose))]
    for size, strength in ((3, Strength.MEDIUM), (2, Strength.WEAK)):
        for start in range(len(tokens) - size + 1):
            window = tokens[start:start + size]
            if not all(window):
                continue
            ids = index.by_stem_name.get(" ".join(sorted(window)), ())
            if len(ids) == 1 and index.by_id[next(iter(ids))].kind is CustomerKind.INDIVIDUAL:
                evidence.add(ids, strength, "ФИО в назначении" if size == 3 else "имя в назначении")
    for match in _INITIALS.finditer(purpose):
        ids = _by_initials(match, index)
        if len(ids) == 1:
            evidence.add(ids, Strength.WEAK, "фамилия и инициалы в назначении")


def _by_initials(match: re.Match[str], index: CustomerIndex) -> tuple[CustomerId, ...]:
    parts = [fold(part) for part in match.groups() if part]
    ids = index.by_initials.get(" ".join(parts), ())
    if not ids and len(parts) == 3 and len(parts[1]) == 1:  # «за Петрова Р.С.»: the surname in another case
        ids = index.by_stem_initials.get(f"{stem(parts[0])} {parts[1]} {parts[2]}", ())
    return ids


def _verdict(evidence: _Evidence, transit: bool) -> Identity:
    reasons_prefix = ("платёж через транзитный счёт банка",) if transit else ()
    every = {c: reasons_prefix + tuple(r) for c, r in evidence.reasons.items()}
    if not evidence.strength:
        return Identity(None, Strength.NONE, reasons_prefix, {}, transit, every)
    top = max(evidence.strength.values())
    leaders = [c for c, s in evidence.strength.items() if s == top]
    if len(leaders) > 1:
        return Identity(None, Strength.NONE, reasons_prefix, dict(evidence.strength), transit, every)
    winner = leaders[0]
    reasons = reasons_prefix + tuple(evidence.reasons[winner])
    return Identity(winner, top, reasons, dict(evidence.strength), transit, every)


def words_looked_up(lines: Iterable[BankLine]) -> set[str]:
    """Every word, and its stem, by which identification may look a customer's name up in these lines:
    the payer's name and the purpose as words, and the surnames and initials the purpose writes with
    capitals (a name with none of them cannot be reached by these lines)."""
    found: set[str] = set()
    for line in lines:
        for text in (line.payer_name, line.purpose):
            found.update(words(text))
        for match in _INITIALS.finditer(line.purpose):
            found.update(fold(part) for part in match.groups() if part)
    found.update([stem(word) for word in found])
    return found
