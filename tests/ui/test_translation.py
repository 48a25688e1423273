import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from omnidesk.ui.i18n import install_translators

ROOT = Path(__file__).resolve().parents[2]


def test_every_tr_string_has_a_russian_translation_and_the_qm_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_russian_by_default_and_english_on_request(qapp):
    assert install_translators(qapp, "ru")
    assert QCoreApplication.translate("OrdersTableModel", "Due") == "К оплате"
    install_translators(qapp, "en")
    assert QCoreApplication.translate("OrdersTableModel", "Due") == "Due"


def test_qt_own_dialogs_speak_russian(qapp):
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert install_translators(qapp, "ru")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Перейти к:"
    dialog = QFileDialog(None, "", "", "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Look in:" not in texts and "Files of type:" not in texts
    dialog.deleteLater()
