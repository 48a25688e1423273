"""Mutated statements: every result is a clean Statement or one BankFileError, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omnidesk.integrations.bankfiles import BankFileError, Statement, parse_statement

INTERESTING = [b"=", b"\r\n", b"\n", b".", b",", b"-", b"0", b"9", b"\x98", b"\xff", b"\x00", b" ",
               "КонецДокумента".encode("cp1251"), "СекцияДокумент=".encode("cp1251"),
               "КонецРасчСчет".encode("cp1251"), "КонецФайла".encode("cp1251")]


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "swap_lines", "dup_line"]))
        data = _apply(draw, action, data)
    return bytes(data)


def _apply(draw, action: str, data: bytearray) -> bytearray:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if action == "flip":
        data[at] = draw(st.integers(0, 255))
    elif action == "delete":
        del data[at:at + draw(st.integers(1, 20))]
    elif action == "insert":
        data[at:at] = draw(st.sampled_from(INTERESTING))
    elif action == "truncate":
        del data[at:]
    else:
        lines = bytes(data).split(b"\n")
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        if action == "swap_lines":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(j, lines[i])
        data = bytearray(b"\n".join(lines))
    return data


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutations_parse_or_fail_cleanly(valid_text, render_file, data) -> None:
    seeds = [render_file(valid_text, "cp1251", "\r\n"), render_file(valid_text, "cp866", "\n"), render_file(valid_text, "utf-8", "\r")]
    _check(data.draw(mutated(seeds)))


def _check(data: bytes) -> None:
    try:
        statement = parse_statement(data)
    except BankFileError as error:
        assert error.line >= 1
        assert str(error).startswith(f"строка {error.line}: ")
        return
    assert isinstance(statement, Statement)
    for section in statement.sections:
        assert section.opening + section.incoming - section.outgoing == section.closing
    assert all(d.amount > 0 for d in statement.documents)
