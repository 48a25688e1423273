"""What the cashier may change on one owed receipt before it is printed, and its correction if it never was.

* the buyer's contact (1008) for this receipt only — an e-mail or a phone the customer gives at the till;
* the buyer (1256: 1227 name, 1228 INN) for this receipt only;
* a receipt that should have been printed and was not (a missed prepayment, a settlement with a 1215
  offset, cash + card): the correction receipt built from its own plan (``core.receipts.as_correction``),
  which then is what is owed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from omnidesk.core.enums import ReceiptStatus
from omnidesk.core.errors import InvalidInput, NotFound
from omnidesk.core.phones import normalise_phone
from omnidesk.core.receipts import Correction, CorrectionType, as_correction
from omnidesk.persistence.models import Receipt

from . import audit
from .auth import Actor, Role, require
from .receipts import ReceiptView, plan_of, store_plans, view
from .uow import Database

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EDITABLE = (ReceiptStatus.PLANNED, ReceiptStatus.FAILED)


def buyer_contact(text: str) -> str:
    """Tag 1008: an e-mail as typed, or a Russian phone as +7XXXXXXXXXX."""
    cleaned = text.strip()
    if EMAIL.match(cleaned) and len(cleaned) <= 64:
        return cleaned
    phone = normalise_phone(cleaned)
    if phone is None:
        raise InvalidInput(f"«{text}» — не e-mail и не телефон: чек покупателю отправить некуда")
    return phone


def set_receipt_buyer(db: Database, actor: Actor, receipt_id: int, *, contact: str | None = None,
                      buyer_name: str | None = None, buyer_inn: str | None = None) -> ReceiptView:
    """Set or correct the contact (1008) and/or the buyer (1227, 1228) of one receipt not yet printed."""
    require(actor, Role.CASHIER, action="покупатель в чеке")
    with db.unit_of_work() as session:
        receipt = _editable(session.get(Receipt, receipt_id), receipt_id)
        plan = plan_of(receipt)
        changes = {}
        if contact is not None:
            changes["buyer_contact"] = buyer_contact(contact) if contact.strip() else None
        if buyer_name is not None or buyer_inn is not None:
            changes["buyer_name"] = (buyer_name if buyer_name is not None else plan.buyer_name or "").strip() or None
            changes["buyer_inn"] = (buyer_inn if buyer_inn is not None else plan.buyer_inn or "").strip() or None
        dataclasses.replace(plan, **changes)  # the plan's own checks (INN digits, name with INN, 64 characters)
        for field, value in changes.items():
            setattr(receipt, field, value)
        audit.record(session, actor.author, "receipt.buyer", "receipt", receipt.id, **changes)
        return view(session, receipt)


def correct_missed(db: Database, actor: Actor, receipt_id: int, *, date: dt.date, reason: str | None = None,
                   order_document: str | None = None) -> ReceiptView:
    """The correction receipt (1173, 1174) for an owed receipt whose settlement passed unfiscalised."""
    require(actor, Role.CASHIER, Role.MANAGER, action="чек коррекции")
    if date > dt.date.today():
        raise InvalidInput("дата исправляемого расчёта не может быть в будущем")
    kind = CorrectionType.BY_ORDER if order_document else CorrectionType.SELF
    with db.unit_of_work() as session:
        receipt = _editable(session.get(Receipt, receipt_id), receipt_id)
        plan = plan_of(receipt)
        correction = as_correction(plan, Correction(kind, date, order_document or None), reason=reason or None)
        [stored] = store_plans(session, [correction])
        receipt.status, receipt.door_status = ReceiptStatus.FAILED, "corrected"
        receipt.error = f"расчёт прошёл без чека; вместо него чек коррекции {stored.id}"
        audit.record(session, actor.author, "receipt.correct_missed", "receipt", receipt.id, correction=stored.id,
                     date=date.isoformat(), by_order=order_document)
        return view(session, stored)


def _editable(receipt: Receipt | None, receipt_id: int) -> Receipt:
    if receipt is None:
        raise NotFound(f"чек {receipt_id} не найден")
    if receipt.status not in EDITABLE or receipt.door_status is not None:
        raise InvalidInput(f"чек {receipt_id} уже не к печати ({receipt.status.value}) — менять его нельзя")
    return receipt
