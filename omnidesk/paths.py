"""Where OmniDesk's shipped resources (icons, translations, demo data) are, installed or not."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def resource_path(*parts: str) -> Path:
    """A file under the ``resources`` package, as a real path (it ships as plain files)."""
    return Path(str(resources.files("resources").joinpath(*parts)))


def load_json_resource(*parts: str) -> Any:
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))
