"""``omnidesk handover read-register|set-register|door-receipts``: receipts printed at the door on drivers' registers."""

from __future__ import annotations

import dataclasses

from omnidesk.integrations.fiscal import RegisterConnection
from omnidesk.services.door import read_register, route_door_data, set_driver_register

from . import common


def register(commands) -> None:
    group = commands.add_parser("handover", help="ККТ водителей: чеки у двери")
    sub = group.add_subparsers(dest="handover_command", metavar="ДЕЙСТВИЕ", required=True)
    read = common.command(sub, "read-register", "прочитать ККТ водителя и сверить чеки у двери с остановками",
                          run_read_register)
    read.add_argument("--driver", type=int, required=True, metavar="DRIVER_ID")
    read.add_argument("--url", help="порт ККТ водителя (по умолчанию — из карточки водителя)")
    common.add_json_option(read)
    setup = common.command(sub, "set-register", "указать ККТ водителя (порт, заводской номер, номер ФН)",
                           run_set_register)
    setup.add_argument("--driver", type=int, required=True, metavar="DRIVER_ID")
    setup.add_argument("--url", required=True, help="порт: /dev/ttyACM0, socket://host:port; пусто — нет ККТ")
    setup.add_argument("--serial", help="заводской номер ККТ")
    setup.add_argument("--fn", help="номер ФН")
    setup.add_argument("--office", action="store_true", help="деньги у двери не пробивать на ККТ водителя")
    plan = common.command(sub, "door-receipts", "какие чеки водитель пробивает у двери по маршруту", run_door_receipts)
    plan.add_argument("--route", type=int, required=True, metavar="ROUTE_ID")
    common.add_json_option(plan)


def run_read_register(args) -> int:
    reading = read_register(common.open_db(args), common.actor(args), args.driver, RegisterConnection, args.url)
    if args.json:
        common.print_json(dataclasses.asdict(reading))
        return 0
    print(f"ККТ водителя {reading.driver}: зав. № {reading.serial}, ФН {reading.fn_number}, "
          f"ФД {reading.read_from + 1}…{reading.read_to}")
    for receipt_id, fd in reading.matched:
        print(f"  чек {receipt_id}: пробит у двери, ФД №{fd}")
    for d in reading.discrepancies:
        owed = f" → чеки коррекции {', '.join(map(str, d.corrections))}" if d.corrections else ""
        print(f"  ! {d.why}{owed}")
    return 0


def run_set_register(args) -> int:
    set_driver_register(common.open_db(args), common.actor(args), args.driver, url=args.url, serial=args.serial,
                        fn_number=args.fn, door_receipts=False if args.office else None)
    print("ККТ водителя сохранена")
    return 0


def run_door_receipts(args) -> int:
    data = route_door_data(common.open_db(args), args.route)
    if args.json:
        common.print_json(data)
        return 0
    print(f"Маршрут {data['route']} ({data['date']}), водитель {data['driver']}")
    for stop in data["stops"]:
        print(f"  {stop['seq']}. заказ №{stop['order']}: получить {stop['collect'] / 100:.2f} ₽")
    return 0
