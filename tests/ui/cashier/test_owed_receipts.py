"""«Receipts to print»: every owed receipt of the shop, oldest first, printed in one go; a counter in the status bar."""

from __future__ import annotations

from omnidesk.services import cashier as data


def test_every_owed_receipt_is_listed_and_printed_with_one_action(qtbot, window, answers, settle):
    owed = data.owed_receipts(window.db)
    assert len(owed) >= 10  # the demo's prepayments and advances, for many customers
    page = window.cashier_page
    qtbot.waitUntil(lambda: page.owed.model.rowCount() == len(owed), timeout=10_000)
    shown = [page.owed.proxy.index(r, 1).data() for r in range(page.owed.proxy.rowCount())]
    assert len(set(shown)) > 1  # more than one customer, not only the one on screen
    created = [r.created_at for r in page.owed.receipts]
    assert created == sorted(created)
    assert str(len(owed)) in window.status.owed.text()

    window.status.owed.linkActivated.emit("owed")
    assert page.right_tabs.currentWidget() is page.owed
    answers.confirm = True
    page.owed.print_all.click()
    settle(window)
    qtbot.waitUntil(lambda: page.owed.model.rowCount() == 0, timeout=30_000)
    assert data.owed_receipts(window.db) == [] and answers.errors == []
    assert len(answers.confirmed) == 1 and str(len(owed)) in answers.confirmed[0][0]
    assert "0" in window.status.owed.text() and not page.owed.print_all.isEnabled()
