"""All tables; importing this package registers every model on ``Base.metadata``."""

from .audit import AuditEntry
from .bank import BankLine, BankLineStatus, BankStatement, PayerAccount
from .catalog import Product
from .changes import ChangeLog
from .customers import Customer, CustomerContact
from .handover import CashHandover
from .logistics import Depot, Driver, Route, Stop, Vehicle
from .money import Allocation, Payment, Refund
from .orders import Order, OrderLine
from .planning import GeocodeEntry, OrderPlanning  # noqa: F401 (route planning)
from .receipts import Receipt, ReceiptLine, ReceiptLink
from .sync import OutboxMessage, SyncConflict, SyncState
from .users import User

__all__ = [
    "Allocation",
    "AuditEntry",
    "BankLine",
    "BankLineStatus",
    "BankStatement",
    "CashHandover",
    "ChangeLog",
    "Customer",
    "CustomerContact",
    "Depot",
    "Driver",
    "Order",
    "OrderLine",
    "OutboxMessage",
    "PayerAccount",
    "Payment",
    "Product",
    "Receipt",
    "ReceiptLine",
    "ReceiptLink",
    "Refund",
    "Route",
    "Stop",
    "SyncConflict",
    "SyncState",
    "User",
    "Vehicle",
]
