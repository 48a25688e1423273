"""A deterministic, labelled set of realistic incoming transfers for the matching tests.

Every line carries the truth — who really paid and how the money should be booked — so the
tests can measure the precision of automatic allocations and the share matched automatically.
Lines must be matched in the order given: earlier payments lower the dues of later ones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from omnidesk.core.enums import CustomerKind
from omnidesk.core.matching import BankLine, KnownCustomer, OpenOrder

SURNAMES = ["Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов",
            "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв"]
FIRST = [("Анна", "Сергей"), ("Мария", "Андрей"), ("Елена", "Дмитрий"), ("Ольга", "Алексей"), ("Наталья", "Игорь"),
         ("Татьяна", "Павел"), ("Ирина", "Николай"), ("Светлана", "Михаил")]
PATRONYMIC = [("Сергеевна", "Сергеевич"), ("Андреевна", "Андреевич"), ("Игоревна", "Игоревич"), ("Олеговна", "Олегович"),
              ("Петровна", "Петрович"), ("Викторовна", "Викторович")]
COMPANIES = ["СантехМонтаж", "АкваСтрой", "ТеплоДом", "Гидромастер", "ВодоКанал-Сервис", "СтройРесурс", "Термотех",
             "КомфортИнжиниринг", "Альфа-Климат", "ИнжСети", "ЭкоВода", "МонтажПрофи", "ПромТрубы", "Домострой"]
BANK = ("ПАО СБЕРБАНК", "7707083893")
START = dt.date(2025, 3, 10)


@dataclass(frozen=True)
class Truth:
    """How a careful accountant books the line. ``certain=False``: she would ask first (the matcher must
    send it to review); ``customer_id``/``allocations`` are then what she would book after asking, if known."""

    customer_id: str | None
    allocations: tuple[tuple[str, int], ...] = ()
    advance: int = 0
    certain: bool = True


@dataclass
class Corpus:
    customers: list[KnownCustomer] = field(default_factory=list)
    orders: list[OpenOrder] = field(default_factory=list)
    lines: list[BankLine] = field(default_factory=list)
    truths: list[Truth] = field(default_factory=list)
    scenarios: list[str] = field(default_factory=list)
    suppliers: tuple[str, ...] = ()  # INNs of companies we buy from


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.corpus = Corpus()
        self.due: dict[str, int] = {}
        self.by_customer: dict[str, list[OpenOrder]] = {}
        self.numbers = self.rnd.sample(range(10000, 99999), 3000)
        self.persons: dict[str, tuple[str, str, str]] = {}
        self.accounts: dict[str, str] = {}
        self.phone: dict[str, str] = {}

    # --- customers and orders -------------------------------------------------------------
    def digits(self, n: int) -> str:
        return "".join(self.rnd.choice("0123456789") for _ in range(n))

    def person(self, cid: str) -> KnownCustomer:
        female = self.rnd.random() < 0.5
        surname = self.rnd.choice(SURNAMES) + ("а" if female else "")
        first = self.rnd.choice(FIRST)[0 if female else 1]
        patronymic = self.rnd.choice(PATRONYMIC)[0 if female else 1]
        self.persons[cid] = (surname, first, patronymic)
        phone = "79" + self.digits(9)
        self.phone[cid] = phone
        self.accounts[cid] = "40817810" + self.digits(12)
        known = (self.accounts[cid],) if self.rnd.random() < 0.3 else ()
        return KnownCustomer(cid, CustomerKind.INDIVIDUAL, f"{surname} {first} {patronymic}", phones=(f"+{phone}",), payer_accounts=known)

    def company(self, cid: str, trader: bool) -> KnownCustomer:
        if trader:
            surname, first, patronymic = self.rnd.choice(SURNAMES), *[p[1] for p in (self.rnd.choice(FIRST), self.rnd.choice(PATRONYMIC))]
            self.persons[cid] = (surname, first, patronymic)
            name, inn, kpp = f"ИП {surname} {first} {patronymic}", self.digits(12), ""
            self.accounts[cid] = "40802810" + self.digits(12)
            kind = CustomerKind.SOLE_TRADER
        else:
            name, inn, kpp = f'ООО "{self.rnd.choice(COMPANIES)}"', self.digits(10), self.digits(4) + "01001"
            self.accounts[cid] = "40702810" + self.digits(12)
            kind = CustomerKind.COMPANY
        self.accounts[cid + ":inn"] = inn
        self.accounts[cid + ":kpp"] = kpp
        return KnownCustomer(cid, kind, name, inn=inn, kpp=kpp)

    def order(self, cid: str, amount: int | None = None) -> OpenOrder:
        number = str(self.numbers.pop())
        total = amount or self.rnd.choice([self.rnd.randint(15, 3000) * 1000, self.rnd.randint(150000, 30000000)])
        due = total if self.rnd.random() < 0.85 or amount else total - total // 2
        date = START - dt.timedelta(days=self.rnd.randint(1, 40))
        order = OpenOrder(number, cid, date, due, total)
        self.corpus.orders.append(order)
        self.due[number] = due
        self.by_customer.setdefault(cid, []).append(order)
        return order

    def build_customers(self) -> None:
        for i in range(130):
            self.corpus.customers.append(self.person(f"p{i}"))
        for i in range(50):
            self.corpus.customers.append(self.company(f"c{i}", trader=False))
        for i in range(25):
            self.corpus.customers.append(self.company(f"t{i}", trader=True))
        for customer in self.corpus.customers:
            for _ in range(self.rnd.choice([1, 1, 2, 2, 3, 4])):
                self.order(customer.id)
        self.corpus.customers.append(self.person("twin"))  # a namesake of p0
        self.persons["twin"] = self.persons["p0"]
        twin = self.corpus.customers[-1]
        self.corpus.customers[-1] = KnownCustomer("twin", twin.kind, " ".join(self.persons["p0"]), phones=twin.phones)

    # --- helpers for lines ----------------------------------------------------------------
    def open_orders(self, cid: str) -> list[OpenOrder]:
        return sorted((o for o in self.by_customer.get(cid, []) if self.due[o.number] > 0), key=lambda o: (o.date, o.number))

    def add(self, scenario: str, line: dict, truth: Truth) -> None:
        index = len(self.corpus.lines)
        self.corpus.lines.append(BankLine(line_id=f"L{index:03d}", date=START + dt.timedelta(days=index // 40), **line))
        self.corpus.truths.append(truth)
        self.corpus.scenarios.append(scenario)
        for number, amount in truth.allocations:
            self.due[number] -= amount

    def pay(self, orders: list[OpenOrder], amount: int) -> tuple[tuple[str, int], ...]:
        out, left = [], amount
        for order in sorted(orders, key=lambda o: (o.date, o.number)):
            if left <= 0:
                break
            paid = min(left, self.due[order.number])
            out.append((order.number, paid))
            left -= paid
        return tuple(out)

    def payer(self, cid: str) -> dict:
        if cid.startswith("p") or cid == "twin":
            return {"payer_name": " ".join(self.persons[cid]), "payer_account": self.accounts[cid]}
        customer = next(c for c in self.corpus.customers if c.id == cid)
        prefix = f"ИНН {customer.inn} " if self.rnd.random() < 0.5 else ""
        return {"payer_name": prefix + customer.name, "payer_inn": customer.inn, "payer_kpp": customer.kpp,
                "payer_account": self.accounts[cid]}


def money_text(kopecks: int, style: str) -> str:
    rub, kop = divmod(kopecks, 100)
    if style == "dash":
        return f"{rub}-{kop:02d}"
    if style == "space":
        return f"{rub:,}".replace(",", " ") + f",{kop:02d} руб."
    return f"{rub}.{kop:02d}"


def ref_text(rnd: random.Random, numbers: list[str], when: dt.date) -> str:
    d = when.strftime("%d.%m.%Y")
    if len(numbers) == 1:
        (n,) = numbers
        forms = [f"Оплата заказа №{n}", f"Оплата по счету № {n} от {d}", f"опл. зак.{n}", f"по сч. {n} от {d[:5]}",
                 f"Оплата по счёту {n}", f"Оплта закза {n}", f"Счет№{n} оплата", f"за заказ N{n}", f"оплата по заказу # {n}",
                 f"Предоплата по сч.{n} от {d}", f"Оплата за сантехнику, заказ {n}"]
        return rnd.choice(forms)
    head, last = ", ".join(numbers[:-1]), numbers[-1]
    forms = [f"Оплата по счетам {head} и {last}", f"заказы {', '.join(numbers)}", "/".join(numbers),
             f"Оплата заказов №{head}, №{last}", f"по сч. {','.join(numbers)} от {d[:5]}", f"Оплата: зак. {' и '.join(numbers)}"]
    return rnd.choice(forms)


def tail_text(rnd: random.Random, amount: int, company: bool) -> str:
    vat = amount * 20 // 120
    forms = [". НДС не облагается", f". Сумма {money_text(amount, 'dash')}, в т.ч. НДС (20%) {money_text(vat, 'dash')}",
             f", в т.ч. НДС 22% - {money_text(amount * 22 // 122, 'dot')}", " без НДС", f" на сумму {money_text(amount, 'space')}",
             f". Сумма {amount // 100}", ""]
    return rnd.choice(forms if company else forms[:1] + forms[3:] + [""])


def typo(number: str, rnd: random.Random) -> str:
    i = rnd.randrange(len(number) - 1)
    return number[:i] + number[i + 1] + number[i] + number[i + 2:] if number[i] != number[i + 1] else number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]


def scenarios(g: _Gen) -> None:
    rnd = g.rnd
    people = [c.id for c in g.corpus.customers if c.id.startswith("p")]
    firms = [c.id for c in g.corpus.customers if c.id[0] in "ct"]
    for _step in range(330):
        kind = rnd.choices(
            ["refs_exact", "refs_over", "refs_under", "amount_only", "sbp_phone", "sbp_name", "typo", "all_orders",
             "unrelated", "ambiguous_amount", "other_customer", "twice"],
            weights=[34, 8, 8, 12, 10, 6, 5, 4, 2, 2, 2, 1],
        )[0]
        cid = rnd.choice(people + firms)
        orders = g.open_orders(cid)
        if not orders and kind not in ("unrelated",):
            continue
        when = START + dt.timedelta(days=len(g.corpus.lines) // 40)
        company = cid[0] in "ct"
        if kind in ("refs_exact", "refs_over", "refs_under"):
            chosen = rnd.sample(orders, min(len(orders), rnd.choice([1, 1, 1, 2, 3])))
            total = sum(g.due[o.number] for o in chosen)
            amount = total + (rnd.choice([40000, 100, 150000]) if kind == "refs_over" else 0)
            if kind == "refs_under":
                amount = max(100, total - rnd.choice([100000, total // 2, 5000]))
                if len(chosen) > 1:
                    chosen = chosen[:1]
                    amount = max(100, g.due[chosen[0].number] // 2)
            purpose = ref_text(rnd, [o.number for o in chosen], when) + tail_text(rnd, amount, company)
            allocations = g.pay(chosen, amount)
            advance = amount - sum(a for _, a in allocations)
            g.add(kind, {"amount": amount, "purpose": purpose, **g.payer(cid)}, Truth(cid, allocations, advance))
        elif kind == "amount_only" and (company or any(cid == c.id and c.payer_accounts for c in g.corpus.customers)):
            order = rnd.choice(orders)
            if sum(1 for o in orders if g.due[o.number] == g.due[order.number]) > 1:
                continue
            purpose = rnd.choice(["Оплата за сантехническое оборудование", "Оплата по договору поставки", "Оплата товара",
                                  "Оплата за товар согласно счету", "Предоплата за товар. НДС не облагается"])
            amount = g.due[order.number]
            g.add(kind, {"amount": amount, "purpose": purpose, **g.payer(cid)}, Truth(cid, ((order.number, amount),)))
        elif kind in ("sbp_phone", "sbp_name") and not company:
            chosen = [rnd.choice(orders)]
            amount = g.due[chosen[0].number]
            surname, first, patronymic = g.persons[cid]
            phone = g.phone[cid]
            phone_text = rnd.choice([f"+{phone}", f"8 ({phone[1:4]}) {phone[4:7]}-{phone[7:9]}-{phone[9:]}", f"тел. 8-{phone[1:4]}-{phone[4:7]}-{phone[7:9]}-{phone[9:]}"])
            if kind == "sbp_phone":
                who = f"Перевод по СБП от {surname.upper()} {first.upper()} {patronymic.upper()}, {phone_text}."
            else:
                who = rnd.choice([f"Оплата по QR-коду СБП. Отправитель: {first} {patronymic} {surname[0]}.",
                                  f"Зачисление по операции СБП. {surname} {first[0]}.{patronymic[0]}."])
            purpose = f"{who} {ref_text(rnd, [o.number for o in chosen], when)}"
            line = {"amount": amount, "purpose": purpose, "payer_name": BANK[0], "payer_inn": BANK[1],
                    "payer_account": "30232810" + g.digits(12)}
            g.add(kind, line, Truth(cid, g.pay(chosen, amount)))
        elif kind == "typo" and company:
            order = rnd.choice(orders)
            amount = g.due[order.number]
            wrong = typo(order.number, rnd)
            if wrong in g.due or any(o.number != order.number and len(o.number) == len(wrong) and sum(a != b for a, b in zip(o.number, wrong, strict=False)) <= 2 for o in orders):
                continue
            purpose = ref_text(rnd, [wrong], when) + tail_text(rnd, amount, company)
            g.add(kind, {"amount": amount, "purpose": purpose, **g.payer(cid)}, Truth(cid, ((order.number, amount),), certain=False))
        elif kind == "all_orders" and company and len(orders) >= 2:
            amount = sum(g.due[o.number] for o in orders)
            g.add(kind, {"amount": amount, "purpose": "Оплата задолженности по счетам", **g.payer(cid)}, Truth(cid, g.pay(orders, amount)))
        elif kind == "unrelated":
            line = rnd.choice([
                {"purpose": "Возврат излишне перечисленных средств по п/п 123 от 01.03.2025", "payer_name": 'ООО "ТрубоПоставка"', "payer_inn": "7701234567", "payer_account": "40702810" + g.digits(12)},
                {"purpose": "Выплата процентов на остаток по счету за февраль 2025 г.", "payer_name": 'АО "ТЕСТБАНК"', "payer_inn": "7744556677", "payer_account": "47426810" + g.digits(12)},
                {"purpose": "Возмещение по страховому случаю № 4455-2025", "payer_name": 'СПАО "Страховщик"', "payer_inn": "7705042179", "payer_account": "40701810" + g.digits(12)},
            ])
            g.add(kind, {"amount": rnd.randint(1000, 900000), **line}, Truth(None, certain=False))
        elif kind == "ambiguous_amount" and company:
            amount = sum(g.due[o.number] for o in orders) // 3 + 777
            g.add(kind, {"amount": amount, "purpose": "Оплата по договору поставки", **g.payer(cid)}, Truth(cid, (), amount, certain=False))
        elif kind == "other_customer" and not company:
            other = rnd.choice([p for p in people if p != cid and g.open_orders(p)])
            order = g.open_orders(other)[0]
            amount = g.due[order.number]
            g.add(kind, {"amount": amount, "purpose": f"Оплата заказа {order.number} за {g.persons[other][0]} {g.persons[other][1][0]}.{g.persons[other][2][0]}.", **g.payer(cid)}, Truth(other, ((order.number, amount),)))
        elif kind == "twice":
            order = orders[0]
            amount = g.due[order.number]
            line = {"amount": amount, "purpose": ref_text(rnd, [order.number], when), **g.payer(cid)}
            g.add("refs_exact", line, Truth(cid, ((order.number, amount),)))
            g.add("twice", line, Truth(cid, (), amount, certain=False))  # paid again by mistake: a person decides


def _sibling(name: str):
    import importlib.util
    import sys
    from pathlib import Path

    key = f"omnidesk_tests_matching_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(__file__).parent / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def build(seed: int = 5, *, families: bool = True, phrases=None) -> Corpus:
    g = _Gen(seed)
    g.build_customers()
    scenarios(g)
    if families:
        module = _sibling("families")
        module.families(g, sys_module(), phrases or module.Phrases())
    return g.corpus


def sys_module():
    import sys

    return sys.modules[__name__]
