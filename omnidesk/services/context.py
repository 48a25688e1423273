"""The composition root's product: everything a window, a page or a command needs, built once.

``omnidesk.app.build_context()`` makes one :class:`AppContext` from the settings: the database, the
signed-in person (``actor``, which «Сменить пользователя» may replace), the fiscal journal on the
configured register, travel settings, the depot, the geocoder and the map tiles. Pages and commands
take what they need from it and never read a setting's text themselves. When settings are saved,
:meth:`AppContext.update_settings` rebuilds what depends on them and returns ``Changes(settings=…)``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from omnidesk.config import DepotSettings, FiscalSettings, Settings, data_dir, default_db_url
from omnidesk.core.changes import Changes
from omnidesk.persistence.db import describe

from .audit import current_user
from .auth import Actor
from .planning.travel import Travel
from .uow import Database

if TYPE_CHECKING:
    from omnidesk.integrations.routing.geocoder import NominatimClient

    from .fiscal import FiscalJournal

EMULATOR = "emulator"  # fiscal.url of the built-in register
JournalFactory = Callable[["AppContext"], "FiscalJournal"]

# which settings a running application picks up at once, and which only after a restart
RESTART_KEYS = frozenset({"db.url", "ui.lang"})
FISCAL_KEYS = frozenset({"fiscal.url", "fiscal.protocol", "fiscal.tax_system"})
ROUTING_KEYS = frozenset({"routing.osrm_url", "routing.detour_factor", "routing.speed_kmh"})
USER_KEYS = frozenset({"user.name", "user.role", "user.position", "user.inn"})


def register_journal(context: AppContext) -> FiscalJournal:
    """The journal on the register named in settings (``emulator``: the built-in one kept for this database).

    A demo database prints only on its own emulator, whatever register the settings name.
    """
    from omnidesk.integrations.fiscal import RegisterConnection

    from .cashier_identity import current_cashier, current_tax_system
    from .fiscal import FiscalJournal

    url, protocol = context.register_url, context.fiscal.protocol
    emulator_dir = context.emulator_dir
    settings = context.settings
    return FiscalJournal(context.db, lambda: RegisterConnection(url, protocol, emulator_dir=emulator_dir),
                         context.actor, cashier=lambda: current_cashier(settings),
                         tax_system=lambda: current_tax_system(settings))


def emulator_dir_for(db_url: str, *, demo: bool) -> Path:
    """Where the built-in emulator keeps its fiscal storage and state for one database.

    Each database has its own (a shift opened or a receipt printed for one never shows in another); the
    default working database keeps the directory it always had.
    """
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if not demo and url == make_url(default_db_url()):
        return data_dir() / "emulator"
    key = hashlib.sha1(url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return data_dir() / f"emulator-{'demo-' if demo else ''}{key}"


class AppContext:
    def __init__(self, db: Database, settings: Settings, *, lang: str | None = None,
                 journal_factory: JournalFactory | None = None, emulator_dir: Path | None = None) -> None:
        self.db = db
        self.settings = settings
        self.lang = lang or settings.lang()
        self.database_description = describe(db.engine)
        from .demo import is_demo_database

        self.is_demo = is_demo_database(db)
        self.emulator_dir = emulator_dir or emulator_dir_for(db.engine.url.render_as_string(hide_password=False),
                                                             demo=self.is_demo)
        self._journal_factory = journal_factory or register_journal
        self.actor = self._settings_actor()
        self._travel: Travel | None = None

    def _settings_actor(self) -> Actor:
        return Actor(current_user(self.settings.user_name()), self.settings.user_role())

    # --- what pages and commands use -----------------------------------------------------------
    def journal(self) -> FiscalJournal:
        """A fiscal journal on the register configured now (each call: a new one, not yet connected)."""
        return self._journal_factory(self)

    @property
    def fiscal(self) -> FiscalSettings:
        return self.settings.fiscal()

    @property
    def register_url(self) -> str:
        """The register receipts go to: the settings' one, or the built-in emulator for a demo database."""
        return EMULATOR if self.is_demo else self.fiscal.url

    @property
    def depot(self) -> DepotSettings:
        return self.settings.depot()

    def depot_point(self) -> tuple[str, float, float]:
        """The depot as route planning takes it when the database has none with coordinates."""
        depot = self.depot
        return depot.address, float(depot.lat), float(depot.lon)

    @property
    def travel(self) -> Travel:
        """One per context, so the OSRM client's cache lives between plans; rebuilt when routing settings change."""
        if self._travel is None:
            travel = self.settings.travel()
            self._travel = Travel(travel.osrm_url, travel.detour_factor, travel.speed_kmh)
        return self._travel

    @property
    def geocoder_url(self) -> str:
        return self.settings.geocoder_url()

    def geocoder(self) -> NominatimClient | None:
        """A client of the configured Nominatim-compatible geocoder, or None when none is set."""
        url = self.geocoder_url
        if not url:
            return None
        from omnidesk.integrations.routing.geocoder import NominatimClient

        return NominatimClient(url)

    @property
    def tiles_url(self) -> str:
        return self.settings.tiles_url()

    def fetch_tile(self, z: int, x: int, y: int) -> bytes:
        """One map tile from the configured tile server (runs on a worker: it is network I/O)."""
        from omnidesk.integrations.routing.tiles import fetch_tile

        return fetch_tile(self.tiles_url, z, x, y, cache_dir=data_dir() / "tiles")

    def driver_register(self, url: str):
        """A connection to a driver's own register at ``url`` (as ``handover read-register`` opens it)."""
        from omnidesk.integrations.fiscal import RegisterConnection

        return RegisterConnection(url)

    def sync_engine(self):
        """A sync engine on the CRM and 1C named in settings now (each call: a new one)."""
        from .sync.engine import SyncEngine

        return SyncEngine(self.db, self.settings.sync())

    # --- settings saved while running ----------------------------------------------------------
    def update_settings(self, texts: Mapping[str, str]) -> Changes:
        """Check and save all values (or none); rebuild what depends on the changed ones; say which changed."""
        before = {key: self.settings.get(key) for key in texts}
        self.settings.update(dict(texts))
        changed = frozenset(key for key in texts if self.settings.get(key) != before[key])
        self.settings_changed(changed)
        return Changes(settings=changed)

    @staticmethod
    def journal_depends_on(keys: frozenset[str]) -> bool:
        """Whether a journal built before these settings changed talks to the wrong register or as the wrong person."""
        return bool(keys & (FISCAL_KEYS | USER_KEYS))

    def settings_changed(self, keys: frozenset[str]) -> None:
        if keys & ROUTING_KEYS:
            self._travel = None
        if keys & USER_KEYS:
            self.actor = self._settings_actor()

    def close(self) -> None:
        self.db.engine.dispose()
