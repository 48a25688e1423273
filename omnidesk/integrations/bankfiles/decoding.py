"""Bytes → numbered text lines for 1CClientBankExchange: the encoding comes from the header.

``Кодировка=Windows`` means cp1251, ``DOS`` means cp866. A file whose header key is itself
written in UTF-8 is read as UTF-8 (the fallback); a header that names one encoding while the
file is written in another is an error, because every Cyrillic value would come out garbled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain

from .errors import BankFileError

MAGIC = "1CClientBankExchange"
ENCODING_KEY = "Кодировка"
CODEC_NAMES = {"cp1251": "Windows (cp1251)", "cp866": "DOS (cp866)", "utf-8": "UTF-8"}
_DECLARED = {"windows": "cp1251", "dos": "cp866", "utf-8": "utf-8", "utf8": "utf-8"}
_KEY_BYTES = {codec: ENCODING_KEY.encode(codec) + b"=" for codec in ("cp1251", "cp866", "utf-8")}
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_TEXT_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"


def split_lines(data: bytes) -> list[bytes]:
    """Lines of the file; CRLF, LF and CR all end a line (they are ASCII in every codec)."""
    lines = _LINE_BREAK.split(data)
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def looks_like_exchange(data: bytes) -> bool:
    head = data[:64].lstrip(_BOM).lstrip()
    return head.startswith(MAGIC.encode("ascii"))


def decode_lines(data: bytes) -> tuple[str, list[str]]:
    """Return (codec, lines as text); raise BankFileError naming the line otherwise."""
    bom = data.startswith(_BOM)
    raw = split_lines(data[len(_BOM):] if bom else data)
    if not raw or raw[0].strip() != MAGIC.encode("ascii"):
        raise BankFileError(1, f"это не выписка 1CClientBankExchange: первая строка должна быть «{MAGIC}»")
    codec = "utf-8" if bom else _codec_from_header(raw)
    body = data[len(_BOM):] if bom else data
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return codec, [_decode(line, codec, number) for number, line in enumerate(raw, 1)]
    lines = _TEXT_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return codec, lines


def _codec_from_header(raw: list[bytes]) -> str:
    for number, line in enumerate(raw, 1):
        stripped = line.strip()
        if stripped.startswith((b"\xd0\xa1\xd0\xb5\xd0\xba", b"\xd1\xe5\xea", b"\x91\xa5\xaa")):
            break  # «Сек…» in UTF-8, cp1251 or cp866: sections start, the header is over
        for written, key in _KEY_BYTES.items():
            if stripped.startswith(key):
                return _check_declared(stripped[len(key):], written, number)
    return _guess(raw)


def _check_declared(value: bytes, written: str, number: int) -> str:
    text = value.decode("ascii", errors="replace").strip()
    declared = _DECLARED.get(text.lower())
    if declared is None:
        raise BankFileError(number, f"неизвестная кодировка «{text}» (ожидалось Windows или DOS)")
    if written == "utf-8":
        return "utf-8"
    if written != declared:
        raise BankFileError(
            number,
            f"в заголовке указана кодировка {CODEC_NAMES[declared]}, "
            f"а файл записан в {CODEC_NAMES[written]}",
        )
    return declared


def _guess(raw: list[bytes]) -> str:
    try:
        for line in raw:
            line.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8"


def _decode(line: bytes, codec: str, number: int) -> str:
    try:
        return line.decode(codec)
    except UnicodeDecodeError as exc:
        bad = line[exc.start:exc.start + 1].hex().upper()
        raise BankFileError(
            number, f"байт 0x{bad} не читается в кодировке {CODEC_NAMES[codec]} — файл повреждён или в другой кодировке"
        ) from None


def iter_lines(data: bytes) -> tuple[str, Iterator[str]]:
    """Like :func:`decode_lines`, but the lines come one by one (the file is not copied as text)."""
    codec, chunks = iter_line_chunks(data)
    return codec, chain.from_iterable(chunks)


def iter_line_chunks(data: bytes) -> tuple[str, Iterator[Iterable[str]]]:
    """The lines of the file in runs of whole lines, each run decoded at once from at most about
    :data:`CHUNK` bytes: the file is never copied whole as text, and there is no call per line.

    Flattened, the runs are exactly the lines of :func:`decode_lines`; a byte the codec cannot read
    raises BankFileError naming its line only when that line is reached, after every line before it.
    """
    bom = data.startswith(_BOM)
    body = data[len(_BOM):] if bom else data
    first_end = _LINE_BREAK.search(body)
    head = body[:first_end.start()] if first_end else body
    if head.strip() != MAGIC.encode("ascii"):
        raise BankFileError(1, f"это не выписка 1CClientBankExchange: первая строка должна быть «{MAGIC}»")
    head_bytes = body[:65536]
    if len(body) > len(head_bytes):
        head_bytes = head_bytes[:max(head_bytes.rfind(b"\n"), head_bytes.rfind(b"\r"), 1)]  # whole lines only
    codec = "utf-8" if bom else _codec_from_header(split_lines(head_bytes))
    return codec, _runs(body, codec)


CHUNK = 1 << 14  # 16 KB: as fast as bigger runs, and the text of one run is all the parse holds at once
# str.splitlines() also ends a line at these; the format (and split_lines) ends lines at CR and LF only
_OTHER_BREAK_BYTES = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e")  # the same byte in every codec here
_OTHER_BREAK_CHARS = ("\x85", "\u2028", "\u2029")  # only UTF-8 can write these


def _runs(body: bytes, codec: str) -> Iterator[Iterable[str]]:
    start, number, size = 0, 0, len(body)
    while start < size:
        stop = _run_end(body, start, size)
        raw = body[start:stop]
        start = stop
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            raw_lines = split_lines(raw)
            yield _decode_each(raw_lines, codec, number)  # raises at the bad line, after the lines before it
            number += len(raw_lines)
            continue
        if any(b in raw for b in _OTHER_BREAK_BYTES) or (codec == "utf-8" and any(c in text for c in _OTHER_BREAK_CHARS)):
            lines = _TEXT_BREAK.split(text)
            if lines[-1] == "":
                lines.pop()
        else:
            lines = text.splitlines()
        number += len(lines)
        yield lines


def _run_end(body: bytes, start: int, size: int) -> int:
    """Where the run from ``start`` ends: after the last line break within CHUNK bytes (or the first after)."""
    limit = start + CHUNK
    if limit >= size:
        return size
    cut = max(body.rfind(b"\n", start, limit), body.rfind(b"\r", start, limit))
    if cut < 0:  # one line longer than CHUNK
        found = _LINE_BREAK.search(body, limit)
        if found is None:
            return size
        return found.end()
    if body[cut] == 0x0D and body[cut + 1:cut + 2] == b"\n":  # CR LF cut between the two
        cut += 1
    return cut + 1


def _decode_each(raw_lines: list[bytes], codec: str, before: int) -> Iterator[str]:
    for number, line in enumerate(raw_lines, before + 1):
        yield _decode(line, codec, number)
