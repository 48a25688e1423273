import json
import subprocess
import sys
from decimal import Decimal

import pytest

from omnidesk.cli import main
from omnidesk.core.enums import PaymentKind
from omnidesk.core.money import parse_amount
from omnidesk.services.auth import Actor
from omnidesk.services.database import open_database
from omnidesk.services.ledger import record_delivery


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_then_orders_list_json(capsys, db_url, monkeypatch):
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    code, out, _ = run(capsys, "init", "--demo", "--db", db_url)
    assert code == 0 and "создана" in out and "80 заказов" in out and "Создан администратор: логин admin" in out
    code, out, _ = run(capsys, "orders", "list", "--json", "--db", db_url, "--user", "admin")
    orders = json.loads(out)
    assert code == 0 and len(orders) == 80
    first = orders[0]
    assert set(first) >= {"number", "customer", "total", "paid", "due", "status", "delivery_date", "window"}
    assert set(first["customer"]) == {"id", "name", "inn", "phone", "kind"}
    assert first["customer"]["kind"] in {"individual", "sole_trader", "company"}
    for o in orders:
        total, paid, due = (int(o[k].replace(".", "")) for k in ("total", "paid", "due"))
        assert o["total"].count(".") == 1 and len(o["total"].split(".")[1]) == 2
        assert due == total - paid


def test_orders_filters(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    day = json.loads(out)[0]["delivery_date"]
    _, out, _ = run(capsys, "orders", "list", "--date", day, "--status", "ready", "--json", "--db", sqlite_url)
    filtered = json.loads(out)
    assert filtered and all(o["delivery_date"] == day and o["status"] == "ready" for o in filtered)
    code, out, _ = run(capsys, "orders", "list", "--db", sqlite_url)
    assert code == 0 and "Всего заказов: 80" in out and "₽" in out


def test_init_again_keeps_data(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    code, out, _ = run(capsys, "init", "--db", sqlite_url)
    assert code == 0 and "данные не тронуты" in out
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    assert len(json.loads(out)) == 80


def test_customers_show_by_any_reference(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    customer = next(o["customer"] for o in json.loads(out) if o["customer"]["kind"] == "company")
    for ref in (str(customer["id"]), customer["inn"], customer["phone"], customer["name"]):
        code, out, _ = run(capsys, "customers", "show", ref, "--json", "--db", sqlite_url)
        card = json.loads(out)
        assert code == 0 and card["id"] == customer["id"]
        assert {"balance", "open_orders", "ledger"} <= set(card)
    code, out, _ = run(capsys, "customers", "show", customer["inn"], "--db", sqlite_url)
    assert "Аванс" in out and customer["name"] in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["customers", "show", "Нет Такого"], "не найден"),
        (["orders", "list", "--status", "lost"], "неизвестный статус"),
        (["orders", "list", "--date", "10.03.2026"], "ГГГГ-ММ-ДД"),
        (["config", "set", "ui.lang", "fr"], "недопустимое значение"),
        (["config", "get", "no.such.key"], "нет такой настройки"),
        (["orders", "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"], "недоступна"),
    ],
)
def test_errors_are_one_clear_line(capsys, sqlite_url, argv, message):
    run(capsys, "init", "--db", sqlite_url)
    if "--db" not in argv:
        argv = [*argv, "--db", sqlite_url]
    code, _out, err = run(capsys, *argv)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_debug_shows_the_traceback(capsys, sqlite_url):
    code, _, err = run(capsys, "customers", "show", "Нет Такого", "--db", sqlite_url, "--debug")
    assert code != 0 and "Traceback" in err


def test_config_set_get_list(capsys, user_dirs):
    assert run(capsys, "config", "set", "fiscal.url", "socket://127.0.0.1:7778")[0] == 0
    code, out, _ = run(capsys, "config", "get", "fiscal.url")
    assert code == 0 and out.strip() == "socket://127.0.0.1:7778"
    _, out, _ = run(capsys, "config", "list", "--json")
    assert json.loads(out)["fiscal.url"] == "socket://127.0.0.1:7778"
    assert (user_dirs / "config" / "settings.json").exists()


def test_default_database_lives_in_the_data_dir(capsys, user_dirs):
    code, _out, _ = run(capsys, "init")
    assert code == 0
    assert (user_dirs / "data" / "omnidesk.sqlite3").exists()


def test_screenshots_write_one_png_per_page(capsys, sqlite_url, tmp_path):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    code, _out, _ = run(capsys, "screenshots", str(tmp_path / "shots"), "--db", sqlite_url)
    assert code == 0
    pngs = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert pngs == ["audit.png", "bank.png", "cashier.png", "orders.png", "reports.png", "routes.png", "settings.png",
                    "sync.png"]
    assert all((tmp_path / "shots" / name).stat().st_size > 10_000 for name in pngs)


def test_screenshots_at_an_office_screen_size(capsys, sqlite_url, tmp_path):
    from PySide6.QtGui import QImage

    run(capsys, "init", "--demo", "--db", sqlite_url)
    code, _out, _ = run(capsys, "screenshots", str(tmp_path / "shots"), "--size", "1366x768", "--db", sqlite_url)
    assert code == 0
    image = QImage(str(tmp_path / "shots" / "routes.png"))
    assert (image.width(), image.height()) == (1366, 768)
    code, _out, err = run(capsys, "screenshots", str(tmp_path / "x"), "--size", "большой", "--db", sqlite_url)
    assert code == 2 and "1366x768" in err


def test_console_script_help_runs_as_a_program():
    result = subprocess.run([sys.executable, "-m", "omnidesk", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("init", "demo", "gui", "orders", "customers", "config", "screenshots"):
        assert command in result.stdout


def test_cashier_commands_from_payment_to_printed_receipt(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    order = next(o for o in json.loads(out) if o["customer"]["kind"] == "individual" and o["paid"] == "0.00")
    phone, amount = order["customer"]["phone"], order["total"]
    code, out, _ = run(capsys, "payments", "add", "--customer", phone, "--amount", amount, "--kind", "card",
                       "--orders", order["number"], "--json", "--db", sqlite_url)
    paid = json.loads(out)
    assert code == 0 and paid["allocated"] == [{"order": order["number"], "amount": amount}]
    assert [r["kind"] for r in paid["receipts_owed"]] == ["prepayment"]
    _, out, _ = run(capsys, "payments", "allocations", "--customer", phone, "--json", "--db", sqlite_url)
    allocation = next(a for a in json.loads(out) if a["order"] == order["number"])
    code, out, _ = run(capsys, "payments", "unallocate", str(allocation["id"]), "--amount", "100", "--db", sqlite_url)
    assert code == 0 and "Возврат предоплаты для зачёта в аванс" in out and "Аванс из возвращённой предоплаты" in out
    code, out, err = run(capsys, "fiscal", "print-owed", "--json", "--db", sqlite_url)
    assert code != 0 and "ФИО кассира" in err + out  # 1021 never falls back to the OS login
    assert run(capsys, "config", "set", "user.name", "Петрова А. П.")[0] == 0
    code, out, _ = run(capsys, "fiscal", "print-owed", "--json", "--db", sqlite_url)
    printed = json.loads(out)
    assert code == 0 and printed["error"] is None and printed["remaining"] == 0
    assert all(r["fd_number"] for r in printed["printed"])
    _, out, _ = run(capsys, "receipts", "owed", "--json", "--db", sqlite_url)
    assert json.loads(out) == []
    code, out, _ = run(capsys, "fiscal", "status", "--json", "--db", sqlite_url)
    state = json.loads(out)
    assert code == 0 and state["shift_open"] and state["last_document_number"] == len(printed["printed"]) + 1
    code, out, _err = run(capsys, "orders", "deliver", order["number"], "--collected", "100", "--kind", "cash", "--json",
                         "--db", sqlite_url)  # the 100 ₽ taken back to the advance is paid at the door
    delivered = json.loads(out)
    assert code == 0 and [r["kind"] for r in delivered["receipts_owed"]] == ["final"]


def test_driver_handover_from_the_command_line(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    order = next(o for o in json.loads(out) if o["customer"]["kind"] == "individual" and o["paid"] == "0.00")
    db = open_database(sqlite_url)
    record_delivery(db, Actor("Кассир"), order_number=order["number"], collected=parse_amount(order["total"]),
                    kind=PaymentKind.CASH, driver_id=1)
    db.engine.dispose()
    code, out, _ = run(capsys, "payments", "handover", "--json", "--db", sqlite_url)
    [row] = json.loads(out)
    assert code == 0 and row["collected_cash"] == order["total"] and row["difference"] == order["total"]
    code, out, _ = run(capsys, "payments", "handover", "--driver", "1", "--cash", order["total"], "--json",
                       "--db", sqlite_url)
    [row] = json.loads(out)
    assert code == 0 and row["handed_cash"] == order["total"] and row["difference"] == "0.00"
    code, _, err = run(capsys, "payments", "handover", "--driver", "1", "--db", sqlite_url)
    assert code != 0 and "сколько" in err


def test_orders_show_json_lists_lines_payments_and_receipts(capsys, sqlite_url):
    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    order = next(o for o in json.loads(out) if o["customer"]["kind"] == "individual" and o["paid"] == "0.00")
    run(capsys, "payments", "add", "--customer", order["customer"]["phone"], "--amount", order["total"], "--kind",
        "card", "--orders", order["number"], "--db", sqlite_url)
    code, out, _ = run(capsys, "orders", "show", order["number"], "--json", "--db", sqlite_url)
    shown = json.loads(out)
    assert code == 0 and shown["number"] == order["number"] and shown["customer"]["name"]
    assert shown["lines"] and all({"name", "quantity", "unit", "price", "amount", "vat"} <= set(line)
                                  for line in shown["lines"])
    assert all("." not in line["quantity"] or line["quantity"].replace(".", "").isdigit() for line in shown["lines"])
    assert sum(Decimal(line["amount"]) for line in shown["lines"]) == Decimal(order["total"])
    assert [p["allocated"] for p in shown["payments"]] == [order["total"]]
    assert [r["kind"] for r in shown["receipts"]] == ["prepayment"]
    assert shown["receipts"][0]["lines"][0]["unit"] == shown["lines"][0]["unit"]
    code, out, _ = run(capsys, "orders", "show", order["number"], "--db", sqlite_url)
    assert code == 0 and f"Заказ №{order['number']}" in out
    code, _, err = run(capsys, "orders", "show", "999999", "--db", sqlite_url)
    assert code != 0 and "не найден" in err


def test_door_receipt_read_back_from_the_drivers_register(capsys, sqlite_url, tmp_path):
    from fiscal_drivers.emulator import Emulator
    from omnidesk.core.cashier import Cashier
    from omnidesk.integrations.fiscal import RegisterConnection
    from omnidesk.services.receipts import get_receipt

    run(capsys, "init", "--demo", "--db", sqlite_url)
    _, out, _ = run(capsys, "orders", "list", "--json", "--db", sqlite_url)
    order = next(o for o in json.loads(out) if o["customer"]["kind"] == "individual" and o["paid"] == "0.00")
    with Emulator(tcp_port=0, journal=str(tmp_path / "driver.jsonl"), fn_number="9999078900099999") as register:
        code, _, _ = run(capsys, "handover", "set-register", "--driver", "1", "--url", register.url, "--db", sqlite_url)
        assert code == 0
        code, out, _ = run(capsys, "orders", "deliver", order["number"], "--collected", order["total"], "--kind",
                           "cash", "--driver", "1", "--json", "--db", sqlite_url)
        [owed] = json.loads(out)["receipts_owed"]
        db = open_database(sqlite_url)
        connection = RegisterConnection(register.url)  # the driver's device prints the stop's receipt
        connection.open_shift(Cashier("Водитель Один", "Водитель-экспедитор"))
        connection.print(get_receipt(db, owed["id"]).plan, Cashier("Водитель Один", "Водитель-экспедитор"))
        connection.close()
        db.engine.dispose()
        run(capsys, "config", "set", "user.name", "Петрова А. П.")
        code, out, _ = run(capsys, "fiscal", "print-owed", "--json", "--db", sqlite_url)
        printed = json.loads(out)
        assert code == 0 and printed["error"] is None
        assert owed["id"] not in [r["id"] for r in printed["printed"]]  # never at the office
        code, out, _ = run(capsys, "handover", "read-register", "--driver", "1", "--json", "--db", sqlite_url)
    reading = json.loads(out)
    assert code == 0 and reading["fn_number"] == "9999078900099999" and reading["discrepancies"] == []
    assert [receipt_id for receipt_id, _fd in reading["matched"]] == [owed["id"]]
    _, out, _ = run(capsys, "orders", "show", order["number"], "--json", "--db", sqlite_url)
    final = next(r for r in json.loads(out)["receipts"] if r["id"] == owed["id"])
    assert final["status"] == "printed" and final["fd_number"] == reading["matched"][0][1]
