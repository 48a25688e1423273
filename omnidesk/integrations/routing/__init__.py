"""Travel matrices (great-circle or OSRM), benchmark readers and the PyVRP solver adapter."""

from __future__ import annotations

from collections.abc import Sequence

from omnidesk.core.routing.model import TravelMatrix
from omnidesk.integrations.routing.matrix import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH, LatLon, great_circle_matrix


def travel_matrix(points: Sequence[LatLon], osrm_url: str | None = None, detour_factor: float = DEFAULT_DETOUR_FACTOR,
                  speed_kmh: float = DEFAULT_SPEED_KMH) -> TravelMatrix:
    """From the OSRM server when `osrm_url` is set (settings: routing.osrm_url), else great-circle × detour."""
    if not osrm_url:
        return great_circle_matrix(points, detour_factor, speed_kmh)
    from omnidesk.integrations.routing.osrm import OsrmTableClient

    return OsrmTableClient(osrm_url, detour_factor=detour_factor, speed_kmh=speed_kmh).matrix(points)
