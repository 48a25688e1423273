"""Recovery reads the document right after the one noted before printing, not merely the device's last."""

from __future__ import annotations

from fiscal_drivers import open_register

from .conftest import simple_receipt


def test_recover_reads_the_document_after_the_noted_one(emulator) -> None:
    with open_register(emulator.url) as kkt:
        kkt.open_shift()
        before = kkt.last_document_number()
        ours = kkt.print_receipt(simple_receipt("Наш чек", 12300))
        kkt.print_receipt(simple_receipt("Чужой чек", 45600))  # another program printed after ours
        found = kkt.recover(before)
    assert found.fiscalised is True and found.last_document_number == before + 2
    assert found.document is not None and found.document.number == ours.fd_number == before + 1
    assert found.document.tags[1020] == 12300
