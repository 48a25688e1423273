"""A demo database prints only on its own emulator, with its own state; the working database's emulator is its own."""

from __future__ import annotations

import re

import pytest

from fiscal_drivers.emulator import Emulator
from omnidesk.app import build_context
from omnidesk.cli import main
from omnidesk.config import Settings, data_dir
from omnidesk.services.context import emulator_dir_for


@pytest.fixture
def real_register(tmp_path):
    """A register on the network, as `fiscal.url = socket://…` names a real one (stood in by the emulator)."""
    with Emulator(tcp_port=0, journal=str(tmp_path / "real-fn.jsonl"), state=str(tmp_path / "real-kkt.json")) as emu:
        yield emu


def test_the_demo_prints_on_its_own_emulator_never_on_the_configured_register(capsys, tmp_path, real_register):
    Settings().update({"fiscal.url": real_register.url, "user.name": "Петрова Анна Сергеевна"})
    demo_url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["init", "--demo", "--db", demo_url]) == 0
    assert main(["fiscal", "print-owed", "--db", demo_url]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Напечатано чеков: [1-9]", out)
    assert real_register.journal == []  # nothing fictitious reached the real register

    context = build_context(demo_url)
    try:
        assert context.is_demo
        assert context.register_url == "emulator"
        assert context.emulator_dir != emulator_dir_for(f"sqlite:///{tmp_path / 'work.sqlite3'}", demo=False)
    finally:
        context.close()


def test_the_working_database_has_its_own_emulator_state(capsys, tmp_path):
    demo_url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    work_url = f"sqlite:///{tmp_path / 'work.sqlite3'}"
    Settings().set("user.name", "Петрова Анна Сергеевна")
    assert main(["init", "--demo", "--db", demo_url]) == 0
    assert main(["fiscal", "print-owed", "--db", demo_url]) == 0
    assert main(["init", "--db", work_url]) == 0
    capsys.readouterr()
    assert main(["fiscal", "status", "--json", "--db", work_url]) == 0
    import json

    state = json.loads(capsys.readouterr().out)
    assert state["last_document_number"] == 0 and not state["shift_open"]  # the demo's documents are not here
    work = build_context(work_url)
    try:
        assert not work.is_demo and work.register_url == "emulator"
    finally:
        work.close()


def test_the_default_working_database_keeps_its_emulator_directory(user_dirs):
    context = build_context(create_default=True)  # as the window does on this computer's first start
    try:
        assert context.emulator_dir == data_dir() / "emulator"
    finally:
        context.close()
