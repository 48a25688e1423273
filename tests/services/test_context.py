"""The composition root: one context from the settings, typed accessors, settings applied when saved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from omnidesk.app import build_context
from omnidesk.config import Settings
from omnidesk.core.changes import Changes
from omnidesk.core.enums import Role
from omnidesk.core.errors import InvalidInput
from omnidesk.core.routing.travel import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH
from omnidesk.services.database import init_database


@pytest.fixture
def context(sqlite_url):
    init_database(sqlite_url)[0].engine.dispose()
    ctx = build_context(sqlite_url)
    yield ctx
    ctx.close()


def test_the_context_is_built_from_typed_settings(context):
    assert context.database_description.startswith("SQLite")
    assert context.actor.role is Role.ADMIN and context.actor.name
    assert context.depot.lat == Decimal("55.6286") and isinstance(context.depot.lon, Decimal)
    assert context.depot_point()[1:] == (55.6286, 37.6196)
    assert (context.travel.detour_factor, context.travel.speed_kmh) == (DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH)
    assert context.travel is context.travel  # one per context: the OSRM client's cache lives between plans
    assert context.fiscal.url == "emulator" and context.geocoder() is None and context.tiles_url == ""


def test_saved_settings_rebuild_what_depends_on_them(context):
    travel = context.travel
    changes = context.update_settings({"routing.detour_factor": "1.5", "depot.lat": "55.7", "user.name": "Анна",
                                       "fiscal.url": "emulator"})
    assert changes == Changes(settings=frozenset({"routing.detour_factor", "depot.lat", "user.name"}))
    assert context.travel is not travel and context.travel.detour_factor == Decimal("1.5")
    assert context.depot.lat == Decimal("55.7") and context.actor.name == "Анна"
    assert context.journal_depends_on(changes.settings)
    assert Settings().get("routing.detour_factor") == "1.5"  # saved in the file


def test_bad_settings_change_nothing(context):
    with pytest.raises(InvalidInput):
        context.update_settings({"routing.speed_kmh": "быстро", "fiscal.url": "socket://127.0.0.1:1"})
    assert context.fiscal.url == "emulator" and context.travel.speed_kmh == DEFAULT_SPEED_KMH


def test_the_journal_talks_to_the_register_configured_now(context, tmp_path):
    first = context.journal()
    context.update_settings({"fiscal.url": "socket://127.0.0.1:7778"})
    second = context.journal()
    assert first is not second and second.actor == context.actor
