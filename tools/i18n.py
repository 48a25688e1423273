"""Keep the Russian translation in step with the code.

    python tools/i18n.py update   # lupdate the .ts from omnidesk/ui, lrelease the .qm, list what is untranslated
    python tools/i18n.py check    # exit 1 if any string is untranslated or the .qm is stale

Translate new strings in resources/i18n/omnidesk_ru.ts (Qt Linguist: pyside6-linguist) and run update again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "omnidesk_ru.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "omnidesk" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-silent"],
                   cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def untranslated(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
                missing.append((name, message.findtext("source")))
    return missing


def check() -> list[str]:
    """Problems: strings without a Russian translation, or a .qm that does not match the .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / TS.name
        shutil.copy(TS, ts)
        lupdate(ts)
        problems += [f"untranslated [{ctx}] {src!r}" for ctx, src in untranslated(ts)]
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.name} is stale: run python tools/i18n.py update")
    return problems


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        lupdate(TS)
        lrelease(TS, QM)
        for ctx, src in untranslated(TS):
            print(f"untranslated [{ctx}] {src!r}")
        return 0
    if argv[1:] == ["check"]:
        problems = check()
        print("\n".join(problems) or "translation complete")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
