"""The window's sign-in: the first administrator, a wrong password, the remembered login, switching user."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from omnidesk.config import Settings
from omnidesk.core.enums import Role
from omnidesk.services import users
from omnidesk.services.context import AppContext
from omnidesk.ui.main_window import MainWindow
from omnidesk.ui.sign_in import SignInDialog


@pytest.fixture
def context(sqlite_url, monkeypatch):
    from tests.dbs import ready_database as open_database

    monkeypatch.setattr(users, "FAIL_DELAY", 0.01)
    settings = Settings()
    settings.set("auth.without_sign_in", "no")
    context = AppContext(open_database(sqlite_url), settings)
    yield context
    context.close()


def test_first_start_asks_for_the_administrator_password(qtbot, context):
    assert not context.signed_in
    dialog = SignInDialog(context, first_admin=True)
    qtbot.addWidget(dialog)
    assert dialog.login.text() == "admin" and dialog.login.isReadOnly()
    dialog.password.setText("admin-password-1")
    dialog.confirm.setText("admin-password-2")
    dialog.submit()
    assert "do not match" in dialog.error.text() and not users.has_users(context.db)
    dialog.confirm.setText("admin-password-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert context.actor.login == "admin" and context.actor.role is Role.ADMIN
    assert Settings().last_login() == "admin"  # remembered; the password is nowhere in the settings
    assert "admin-password-1" not in Settings().path.read_text(encoding="utf-8")


def test_wrong_password_then_right_one(qtbot, context):
    users.create_first_admin(context.db, "admin-password-1")
    context.settings.set("auth.last_login", "admin")
    dialog = SignInDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.login.text() == "admin" and dialog.confirm.isHidden()
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    assert "неверный логин или пароль" in dialog.error.text() and dialog.password.text() == ""
    assert not context.signed_in
    dialog.password.setText("admin-password-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert dialog.actor is not None and dialog.actor.login == "admin"


def test_switch_user_without_restarting(qtbot, context):
    admin = users.create_first_admin(context.db, "admin-password-1")
    context.sign_in(admin.login, "admin-password-1")
    users.add_user(context.db, context.actor, "petr", "logist-password", role=Role.LOGIST, full_name="Петров Пётр")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    keys = [p.key for p in window.pages]
    assert not window.navigation.item(keys.index("cashier")).isHidden()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        dialog.login.setText("petr")
        dialog.password.setText("logist-password")
        dialog.submit()

    QTimer.singleShot(100, fill)
    window.switch_user()
    assert context.actor.login == "petr" and "Петров Пётр" in window.user_button.text()
    assert window.fiscal.actor.login == "petr"  # the register's queue acts as the new person
    assert window.navigation.item(keys.index("cashier")).isHidden()
    assert window.navigation.item(keys.index("bank")).isHidden()
    window.runner.wait()
