"""Travel matrices without a routing server: great-circle distance × detour factor, average speed."""

from __future__ import annotations

import math
from collections.abc import Sequence

from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing import travel
from omnidesk.core.routing.model import TravelMatrix

EARTH_RADIUS_M = 6_371_000.0
DEFAULT_DETOUR_FACTOR = float(travel.DEFAULT_DETOUR_FACTOR)
DEFAULT_SPEED_KMH = float(travel.DEFAULT_SPEED_KMH)

LatLon = tuple[float, float]


def haversine_m(origin: LatLon, destination: LatLon) -> float:
    """Great-circle distance in metres between two (lat, lon) points in degrees."""
    lat1, lon1 = map(math.radians, origin)
    lat2, lon2 = map(math.radians, destination)
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def seconds_at(metres: float, speed_kmh: float) -> int:
    return round(metres * 3.6 / speed_kmh)


def great_circle_matrix(points: Sequence[LatLon], detour_factor: float = DEFAULT_DETOUR_FACTOR,
                        speed_kmh: float = DEFAULT_SPEED_KMH) -> TravelMatrix:
    """Road distance ≈ great-circle × detour factor (metres); time = distance / average speed (seconds)."""
    if detour_factor < 1 or speed_kmh <= 0:
        raise InvalidInput("коэффициент извилистости должен быть не меньше 1, а скорость больше нуля")
    distances = []
    durations = []
    for origin in points:
        row = [round(haversine_m(origin, destination) * detour_factor) for destination in points]
        distances.append(tuple(row))
        durations.append(tuple(seconds_at(metres, speed_kmh) for metres in row))
    return TravelMatrix(tuple(distances), tuple(durations))
