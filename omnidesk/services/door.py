"""Receipts at the door: what each stop's driver prints, and reading the driver's register back.

A driver with a register of their own (its URL, serial and FN number on the driver's card)
fiscalises money taken at the door on it, at that moment and as themselves. The delivery's final
receipt is then owed *at the door* (``door_driver_id``): the office never prints it. When the driver
is back, :func:`read_register` reads every fiscal document since the last reading from the FN
archive, matches each to the receipt its stop owed, marks it printed with the driver's FD number
and fiscal sign, and turns every discrepancy into the correction receipt it owes (1173 = 0).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from omnidesk.core.enums import PaymentKind, PaymentSubject, ReceiptStatus
from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.core.money import format_amount
from omnidesk.core.receipts import (
    Correction,
    CorrectionType,
    Method,
    Operation,
    PlanLine,
    ReceiptPlan,
    as_correction,
    plan_correction,
)
from omnidesk.core.receipts.door import DoorReceipt, door_json, door_receipt, door_text
from omnidesk.core.receipts.units import unit_name
from omnidesk.core.vat import VatRate
from omnidesk.integrations.fiscal import ArchiveDocument, RegisterConnection, RegisterError, as_printed
from omnidesk.persistence.models import Customer, Driver, Order, Receipt, Route

from . import audit
from .auth import Actor, Role, require
from .ledger import state
from .receipts import plan_of, store_plans
from .uow import Database

NO_REGISTER_WARNING = ("у водителя нет своей ККТ: деньги у двери требуют чека в момент расчёта — "
                       "выдайте водителю ККТ или принимайте только предоплаченные заказы")


def fiscalises_at_door(driver: Driver | None) -> bool:
    """Per driver; by default whenever the driver has a register."""
    if driver is None:
        return False
    return driver.door_receipts if driver.door_receipts is not None else bool(driver.register_url)


# --- before the route leaves -------------------------------------------------------------
def door_for_order(session: Session, order: Order) -> DoorReceipt:
    buyer = session.get(Customer, order.customer_id)
    prepaid = state.paid(session, order.id)
    at_door = [PaymentKind.CASH] if state.kept(order) > prepaid else []
    owes = buyer is not None and state.money_owes_receipt(session, order.id, buyer.kind, *at_door)
    contact = state.contact_of(buyer) if buyer else None
    return door_receipt(state.order_snap(order), prepaid, contact=contact, owes_receipt=owes)


def door_texts(db: Database, order_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Route-sheet lines per order: the receipt to issue at the door and how refusals change it."""
    with db.read() as session:
        texts = {}
        for order_id in order_ids:
            order = session.get(Order, order_id)
            if order is not None and order.lines:
                texts[order_id] = door_text(door_for_order(session, order))
        return texts


def route_door_data(db: Database, route_id: int) -> dict:
    """The route as the driver's device gets it: each stop's receipt (kopecks, decimal-string quantities)."""
    with db.read() as session:
        route = session.get(Route, route_id)
        if route is None:
            raise NotFound(f"маршрут {route_id} не найден")
        driver = route.driver
        stops = []
        for stop in route.stops:
            order = session.get(Order, stop.order_id) if stop.order_id else None
            if order is None or stop.kind.value != "delivery":
                continue
            stops.append({"seq": stop.seq, "address": order.address, **door_json(door_for_order(session, order))})
        return {"route": route.id, "date": route.date.isoformat(), "driver": driver.name if driver else None,
                "register": driver.register_serial if driver else None,
                "fiscalise_at_door": fiscalises_at_door(driver), "stops": stops}


# --- at the door -----------------------------------------------------------------------------
def assign_door_receipts(session: Session, receipts: list[Receipt], driver_id: int | None, collected: int) -> str | None:
    """Door money: its receipts go to the driver's register (or a warning when the driver has none)."""
    if not collected or driver_id is None:
        return None
    driver = session.get(Driver, driver_id)
    if not fiscalises_at_door(driver):
        return NO_REGISTER_WARNING
    for receipt in receipts:
        if receipt.cash or receipt.electronic:
            receipt.door_driver_id = driver_id
    return None


# --- when the driver is back -------------------------------------------------------------------
@dataclass(frozen=True)
class Discrepancy:
    kind: str  # missing | wrong_amount | unexplained
    receipt_id: int | None  # the owed receipt (missing, wrong amount)
    fd_number: int | None  # the document on the register (wrong amount, unexplained)
    why: str
    corrections: tuple[int, ...]  # correction receipts now owed at the office
    proposal: str = ""  # for an unexplained document: the correction the cashier may choose to print


@dataclass(frozen=True)
class RegisterReading:
    driver: str
    serial: str
    fn_number: str
    read_from: int
    read_to: int
    matched: tuple[tuple[int, int], ...]  # (receipt id, FD number)
    discrepancies: tuple[Discrepancy, ...]
    matched_total: int = 0  # kopecks of the matched receipts


@dataclass(frozen=True)
class DriverRegister:
    """A driver and the register on their card (what the cashier's «Касса водителя…» shows)."""

    driver_id: int
    name: str
    url: str | None
    serial: str | None
    fn_number: str | None


def driver_registers(db: Database) -> list[DriverRegister]:
    """Every driver with the register on their card (none: url is None), by name."""
    with db.read() as session:
        return [DriverRegister(d.id, d.name, d.register_url, d.register_serial, d.register_fn)
                for d in session.scalars(select(Driver).order_by(Driver.name))]


def set_driver_register(db: Database, actor: Actor, driver_id: int, *, url: str | None, serial: str | None = None,
                        fn_number: str | None = None, door_receipts: bool | None = None) -> None:
    require(actor, Role.CASHIER, Role.MANAGER, action="ККТ водителя")
    with db.unit_of_work() as session:
        driver = _driver(session, driver_id)
        driver.register_url, driver.register_serial, driver.register_fn = url or None, serial, fn_number
        driver.door_receipts = door_receipts
        audit.record(session, actor.author, "driver.register", "driver", driver.id, url=url, serial=serial,
                     fn=fn_number, door=door_receipts)


def read_register(db: Database, actor: Actor, driver_id: int, connect: Callable[[str], RegisterConnection],
                  url: str | None = None) -> RegisterReading:
    """Read the driver's register since the last reading; match, mark printed, owe the corrections."""
    require(actor, Role.CASHIER, action="чтение ККТ водителя")
    with db.read() as session:
        driver = _driver(session, driver_id)
        url = url or driver.register_url
        name, read_from, expected_fn = driver.name, driver.register_read_fd, driver.register_fn
    if not url:
        raise InvalidInput(f"у водителя {name} не указана ККТ (адрес порта) — укажите --url")
    try:
        connection = connect(url)
        try:
            identity = connection.identity()
            documents = connection.read_receipts(read_from)
        finally:
            connection.close()
    except (OSError, RegisterError) as exc:
        raise InvalidInput(f"ККТ водителя {name} не прочитана: {exc}") from exc
    if expected_fn and identity.fn_number != expected_fn:
        raise InvalidInput(f"на {url} ФН №{identity.fn_number}, а у водителя {name} записан ФН №{expected_fn}")
    with db.unit_of_work() as session:
        driver = _driver(session, driver_id)
        reading = _match(session, actor, driver, identity.fn_number, documents)
        driver.register_read_fd = max(identity.last_document_number, read_from)
        driver.register_serial = driver.register_serial or identity.serial
        driver.register_fn = driver.register_fn or identity.fn_number
        audit.record(session, actor.author, "driver.register.read", "driver", driver.id, fn=identity.fn_number,
                     read_from=read_from, read_to=driver.register_read_fd, matched=len(reading[0]),
                     discrepancies=[d.kind for d in reading[1]])
        total = sum(session.get(Receipt, receipt_id).total for receipt_id, _fd in reading[0])  # type: ignore[union-attr]
        return RegisterReading(name, identity.serial, identity.fn_number, read_from, driver.register_read_fd,
                               tuple(reading[0]), tuple(reading[1]), total)


def _driver(session: Session, driver_id: int) -> Driver:
    driver = session.get(Driver, driver_id)
    if driver is None:
        raise NotFound(f"водитель {driver_id} не найден")
    return driver


def _match(session: Session, actor: Actor, driver: Driver, fn_number: str,
           documents: list[ArchiveDocument]) -> tuple[list[tuple[int, int]], list[Discrepancy]]:
    owed = list(session.scalars(
        select(Receipt).where(Receipt.door_driver_id == driver.id, Receipt.door_status.is_(None),
                              Receipt.status.in_((ReceiptStatus.PLANNED, ReceiptStatus.FAILED))).order_by(Receipt.id)
    ))
    docs = [doc for doc in documents if not doc.is_correction]
    matched: list[tuple[int, int]] = []
    found: list[Discrepancy] = []
    for receipt in list(owed):
        doc = next((d for d in docs if _same(receipt, d)), None)
        if doc is not None:
            _mark_printed(receipt, doc, fn_number, driver)
            matched.append((receipt.id, doc.fd_number))
            owed.remove(receipt)
            docs.remove(doc)
    for receipt in owed:
        doc = next((d for d in docs if _same_goods(receipt, d)), None)
        if doc is not None:
            docs.remove(doc)
            found.append(_wrong_amount(session, receipt, doc))
        else:
            found.append(_missing(session, receipt))
    found += [_unexplained(doc) for doc in docs]
    return matched, found


def _amounts(lines: Iterable) -> list[tuple[str, int, int]]:
    return sorted((as_printed(line.name), line.amount, int(getattr(line, "payment_method", getattr(line, "method", 0))))
                  for line in lines)


def _same(receipt: Receipt, doc: ArchiveDocument) -> bool:
    return (receipt.operation == doc.operation and receipt.total == doc.total and receipt.cash == doc.cash
            and receipt.electronic == doc.electronic and receipt.prepayment_offset == doc.prepayment_offset
            and _amounts(receipt.lines) == _amounts(doc.lines))


def _same_goods(receipt: Receipt, doc: ArchiveDocument) -> bool:
    mine = {as_printed(line.name) for line in receipt.lines}
    return receipt.operation == doc.operation and mine == {line.name for line in doc.lines}


def _mark_printed(receipt: Receipt, doc: ArchiveDocument, fn_number: str, driver: Driver) -> None:
    receipt.status = ReceiptStatus.PRINTED
    receipt.fd_number, receipt.fiscal_sign = doc.fd_number, str(doc.fiscal_sign)
    receipt.printed_at = doc.datetime or dt.datetime.now()
    receipt.fn_number, receipt.cashier_name = fn_number, doc.cashier[:64] or None
    receipt.device = f"ККТ водителя {driver.name}"[:64]
    receipt.door_status = "matched"
    receipt.error = None


def _settled_on(receipt: Receipt) -> dt.date:
    return receipt.created_at.date()


def _owe(session: Session, plans: list[ReceiptPlan]) -> tuple[int, ...]:
    return tuple(r.id for r in store_plans(session, plans))


def _missing(session: Session, receipt: Receipt) -> Discrepancy:
    plan = plan_of(receipt)
    why = (f"у двери не пробит чек «{plan.kind.label}» на {format_amount(plan.total)} "
           f"(заказ {_orders(session, plan)}): чек коррекции, самостоятельно (1173 = 0)")
    ids = _owe(session, [as_correction(plan, Correction(CorrectionType.SELF, _settled_on(receipt)), reason=why)])
    receipt.status, receipt.door_status = ReceiptStatus.FAILED, "missing"
    receipt.error = f"не пробит у двери; чек коррекции {', '.join(map(str, ids))}"
    return Discrepancy("missing", receipt.id, None, why, ids)


def _wrong_amount(session: Session, receipt: Receipt, doc: ArchiveDocument) -> Discrepancy:
    plan = plan_of(receipt)
    why = (f"у двери пробит ФД №{doc.fd_number} на {format_amount(doc.total)} вместо {format_amount(plan.total)} "
           f"(заказ {_orders(session, plan)}): коррекция возврата пробитого и коррекция верного расчёта (1173 = 0)")
    when = doc.datetime.date() if doc.datetime else _settled_on(receipt)
    reverse = _reverse_of(doc, plan, why)
    ids = _owe(session, [reverse, as_correction(plan, Correction(CorrectionType.SELF, when), reason=why)])
    receipt.status, receipt.door_status = ReceiptStatus.FAILED, "wrong_amount"
    receipt.error = f"у двери пробит ФД №{doc.fd_number} на другую сумму; чеки коррекции {', '.join(map(str, ids))}"
    return Discrepancy("wrong_amount", receipt.id, doc.fd_number, why, ids)


def _unexplained(doc: ArchiveDocument) -> Discrepancy:
    why = (f"ФД №{doc.fd_number} на {format_amount(doc.total)} не объясняется ни одной остановкой: если расчёта не было, "
           "нужен чек коррекции возврата прихода (1173 = 0); если был — зарегистрируйте поступление")
    proposal = "; ".join(f"{line.name} {format_amount(line.amount)}" for line in doc.lines)
    return Discrepancy("unexplained", None, doc.fd_number, why, (), f"коррекция возврата прихода: {proposal}")


def _reverse_of(doc: ArchiveDocument, plan: ReceiptPlan, why: str) -> ReceiptPlan:
    codes = {rate.ffd_code: rate for rate in VatRate}
    lines = tuple(
        PlanLine(name=line.name, quantity_milli=line.quantity_milli, price=line.price, amount=line.amount,
                 vat=codes[line.vat_code], method=Method(line.method), subject=PaymentSubject(line.subject),
                 unit=unit_name(line.measure))
        for line in doc.lines
    )
    when = doc.datetime.date() if doc.datetime else dt.date.today()
    return plan_correction(Operation.INCOME_RETURN, lines, cash=doc.cash, electronic=doc.electronic,
                           prepayment_offset=doc.prepayment_offset, credit=doc.credit,
                           correction=Correction(CorrectionType.SELF, when), reason=why, order_ids=plan.order_ids,
                           payment_ids=plan.payment_ids, customer_id=plan.customer_id)


def _orders(session: Session, plan: ReceiptPlan) -> str:
    numbers = [session.get(Order, i).number for i in plan.order_ids if session.get(Order, i) is not None]  # type: ignore[union-attr]
    return ", ".join(f"№{n}" for n in numbers) or "—"
