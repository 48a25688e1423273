"""The Nominatim client and the cached geocoding of orders, against a loopback server."""

from __future__ import annotations

import datetime as dt
import json
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from omnidesk.core.enums import Role
from omnidesk.integrations.routing.geocoder import GeocoderError, NominatimClient
from omnidesk.persistence.models import Order
from omnidesk.services import planning
from omnidesk.services.auth import Actor
from omnidesk.services.geocoding import geocode_orders
from tests.fakes.loopback import JsonHandler, serving

KNOWN = {"москва, тверская ул., 7": (55.7579, 37.6110, "7, Тверская улица, Москва")}


class FakeNominatim(JsonHandler):
    queries: list[dict] = []

    def do_GET(self):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        self.queries.append(query)
        if url.path != "/search" or query.get("format") != "jsonv2":
            return self.send_json(400, {"error": "bad request"})
        if "сломано" in query["q"]:
            return self.send_json(503, {"error": "busy"})
        hit = KNOWN.get(" ".join(query["q"].split()).casefold())
        body = [] if hit is None else [{"lat": str(hit[0]), "lon": str(hit[1]), "display_name": hit[2],
                                        "place_id": 1}]
        self.send_json(200, body)



@pytest.fixture
def nominatim():
    FakeNominatim.queries = []
    with serving(FakeNominatim) as url:
        yield url


def test_client_finds_an_address_and_says_when_it_does_not(nominatim):
    client = NominatimClient(nominatim, min_interval=0)
    found = client.geocode("Москва, Тверская ул., 7")
    assert (found.lat, found.lon) == (55.7579, 37.6110)
    assert client.geocode("Нигде, ул. Несуществующая") is None
    assert FakeNominatim.queries[0]["countrycodes"] == "ru" and FakeNominatim.queries[0]["limit"] == "1"
    with pytest.raises(GeocoderError, match="503"):
        client.geocode("сломано")


def test_orders_without_coordinates_get_them_once_and_then_plan(demo_db, nominatim):
    day = dt.date(2026, 3, 10)
    with demo_db.unit_of_work() as s:
        orders = s.scalars(select(Order).where(Order.delivery_date == day).order_by(Order.number)).all()[:3]
        for order, address in zip(orders, ("Москва,  Тверская ул., 7", "москва, тверская ул., 7", "Нигде, д. 1"), strict=False):
            order.lat = order.lon = None
            order.address = address
        numbers = [order.number for order in orders]
    actor = Actor("логист", Role.LOGIST)
    outcome = geocode_orders(demo_db, actor, NominatimClient(nominatim, min_interval=0), day)
    assert outcome.located == tuple(numbers[:2]) and outcome.not_found == (numbers[2],)
    assert outcome.asked == 2  # the second spelling of the same address came from the cache
    again = geocode_orders(demo_db, actor, NominatimClient(nominatim, min_interval=0), day)
    assert again.asked == 0 and again.not_found == (numbers[2],)
    draft = planning.load_draft(demo_db, day)
    assert numbers[0] in draft.problem.orders_by_id
    assert [item.order for item in draft.excluded] == [numbers[2]]


def test_progress_after_each_order_and_cancel_keeps_what_was_found(demo_db, nominatim):
    day = dt.date(2026, 3, 10)
    with demo_db.unit_of_work() as s:
        orders = s.scalars(select(Order).where(Order.delivery_date == day).order_by(Order.number)).all()[:3]
        for order in orders:
            order.lat = order.lon = None
            order.address = "Москва, Тверская ул., 7"
        numbers = [order.number for order in orders]
    actor = Actor("логист", Role.LOGIST)
    cancel = threading.Event()
    seen = []

    def progress(step):
        seen.append((step.done, step.total, step.order, step.found))
        if step.done == 2:
            cancel.set()  # the logist presses Cancel after the second order

    outcome = geocode_orders(demo_db, actor, NominatimClient(nominatim, min_interval=0), day, on_progress=progress,
                             cancel=cancel)
    assert outcome.cancelled and outcome.located == tuple(numbers[:2]) and outcome.asked == 1
    assert seen == [(1, 3, numbers[0], True), (2, 3, numbers[1], True)]
    with demo_db.unit_of_work() as s:
        placed = {o.number: o.lat for o in s.scalars(select(Order).where(Order.number.in_(numbers)))}
    assert placed[numbers[0]] == 55.7579 and placed[numbers[2]] is None
    rest = geocode_orders(demo_db, actor, NominatimClient(nominatim, min_interval=0), day)
    assert rest.located == (numbers[2],) and rest.asked == 0 and not rest.cancelled


def test_a_geocoder_failure_keeps_the_orders_already_located(demo_db, nominatim):
    day = dt.date(2026, 3, 10)
    with demo_db.unit_of_work() as s:
        orders = s.scalars(select(Order).where(Order.delivery_date == day).order_by(Order.number)).all()[:2]
        for order, address in zip(orders, ("Москва, Тверская ул., 7", "сломано, д. 1"), strict=False):
            order.lat = order.lon = None
            order.address = address
        first = orders[0].number
    with pytest.raises(GeocoderError):
        geocode_orders(demo_db, Actor("логист", Role.LOGIST), NominatimClient(nominatim, min_interval=0), day)
    with demo_db.unit_of_work() as s:
        assert s.scalar(select(Order).where(Order.number == first)).lat == 55.7579


def test_cli_geocode_then_plan_with_geocode(capsys, sqlite_url, nominatim):
    from omnidesk.cli import main
    from omnidesk.config import Settings
    from omnidesk.services.database import init_database
    from omnidesk.services.demo import load_demo

    day = dt.date(2026, 3, 10)
    db = init_database(sqlite_url)[0]
    load_demo(db, today=day)
    with db.unit_of_work() as s:
        orders = s.scalars(select(Order).where(Order.delivery_date == day).order_by(Order.number)).all()[:2]
        for order, address in zip(orders, ("Москва, Тверская ул., 7", "Нигде, д. 1"), strict=False):
            order.lat = order.lon = None
            order.address = address
        numbers = [order.number for order in orders]
    db.engine.dispose()
    assert main(["geocode", "--date", str(day), "--db", sqlite_url]) == 2  # no geocoder configured: one line
    assert "routing.geocoder_url" in capsys.readouterr().err
    settings = Settings()
    settings.set("routing.geocoder_url", nominatim)
    settings.save()
    assert main(["geocode", "--date", str(day), "--db", sqlite_url, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"located": numbers[:1], "not_found": numbers[1:], "asked": 2}
    assert main(["plan", "--date", str(day), "--geocode", "--max-iterations", "50", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "Координаты найдены: 0, не найдены: 1 (запросов к геокодеру: 0)" in out
    assert f"Не в маршруте №{numbers[1]}" in out and "Черновик маршрутов сохранён." in out
