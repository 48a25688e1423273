"""FFD 1.2 TLV codec: known bytes, round trips, the 250-byte split."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiscal_drivers import ffd


def test_1178_bytes_as_in_jp149() -> None:
    assert ffd.encode_tlv(1178, 0x5E0BE100) == bytes.fromhex("9A 04 04 00 00 E1 0B 5E")


def test_vln_fvln_and_text() -> None:
    assert ffd.encode_tlv(1020, 1245000) == bytes.fromhex("FC 03 03 00 48 FF 12")
    assert ffd.encode_tlv(1023, "1.5")[4:] == bytes([1, 15])
    assert ffd.decode_tags(ffd.encode_tlv(1023, "2")) == {1023: "2"}
    assert ffd.encode_tlv(1021, "Ия")[4:] == "Ия".encode("cp866")
    assert ffd.quantity_text(1500) == "1.5" and ffd.quantity_text(2000) == "2" and ffd.quantity_text(1) == "0.001"


item = st.fixed_dictionaries({
    1030: st.text(alphabet="абвгдАБВ 0123456789/", min_size=1, max_size=40),
    1079: st.integers(0, 10**10), 1023: st.integers(1, 10**6).map(ffd.quantity_text),
    1043: st.integers(0, 10**12), 1199: st.integers(1, 12), 1212: st.integers(1, 33), 1214: st.integers(1, 7),
})


@given(items=st.lists(item, min_size=1, max_size=5), cash=st.integers(0, 2**47), contact=st.text(min_size=1, max_size=64))
def test_round_trip(items, cash, contact) -> None:
    contact = contact.encode("cp866", errors="ignore").decode("cp866") or "none"
    tags = {1054: 1, 1031: cash, 1059: items, 1008: contact, 1174: {1178: 1772409600, 1179: "ПР-1"}}
    assert ffd.decode_tags(ffd.encode_tags(tags)) == tags


def test_split_respects_the_limit() -> None:
    elements = [ffd.encode_tlv(1008, "x" * 100) for _ in range(5)]
    chunks = ffd.split_tlv(elements)
    assert all(len(c) <= 250 for c in chunks) and b"".join(chunks) == b"".join(elements)
    with pytest.raises(ValueError):
        ffd.split_tlv([ffd.encode_tlv(1227, "x" * 251)])
    with pytest.raises(ValueError):
        ffd.decode_tags(ffd.encode_tlv(1008, "abc")[:-1])
