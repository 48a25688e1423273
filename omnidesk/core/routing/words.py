"""Violations and reasons in the logist's words (Russian)."""

from __future__ import annotations

from omnidesk.core.routing.model import Window, format_clock


def minutes_up(seconds: int) -> int:
    """Whole minutes, rounded up: 1 second late is already 1 minute late."""
    return -(-seconds // 60)


def window_missed(window: Window, late_s: int) -> str:
    return f"окно {window} нарушено на {minutes_up(late_s)} мин"


def overload_kg(excess: int) -> str:
    return f"перегруз {excess} кг"


def overload_dm3(excess: int) -> str:
    return f"перегруз {excess} дм³"


def shift_overrun(shift_end: int, return_time: int) -> str:
    return f"смена водителя закончится в {format_clock(shift_end)}, возврат в {format_clock(return_time)}"


def pickup_after_delivery() -> str:
    return "забор у поставщика после доставки"


def pickup_missing() -> str:
    return "нет забора у поставщика в этом маршруте"


def delivery_missing() -> str:
    return "забор у поставщика есть, а доставки в этом маршруте нет"


def no_pickup_needed(order_id: str) -> str:
    return f"у заказа {order_id} нет забора у поставщика"


def pinned_elsewhere(vehicle_id: str) -> str:
    return f"заказ закреплён за машиной {vehicle_id}"


def unknown_order(order_id: str) -> str:
    return f"заказа {order_id} нет в плане дня"


def unknown_vehicle(vehicle_id: str) -> str:
    return f"машины {vehicle_id} нет в плане дня"


def vehicle_twice(vehicle_id: str) -> str:
    return f"у машины {vehicle_id} больше одного маршрута"


def stop_twice(stop: str) -> str:
    return f"остановка {stop} стоит в плане больше одного раза"


def both_routed_and_unassigned(order_id: str) -> str:
    return f"заказ {order_id} и в маршруте, и среди нераспределённых"


def not_accounted(order_id: str) -> str:
    return f"заказ {order_id} не в маршруте и не среди нераспределённых"


def lock_broken(vehicle_id: str) -> str:
    return f"закреплённое начало маршрута машины {vehicle_id} изменено"


# Reasons an order is left unassigned.

def too_heavy(kg: int, biggest: int) -> str:
    return f"вес {kg} кг больше, чем берёт самая большая машина ({biggest} кг)"


def too_bulky(dm3: int, biggest: int) -> str:
    return f"объём {dm3} дм³ больше, чем берёт самая большая машина ({biggest} дм³)"


def pinned_to_missing(vehicle_id: str) -> str:
    return f"закреплён за машиной {vehicle_id}, которой нет в плане дня"


def unreachable_alone(details: str) -> str:
    return f"ни одна машина не успевает даже с одним этим заказом: {details}"


def no_room_left() -> str:
    return "не поместился: машинам не хватает места или времени в сменах и окнах"


def rejected_by_validator(details: str) -> str:
    return f"снят с маршрута при проверке: {details}"
