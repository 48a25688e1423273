"""Travel matrices from an OSRM server's /table service, in chunks, with an LRU cache.

GET {base}/table/v1/{profile}/{lon,lat;lon,lat;...}?sources=..&destinations=..
    &annotations=duration,distance
→ {"code": "Ok", "durations": [[s, ...]], "distances": [[m, ...]], ...}; an entry is null
where OSRM found no route. Such pairs are filled with the great-circle estimate.
osrm-routed caps a table at --max-table-size coordinates (100 by default), so a large
matrix is asked for as blocks of sources × destinations that each stay under the cap.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import requests

from omnidesk.core.errors import OmniDeskError
from omnidesk.core.routing.model import TravelMatrix
from omnidesk.integrations.routing.matrix import (
    DEFAULT_DETOUR_FACTOR,
    DEFAULT_SPEED_KMH,
    LatLon,
    haversine_m,
    seconds_at,
)

Block = tuple[list[list[int]], list[list[int]]]  # durations, distances


class RoutingServiceError(OmniDeskError):
    """The routing server could not be reached or answered with an error."""


class OsrmTableClient:
    """Builds TravelMatrix objects from OSRM; blocks already fetched are served from memory."""

    def __init__(self, base_url: str, profile: str = "driving", max_table_size: int = 100, timeout: float = 30.0,
                 cache_blocks: int = 256, session: requests.Session | None = None,
                 detour_factor: float = DEFAULT_DETOUR_FACTOR, speed_kmh: float = DEFAULT_SPEED_KMH) -> None:
        if max_table_size < 2:
            raise ValueError("max_table_size must be at least 2")
        self.base_url = base_url.rstrip("/")
        self.profile = profile
        self.chunk = max_table_size // 2
        self.timeout = timeout
        self.session = session or requests.Session()
        self.detour_factor = detour_factor
        self.speed_kmh = speed_kmh
        self.cache_blocks = cache_blocks
        self._cache: OrderedDict[tuple, Block] = OrderedDict()
        self.requests_made = 0
        self.filled_pairs = 0

    def matrix(self, points: Sequence[LatLon]) -> TravelMatrix:
        """Durations (s) and distances (m) between all (lat, lon) points, rounded to integers."""
        size = len(points)
        durations = [[0] * size for _ in range(size)]
        distances = [[0] * size for _ in range(size)]
        starts = range(0, size, self.chunk)
        for source_start in starts:
            sources = list(range(source_start, min(source_start + self.chunk, size)))
            for target_start in starts:
                targets = list(range(target_start, min(target_start + self.chunk, size)))
                block_durations, block_distances = self._block(points, sources, targets)
                for row, source in enumerate(sources):
                    for column, target in enumerate(targets):
                        durations[source][target] = block_durations[row][column]
                        distances[source][target] = block_distances[row][column]
        return TravelMatrix(tuple(map(tuple, distances)), tuple(map(tuple, durations)))

    def _block(self, points: Sequence[LatLon], sources: list[int], targets: list[int]) -> Block:
        source_points = tuple(_rounded(points[i]) for i in sources)
        target_points = tuple(_rounded(points[i]) for i in targets)
        key = (source_points, target_points)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        block = self._fetch(source_points, target_points)
        self._cache[key] = block
        if len(self._cache) > self.cache_blocks:
            self._cache.popitem(last=False)
        return block

    def _fetch(self, sources: tuple[LatLon, ...], targets: tuple[LatLon, ...]) -> Block:
        coordinates = ";".join(f"{lon:.6f},{lat:.6f}" for lat, lon in (*sources, *targets))
        params = {
            "sources": ";".join(str(i) for i in range(len(sources))),
            "destinations": ";".join(str(len(sources) + i) for i in range(len(targets))),
            "annotations": "duration,distance",
        }
        url = f"{self.base_url}/table/v1/{self.profile}/{coordinates}"
        body = self._get(url, params)
        durations = body.get("durations")
        distances = body.get("distances")
        if not isinstance(durations, list) or not isinstance(distances, list):
            raise RoutingServiceError("сервер маршрутов не прислал матрицу времени и расстояний")
        return self._filled(sources, targets, durations, distances)

    def _get(self, url: str, params: dict[str, str]) -> dict:
        self.requests_made += 1
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except requests.RequestException as error:
            raise RoutingServiceError(f"сервер маршрутов недоступен: {error}") from error
        try:
            body = response.json()
        except ValueError:
            raise RoutingServiceError(f"сервер маршрутов ответил {response.status_code} не в JSON") from None
        if response.status_code != 200 or body.get("code") != "Ok":
            message = body.get("message") or body.get("code") or response.status_code
            raise RoutingServiceError(f"сервер маршрутов вернул ошибку: {message}")
        return body

    def _filled(self, sources: tuple[LatLon, ...], targets: tuple[LatLon, ...], durations: list, distances: list
                ) -> Block:
        """Integer block; pairs OSRM could not route get the great-circle estimate."""
        out_durations: list[list[int]] = []
        out_distances: list[list[int]] = []
        for row, source in enumerate(sources):
            duration_row, distance_row = [], []
            for column, target in enumerate(targets):
                duration, distance = durations[row][column], distances[row][column]
                if duration is None or distance is None:
                    self.filled_pairs += 1
                    distance = haversine_m(source, target) * self.detour_factor
                    duration = seconds_at(distance, self.speed_kmh)
                duration_row.append(round(duration))
                distance_row.append(round(distance))
            out_durations.append(duration_row)
            out_distances.append(distance_row)
        return out_durations, out_distances


def _rounded(point: LatLon) -> LatLon:
    return round(point[0], 6), round(point[1], 6)
