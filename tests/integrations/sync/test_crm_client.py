"""The RetailCRM client against the loopback CRM: envelope, limits, history rules, retries, writes."""

from __future__ import annotations

import time

import pytest

from omnidesk.integrations.crm import CrmClient
from omnidesk.integrations.web import Rejected, RetryPolicy, Throttle, Unavailable
from tests.fakes.crm import FakeCrm
from tests.fakes.faults import Faults

FAST = RetryPolicy(attempts=6, backoff_s=0.01)


@pytest.fixture
def crm():
    with FakeCrm() as fake:
        yield fake


def client(fake, key=FakeCrm.OUR_KEY, **kw) -> CrmClient:
    kw.setdefault("policy", FAST)
    kw.setdefault("rate", 0)
    return CrmClient(fake.url, key, "omnisan", timeout=kw.pop("timeout", 2.0), **kw)


def test_wrong_key_is_a_clear_message_and_the_key_is_never_in_it(crm):
    with pytest.raises(Rejected) as err:
        client(crm, key="secret-wrong-key").credentials()
    assert "неверный ключ API" in str(err.value) and "secret-wrong-key" not in str(err.value)
    assert err.value.status == 403


def test_history_pages_by_since_id_never_with_page(crm):
    for _ in range(130):
        crm.add_order()
    c = client(crm)
    first = c.history(None, limit=100)
    assert len(first.records) == 100 and not first.last
    second = c.history(first.records[-1]["id"], limit=100)
    assert len(second.records) == 30 and second.last
    assert [r["id"] for r in second.records] == list(range(101, 131))
    assert crm.bad_requests == []
    with pytest.raises(ValueError):
        c.history(None, limit=30)  # not a documented page size


def test_the_stand_in_refuses_page_with_since_id_and_odd_limits(crm):
    c = client(crm)
    with pytest.raises(Rejected, match="ошибки в параметрах запроса"):
        c._call("GET", "/orders/history", params={"filter[sinceId]": 1, "page": 1, "limit": 20})
    with pytest.raises(Rejected, match="limit"):
        c._call("GET", "/orders", params={"limit": 30})


def test_history_tells_own_edits_from_people_and_other_keys(crm):
    order = crm.add_order()
    c = client(crm)
    c.edit_order(order["id"], {"status": "complete", "statusComment": "доставлен"})
    crm.key_edit(order["id"], "status", "delivering", FakeCrm.OTHER_KEY)
    crm.user_edit(order["id"], "status", "assembling")
    records = c.history(None).records
    assert records[0]["created"] is True and "apiKey" not in records[0]  # a person's record has no apiKey at all
    assert records[1]["apiKey"] == {"current": True}
    assert records[2]["apiKey"] == {"current": False}
    assert "apiKey" not in records[3] and records[3]["source"] == "user"


def test_orders_by_ids_in_batches_of_the_paging_limit(crm):
    ids = [crm.add_order()["id"] for _ in range(150)]
    c = client(crm)
    before = crm.requests
    orders = c.orders_by_ids(ids)
    assert sorted(o["id"] for o in orders) == ids
    assert crm.requests - before == 2


def test_writes_are_form_encoded_with_by_and_site(crm):
    order = crm.add_order(external_id="10231")
    c = client(crm)
    c.edit_order(order["id"], {"status": "complete", "delivery": {"data": {"trackNumber": "TK-1"}}})
    assert crm.orders[order["id"]]["status"] == "complete"
    assert crm.orders[order["id"]]["delivery"]["data"]["trackNumber"] == "TK-1"
    pid = c.create_payment({"order": {"id": order["id"]}, "type": "bank-transfer", "status": "paid",
                            "amount": 119.5, "externalId": "omnidesk-pay-1"})
    assert pid in crm.payments
    assert c.create_payment({"order": {"id": order["id"]}, "type": "bank-transfer", "amount": 119.5,
                             "externalId": "omnidesk-pay-1"}) is None  # duplicate externalId: done before
    assert len(crm.payments) == 1
    with pytest.raises(Rejected, match="id, externalId, number"):
        c.create_payment({"order": {}, "type": "cash", "amount": 1})


def test_reference_books(crm):
    c = client(crm)
    statuses = c.reference("statuses")
    assert statuses["complete"]["group"] == "complete"
    assert "delivery" in c.reference("status-groups")
    assert "bank-transfer" in c.reference("payment-types")
    assert set(c.reference("sites")) == {"omnisan", "omnisan-pro"}


def test_retries_429_503_timeouts_and_drops_then_succeeds():
    faults = Faults(error_rate=0.5, slow_s=0.5, seed=3)
    with FakeCrm(faults=faults) as fake:
        for _ in range(5):
            fake.add_order()
        c = client(fake, timeout=0.25, policy=RetryPolicy(attempts=12, backoff_s=0.005))
        for _ in range(20):
            assert len(c.history(None).records) == 5
        assert {"429", "503", "slow", "drop"} <= set(faults.injected)


def test_an_outage_is_unavailable_with_a_russian_message():
    with FakeCrm(faults=Faults(outage=True)) as fake:
        with pytest.raises(Unavailable, match="CRM недоступна"):
            client(fake).history(None)


def test_server_rate_limit_gives_html_503_and_the_throttle_keeps_under_it():
    with FakeCrm(rate=10) as fake:
        c = client(fake, rate=10, policy=RetryPolicy(attempts=1))
        start = time.monotonic()
        for _ in range(25):
            c.credentials()
        assert time.monotonic() - start >= 2.3
        assert fake.rate_limit.rejected == 0
        unthrottled = client(fake, rate=0, policy=RetryPolicy(attempts=1))
        with pytest.raises(Unavailable, match="503"):
            for _ in range(40):
                unthrottled.credentials()


def test_throttle_takes_exact_slots():
    clock = [0.0]
    slept = []

    def sleep(s):
        slept.append(round(s, 6))
        clock[0] += s

    t = Throttle(10, clock=lambda: clock[0], sleep=sleep)
    for _ in range(4):
        t.acquire()
    assert slept == [0.1, 0.1, 0.1]
    clock[0] += 0.5  # idle: the next request goes at once, and no burst builds up
    t.acquire()
    t.acquire()
    assert slept[-1] == 0.1 and len(slept) == 4
