"""Errors of the receipt plan; each reads as one clear line to a cashier."""

from __future__ import annotations

from ..errors import InvalidInput


class ReceiptPlanError(InvalidInput):
    """A receipt that cannot be planned as asked: wrong sums, quantities or codes."""


class UnbalancedReceipt(ReceiptPlanError):
    """The payments of a receipt (1031 + 1081 + 1215 + 1216) do not add up to its total (1020)."""


class DeliveryPaymentMismatch(ReceiptPlanError):
    """The money collected at the door is not what the accepted goods still cost.

    ``due`` is what had to be collected, ``collected`` what was; ``unpaid`` is the shortfall
    (0 when more was collected than due).
    """

    def __init__(self, message: str, *, due: int, collected: int) -> None:
        super().__init__(message)
        self.due = due
        self.collected = collected

    @property
    def unpaid(self) -> int:
        return max(self.due - self.collected, 0)

    @property
    def overpaid(self) -> int:
        return max(self.collected - self.due, 0)
