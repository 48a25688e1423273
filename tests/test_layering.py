"""The layering of DESIGN.md as a test: import-linter contracts in setup.cfg."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
         str(ROOT / "setup.cfg"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    declared = (ROOT / "setup.cfg").read_text(encoding="utf-8").count("[importlinter:contract:")
    assert f"Contracts: {declared} kept, 0 broken" in result.stdout  # every declared contract was checked


def test_core_imports_only_the_standard_library():
    """Importing omnidesk.core must not pull in any third-party module."""
    code = (
        "import sys; before = set(sys.modules);"
        "import omnidesk.core.money, omnidesk.core.vat, omnidesk.core.enums, omnidesk.core.inn, omnidesk.core.phones;"
        "import pkgutil, importlib, omnidesk.core as c;"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(c.__path__, 'omnidesk.core.')];"
        "new = {m.split('.')[0] for m in set(sys.modules) - before};"
        "std = set(sys.stdlib_module_names) | {'omnidesk'};"
        "print(sorted(new - std))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
