"""Stand-ins and a configured sync engine for the sync tests."""

from __future__ import annotations

import dataclasses

import pytest

from omnidesk.config import Settings
from omnidesk.integrations.web import RetryPolicy
from omnidesk.services.sync.engine import SyncEngine
from omnidesk.services.sync.send import Backoff
from tests.fakes.crm import FakeCrm
from tests.fakes.onec import ROOT, FakeOneC


@pytest.fixture
def crm():
    with FakeCrm() as fake:
        yield fake


@pytest.fixture
def onec():
    with FakeOneC() as fake:
        yield fake


def configure(crm: FakeCrm | None, onec: FakeOneC | None, **extra: str) -> Settings:
    settings = Settings()
    texts = {}
    if crm is not None:
        texts.update({"crm.url": crm.url, "crm.api_key": FakeCrm.OUR_KEY, "crm.site": "omnisan", "crm.rate": "1000"})
    if onec is not None:
        texts.update({"onec.url": onec.url + ROOT, "onec.user": FakeOneC.USER, "onec.password": FakeOneC.PASSWORD})
    texts.update(extra)
    settings.update(texts)
    return settings


def engine(db, crm=None, onec=None, *, timeout=2.0, attempts=6, backoff_s=0.005, **extra) -> SyncEngine:
    sync = configure(crm, onec, **extra).sync()
    sync = dataclasses.replace(sync, crm_rate=sync.crm_rate)
    return SyncEngine(db, sync, timeout=timeout, policy=RetryPolicy(attempts=attempts, backoff_s=backoff_s),
                      backoff=Backoff(base_s=0.0, max_attempts=1000))
