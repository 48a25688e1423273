"""1C:Enterprise standard OData interface (UT 11)."""

from .client import ODataClient

__all__ = ["ODataClient"]
