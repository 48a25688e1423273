"""Receipt commands of the emulated register: 8Dh, FF35, FF46, FF4D, FF0C, FF45, 88h, FF08."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .. import ffd
from ..shtrih import protocol as p

if TYPE_CHECKING:
    from .device import Device

ITEM_TAGS = frozenset({2108, 2000, 1163, 1229, 1230, 1231})
RECEIPT_TAGS = frozenset({1008, 1021, 1203, 1256})
CORRECTION_TAGS = frozenset({1173, 1174})
REPORT_TAGS = frozenset({1021, 1203})
SUBJECTS = frozenset(range(1, 28)) | frozenset(range(30, 34))
TAX_SYSTEMS = frozenset(int(t) for t in ffd.TaxSystem)
OPERATION_BY_TYPE = {v: k for k, v in p.RECEIPT_TYPE_BY_OPERATION.items()}


def _fault(code: int) -> Exception:
    from .device import DeviceFault

    return DeviceFault(code)


class ReceiptCommands:
    """Mixin for :class:`Device`."""

    def receipt_handlers(self: Device) -> dict[int, Any]:
        return {
            p.OPEN_RECEIPT: self.open_receipt, p.OPEN_CORRECTION: self.open_correction, p.OPERATION: self.operation,
            p.ITEM_TLV: self.item_tlv, p.SEND_TLV: self.send_tlv, p.CLOSE_RECEIPT: self.close_receipt,
            p.CANCEL_RECEIPT: self.cancel_receipt, p.FN_CANCEL_DOC: self.cancel_fn_document,
        }

    def open_receipt(self: Device, body: bytes) -> bytes:
        if len(body) != 1 or body[0] not in OPERATION_BY_TYPE:
            raise _fault(0x33)
        return self._open(body[0], "receipt", OPERATION_BY_TYPE[body[0]])

    def open_correction(self: Device, body: bytes) -> bytes:
        return self._open(0, "correction", None)

    def _open(self: Device, receipt_type: int, kind: str, op: int | None) -> bytes:
        self.require_shift()
        self.require_printer()
        self.state.open_doc = {"kind": kind, "type": receipt_type, "op": op, "items": [], "tags": {}}
        self.storage.save(self.state)
        return bytes([30])

    def _doc(self: Device) -> dict[str, Any]:
        if self.state.open_doc is None:
            raise _fault(0x55)
        return self.state.open_doc

    def operation(self: Device, body: bytes) -> bytes:
        doc = self._doc()
        self.require_printer()
        f = p.unpack_operation(b"\0\0\0\0" + body)
        op, qty, price = int(f["op"]), int(f["qty"]), int(f["price"])
        if op not in OPERATION_BY_TYPE.values() or (doc["op"] is not None and op != doc["op"]):
            raise _fault(0x5E)
        computed = (price * qty + p.QTY_SCALE_FF46 // 2) // p.QTY_SCALE_FF46
        amount = computed if f["amount"] is None else int(f["amount"])
        bad = (
            qty <= 0 or abs(amount - computed) > 1 or f["rate"] not in self.rate_by_byte
            or not 1 <= int(f["method"]) <= 7 or f["subject"] not in SUBJECTS or not f["name"]
        )
        if bad:
            raise _fault(0x33)
        doc["op"] = op
        rate = int(self.rate_by_byte[f["rate"]])
        doc["items"].append({
            "1030": f["name"], "1079": price, "1023": _quantity(qty), "1043": amount, "1199": rate,
            **({"1200": ffd.vat_in(amount, rate)} if rate != ffd.VatRate.NO_VAT else {}),
            "1212": f["subject"], "1214": f["method"],
        })
        self.storage.save(self.state)
        return b""

    def item_tlv(self: Device, body: bytes) -> bytes:
        doc = self._doc()
        tags = _tags(body)
        if not doc["items"] or not set(tags) <= ITEM_TAGS or tags.get(2108, 0) > 254:
            raise _fault(0x33)
        doc["items"][-1].update({str(k): v for k, v in tags.items()})
        self.storage.save(self.state)
        return b""

    def send_tlv(self: Device, body: bytes) -> bytes:
        tags = _tags(body)
        doc = self.state.open_doc
        if doc is None:
            if not set(tags) <= REPORT_TAGS:
                raise _fault(0x33)
            self.state.pending_tags.update({str(k): v for k, v in tags.items()})
        else:
            allowed = RECEIPT_TAGS | (CORRECTION_TAGS if doc["kind"] == "correction" else frozenset())
            if not set(tags) <= allowed or (1174 in tags and 1178 not in tags[1174]):
                raise _fault(0x33)
            if 1256 in tags and not set(tags[1256]) & {1227, 1228}:
                raise _fault(0x33)
            doc["tags"].update({str(k): _str_keys(v) for k, v in tags.items()})
        self.storage.save(self.state)
        return b""

    def close_receipt(self: Device, body: bytes) -> bytes:
        doc = self._doc()
        f = p.unpack_close(b"\0\0\0\0" + body)
        pay: list[int] = f["payments"]
        total = sum(item["1043"] for item in doc["items"])
        cash, electronic = pay[p.SLOT_CASH], sum(pay[p.SLOT_ELECTRONIC : p.SLOT_PREPAYMENT])
        others = pay[p.SLOT_PREPAYMENT] + pay[p.SLOT_CREDIT] + pay[p.SLOT_COUNTER]
        if not doc["items"]:
            raise _fault(0x8E)
        if cash + electronic + others < total:
            raise _fault(0x45)
        if electronic + others > total or f["tax_system"] not in TAX_SYSTEMS:
            raise _fault(0x33)
        if doc["kind"] == "correction" and not {"1173", "1174"} <= set(doc["tags"]):
            raise _fault(0x33)
        change = cash + electronic + others - total
        drawer = (cash - change) * (1 if doc["op"] in (1, 4) else -1)
        if self.state.cash + drawer < 0:
            raise _fault(0x46)
        self.require_printer()
        tags = {
            1054: doc["op"], 1055: f["tax_system"], 1020: total, 1031: cash - change, 1081: electronic,
            1215: pay[p.SLOT_PREPAYMENT], 1216: pay[p.SLOT_CREDIT], 1217: pay[p.SLOT_COUNTER],
            **ffd.receipt_vat([(item["1199"], item["1043"]) for item in doc["items"]]),
            1059: doc["items"], **{int(k): v for k, v in doc["tags"].items()},
        }
        st = self.state
        st.cash += drawer
        st.receipts_in_shift += 1
        st.open_doc = None
        doc_type = ffd.DocumentType.CORRECTION if doc["kind"] == "correction" else ffd.DocumentType.RECEIPT
        document = self.fiscalise(doc_type, {1042: st.receipts_in_shift, **tags})
        moment = p.encode_datetime(dt.datetime.fromtimestamp(document["1012"]))
        return p.u(change, 5) + p.u(document["number"], 4) + p.u(document["fiscal_sign"], 4) + moment

    def cancel_receipt(self: Device, body: bytes) -> bytes:
        self._doc()
        self.state.open_doc = None
        self.storage.save(self.state)
        return bytes([30])

    def cancel_fn_document(self: Device, body: bytes) -> bytes:
        if self.state.open_doc is None:
            raise _fault(0x02)
        return self.cancel_receipt(body)[:0]


def _tags(body: bytes) -> dict[int, Any]:
    if len(body) > ffd.MAX_TLV:
        raise _fault(0x33)
    tags = ffd.decode_tags(body)
    if not tags or any(t not in ffd.TAG_KINDS for t in tags) or 1178 in tags or 1179 in tags:
        raise _fault(0x33)
    return tags


def _str_keys(value: Any) -> Any:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


def _quantity(millionths: int) -> str:
    whole, frac = divmod(millionths, p.QTY_SCALE_FF46)
    return str(whole) if not frac else f"{whole}.{frac:06d}".rstrip("0")
