"""Shtrih-M driver: protocol codecs, typed commands and the register."""

from .register import ShtrihRegister
from .vat import VAT_FAMILIES, vat_table

__all__ = ["VAT_FAMILIES", "ShtrihRegister", "vat_table"]
