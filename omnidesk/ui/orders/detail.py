"""The detail panel of the Orders page: customer, delivery, lines and payments of one order."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from omnidesk.core.money import format_amount
from omnidesk.core.phones import format_phone
from omnidesk.core.timefmt import format_window
from omnidesk.services.dto import OrderDetail

from ..labels import kind_label, payment_kind_label, source_label, status_label


def _qty(milli: int) -> str:
    whole, frac = divmod(milli, 1000)
    return str(whole) if not frac else f"{whole},{frac:03d}".rstrip("0")


class OrderDetailPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(self._label.textInteractionFlags().TextSelectableByMouse)
        self._label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addWidget(self._label)
        layout.addStretch(1)
        self.setWidget(holder)
        self.clear()

    def clear(self) -> None:
        hint = self.tr("Select an order to see its details.")
        self._label.setText(f"<p style='color:#666'>{escape(hint)}</p>")

    def show_message(self, text: str) -> None:
        self._label.setText(f"<p style='color:#b3261e'>{escape(text)}</p>")

    def show_detail(self, d: OrderDetail) -> None:
        self._label.setText(self._html(d))

    def text(self) -> str:
        return self._label.text()

    def _html(self, d: OrderDetail) -> str:
        return "".join((self._header(d), self._customer(d), self._delivery(d), self._lines_table(d),
                        self._money(d), self._payments(d)))

    def _header(self, d: OrderDetail) -> str:
        title = self.tr("Order No. {0}").format(d.row.number)
        origin = source_label(d.row.source) + (f": {d.supplier}" if d.supplier else "")
        return f"<h2>{escape(title)}</h2><p><b>{escape(status_label(d.row.status))}</b> · {escape(origin)}</p>"

    def _customer(self, d: OrderDetail) -> str:
        c = d.customer
        inn = self.tr("INN {0}").format(c.inn) if c.inn else ""
        ids = " · ".join(x for x in (kind_label(c.kind), inn, format_phone(c.phone), c.email or "") if x)
        title = self.tr("Customer")
        return f"<h3>{escape(title)}</h3><p>{escape(c.name)}<br>{escape(ids)}</p>"

    def _delivery(self, d: OrderDetail) -> str:
        r = d.row
        when = r.delivery_date.strftime("%d.%m.%Y") if r.delivery_date else self.tr("not set")
        coords = f"{d.lat:.5f}, {d.lon:.5f}" if d.lat is not None and d.lon is not None else self.tr("no coordinates")
        weight = self.tr("{0} kg").format(_qty(r.weight_g))
        lines = [f"{when} {format_window(r.window_start, r.window_end)}", r.address]
        if d.contact_phone:
            lines.append(self.tr("Contact: {0}").format(format_phone(d.contact_phone)))
        if d.comment:
            lines.append(d.comment)
        body = "<br>".join(escape(x) for x in lines)
        title = self.tr("Delivery")
        return f"<h3>{escape(title)}</h3><p>{body}<br><span style='color:#666'>{escape(coords)} · {escape(weight)}</span></p>"

    def _lines_table(self, d: OrderDetail) -> str:
        headers = (self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Amount"), self.tr("VAT"))
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
        body = "".join(
            f"<tr><td>{escape(line.name)}</td><td align='right'>{_qty(line.quantity_milli)} {escape(line.unit)}</td>"
            f"<td align='right'>{format_amount(line.price)}</td><td align='right'>{format_amount(line.amount)}</td>"
            f"<td>{escape(line.vat_label)}</td></tr>"
            for line in d.lines
        )
        title = self.tr("Lines")
        return f"<h3>{escape(title)}</h3><table cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"

    def _money(self, d: OrderDetail) -> str:
        r = d.row
        colour = "#b3261e" if r.due else "#1b5e20"
        total, paid, due = self.tr("Total"), self.tr("Paid"), self.tr("Due")
        return (f"<p>{escape(total)}: <b>{format_amount(r.total)}</b> · {escape(paid)}: {format_amount(r.paid)}"
                f" · {escape(due)}: <b style='color:{colour}'>{format_amount(r.due)}</b></p>")

    def _payments(self, d: OrderDetail) -> str:
        title = escape(self.tr("Payments"))
        if not d.payments:
            none = self.tr("No payments yet.")
            return f"<h3>{title}</h3><p style='color:#666'>{escape(none)}</p>"
        items = []
        for p in d.payments:
            text = f"{p.received_at:%d.%m.%Y %H:%M} — {payment_kind_label(p.kind)}, {format_amount(p.amount)}"
            if p.allocated_here != p.amount:
                text += " " + self.tr("(to this order: {0})").format(format_amount(p.allocated_here))
            items.append(f"<li>{escape(text)}</li>")
        return f"<h3>{title}</h3><ul>{''.join(items)}</ul>"
