"""Where travel times come from: an OSRM server when configured, else great-circle × detour factor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from omnidesk.core.routing import TravelMatrix
from omnidesk.core.routing.travel import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH
from omnidesk.integrations.routing.matrix import great_circle_matrix

LatLon = tuple[float, float]


@dataclass
class Travel:
    """One per session: the OSRM client keeps its cache of table blocks between plans."""

    osrm_url: str = ""
    detour_factor: Decimal = DEFAULT_DETOUR_FACTOR
    speed_kmh: Decimal = DEFAULT_SPEED_KMH
    _client: object | None = field(default=None, repr=False)

    def matrix(self, points: Sequence[LatLon]) -> TravelMatrix:
        detour, speed = float(self.detour_factor), float(self.speed_kmh)
        if not self.osrm_url:
            return great_circle_matrix(points, detour, speed)
        if self._client is None:
            from omnidesk.integrations.routing.osrm import OsrmTableClient

            self._client = OsrmTableClient(self.osrm_url, detour_factor=detour, speed_kmh=speed)
        return self._client.matrix(points)  # type: ignore[attr-defined]
