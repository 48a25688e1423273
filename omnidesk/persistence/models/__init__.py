"""All tables; importing this package registers every model on ``Base.metadata``."""

from .audit import AuditEntry
from .catalog import Product
from .customers import Customer, CustomerContact
from .logistics import Depot, Driver, Route, Stop, Vehicle
from .money import Allocation, Payment, Refund
from .orders import Order, OrderLine
from .receipts import Receipt, ReceiptLine, ReceiptLink

__all__ = [
    "Allocation",
    "AuditEntry",
    "Customer",
    "CustomerContact",
    "Depot",
    "Driver",
    "Order",
    "OrderLine",
    "Payment",
    "Product",
    "Receipt",
    "ReceiptLine",
    "ReceiptLink",
    "Refund",
    "Route",
    "Stop",
    "Vehicle",
]
