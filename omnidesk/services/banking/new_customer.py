"""A customer made from a bank line's payer (name, INN, KPP, account), for money from someone not yet known."""

from __future__ import annotations

from sqlalchemy import select

from omnidesk.core.enums import CustomerKind, Role
from omnidesk.core.errors import Conflict, InvalidInput, NotFound
from omnidesk.core.inn import is_valid_inn
from omnidesk.persistence.models import BankLine, Customer, PayerAccount

from .. import audit
from ..auth import Actor, require
from ..uow import Database


def payer_kind(name: str, inn: str) -> CustomerKind:
    """A 10-digit INN is an organisation; a 12-digit one with «ИП» is a sole trader; else a person."""
    if len(inn) == 10:
        return CustomerKind.COMPANY
    if len(inn) == 12 and name.strip().upper().startswith(("ИП ", "ИП\u00a0", "ИНДИВИДУАЛЬНЫЙ ПРЕДПРИНИМАТЕЛЬ")):
        return CustomerKind.SOLE_TRADER
    return CustomerKind.INDIVIDUAL


def customer_from_payer(db: Database, actor: Actor, line_id: int) -> int:
    """Create the customer the line's payer is and remember the payer's account for them; the new id."""
    require(actor, Role.MANAGER, Role.CASHIER, action="новый клиент из банковской выписки")
    with db.unit_of_work() as session:
        line = session.get(BankLine, line_id)
        if line is None:
            raise NotFound(f"строка выписки {line_id} не найдена")
        name, inn = " ".join(line.payer_name.split()), "".join(ch for ch in line.payer_inn if ch.isdigit())
        if not name:
            raise InvalidInput("у плательщика нет имени — создайте клиента вручную")
        if inn and not is_valid_inn(inn):
            inn = ""  # a wrong INN is not copied into the customer's card
        if inn:
            same = session.scalar(select(Customer).where(Customer.inn == inn))
            if same is not None:
                raise Conflict(f"клиент с ИНН {inn} уже есть: {same.name} (id {same.id}) — выберите его")
        customer = Customer(kind=payer_kind(name, inn), name=name, inn=inn or None,
                            kpp=line.payer_kpp or None if len(inn) == 10 else None)
        session.add(customer)
        session.flush()
        if line.payer_account:
            session.add(PayerAccount(customer_id=customer.id, account=line.payer_account, first_line_id=line.id,
                                     created_by=actor.author))
        audit.record(session, actor.author, "customer.from_payer", "customer", customer.id, bank_line=line.id,
                     inn=inn, account=line.payer_account)
        return customer.id
