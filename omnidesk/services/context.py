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
from omnidesk.core.enums import Role
from omnidesk.core.errors import OmniDeskError
from omnidesk.persistence.db import describe

from . import audit
from .audit import current_user
from .auth import Actor, permit
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
USER_KEYS = frozenset({"user.name", "user.position", "user.inn", "auth.without_sign_in"})
SIGNED_IN = "auth.signed_in"  # not a setting: reported as one when another person signs in on this window
# this workstation's own: any signed-in person may change them; every other setting needs an administrator
WORKSTATION_KEYS = frozenset({"fiscal.url", "fiscal.protocol", "ui.lang", "auth.last_login"})


class SignInRequired(OmniDeskError):
    """Nobody has signed in, and this database does not allow working without signing in."""


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
                         context.actor, cashier=lambda: current_cashier(settings, context.actor),
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
                 journal_factory: JournalFactory | None = None, emulator_dir: Path | None = None,
                 actor: Actor | None = None) -> None:
        self.db = db
        self.settings = settings
        self.lang = lang or settings.lang()
        self.database_description = describe(db.engine)
        from .demo import is_demo_database

        self.is_demo = is_demo_database(db)
        self.emulator_dir = emulator_dir or emulator_dir_for(db.engine.url.render_as_string(hide_password=False),
                                                             demo=self.is_demo)
        self._journal_factory = journal_factory or register_journal
        self._actor = actor or self._implicit_actor()
        self._travel: Travel | None = None

    # --- who is signed in --------------------------------------------------------------------------
    @property
    def is_sqlite(self) -> bool:
        return self.db.engine.dialect.name == "sqlite"

    @property
    def may_work_without_sign_in(self) -> bool:
        """One workstation on its own SQLite file may; a shared database never does."""
        return self.is_sqlite and self.settings.without_sign_in()

    def _implicit_actor(self) -> Actor | None:
        if not self.may_work_without_sign_in:
            return None
        return Actor(current_user(self.settings.user_name()), Role.ADMIN)

    @property
    def signed_in(self) -> bool:
        return self._actor is not None

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            if self.settings.without_sign_in() and not self.is_sqlite:
                raise SignInRequired("работа без входа допускается только с SQLite на одном рабочем месте; "
                                     "войдите: omnidesk --user ЛОГИН … (пароль — из OMNIDESK_PASSWORD или запрос)")
            raise SignInRequired("войдите: omnidesk --user ЛОГИН … (пароль — из OMNIDESK_PASSWORD или запрос)")
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        self._actor = actor

    def sign_in(self, login: str, password: str) -> Actor:
        """Check the password and act as this user from now on (also «Сменить пользователя»)."""
        from .users import sign_in

        self._actor = sign_in(self.db, login, password)
        if self.settings.last_login() != self._actor.login:
            self.settings.set("auth.last_login", self._actor.login)
        return self._actor

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
        parsed = self.settings.parse(dict(texts))  # bad input is refused before anything else
        if {key for key, value in parsed.items() if value != before[key]} - WORKSTATION_KEYS:
            permit(self.actor, "settings.change")
        self.settings.update(dict(texts))
        changed = frozenset(key for key in texts if self.settings.get(key) != before[key])
        self._audit_settings(changed, before)
        self.settings_changed(changed)
        return Changes(settings=changed)

    @staticmethod
    def journal_depends_on(keys: frozenset[str]) -> bool:
        """Whether a journal built before these settings changed talks to the wrong register or as the wrong person."""
        return bool(keys & (FISCAL_KEYS | USER_KEYS | {SIGNED_IN}))

    def settings_changed(self, keys: frozenset[str]) -> None:
        if keys & ROUTING_KEYS:
            self._travel = None
        if keys & USER_KEYS and (self._actor is None or not self._actor.login):
            self._actor = self._implicit_actor()

    def _audit_settings(self, keys: frozenset[str], before: Mapping[str, object]) -> None:
        """Who changed which setting on which workstation, before → after (secrets masked)."""
        if not keys:
            return
        from omnidesk.config import shown_value

        author = self._actor.author if self._actor is not None else current_user()
        with self.db.unit_of_work() as session:
            for key in sorted(keys):
                audit.record(session, author, "settings.set", "setting", None, key=key,
                             before=shown_value(key, before[key]), after=shown_value(key, self.settings.get(key)))

    def close(self) -> None:
        self.db.engine.dispose()
