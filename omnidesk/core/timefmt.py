"""Times of day as minutes from midnight, shown the Russian way."""

from __future__ import annotations


def format_minutes(minutes: int | None) -> str:
    if minutes is None:
        return ""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_window(start: int | None, end: int | None) -> str:
    """``10:00–12:00``; empty when there is no window."""
    if start is None or end is None:
        return ""
    return f"{format_minutes(start)}–{format_minutes(end)}"
