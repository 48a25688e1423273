"""A Nominatim-compatible geocoder: address → (lat, lon), through GET {base}/search.

GET /search?q=<address>&format=jsonv2&limit=1[&countrycodes=ru]
→ [{"lat": "55.75", "lon": "37.61", "display_name": "...", ...}] or [] when nothing is found.
Public Nominatim asks for a real User-Agent and at most one request a second: `min_interval`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import requests

from omnidesk.integrations.routing.osrm import RoutingServiceError

USER_AGENT = "OmniDesk route planning"


@dataclass(frozen=True)
class GeocodeResult:
    lat: float
    lon: float
    display_name: str


class GeocoderError(RoutingServiceError):
    """The geocoder could not be reached or answered with an error."""


class NominatimClient:
    def __init__(self, base_url: str, country_codes: str = "ru", timeout: float = 10.0, min_interval: float = 1.0,
                 session: requests.Session | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.country_codes = country_codes
        self.timeout = timeout
        self.min_interval = min_interval
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self._last = 0.0
        self.requests_made = 0

    def geocode(self, address: str) -> GeocodeResult | None:
        """The best match for an address, or None when the geocoder knows no such place."""
        wait = self._last + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        params = {"q": address, "format": "jsonv2", "limit": "1"}
        if self.country_codes:
            params["countrycodes"] = self.country_codes
        try:
            response = self.session.get(f"{self.base_url}/search", params=params, timeout=self.timeout)
        except requests.RequestException as exc:
            raise GeocoderError(f"геокодер {self.base_url} недоступен: {exc}") from exc
        finally:
            self._last = time.monotonic()
            self.requests_made += 1
        if response.status_code != 200:
            raise GeocoderError(f"геокодер ответил {response.status_code}: {response.text[:200]}")
        try:
            found = response.json()
            if not found:
                return None
            best = found[0]
            return GeocodeResult(float(best["lat"]), float(best["lon"]), str(best.get("display_name", "")))
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise GeocoderError(f"геокодер прислал непонятный ответ: {exc}") from exc
