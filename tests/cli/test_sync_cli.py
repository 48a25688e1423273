"""``omnidesk sync``, ``sync status`` and ``routes publish`` in-process, against the stand-ins."""

from __future__ import annotations

import json

from omnidesk.cli import main
from tests.fakes.crm import FakeCrm
from tests.fakes.faults import Faults
from tests.fakes.onec import FakeOneC
from tests.services.sync.conftest import configure


def test_sync_pulls_reports_and_exits_zero_when_1c_is_down(capsys, sqlite_url):
    with FakeCrm() as crm, FakeOneC(faults=Faults(outage=True)) as onec:
        crm.add_order(number="10231")
        configure(crm, onec)
        assert main(["sync", "--db", sqlite_url, "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["orders_created"] == 1 and report["crm"]["state"] == "ok"
        assert report["onec"]["state"] == "down" and "1С недоступна" in report["onec"]["error"]
        assert FakeOneC.PASSWORD not in json.dumps(report, ensure_ascii=False)
        assert main(["sync", "--crm", "--db", sqlite_url]) == 0
        out = capsys.readouterr().out
        assert "CRM: связь есть" in out and "1С: пропущена" in out
        assert main(["sync", "status", "--db", sqlite_url, "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["crm_configured"] and status["history_since_id"] == "1"
        assert main(["sync", "status", "--db", sqlite_url]) == 0
        assert "оплаты уходят: onec" in capsys.readouterr().out


def test_routes_publish_from_the_command_line(capsys, sqlite_url):
    assert main(["routes", "publish", "--date", "2026-03-10", "--db", sqlite_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"date": "2026-03-10", "published": 0}
    assert main(["routes", "publish", "--date", "10.03.2026", "--db", sqlite_url]) == 2
    assert "ГГГГ-ММ-ДД" in capsys.readouterr().err


def test_published_routes_go_to_the_outbox_for_1c(capsys, sqlite_url):
    import datetime as dt

    import sqlalchemy as sa

    from omnidesk.persistence.models import OutboxMessage
    from omnidesk.services.database import open_database
    from omnidesk.services.demo import load_demo

    db = open_database(sqlite_url)
    load_demo(db, today=dt.date(2026, 3, 10))
    from omnidesk.services.sync.state import put_state

    with db.unit_of_work() as s:
        put_state(s, "outbox.enabled", "1")  # sync has been set up
    assert main(["plan", "--date", "2026-03-10", "--time-limit", "1", "--db", sqlite_url, "--json"]) == 0
    capsys.readouterr()
    assert main(["routes", "publish", "--date", "2026-03-10", "--db", sqlite_url, "--json"]) == 0
    published = json.loads(capsys.readouterr().out)["published"]
    assert published > 0
    with db.read() as s:
        routes = s.scalars(sa.select(OutboxMessage).where(OutboxMessage.kind == "route")).all()
        assert len(routes) == published and all(m.target == "onec" for m in routes)
        assert all(json.loads(m.payload)["stops"] for m in routes)
    db.engine.dispose()
