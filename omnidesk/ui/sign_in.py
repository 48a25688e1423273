"""The sign-in dialog the window starts with, and «Сменить пользователя».

The login is remembered on this workstation (``auth.last_login``), the password never. When the database
has no users yet, the dialog asks for the administrator's password instead (login ``admin``).
The password check (argon2, slowed down after failures) runs on a worker, never on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from omnidesk.services import users
from omnidesk.services.auth import Actor
from omnidesk.services.context import AppContext

from .errors import error_text
from .tasks import TaskRunner


class SignInDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, first_admin: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.first_admin = first_admin
        self.actor: Actor | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("OmniDesk — sign in"))
        self.setMinimumWidth(380)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        if first_admin:
            form.addRow(self.tr("Repeat password"), self.confirm)
            self.intro.setText(self.tr("The database has no users yet. Choose the administrator's password "
                                       "(login admin); the administrator then adds the others."))
            self.login.setText(users.ADMIN_LOGIN)
            self.login.setReadOnly(True)
        else:
            self.intro.setText(self.tr("Database: {0}").format(context.database_description))
            self.confirm.hide()
            self.login.setText(context.settings.last_login())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if self.login.text() else self.login).setFocus()

    def submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        if not login or not password:
            self.error.setText(self.tr("Enter the login and the password."))
            return
        if self.first_admin and password != self.confirm.text():
            self.error.setText(self.tr("The passwords do not match."))
            return
        self.error.setText(self.tr("Checking…"))
        self.buttons.setEnabled(False)
        context, first_admin = self.context, self.first_admin

        def work() -> Actor:
            if first_admin:
                users.create_first_admin(context.db, password)
            return context.sign_in(login, password)

        self.runner.start(work, on_done=self._signed_in, on_error=self._failed)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(error_text(exc))

    def done(self, result: int) -> None:
        self.runner.wait()
        super().done(result)


def sign_in(context: AppContext, parent: QWidget | None = None) -> Actor | None:
    """Ask who is working (or who the first administrator is); None when the person cancels."""
    dialog = SignInDialog(context, parent, first_admin=not users.has_users(context.db))
    dialog.exec()
    return dialog.actor
