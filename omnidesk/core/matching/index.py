"""Indexes built once per matching run: customers by INN, account, phone and name; orders by
number, customer and amount. Dues change as lines are applied within the run."""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from omnidesk.core.enums import CustomerKind
from omnidesk.core.phones import normalise_any_phone

from .model import CustomerId, KnownCustomer, OpenOrder
from .text import digits_only, is_transit_account, name_key, name_tokens, stem

Ids = tuple[CustomerId, ...]


class Keys:
    """Text key → the customers it names. 33 000 customers give some 200 000 keys, so they are kept
    small: the key as cp1251 bytes (a Cyrillic ``str`` takes two bytes a letter) and a lone owner as
    its id rather than a one-element tuple. Lookups take and return what a ``dict[str, Ids]`` would."""

    __slots__ = ("_map",)

    def __init__(self) -> None:
        self._map: dict[bytes, CustomerId | Ids] = {}

    def put(self, key: str, customer_id: CustomerId) -> None:
        """Add an owner. A customer's keys are put together, so a repeated owner is always the last one.
        Several owners are a list while the index is built (thousands of namesakes share «иван петрович
        в»: a tuple copied at each one would cost their square) and a tuple after :meth:`freeze`."""
        packed = _pack(key)
        found = self._map.get(packed)
        if found is None:
            self._map[packed] = customer_id
        elif isinstance(found, list):
            if found[-1] != customer_id:
                found.append(customer_id)
        elif found != customer_id:
            self._map[packed] = [found, customer_id]  # type: ignore[assignment]

    def freeze(self) -> None:
        for packed, found in self._map.items():
            if isinstance(found, list):
                self._map[packed] = tuple(found)

    def get(self, key: str, default: Ids = ()) -> Ids:
        found = self._map.get(_pack(key))
        if found is None:
            return default
        return found if isinstance(found, tuple) else (found,)

    def __len__(self) -> int:
        return len(self._map)


def _pack(key: str) -> bytes:
    # the keys are folded letters, digits and spaces; anything cp1251 lacks is kept exactly as UTF-8 with a marker
    try:
        return key.encode("cp1251")
    except UnicodeEncodeError:
        return b"\x00" + key.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Card:
    """What matching reads of a customer once the names, phones and accounts are indexed."""

    kind: CustomerKind
    inn: str
    kpp: str


class CustomerIndex:
    """``words``: when given, only the names these words can reach are indexed by name — every word
    (and stem) the lines to match could look a name up by (:func:`.payer.words_looked_up`). A statement
    names few of 100 000 customers; the keys of the rest would only take time and memory."""

    def __init__(self, customers: Iterable[KnownCustomer], words: set[str] | None = None) -> None:
        self._words = words
        self._cards: dict[Card, Card] = {}
        self.by_id: dict[CustomerId, Card] = {}
        self.by_inn: dict[str, list[CustomerId]] = defaultdict(list)
        self.by_account = Keys()
        self.by_phone = Keys()
        self.by_name = Keys()  # full name, order-free
        self.by_initials = Keys()  # «петрова а с», «анна сергеевна п»
        # the same by word stems, for names written in the purpose in another grammatical case
        self.by_stem_name = Keys()
        self.by_stem_initials = Keys()
        self.stem_words: set[str] = set()  # every stem of a person's name: purpose windows are checked only on these
        for customer in customers:
            self._add(customer)
        self._words = None
        del self._cards
        for keys in (self.by_account, self.by_phone, self.by_name, self.by_initials, self.by_stem_name, self.by_stem_initials):
            keys.freeze()

    def _add(self, customer: KnownCustomer) -> None:
        card = Card(customer.kind, customer.inn, customer.kpp)
        self.by_id[customer.id] = self._cards.setdefault(card, card)  # every person without an INN shares one
        if customer.inn:
            self.by_inn[digits_only(customer.inn)].append(customer.id)
        for account in customer.payer_accounts:
            if account and not is_transit_account(account):
                self.by_account.put(digits_only(account), customer.id)
        for phone in customer.phones:
            normalized = normalise_any_phone(phone)
            if normalized:
                self.by_phone.put(normalized, customer.id)
        for name in (customer.name, *customer.names):
            self._add_name(customer.id, name_tokens(name))

    def _add_name(self, customer_id: CustomerId, tokens: tuple[str, ...]) -> None:
        """The keys of a name; with ``words`` given, a key only if every word it is looked up by is there."""
        reach = self._reaches
        if len(tokens) < 2:
            if tokens and len(tokens[0]) >= 4 and reach(tokens[0]):
                self.by_name.put(tokens[0], customer_id)  # a company's single distinctive word
            return
        if reach(*tokens):
            self.by_name.put(name_key(tokens), customer_id)
        stems = [stem(t) for t in tokens]
        if reach(*stems):
            self.by_stem_name.put(" ".join(sorted(stems)), customer_id)
            self.stem_words.update(stems)
        if len(tokens) == 3:
            surname, first, patronymic = tokens
            if reach(surname):
                self.by_initials.put(f"{surname} {first[0]} {patronymic[0]}", customer_id)
            if reach(first, patronymic):
                self.by_initials.put(f"{first} {patronymic} {surname[0]}", customer_id)
            if reach(stems[0]):
                self.by_stem_initials.put(f"{stems[0]} {first[0]} {patronymic[0]}", customer_id)

    def _reaches(self, *needed: str) -> bool:
        words = self._words
        return words is None or all(w in words for w in needed)

    def account_owner(self, account: str) -> Ids:
        return self.by_account.get(digits_only(account))


class OrderBook:
    """Open orders with their current dues; applying a line lowers them for the next lines.

    100 000 open orders are kept as columns sorted by number (a list of numbers, arrays of the
    rest), not as objects or dictionaries: an :class:`OpenOrder` is made when one is asked for.
    ``by_number`` and ``due`` read like the mappings they stand for. Orders given in number
    order (as the database reads them) are not sorted again."""

    def __init__(self, orders: Iterable[OpenOrder]) -> None:
        numbers: list[str] = []
        customers: list[CustomerId] = []
        day, due, total = array("l"), array("q"), array("q")
        ids: dict[CustomerId, CustomerId] = {}  # one object per customer id, not one per order
        in_order = True
        for order in orders:
            if numbers and order.number <= numbers[-1]:
                in_order = False
            numbers.append(order.number)
            customers.append(ids.setdefault(order.customer_id, order.customer_id))
            day.append(order.date.toordinal())
            due.append(order.due)
            total.append(order.total)
        if not in_order:
            by_number = sorted(range(len(numbers)), key=numbers.__getitem__)
            numbers = [numbers[p] for p in by_number]
            customers = [customers[p] for p in by_number]
            day, due, total = (array(a.typecode, (a[p] for p in by_number)) for a in (day, due, total))
            del by_number
        for previous, number in pairwise(numbers):
            if previous == number:
                raise ValueError(f"order number {number!r} is not unique")
        self._numbers, self._customer, self._day, self._due, self._total = numbers, customers, day, due, total
        # each customer's orders, oldest first (then by number): positions side by side, a range per customer
        self._by_customer = array("l", _grouped(customers, day))
        self._of_customer: dict[CustomerId, range] = {}
        begin = 0
        for i in range(1, len(self._by_customer) + 1):
            if i == len(self._by_customer) or customers[self._by_customer[i]] != customers[self._by_customer[begin]]:
                self._of_customer[customers[self._by_customer[begin]]] = range(begin, i)
                begin = i
        # positions by the due each order had at the start (bisect), and those whose due changed in this run
        self._by_first_due, self._first_dues = _by_due(due)
        self._changed: dict[int, list[int]] = defaultdict(list)
        lengths = {len(n) for n in numbers if n.isdigit()}
        self.number_lengths = (min(lengths), max(lengths)) if lengths else (0, 0)

    @property
    def due(self) -> _Dues:
        """What each order still owes, as a mapping (made at each use: a view kept on the book would tie the
        two in a cycle, and 100 000 orders would outlive the matcher until the cycle collector came by)."""
        return _Dues(self)

    @property
    def numbers(self) -> list[str]:
        """Every order's number, sorted (read only)."""
        return self._numbers

    def order(self, number: str) -> OpenOrder | None:
        """The order with this number, or None."""
        position = self._find(number)
        return None if position is None else self._order(position)

    def _find(self, number: str) -> int | None:
        position = bisect_left(self._numbers, number)
        return position if position < len(self._numbers) and self._numbers[position] == number else None

    def _order(self, position: int) -> OpenOrder:
        return OpenOrder(number=self._numbers[position], customer_id=self._customer[position],
                         date=_day(self._day[position]), due=self._due[position], total=self._total[position])

    def open_orders(self, customer_id: CustomerId) -> list[OpenOrder]:
        """The customer's orders still owing money, oldest first."""
        span = self._of_customer.get(customer_id, ())
        return [self._order(p) for p in map(self._by_customer.__getitem__, span) if self._due[p] > 0]

    def is_open(self, number: str) -> bool:
        position = self._find(number)
        return position is not None and self._due[position] > 0

    def with_due(self, amount: int) -> list[OpenOrder]:
        """Open orders of any customer owing exactly ``amount`` now (those that owed it from the start first)."""
        low = bisect_left(self._first_dues, amount)
        high = bisect_right(self._first_dues, amount, lo=low)
        positions = [*self._by_first_due[low:high], *self._changed.get(amount, ())]
        return [self._order(p) for p in positions if self._due[p] == amount]

    def pay(self, number: str, amount: int) -> None:
        position = self._find(number)
        if position is None:
            raise KeyError(number)
        self._due[position] -= amount
        if self._due[position] > 0:
            self._changed[self._due[position]].append(position)


def _argsort(keys: list[int]) -> list[int]:
    """Positions in the order of their keys (ties by position). Non-negative keys are sorted packed with
    their position into one int each, not as 100 000 tuples or a key function's results."""
    if keys and min(keys) < 0:
        return sorted(range(len(keys)), key=keys.__getitem__)
    shift = max(len(keys), 1).bit_length()
    mask = (1 << shift) - 1
    packed = sorted((key << shift) | position for position, key in enumerate(keys))
    return [k & mask for k in packed]


def _by_due(due: array) -> tuple[array, array]:
    """Positions sorted by due, and the dues in that order."""
    order = _argsort(list(due))
    return array("l", order), array("q", (due[p] for p in order))


def _grouped(customers: list[CustomerId], day: array) -> list[int]:
    """Positions (already in number order) sorted by customer, then day, then number."""
    if all(type(c) is int for c in customers):
        return _argsort([(c << 22) | day[p] for p, c in enumerate(customers)])  # type: ignore[operator]
    return sorted(range(len(customers)), key=lambda p: (type(customers[p]).__name__, customers[p], day[p], p))


@lru_cache(maxsize=4096)
def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


class _Dues(Mapping[str, int]):
    """``book.due``: what each order still owes after the lines matched so far."""

    __slots__ = ("_book",)

    def __init__(self, book: OrderBook) -> None:
        self._book = book

    def __getitem__(self, number: str) -> int:
        position = self._book._find(number)
        if position is None:
            raise KeyError(number)
        return self._book._due[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._book._numbers)

    def __len__(self) -> int:
        return len(self._book._numbers)
