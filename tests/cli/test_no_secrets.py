"""Secrets (the database password, a CRM key, a 1C password) never leave their store: not in settings.json,
logs, crash reports, error messages, `config list/get`, exports (xlsx, csv), stdout/stderr, or on screen."""

import os
import stat

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from omnidesk import config
from omnidesk.cli import main
from omnidesk.config import OPTIONS, Option, Settings
from omnidesk.services import reports

DB_PASSWORD = "Db-Pa55word-xyzzy"
CRM_KEY = "crmKey0123456789abcdef"
ONEC_PASSWORD = "OneC-Secret-plugh"
SECRETS = (DB_PASSWORD, CRM_KEY, ONEC_PASSWORD)


@pytest.fixture
def secret_options(monkeypatch):
    """The CRM key and the 1C password as issue 11 declares them (secret=True), if not declared yet."""
    for key, help_text in (("crm.api_key", "ключ API RetailCRM"), ("onec.password", "пароль 1С")):
        if key not in OPTIONS:
            monkeypatch.setitem(OPTIONS, key, Option(key, "", str, help_text, secret=True))
    assert all(OPTIONS[k].secret for k in ("db.url", "crm.api_key", "onec.password"))


def run(capsys, outputs, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    outputs.append(out + err)
    return code, out, err


def test_secrets_appear_nowhere(capsys, pg_url, secret_options, user_dirs, tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv("OMNIDESK_KEYRING", "0")  # the file store (the keyring is tested below)
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")
    secret_url = pg_url.replace("postgres@", f"postgres:{DB_PASSWORD}@")  # the server trusts; the password still travels
    outputs: list[str] = []
    as_admin = ("--user", "admin")
    assert run(capsys, outputs, "config", "set", "db.url", secret_url)[0] == 0
    assert run(capsys, outputs, "init", "--demo")[0] == 0
    for key, value in (("crm.api_key", CRM_KEY), ("onec.password", ONEC_PASSWORD)):
        assert run(capsys, outputs, "config", "set", key, value, *as_admin)[0] == 0
    code, out, _ = run(capsys, outputs, "config", "list")
    assert code == 0 and "postgres:••••••@127.0.0.1" in out and "crm.api_key" in out
    assert run(capsys, outputs, "config", "get", "db.url")[1].strip().startswith("postgresql+psycopg://postgres:••••••@")
    assert run(capsys, outputs, "config", "get", "onec.password")[1].strip() == "••••••"
    assert run(capsys, outputs, "config", "list", "--json")[0] == 0
    # errors: an unreachable server named with the password, a wrong password, --debug stacks, a crash
    bad = secret_url.replace("127.0.0.1:5432", "127.0.0.1:1")
    code, _, err = run(capsys, outputs, "orders", "list", "--db", bad, "--debug", *as_admin)
    assert code == 2 and "база данных недоступна" in err
    monkeypatch.setenv("OMNIDESK_PASSWORD", "wrong")
    assert run(capsys, outputs, "orders", "list", *as_admin)[0] == 2
    monkeypatch.setenv("OMNIDESK_PASSWORD", "admin-password-1")

    def crash(*_args, **_kwargs):
        raise RuntimeError(f"boom while talking to {secret_url} with key={CRM_KEY} and {ONEC_PASSWORD}")

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with monkeypatch.context() as patched:
        patched.setattr(reports, "payments_register", crash)
        patched.setattr("omnidesk.cli.export.payments_register", crash)
        code, _, err = run(capsys, outputs, "export", "payments", "--from", "2026-01-01", "--to", "2026-12-31",
                           "-o", str(out_dir / "crash.xlsx"), "--debug", *as_admin)
    assert code == 1 and "отчёт:" in err
    # exports
    for what in ("payments", "unmatched"):
        assert run(capsys, outputs, "export", what, "--from", "2026-01-01", "--to", "2026-12-31",
                   "-o", str(out_dir / f"{what}.xlsx"), *as_admin)[0] == 0
    for name in ("audit.xlsx", "audit.csv"):
        assert run(capsys, outputs, "audit", "export", "-o", str(out_dir / name), *as_admin)[0] == 0
    assert run(capsys, outputs, "audit", "list", "--json", *as_admin)[0] == 0
    # screenshots, and every text the window shows
    assert run(capsys, outputs, "screenshots", str(out_dir / "shots"), *as_admin)[0] == 0
    from omnidesk.app import build_context
    from omnidesk.ui.main_window import MainWindow

    context = build_context()
    context.sign_in("admin", "admin-password-1")
    window = MainWindow(context)
    qtbot.addWidget(window)
    shown = [w.text() for kind in (QLabel, QLineEdit, QAbstractButton) for w in window.findChildren(kind)
             if not (isinstance(w, QLineEdit) and w.echoMode() is not QLineEdit.EchoMode.Normal)]  # dots on screen
    assert any("••••••" in text for text in shown)  # the database URL on the Settings page, masked
    window.runner.wait()
    context.close()

    settings = Settings()
    assert stat.S_IMODE(settings.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((settings.path.parent / "secrets.json").stat().st_mode) == 0o600
    assert settings.get("crm.api_key") == CRM_KEY and DB_PASSWORD in settings.get("db.url")  # still usable
    written = {"stdout/stderr": "\n".join(outputs), "window": "\n".join(shown)}
    crash_reports = list((user_dirs / "data" / "crash").glob("*.txt"))
    logs = list((user_dirs / "data" / "logs").glob("omnidesk.log*"))
    assert crash_reports and logs
    for root in (user_dirs / "data", user_dirs / "config", out_dir):
        for path in root.rglob("*"):
            if path.is_file() and path.name != "secrets.json":
                written[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
    for path in (out_dir / "payments.xlsx", out_dir / "audit.xlsx"):
        written[f"{path} (cells)"] = _cells(path)
    assert "boom while talking to" in "".join(v for k, v in written.items() if "crash" in k)
    for where, text in written.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} in {where}"


def _cells(path) -> str:
    from openpyxl import load_workbook

    return "\n".join(str(c.value) for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row)


class MemoryKeyring:
    """A keyring backend that keeps passwords in memory (the OS keyring is not touched by tests)."""

    priority = 1

    def __init__(self):
        self.values = {}

    def get_password(self, service, key):
        return self.values.get((service, key))

    def set_password(self, service, key, value):
        self.values[(service, key)] = value

    def delete_password(self, service, key):
        self.values.pop((service, key), None)


def test_secrets_go_to_the_keyring_where_there_is_one(monkeypatch, secret_options):
    keyring = MemoryKeyring()
    monkeypatch.setenv("OMNIDESK_KEYRING", "1")
    monkeypatch.setattr("omnidesk.secret_store._usable_keyring", lambda: keyring)
    settings = Settings()
    settings.set("crm.api_key", CRM_KEY)
    assert keyring.values == {("omnidesk", "crm.api_key"): CRM_KEY}
    assert Settings().get("crm.api_key") == CRM_KEY and Settings().shown("crm.api_key") == "••••••"
    assert not (settings.path.parent / "secrets.json").exists()
    assert CRM_KEY not in settings.path.read_text(encoding="utf-8")


def test_an_old_settings_file_is_mended(monkeypatch, user_dirs):
    """A settings.json written before (0644, the URL with its password inside) is moved to the store and closed."""
    monkeypatch.setenv("OMNIDESK_KEYRING", "0")
    path = user_dirs / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(f'{{"db.url": "postgresql://app:{DB_PASSWORD}@db/office", "ui.lang": "ru"}}', encoding="utf-8")
    os.chmod(path, 0o644)
    settings = Settings()
    assert DB_PASSWORD in settings.get("db.url") and DB_PASSWORD not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and config.MASK in settings.shown("db.url")


def test_logs_rotate(monkeypatch, user_dirs):
    import logging

    from omnidesk import diagnostics

    monkeypatch.setattr(diagnostics, "LOG_BYTES", 2000)
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "omnidesk", False):
            logging.getLogger().removeHandler(handler)
    path = diagnostics.setup_logging()
    log = logging.getLogger("omnidesk.test")
    for n in range(200):
        log.warning("line %d postgresql://app:%s@db/x", n, DB_PASSWORD)
    files = sorted(path.parent.glob("omnidesk.log*"))
    assert len(files) == diagnostics.LOG_FILES + 1 and all(f.stat().st_size <= 2200 for f in files)
    assert all(DB_PASSWORD not in f.read_text(encoding="utf-8") for f in files)
