"""Travel without a routing server, declared once: road distance ≈ great-circle × detour factor, at an
average speed. Settings (routing.detour_factor, routing.speed_kmh) default to these."""

from __future__ import annotations

from decimal import Decimal

DEFAULT_DETOUR_FACTOR = Decimal("1.35")
DEFAULT_SPEED_KMH = Decimal("25")
