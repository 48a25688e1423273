"""Raster map tiles from a tile server ({z}/{x}/{y} URL template), fetched with requests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import requests

from omnidesk.integrations.routing.geocoder import USER_AGENT
from omnidesk.integrations.routing.osrm import RoutingServiceError


def fetch_tile(template: str, z: int, x: int, y: int, timeout: float = 10.0, cache_dir: Path | None = None) -> bytes:
    """The tile's image; with ``cache_dir``, kept on disk and read from there next time (per tile server)."""
    cached = None
    if cache_dir is not None:
        cached = cache_dir / hashlib.sha1(template.encode()).hexdigest()[:12] / str(z) / str(x) / f"{y}.tile"
        if cached.exists():
            return cached.read_bytes()
    data = _download(template, z, x, y, timeout)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(cached)
    return data


def _download(template: str, z: int, x: int, y: int, timeout: float) -> bytes:
    url = template.format(z=z, x=x, y=y)
    try:
        response = requests.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    except requests.RequestException as exc:
        raise RoutingServiceError(f"сервер карт {url.split('/')[2] if '//' in url else url} не отвечает") from exc
    if response.status_code != 200:
        raise RoutingServiceError(f"сервер карт ответил {response.status_code} на {url}")
    return response.content
