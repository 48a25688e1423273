"""Text the register can store: characters outside its code page get faithful stand-ins, never "?".

Commands carry text in cp1251 (item names, FF46) and the FN keeps TLV strings in cp866 (1008,
1021, 1227 …). A name typed in the office may hold "×", "—", "₽", "½" or "Ø": sent with
``errors="replace"`` each would print as "?". :func:`fiscal_text` maps such characters to what
a reader of the receipt understands the same way (× → x, — → -, ₽ → руб., ½ → 1/2), keeps what
the code page has («» in cp1251, № in both), strips accents, and drops only what has no stand-in.
"""

from __future__ import annotations

import unicodedata

STAND_INS: dict[str, str] = {
    "×": "x", "✕": "x", "∙": "*", "·": ".", "—": "-", "–": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "₽": "руб.", "€": "EUR", "£": "GBP", "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "″": '"',
    "‘": "'", "’": "'", "′": "'", "…": "...", "½": "1/2", "¼": "1/4", "¾": "3/4", "⅓": "1/3", "²": "2", "³": "3",
    "Ø": "D", "ø": "d", "⌀": "D", "≤": "<=", "≥": ">=", "≈": "~", "±": "+-", "°": " град.", "→": "->",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "№": "N",
}

#: Replaced even where the code page has them: the register's printer font draws dashes as "-" anyway.
ALWAYS = frozenset("—–‒―")


def fiscal_text(text: str, encoding: str = "cp1251") -> str:
    """``text`` with every character the ``encoding`` lacks replaced by its stand-in."""
    out = []
    for char in text:
        if _fits(char, encoding) and char not in ALWAYS:
            out.append(char)
        elif char in STAND_INS and all(_fits(c, encoding) for c in STAND_INS[char]):
            out.append(STAND_INS[char])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            out.append(base if base and all(_fits(c, encoding) for c in base) else "")
    return "".join(out)


def encode(text: str, encoding: str = "cp1251") -> bytes:
    return fiscal_text(text, encoding).encode(encoding)


def _fits(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
