"""Issue 12 in the GUI: «Покупатель в чеке…» on the list of receipts to print — name, INN, e-mail or phone."""

from __future__ import annotations

from omnidesk.core.inn import with_check_digits
from omnidesk.services import cashier as data
from omnidesk.services.receipts import get_receipt
from omnidesk.ui.cashier.buyer_dialog import BuyerDialog


def test_the_buyer_of_one_owed_receipt(qtbot, window, answers, settle):
    page = window.cashier_page
    panel = page.owed
    page.show_owed()
    owed = [r for r in data.owed_receipts(window.db) if r.door_status is None]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    assert not panel.buyer_button.isEnabled()  # nothing selected yet
    target = owed[-1]
    panel.select_receipt(target.id)
    assert panel.buyer_button.isEnabled()
    inn = with_check_digits("770708389")
    wrong_inn = inn[:-1] + str((int(inn[-1]) + 1) % 10)

    def fill(dialog) -> bool:
        assert isinstance(dialog, BuyerDialog)
        assert str(target.id) in dialog.windowTitle()
        dialog.name.setText("ООО «Тепломонтаж»")
        dialog.inn.setText(wrong_inn)
        dialog.accept()
        assert "is not valid" in dialog.error.text() and dialog.result() == 0  # the check digits
        dialog.inn.setText(inn)
        dialog.contact.setText("не почта")
        dialog.accept()
        assert "не e-mail и не телефон" in dialog.error.text() and dialog.result() == 0
        dialog.contact.setText("8 (916) 123-45-67")
        dialog.name.clear()
        dialog.accept()
        assert "buyer's name" in dialog.error.text() and dialog.result() == 0
        dialog.name.setText("ООО «Тепломонтаж»")
        return True

    answers.fill = fill
    with qtbot.waitSignal(panel.buyer_saved, timeout=10_000):
        panel.buyer_button.click()
    settle(window)
    plan = get_receipt(window.db, target.id).plan
    assert (plan.buyer_name, plan.buyer_inn, plan.buyer_contact) == ("ООО «Тепломонтаж»", inn, "+79161234567")
    assert answers.errors == []
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().id == target.id, timeout=10_000)
    assert panel.selected().plan.buyer_inn == inn  # the list shows the receipt as it will print

    # clearing the INN and the contact: back to a receipt without them
    answers.fill = lambda dialog: dialog.inn.clear() or dialog.contact.clear() or True
    with qtbot.waitSignal(panel.buyer_saved, timeout=10_000):
        panel.edit_buyer()
    settle(window)
    plan = get_receipt(window.db, target.id).plan
    assert (plan.buyer_inn, plan.buyer_contact) == (None, None) and plan.buyer_name == "ООО «Тепломонтаж»"


def test_the_buyer_from_the_customers_receipts(qtbot, window, answers, settle):
    page = window.cashier_page
    target = next(r for r in data.owed_receipts(window.db) if r.door_status is None and r.plan.customer_id)
    with qtbot.waitSignal(page.customer_loaded, timeout=10_000):
        page.load_customer(target.plan.customer_id)
    table = page.customer.receipts
    row = next(r for r in range(page.customer.receipts_proxy.rowCount())
               if page.customer.receipts_proxy.row_at(r).id == target.id)
    table.selectRow(row)
    answers.fill = lambda dialog: dialog.contact.setText("buh@teplo.ru") or True
    with qtbot.waitSignal(page.owed.buyer_saved, timeout=10_000):
        page.actions["buyer"].trigger()
    settle(window)
    assert get_receipt(window.db, target.id).plan.buyer_contact == "buh@teplo.ru" and answers.errors == []
