"""Raster map tiles from a tile server ({z}/{x}/{y} URL template), fetched with requests."""

from __future__ import annotations

import requests

from omnidesk.integrations.routing.geocoder import USER_AGENT
from omnidesk.integrations.routing.osrm import RoutingServiceError


def fetch_tile(template: str, z: int, x: int, y: int, timeout: float = 10.0) -> bytes:
    url = template.format(z=z, x=x, y=y)
    try:
        response = requests.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    except requests.RequestException as exc:
        raise RoutingServiceError(f"сервер карт {url} недоступен: {exc}") from exc
    if response.status_code != 200:
        raise RoutingServiceError(f"сервер карт ответил {response.status_code} на {url}")
    return response.content
