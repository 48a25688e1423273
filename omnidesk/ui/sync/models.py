"""The Sync page's tables: the outbox and the conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from omnidesk.services.sync.status import ConflictView, MessageView

from ..tables import Index, ListTableModel


def state_word(state: str) -> str:
    words = {
        "pending": QCoreApplication.translate("SyncPage", "waiting"),
        "parked": QCoreApplication.translate("SyncPage", "parked"),
        "sent": QCoreApplication.translate("SyncPage", "sent"),
        "skipped": QCoreApplication.translate("SyncPage", "not needed"),
    }
    return words.get(state, state)


class OutboxModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([self.tr("No."), self.tr("Created"), self.tr("To"), self.tr("What"), self.tr("Order or route"),
                          self.tr("State"), self.tr("Tries"), self.tr("Next try"), self.tr("Error or note")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        m: MessageView = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(m.id), m.created_at, m.target, m.kind, m.stream.split(":", 1)[-1], state_word(m.state),
                    str(m.attempts), m.next_at, m.error)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and m.state == "parked":
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 8:
            return m.error or None
        return None


class ConflictsModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([self.tr("Order"), self.tr("Kind"), self.tr("What happened"), self.tr("Since")], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        c: ConflictView = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = {"cancelled": self.tr("cancelled in the CRM"), "delivery": self.tr("date or window"),
                    "lines": self.tr("lines"), "onec_version": self.tr("changed in 1C")}.get(c.kind, c.kind)
            return (c.order, kind, c.detail, c.created_at)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return c.detail
        return None
