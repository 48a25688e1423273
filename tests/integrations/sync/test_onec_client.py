"""The 1C OData client against the loopback 1C: JSON, escaping, paging, errors, If-Match, keys, posting."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from omnidesk.integrations.onec import ODataClient
from omnidesk.integrations.onec import literals as lit
from omnidesk.integrations.web import Rejected, RetryPolicy, Unavailable, VersionConflict
from tests.fakes.faults import Faults
from tests.fakes.onec import ROOT, FakeOneC


@pytest.fixture
def onec():
    with FakeOneC() as fake:
        yield fake


def client(fake, password=FakeOneC.PASSWORD, **kw) -> ODataClient:
    return ODataClient(fake.url + ROOT, FakeOneC.USER, password, timeout=kw.pop("timeout", 2.0),
                       policy=kw.pop("policy", RetryPolicy(attempts=6, backoff_s=0.01)), **kw)


@pytest.mark.parametrize("name", ["ООО \"Ромашка\"", "O'Brien & Sons", "ИП Д'Артаньян", "a' or Description ne '",
                                  "Кавычки «ёлочки» 100%"])
def test_filter_values_with_apostrophes_quotes_and_cyrillic_find_exactly_that_object(onec, name):
    wanted = onec.add("Catalog_Контрагенты", Description=name, ИНН="7701234567")
    onec.add("Catalog_Контрагенты", Description="Другой", ИНН="7701234568")
    found = client(onec).find("Catalog_Контрагенты", Description=name)
    assert [row["Ref_Key"] for row in found] == [wanted]


def test_literals():
    assert lit.string("O'Brien") == "'O''Brien'"
    assert lit.guid("6F9619FF-8B86-D011-B42D-00CF4FC964FF") == "guid'6f9619ff-8b86-d011-b42d-00cf4fc964ff'"
    assert lit.datetime(dt.datetime(2025, 3, 1, 9, 5, 7, 123)) == "datetime'2025-03-01T09:05:07'"
    assert lit.datetime(dt.date(2025, 3, 1)) == "datetime'2025-03-01T00:00:00'"
    assert lit.cast("6f9619ff-8b86-d011-b42d-00cf4fc964ff", "Document_ЗаказКлиента") == \
        "cast(guid'6f9619ff-8b86-d011-b42d-00cf4fc964ff','Document_ЗаказКлиента')"
    with pytest.raises(ValueError):
        lit.guid("x') or true or ('")
    with pytest.raises(ValueError):
        lit.eq("Description eq 'x' or Code", "'1'")


def test_wrong_password_and_unpublished_objects_are_clear(onec):
    with pytest.raises(Rejected, match="неверное имя пользователя или пароль") as err:
        client(onec, password="секрет").query("Catalog_Организации")
    assert "секрет" not in str(err.value)
    with pytest.raises(Rejected, match="тип не найден"):
        client(onec).query("Catalog_НеОпубликован")


def test_paging_with_top_and_skip(onec):
    for n in range(23):
        onec.add("Catalog_ФизическиеЛица", Description=f"Водитель {n}")
    c = client(onec)
    rows = list(c.iterate("Catalog_ФизическиеЛица", page=10))
    assert len(rows) == 23 and len({r["Ref_Key"] for r in rows}) == 23
    assert c.counter[0] == 3


def test_create_with_own_key_then_key_exists_counts_as_done(onec):
    c = client(onec)
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, "omnidesk/test/1"))
    doc = {"Ref_Key": key, "Date": "2026-12-02T10:00:00", "РасшифровкаПлатежа": [{"LineNumber": "1", "Сумма": 1}]}
    assert c.create("Document_ЗаданиеНаПеревозку", doc) is True
    assert c.create("Document_ЗаданиеНаПеревозку", doc) is False
    assert onec.created == [("Document_ЗаданиеНаПеревозку", key)]


def test_a_row_without_line_number_is_refused(onec):
    with pytest.raises(Rejected, match="внутренняя ошибка"):
        client(onec).create("Document_ЗаданиеНаПеревозку", {"Ref_Key": str(uuid.uuid4()),
                                                           "Распоряжения": [{"ВремяС": "10:00"}]})


def test_patch_with_a_stale_data_version_is_a_conflict(onec):
    key = onec.add("Document_ЗаданиеНаПеревозку", Статус="Формируется")
    c = client(onec)
    version = c.get("Document_ЗаданиеНаПеревозку", key)["DataVersion"]
    changed = c.patch("Document_ЗаданиеНаПеревозку", key, {"Статус": "КПогрузке"}, version)
    assert changed["DataVersion"] != version
    with pytest.raises(VersionConflict, match="конфликт"):
        c.patch("Document_ЗаданиеНаПеревозку", key, {"Статус": "Отправлено"}, version)
    assert c.get("Document_ЗаданиеНаПеревозку", str(uuid.uuid4())) is None


def test_posting_rules(onec):
    c = client(onec)
    key = onec.add("Document_ЗаданиеНаПеревозку")
    with pytest.raises(Rejected, match="оперативном"):
        c.post_document("Document_ЗаданиеНаПеревозку", key, operational=True)
    c.post_document("Document_ЗаданиеНаПеревозку", key)
    assert onec.sets["Document_ЗаданиеНаПеревозку"][key]["Posted"] is True
    receipt = str(uuid.uuid4())
    c.create("Document_ПоступлениеБезналичныхДенежныхСредств", {"Ref_Key": receipt, "СуммаДокумента": 10})
    with pytest.raises(Rejected, match="Организация_Key"):
        c.post_document("Document_ПоступлениеБезналичныхДенежныхСредств", receipt)


def test_atom_unless_json_is_asked(onec):
    import requests

    plain = requests.get(onec.url + ROOT + "/Catalog_Организации", auth=(FakeOneC.USER, FakeOneC.PASSWORD.encode()))
    assert plain.headers["Content-Type"].startswith("application/atom+xml")
    assert client(onec).query("Catalog_Организации")[0]["Description"] == "ООО «ОмниТепло»"


def test_faults_are_retried_and_an_outage_reported():
    with FakeOneC(faults=Faults(error_rate=0.4, slow_s=0.4, seed=5)) as fake:
        c = client(fake, timeout=0.2, policy=RetryPolicy(attempts=12, backoff_s=0.005))
        for _ in range(15):
            assert len(c.query("Catalog_Кассы")) == 1
    with FakeOneC(faults=Faults(outage=True)) as fake:
        with pytest.raises(Unavailable, match="1С недоступна"):
            client(fake).query("Catalog_Кассы")
