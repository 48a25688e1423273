"""Indexes built once per matching run: customers by INN, account, phone and name; orders by
number, customer and amount. Dues change as lines are applied within the run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter

from omnidesk.core.phones import normalise_any_phone

from .model import CustomerId, KnownCustomer, OpenOrder
from .text import digits_only, is_transit_account, name_key, name_tokens, stem, stem_key

Ids = tuple[CustomerId, ...]  # tuples, not sets: a set costs 216 bytes, and there are 100 000 customers


def _put(index: dict[str, Ids], key: str, customer_id: CustomerId) -> None:
    ids = index.get(key, ())
    if customer_id not in ids:
        index[key] = (*ids, customer_id)


class CustomerIndex:
    def __init__(self, customers: Iterable[KnownCustomer]) -> None:
        self.by_id: dict[CustomerId, KnownCustomer] = {}
        self.by_inn: dict[str, list[CustomerId]] = defaultdict(list)
        self.by_account: dict[str, Ids] = {}
        self.by_phone: dict[str, Ids] = {}
        self.by_name: dict[str, Ids] = {}  # full name, order-free
        self.by_initials: dict[str, Ids] = {}  # «петрова а с», «анна сергеевна п»
        self.name_words: set[str] = set()  # every word of a person's name: purpose windows are checked only on these
        # the same by word stems, for names written in the purpose in another grammatical case
        self.by_stem_name: dict[str, Ids] = {}
        self.by_stem_initials: dict[str, Ids] = {}
        self.stem_words: set[str] = set()
        for customer in customers:
            self._add(customer)

    def _add(self, customer: KnownCustomer) -> None:
        self.by_id[customer.id] = customer
        if customer.inn:
            self.by_inn[digits_only(customer.inn)].append(customer.id)
        for account in customer.payer_accounts:
            if account and not is_transit_account(account):
                _put(self.by_account, digits_only(account), customer.id)
        for phone in customer.phones:
            normalized = normalise_any_phone(phone)
            if normalized:
                _put(self.by_phone, normalized, customer.id)
        for name in (customer.name, *customer.names):
            self._add_name(customer.id, name_tokens(name))

    def _add_name(self, customer_id: CustomerId, tokens: tuple[str, ...]) -> None:
        if len(tokens) < 2:
            if tokens and len(tokens[0]) >= 4:
                _put(self.by_name, tokens[0], customer_id)  # a company's single distinctive word
            return
        _put(self.by_name, name_key(tokens), customer_id)
        self.name_words.update(tokens)
        _put(self.by_stem_name, stem_key(tokens), customer_id)
        self.stem_words.update(stem(t) for t in tokens)
        if len(tokens) == 3:
            surname, first, patronymic = tokens
            _put(self.by_initials, f"{surname} {first[0]} {patronymic[0]}", customer_id)
            _put(self.by_initials, f"{first} {patronymic} {surname[0]}", customer_id)
            _put(self.by_stem_initials, f"{stem(surname)} {first[0]} {patronymic[0]}", customer_id)

    def account_owner(self, account: str) -> Ids:
        return self.by_account.get(digits_only(account), ())


class OrderBook:
    """Open orders with their current dues; applying a line lowers them for the next lines."""

    def __init__(self, orders: Iterable[OpenOrder]) -> None:
        by_number: dict[str, OpenOrder] = {}
        due: dict[str, int] = {}
        by_customer: dict[CustomerId, list[OpenOrder]] = defaultdict(list)
        by_amount: dict[int, list[str]] = defaultdict(list)
        for order in orders:
            number = order.number
            if number in by_number:
                raise ValueError(f"order number {number!r} is not unique")
            by_number[number] = order
            due[number] = order.due
            by_customer[order.customer_id].append(order)
            by_amount[order.due].append(number)
        oldest_first = attrgetter("date", "number")
        for listed in by_customer.values():
            if len(listed) > 1:
                listed.sort(key=oldest_first)
        self.by_number, self.due, self.by_customer, self.by_amount = by_number, due, by_customer, by_amount
        lengths = set(map(len, filter(str.isdigit, by_number)))
        self.number_lengths = (min(lengths), max(lengths)) if lengths else (0, 0)

    def open_orders(self, customer_id: CustomerId) -> list[OpenOrder]:
        """The customer's orders still owing money, oldest first."""
        return [o for o in self.by_customer.get(customer_id, ()) if self.due[o.number] > 0]

    def is_open(self, number: str) -> bool:
        return self.due.get(number, 0) > 0

    def with_due(self, amount: int) -> list[OpenOrder]:
        """Open orders of any customer owing exactly ``amount`` now."""
        numbers = self.by_amount.get(amount, ())
        return [self.by_number[n] for n in numbers if self.due[n] == amount]

    def pay(self, number: str, amount: int) -> None:
        self.due[number] -= amount
        if self.due[number] > 0:
            self.by_amount[self.due[number]].append(number)
