"""OmniDesk: the office console for deliveries, money and 54-FZ receipts."""

__version__ = "0.1.0"
