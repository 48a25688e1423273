"""Reading a statement file from disk: whole, but never more than a statement can be."""

from __future__ import annotations

from pathlib import Path

from omnidesk.core.errors import InvalidInput, file_error_text

MAX_STATEMENT_BYTES = 64 * 1024 * 1024  # a year of a busy account is a few MB; /dev/zero is endless
CHUNK = 1024 * 1024


def read_statement(path: Path | str, limit: int = MAX_STATEMENT_BYTES) -> bytes:
    """The file's bytes, read in chunks; InvalidInput when it cannot be read or is larger than ``limit``."""
    path = Path(path)
    chunks, size = [], 0
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise InvalidInput(f"{path.name}: файл больше {limit // (1024 * 1024)} МБ — это не выписка банка; "
                                       "ничего не загружено")
                chunks.append(chunk)
    except OSError as exc:
        raise InvalidInput(file_error_text(exc, "прочитать")) from None
    return b"".join(chunks)
