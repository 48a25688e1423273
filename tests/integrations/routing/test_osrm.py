"""The OSRM /table client against a loopback server that answers like osrm-routed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from omnidesk.integrations.routing import travel_matrix
from omnidesk.integrations.routing.matrix import great_circle_matrix, haversine_m
from omnidesk.integrations.routing.osrm import OsrmTableClient, RoutingServiceError
from tests.fakes.loopback import JsonHandler, serving

MAX_TABLE_SIZE = 6
POINTS = [(55.70 + i * 0.01, 37.50 + (i % 3) * 0.02) for i in range(11)]
UNROUTABLE = (len(POINTS) - 1, 0)  # no road from the last point to the first


class FakeOsrm(JsonHandler):
    """Durations = 100·|i−j| s and distances = 1000·|i−j| m, i and j being the point numbers."""

    calls: list[dict] = []

    def do_GET(self):
        url = urlsplit(self.path)
        head, _, coordinates = url.path.partition("/table/v1/driving/")
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        points = [tuple(map(float, pair.split(","))) for pair in coordinates.split(";")]
        if len(points) > MAX_TABLE_SIZE:
            return self.send_json(400, {"code": "TooBig", "message": "Too many table coordinates"})
        if coordinates == "" or head:
            return self.send_json(400, {"code": "InvalidUrl", "message": "bad url"})
        self.calls.append(query)
        number = [self._number(lon, lat) for lon, lat in points]
        sources = [int(i) for i in query["sources"].split(";")]
        targets = [int(i) for i in query["destinations"].split(";")]
        durations = [[self._cell(number[s], number[t], 100) for t in targets] for s in sources]
        distances = [[self._cell(number[s], number[t], 1000) for t in targets] for s in sources]
        waypoint = [{"location": [lon, lat], "name": "", "distance": 1.5, "hint": "x"} for lon, lat in points]
        self.send_json(200, {"code": "Ok", "durations": durations, "distances": distances,
                         "sources": [waypoint[s] for s in sources], "destinations": [waypoint[t] for t in targets]})

    @staticmethod
    def _number(lon: float, lat: float) -> int:
        return min(range(len(POINTS)), key=lambda i: abs(POINTS[i][0] - lat) + abs(POINTS[i][1] - lon))

    @staticmethod
    def _cell(source: int, target: int, unit: int):
        return None if (source, target) == UNROUTABLE else abs(source - target) * unit + 0.4



@pytest.fixture
def osrm_url():
    FakeOsrm.calls = []
    with serving(FakeOsrm) as url:
        yield url


def test_large_table_is_fetched_in_chunks_and_assembled(osrm_url):
    client = OsrmTableClient(osrm_url, max_table_size=MAX_TABLE_SIZE)
    matrix = client.matrix(POINTS)
    assert client.requests_made == 16  # 11 points in blocks of 3 → 4 × 4 blocks
    for i in range(len(POINTS)):
        for j in range(len(POINTS)):
            if (i, j) == UNROUTABLE:
                continue
            assert matrix.duration(i, j) == abs(i - j) * 100
            assert matrix.distance(i, j) == abs(i - j) * 1000


def test_unroutable_pairs_get_the_great_circle_estimate(osrm_url):
    client = OsrmTableClient(osrm_url, max_table_size=MAX_TABLE_SIZE)
    matrix = client.matrix(POINTS)
    i, j = UNROUTABLE
    assert client.filled_pairs == 1
    assert matrix.distance(i, j) == round(haversine_m(POINTS[i], POINTS[j]) * 1.35)


def test_repeated_tables_come_from_the_cache(osrm_url):
    client = OsrmTableClient(osrm_url, max_table_size=MAX_TABLE_SIZE)
    first = client.matrix(POINTS)
    asked = client.requests_made
    assert client.matrix(POINTS) == first
    assert client.requests_made == asked


def test_the_lru_cache_forgets_the_oldest_blocks(osrm_url):
    client = OsrmTableClient(osrm_url, max_table_size=MAX_TABLE_SIZE, cache_blocks=2)
    client.matrix(POINTS[:3])
    client.matrix(POINTS[3:6])
    client.matrix(POINTS[6:9])
    asked = client.requests_made
    client.matrix(POINTS[:3])
    assert client.requests_made == asked + 1


def test_server_errors_become_routing_service_errors(osrm_url):
    client = OsrmTableClient(osrm_url, max_table_size=MAX_TABLE_SIZE * 4)
    with pytest.raises(RoutingServiceError, match="Too many table coordinates"):
        client.matrix(POINTS)
    with pytest.raises(RoutingServiceError, match="недоступен"):
        OsrmTableClient("http://127.0.0.1:9", timeout=2).matrix(POINTS[:2])


def test_travel_matrix_picks_osrm_only_when_a_url_is_set(osrm_url):
    assert travel_matrix(POINTS[:3]) == great_circle_matrix(POINTS[:3])
    assert travel_matrix(POINTS[:3], osrm_url=osrm_url).distance(0, 2) == 2000


def test_great_circle_matrix_units():
    matrix = great_circle_matrix([(55.0, 37.0), (56.0, 37.0)], detour_factor=1.0, speed_kmh=36.0)
    assert 111_000 < matrix.distance(0, 1) < 111_400  # one degree of latitude
    assert matrix.duration(0, 1) == round(matrix.distance(0, 1) / 10)  # 36 km/h = 10 m/s
