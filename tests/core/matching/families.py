"""The families of issue 15 in the labelled corpus: each ≥ 10 lines in varied accountant wording.

Lines an accountant would ask about (``certain=False``): a number that is no order of ours (a digit
missing, extra, wrong or swapped); named orders the money does not cover; named orders one of which is
already paid; a supplier's refund naming a customer's order; an invoice number we never issued.
Lines she books without asking: a part of an order paid through SBP with the person named (in any
grammatical case); a known customer paying another customer's order with the exact due.

The phrasings are templates with {n} (order number), {a} {b} (two order numbers), {d} (a date),
{k} (a foreign invoice number), {who} (a person's name in the case the template needs) filled in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FAMILY_SIZE = 12


@dataclass(frozen=True)
class Phrases:
    unknown_number: tuple[str, ...] = (
        "Оплата по счету № {n} от {d}", "Оплата заказа {n}", "опл. по сч. {n}", "Оплата за товар по заказу №{n}, без НДС",
        "Заказ {n}. Оплата полностью", "По счёту {n} за смесители", "Предоплата по счету {n}", "оплата зак {n}",
        "Счет {n} от {d} оплата", "Оплата по заказу N {n} НДС не облагается", "Оплата по сч.№{n} за сантехнику",
    )
    under_named: tuple[str, ...] = (
        "Частичная оплата по заказам {a} и {b}", "Оплата заказов {a}, {b}", "Оплата по счетам {a}, {b} (частично)",
        "Аванс по заказам {a}/{b}", "Предоплата 50% по счетам № {a}, № {b}", "Оплата по сч. {a}, {b} от {d}",
        "В счёт оплаты заказов {a} и {b}", "Оплата зак. {a}+{b}", "частичная оплата сч.{a},{b}",
        "Оплата заказов №{a} №{b}, часть",
    )
    refund: tuple[str, ...] = (
        "Возврат оплаты по счету № {n} от {d} в связи с отсутствием товара", "Возврат денежных средств по заказу {n}",
        "Возврат излишне уплаченных средств по счету {n}", "Возврат аванса по сч. {n}, поставка отменена",
        "Возврат предоплаты за товар по заказу №{n}", "Возврат ошибочно перечисленных денежных средств, счет {n}",
        "Возвращаем оплату по счету {n} - товар снят с производства", "Возврат по претензии, заказ {n}",
        "Возврат д/с по п/п 512, сч. {n}", "Возврат средств за недопоставленный товар (заказ {n})",
    )
    supplier_other: tuple[str, ...] = (
        "Перечисление по акту сверки, сч. {n}", "Оплата по счету {n} согласно акту взаимозачета",
    )
    foreign_invoice: tuple[str, ...] = (
        "Оплата по счету № {k} от {d}", "Оплата по сч. № {k}", "По счёту №{k} за материалы",
        "Оплата по счету на оплату № {k} от {d}, НДС 22%", "Оплата счета {k}", "Предоплата по счету № {k}",
        "Счет №{k} от {d}г. оплата", "оплата сч.{k}", "Оплата по счёту-договору № {k}", "По счету N {k} за сантехнику",
    )
    sbp_partial: tuple[str, ...] = (
        "Предоплата по заказу {n} от {who:gen}", "Перевод СБП. Отправитель: {who:nom}. Частичная оплата заказа {n}",
        "Оплата части заказа №{n}, плательщик {who:nom}", "Аванс по заказу {n} от {who:gen_initials}",
        "Платеж по QR-коду СБП от {who:nom}, зак. {n}, предоплата", "Внесение предоплаты {who:gen} по заказу {n}",
        "{who:nom}: предоплата 50% по заказу {n}", "Перевод по СБП от {who:upper}. Предоплата за заказ {n}",
        "Оплата по заказу {n} (частично) от {who:gen}", "Частичная оплата заказа № {n} от {who:gen}",
    )
    pays_for_other: tuple[str, ...] = (
        "Оплата заказа {n} за {who:acc_initials}", "Оплата по заказу {n} за {who:acc}", "Оплата заказа №{n} (за {who:acc})",
        "Оплачиваю заказ {n} за {who:acc}", "Заказ {n}, оплата за {who:acc_initials}", "оплата за {who:acc}, заказ {n}",
        "Оплата заказа {n}, получатель {who:nom}", "Оплата заказа {n} для {who:gen}", "За {who:acc_initials} оплата заказа {n}",
        "Оплата по счету {n} за {who:acc_initials} НДС не облагается",
    )


FIRST_GEN = {"Анна": "Анны", "Мария": "Марии", "Елена": "Елены", "Ольга": "Ольги", "Наталья": "Натальи",
             "Татьяна": "Татьяны", "Ирина": "Ирины", "Светлана": "Светланы", "Сергей": "Сергея", "Андрей": "Андрея",
             "Дмитрий": "Дмитрия", "Алексей": "Алексея", "Игорь": "Игоря", "Павел": "Павла", "Николай": "Николая",
             "Михаил": "Михаила"}
FIRST_ACC = {"Анна": "Анну", "Мария": "Марию", "Елена": "Елену", "Ольга": "Ольгу", "Наталья": "Наталью",
             "Татьяна": "Татьяну", "Ирина": "Ирину", "Светлана": "Светлану"}


def declined(person: tuple[str, str, str], case: str) -> str:
    """The person's name as an accountant writes it in a purpose: nominative, genitive, accusative, initials."""
    surname, first, patronymic = person
    female = patronymic.endswith("на")
    if case in ("nom", "upper"):
        text = f"{surname} {first} {patronymic}"
        return text.upper() if case == "upper" else text
    if case.startswith("gen"):
        s = surname[:-1] + "ой" if female else surname + "а"
        f, p = FIRST_GEN[first], (patronymic[:-1] + "ы" if female else patronymic + "а")
    else:  # accusative
        s = surname[:-1] + "у" if female else surname + "а"
        f = FIRST_ACC.get(first, first) if female else FIRST_GEN[first]
        p = patronymic[:-1] + "у" if female else patronymic + "а"
    if case.endswith("initials"):
        return f"{s} {first[0]}.{patronymic[0]}."
    return f"{s} {f} {p}"


def fill(template: str, person: tuple[str, str, str] | None = None, **values: str) -> str:
    text = template
    if person is not None:
        for case in ("gen_initials", "acc_initials", "nom", "gen", "acc", "upper"):
            text = text.replace("{who:" + case + "}", declined(person, case))
    return text.format(**values)


def mutate(number: str, how: str, rnd) -> str:
    i = rnd.randrange(len(number))
    if how == "missing":
        return number[:i] + number[i + 1:]
    if how == "extra":
        return number[:i] + rnd.choice("0123456789") + number[i:]
    if how == "wrong":
        return number[:i] + str((int(number[i]) + rnd.randint(1, 9)) % 10) + number[i + 1:]
    j = min(i, len(number) - 2)
    return number[:j] + number[j + 1] + number[j] + number[j + 2:]


def families(g, corpus_module, phrases: Phrases = Phrases()) -> None:
    """Append every family to the corpus of the generator ``g`` (labelled_corpus._Gen)."""
    Truth = corpus_module.Truth
    rnd = g.rnd
    day = (corpus_module.START + dt.timedelta(days=len(g.corpus.lines) // 40)).strftime("%d.%m.%Y")
    people = [c.id for c in g.corpus.customers if c.id.startswith("p") and c.id != "p0"]
    firms = [c.id for c in g.corpus.customers if c.id[0] in "ct"]
    known_account = {c.id for c in g.corpus.customers if c.payer_accounts}

    def identified(cid: str) -> bool:
        return cid in firms or cid in known_account

    def pick(pool, need=1):
        for _ in range(200):
            cid = rnd.choice(pool)
            if len(g.open_orders(cid)) >= need:
                return cid
        raise RuntimeError("no customer with enough open orders")

    def count(family: str) -> int:
        return sum(1 for s in g.corpus.scenarios if s == family)

    while count("unknown_number") < FAMILY_SIZE:  # the trap: the amount is exactly the meant order's due
        cid = pick([c for c in people + firms if identified(c)])
        order = rnd.choice(g.open_orders(cid))
        written = mutate(order.number, rnd.choice(["missing", "extra", "wrong", "swap"]), rnd)
        if written in g.due or written == order.number:
            continue
        amount = g.due[order.number]
        purpose = fill(rnd.choice(phrases.unknown_number), n=written, d=day)
        g.add("unknown_number", {"amount": amount, "purpose": purpose, **g.payer(cid)},
              Truth(cid, ((order.number, amount),), certain=False))

    while count("under_named") < FAMILY_SIZE:
        cid = pick(people + firms, need=2)
        a, b = rnd.sample(g.open_orders(cid), 2)
        total = g.due[a.number] + g.due[b.number]
        amount = total - max(100, min(g.due[a.number], g.due[b.number]) // rnd.choice([2, 3, 4]))
        if amount in (g.due[a.number], g.due[b.number]) or amount <= 0:
            continue
        purpose = fill(rnd.choice(phrases.under_named), a=a.number, b=b.number, d=day)
        g.add("under_named", {"amount": amount, "purpose": purpose, **g.payer(cid)}, Truth(cid, (), amount, certain=False))

    while count("named_one_paid") < FAMILY_SIZE:
        cid = pick([c for c in people + firms if identified(c)], need=2)
        a, b = rnd.sample(g.open_orders(cid), 2)
        due_a, due_b = g.due[a.number], g.due[b.number]
        g.add("refs_exact", {"amount": due_a, "purpose": corpus_module.ref_text(rnd, [a.number], corpus_module.START),
                             **g.payer(cid)}, Truth(cid, ((a.number, due_a),)))
        purpose = fill(rnd.choice(phrases.under_named[1:2] + phrases.unknown_number[:1]).replace("{n}", "{a}, {b}"),
                       a=a.number, b=b.number, d=day)
        g.add("named_one_paid", {"amount": due_a + due_b, "purpose": purpose, **g.payer(cid)},
              Truth(cid, ((b.number, due_b),), due_a, certain=False))

    suppliers = []
    while count("supplier_refund") < FAMILY_SIZE:
        owner = pick(people + firms)
        order = rnd.choice(g.open_orders(owner))
        inn, account = g.digits(10), "40702810" + g.digits(12)
        known = rnd.random() < 0.5
        if known:
            suppliers.append(inn)
        template = rnd.choice(phrases.refund + (phrases.supplier_other if known else ()))
        name = rnd.choice(['ООО "ТрубоПоставка"', 'АО "Сантехкомплект"', 'ООО "ТД Акватерм"', 'ООО "Росскат"', 'ООО "ВодоПрибор"'])
        g.add("supplier_refund", {"amount": g.due[order.number], "purpose": fill(template, n=order.number, d=day),
                                  "payer_name": name, "payer_inn": inn, "payer_account": account}, Truth(None, certain=False))
    g.corpus.suppliers = tuple(suppliers)

    while count("foreign_invoice") < FAMILY_SIZE:
        cid = f"x{count('foreign_invoice')}"
        customer = g.company(cid, trader=False)
        g.corpus.customers.append(customer)
        firms.append(cid)
        if rnd.random() < 0.5:
            g.order(cid)
        orders = g.open_orders(cid)
        amount = g.due[orders[0].number] if orders else rnd.randint(1000, 500000) * 100
        k = str(rnd.choice([rnd.randint(1, 99), rnd.randint(100, 999), rnd.randint(1000, 3000)]))
        purpose = fill(rnd.choice(phrases.foreign_invoice), k=k, d=day)
        g.add("foreign_invoice", {"amount": amount, "purpose": purpose, **g.payer(cid)}, Truth(cid, (), amount, certain=False))

    while count("sbp_partial") < FAMILY_SIZE:
        cid = pick(people)
        order = rnd.choice(g.open_orders(cid))
        due = g.due[order.number]
        amount = rnd.choice([due // 2, due * 3 // 10, min(due - 100, 500000)])
        if amount <= 0 or amount >= due:
            continue
        purpose = fill(rnd.choice(phrases.sbp_partial), g.persons[cid], n=order.number)
        bank = rnd.choice([corpus_module.BANK, ('АО "ТИНЬКОФФ БАНК"', "7710140679"), ('АО "АЛЬФА-БАНК"', "7728168971")])
        g.add("sbp_partial", {"amount": amount, "purpose": purpose, "payer_name": bank[0], "payer_inn": bank[1],
                              "payer_account": "30232810" + g.digits(12)}, Truth(cid, ((order.number, amount),)))

    while count("pays_for_other") < FAMILY_SIZE:
        payer = rnd.choice(people)
        owner = pick([p for p in people if p != payer])
        if g.persons[owner][0][:5] == g.persons[payer][0][:5]:
            continue
        order = rnd.choice(g.open_orders(owner))
        amount = g.due[order.number]
        purpose = fill(rnd.choice(phrases.pays_for_other), g.persons[owner], n=order.number)
        g.add("pays_for_other", {"amount": amount, "purpose": purpose, **g.payer(payer)}, Truth(owner, ((order.number, amount),)))

