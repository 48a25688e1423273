"""The Cashier page end to end: search, a split payment, a delivery with a refusal, printing on the emulator."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from omnidesk.core.enums import CustomerKind, OrderStatus, PaymentKind, ReceiptStatus
from omnidesk.services import ledger
from omnidesk.services import orders as order_service
from omnidesk.services.auth import Actor
from omnidesk.services.receipts import list_receipts
from omnidesk.ui.cashier.delivery_dialog import DeliveryDialog
from omnidesk.ui.cashier.payment_dialog import PaymentDialog


def two_unpaid_orders(db):
    """An individual with two open, unpaid orders and no receipts yet (the demo has several)."""
    with_receipts = {r.plan.customer_id for r in list_receipts(db)}
    by_customer: dict[int, list] = {}
    for row in order_service.list_orders(db):
        if row.customer_kind is CustomerKind.INDIVIDUAL and row.status.is_open and row.paid == 0 \
                and row.customer_id not in with_receipts:
            by_customer.setdefault(row.customer_id, []).append(row)
    customer_id, rows = next((c, r) for c, r in sorted(by_customer.items()) if len(r) >= 2)
    return customer_id, rows[:2]


def choose(qtbot, window, text: str) -> None:
    page = window.cashier_page
    page.search.edit.clear()
    qtbot.keyClicks(page.search.edit, text)
    assert page.search.results.isVisible() and page.search.proxy.rowCount() >= 1
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(page.search.edit, Qt.Key.Key_Return)


def pay(dialog: PaymentDialog, amount: str, numbers: list[str]) -> None:
    dialog.amount.setText(amount)
    for row in dialog.rows:  # exactly these orders, whichever one the page had selected
        row.check.setChecked(row.order.number in numbers)
        if row.order.number in numbers:
            row.amount.setText("")  # as much as the order owes


def test_search_by_order_number_picks_its_customer_and_order(qtbot, window):
    row = order_service.list_orders(window.db)[5]
    choose(qtbot, window, row.number)
    panel = window.cashier_page.customer
    assert panel.view.card.customer.id == row.customer_id
    assert panel.selected_order().number == row.number
    assert row.customer_name in panel.title.text()
    assert panel.balance.text().startswith("Advance: ")


def test_a_payment_split_across_two_orders_leaves_the_rest_as_advance(qtbot, window, settle, answers):
    customer_id, (first, second) = two_unpaid_orders(window.db)
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    owed_before = Counter(r.plan.kind for r in page.customer.owed())  # the demo's own prepayments may be waiting
    amount = first.total + second.total + 106000
    seen = {}

    def fill(dialog):
        pay(dialog, f"{amount // 100},00", [first.number, second.number])
        seen["summary"], seen["owed"], seen["problem"] = dialog.summary.text(), dialog.owed_text(), dialog.problem()
        return dialog.ok.isEnabled()

    answers.fill = fill
    answers.confirm = lambda heading: not heading.startswith("The register will print")  # register, print later
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_F2)
    settle(window)
    assert seen["problem"] == ""
    assert seen["summary"].endswith("Advance: 1\u00a0060,00\u00a0₽")
    assert f"prepayment receipt for order No. {first.number}" in seen["owed"]
    assert "advance receipt: 1\u00a0060,00\u00a0₽" in seen["owed"]
    view = page.customer.view
    assert view.card.balance == 106000
    assert page.customer.balance.text() == "Advance: 1\u00a0060,00\u00a0₽"
    owed = Counter(r.plan.kind for r in page.customer.owed()) - owed_before
    assert owed == Counter({"advance": 1, "prepayment": 2})
    assert f"Receipts to print: {sum(owed_before.values()) + 3}" in page.customer.owed_banner.text()
    assert answers.errors == []
    assert "Предоплата 100 %" in answers.confirmed[-1][1]  # the print confirmation said what it would print


def test_payment_dialog_shows_errors_inline(qtbot, window):
    customer_id, (first, _second) = two_unpaid_orders(window.db)
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    dialog = PaymentDialog(page.customer.view)
    qtbot.addWidget(dialog)
    dialog.amount.setText("двести")
    assert "Not an amount of money" in dialog.amount_error.text() and not dialog.ok.isEnabled()
    dialog.amount.setText("100")
    row = next(r for r in dialog.rows if r.order.number == first.number)
    row.check.setChecked(True)
    row.amount.setText("150")
    assert "more than the payment" in dialog.error.text() and not dialog.ok.isEnabled()
    row.amount.setText("60")
    assert dialog.ok.isEnabled() and dialog.summary.text().endswith("Advance: 40,00\u00a0₽")


def shipped_multiline_order(db):
    for row in order_service.list_orders(db, status=OrderStatus.SHIPPED):
        detail = order_service.order_detail(db, row.id)
        if row.customer_kind is CustomerKind.INDIVIDUAL and row.paid == 0 and len(detail.lines) >= 2:
            return detail
    raise AssertionError("no shipped order with two lines in the demo")


def test_a_delivery_with_a_refused_line(qtbot, window, settle, answers):
    detail = shipped_multiline_order(window.db)
    refused = detail.lines[0]
    page = window.cashier_page
    choose(qtbot, window, detail.row.number)
    seen = {}

    def fill(dialog):
        assert isinstance(dialog, DeliveryDialog)
        dialog.spins[0][1].setValue(refused.quantity_milli / 1000)
        seen["collected"] = dialog.collected.value
        return dialog.ok.isEnabled()

    answers.fill = fill
    answers.confirm = False  # do not print now
    qtbot.keyClick(page, Qt.Key.Key_F3)
    settle(window)
    assert seen["collected"] == detail.row.total - refused.amount
    assert answers.errors == []
    after = order_service.order_detail(window.db, detail.row.id).row
    assert after.status is OrderStatus.PARTIALLY_DELIVERED
    assert after.kept == detail.row.total - refused.amount
    owed = page.customer.owed()
    assert [r.plan.kind for r in owed] == ["payment_at_door"]
    assert refused.name not in [line.name for line in owed[0].plan.lines]
    assert "передано товара" in page.message.text()


def test_printing_an_owed_receipt_on_the_emulator(qtbot, window, settle, answers):
    customer_id, (first, _second) = two_unpaid_orders(window.db)
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    answers.fill = lambda dialog: pay(dialog, f"{first.total // 100}", [first.number]) or dialog.ok.isEnabled()
    answers.confirm = lambda heading: not heading.startswith("The register will print")
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.payment()
    settle(window)
    assert answers.errors == []
    assert [r.plan.kind for r in page.customer.owed()] == ["prepayment"]
    answers.confirm = True
    qtbot.keyClick(page, Qt.Key.Key_F9)
    settle(window)
    qtbot.waitUntil(lambda: not page.customer.owed(), timeout=10_000)
    heading, details = answers.confirmed[-1]
    assert heading.startswith("The register will print 1 receipt(s)")
    assert "Предоплата 100 %" in details and f"№{first.number}" in details
    [printed] = list_receipts(window.db, customer_id=customer_id)
    assert printed.status is ReceiptStatus.PRINTED and printed.fd_number
    journal = page.register.journal_model.rows()
    assert [(r.id, r.status) for r in journal] == [(printed.id, ReceiptStatus.PRINTED)]
    assert "✓" in page.customer.owed_banner.text()
    assert f"FD {printed.fd_number}" in window.status.fiscal.text()
    assert answers.errors == []


def test_the_status_bar_shows_the_register(qtbot, window, settle):
    settle(window)
    text = window.status.fiscal.text()
    assert text.startswith("Register: эмулятор ККТ") and "FD" in text
    assert "эмулятор ККТ" in window.cashier_page.register.status.text()


def test_a_correction_receipt_for_missed_goods_becomes_owed(qtbot, window, settle, answers):
    detail = shipped_multiline_order(window.db)
    page = window.cashier_page
    choose(qtbot, window, detail.row.number)

    def fill(dialog):
        dialog.spins[0][1].setValue(1)
        dialog.reason.setText("не пробит чек при доставке")
        dialog.by_order.setChecked(True)
        dialog.document.setText("12-34/5")
        return dialog.ok.isEnabled()

    answers.fill, answers.confirm = fill, False
    qtbot.keyClick(page, Qt.Key.Key_F7)
    settle(window)
    assert answers.errors == []
    [owed] = page.customer.owed()
    assert owed.plan.kind == "correction" and owed.plan.correction.type == 1
    assert owed.plan.correction.document_number == "12-34/5"
    assert owed.plan.total == detail.lines[0].price
    _heading, details = answers.confirmed[-1]
    assert "Чек коррекции" in details and "по предписанию №12-34/5" in details


def test_an_advance_pays_the_next_order_without_a_new_receipt(qtbot, window, settle, answers):
    customer_id, (_first, second) = two_unpaid_orders(window.db)
    page = window.cashier_page
    ledger.register_payment(window.db, window.fiscal.actor, customer_id=customer_id, kind=PaymentKind.CARD, amount=second.total)
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    page.customer.select_order(second.number)
    assert page.actions["apply_advance"].isEnabled()
    answers.confirm = True
    qtbot.keyClick(page, Qt.Key.Key_F8)
    settle(window)
    assert answers.errors == []
    assert page.customer.view.card.balance == 0
    paid = next(o for o in page.customer.view.orders if o.number == second.number)
    assert paid.due == 0
    assert [r.plan.kind for r in page.customer.owed()] == ["advance"]  # only the advance's own receipt
    assert "1215" in answers.confirmed[-1][1]


def test_an_allocation_is_moved_to_another_order_and_undone_from_the_keyboard(qtbot, window, settle, answers,
                                                                                 monkeypatch):
    customer_id, (first, second) = two_unpaid_orders(window.db)
    ledger.register_payment(window.db, Actor("Кассир"), customer_id=customer_id, kind=PaymentKind.CASH, amount=10000,
                            allocations=[ledger.AllocationRequest(first.number)])
    page = window.cashier_page
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(customer_id)
    panel = page.customer
    assert [a.order_number for a in panel.view.allocations] == [first.number]
    panel.tabs.setCurrentWidget(panel.allocations)
    panel.allocations.selectRow(0)
    monkeypatch.setattr("omnidesk.ui.cashier.page.QInputDialog.getItem", lambda *a, **k: (second.number, True))
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(panel.allocations, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    paid = {r.number: r.paid for r in page.customer.view.orders}
    assert paid[first.number] == 0 and paid[second.number] == 10000
    moved = [a for a in page.customer.view.allocations if a.live]
    assert [a.order_number for a in moved] == [second.number]
    made = Counter(r.plan.kind for r in list_receipts(window.db, customer_id=customer_id))  # offered, and printed
    assert made["conversion_return"] == 1 and made["conversion_advance"] == 1  # the prepayment now stands as advance
    row = next(i for i in range(panel.allocations_proxy.rowCount()) if panel.allocations_proxy.row_at(i).live)
    panel.allocations.selectRow(row)
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        qtbot.keyClick(panel.allocations, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert page.customer.view.card.balance == 10000
    assert answers.errors == []
    assert any("advance" in heading for heading, _ in answers.confirmed)
