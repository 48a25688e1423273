"""What OmniDesk reads from 1C: links (customers by INN, drivers by name), vans' capacity, and the
drivers' «Доставлено» flags on the transport tasks OmniDesk published."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from omnidesk.core.enums import RouteStatus
from omnidesk.integrations.onec import ODataClient
from omnidesk.persistence.models import Customer, Driver, Order, OutboxMessage, Route, Stop, Vehicle

from ..uow import Database
from .to_onec import document_key


@dataclass
class OneCPull:
    customers_linked: int = 0
    drivers_linked: int = 0
    vans_updated: int = 0
    delivered_flags: int = 0


def pull_onec(db: Database, client: ODataClient, install: str) -> OneCPull:
    result = OneCPull()
    with db.read() as s:
        unlinked_inns = {c.inn for c in s.scalars(select(Customer).where(Customer.onec_id.is_(None),
                                                                          Customer.inn.is_not(None)))}
        unlinked_drivers = {d.name for d in s.scalars(select(Driver).where(Driver.onec_id.is_(None)))}
        plates = {v.plate for v in s.scalars(select(Vehicle))}
        sent_routes = {r.id for r in s.scalars(select(Route).where(Route.status == RouteStatus.PUBLISHED))} & {
            int(m.external_id.split("-", 1)[1]) for m in s.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "route", OutboxMessage.state == "sent"))}
    by_inn: dict[str, str] = {}
    if unlinked_inns:
        for row in client.iterate("Catalog_Контрагенты", select="Ref_Key,ИНН"):
            if row.get("ИНН") in unlinked_inns:
                by_inn.setdefault(row["ИНН"], row["Ref_Key"])
    people: dict[str, list[str]] = {}
    if unlinked_drivers:
        for row in client.iterate("Catalog_ФизическиеЛица", select="Ref_Key,Description"):
            if row.get("Description") in unlinked_drivers:
                people.setdefault(row["Description"], []).append(row["Ref_Key"])
    vans: dict[str, int] = {}
    if plates:
        for row in client.iterate("Catalog_ТранспортныеСредства", select="Ref_Key,Description,ГрузоподъемностьВТоннах"):
            tonnes = row.get("ГрузоподъемностьВТоннах")
            if row.get("Description") in plates and tonnes:
                vans[row["Description"]] = int(Decimal(str(tonnes)) * 1000)
    delivered: dict[int, set[str]] = {}
    for route_id in sorted(sent_routes):
        task = client.get("Document_ЗаданиеНаПеревозку", document_key(install, f"route:{route_id}"))
        if task:
            delivered[route_id] = {row.get("Распоряжение") for row in task.get("Распоряжения") or []
                                   if row.get("Доставлено")}
    with db.unit_of_work() as s:
        taken = set(s.scalars(select(Customer.onec_id).where(Customer.onec_id.is_not(None))))
        for customer in s.scalars(select(Customer).where(Customer.onec_id.is_(None), Customer.inn.in_(list(by_inn)))):
            key = by_inn[customer.inn or ""]
            if key not in taken:  # several OmniDesk customers with one INN: the first is linked
                customer.onec_id = key
                taken.add(key)
                result.customers_linked += 1
        for driver in s.scalars(select(Driver).where(Driver.onec_id.is_(None), Driver.name.in_(list(people)))):
            if len(people[driver.name]) == 1:  # namesakes in 1C: left for a person
                driver.onec_id = people[driver.name][0]
                result.drivers_linked += 1
        for vehicle in s.scalars(select(Vehicle).where(Vehicle.plate.in_(list(vans)))):
            if vehicle.capacity_kg != vans[vehicle.plate]:
                vehicle.capacity_kg = vans[vehicle.plate]
                result.vans_updated += 1
        for route_id, refs in delivered.items():
            rows = s.execute(select(Stop, Order.onec_id).join(Order, Order.id == Stop.order_id)
                             .where(Stop.route_id == route_id))
            for stop, onec_id in rows:
                if onec_id in refs and stop.result is None:
                    stop.result = "delivered_1c"
                    result.delivered_flags += 1
    return result
