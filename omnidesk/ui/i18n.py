"""Translations: English source strings, Russian by default (resources/i18n/omnidesk_ru.qm)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from omnidesk.paths import resource_path

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, lang: str = "ru") -> bool:
    """Install OmniDesk's and Qt's own translations for ``lang``; return whether OmniDesk's loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    ours = QTranslator(app)
    loaded = ours.load(str(resource_path("i18n", f"omnidesk_{lang}.qm")))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return loaded
