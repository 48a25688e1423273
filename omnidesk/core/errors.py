"""The error root of OmniDesk's domain; services and the UI turn these into messages."""


class OmniDeskError(Exception):
    """Base of every error OmniDesk reports to a user as one clear line."""


class InvalidInput(OmniDeskError, ValueError):
    """Input that cannot be understood: a malformed amount, date or reference."""


class NotFound(OmniDeskError, LookupError):
    """A customer, order or other record that does not exist."""


class Ambiguous(OmniDeskError, LookupError):
    """A reference that matches more than one record."""


class Conflict(OmniDeskError):
    """Another workstation changed the same record first (optimistic lock)."""


class Forbidden(OmniDeskError):
    """The current user's role does not allow this action."""


class Busy(OmniDeskError):
    """Another workstation holds what this action needs (a lock, a deadlock broken, the register in use).

    Nothing of the action was kept; doing it again a moment later is safe."""

    def __init__(self, message: str = "занято другим рабочим местом, повторите") -> None:
        super().__init__(message)


_FILE_REASONS = {  # errno → the reason in Russian (the system's own words are English)
    2: "нет такого файла или папки",
    13: "нет прав доступа",
    17: "файл уже существует",
    20: "часть пути — не папка",
    21: "это папка, а не файл",
    28: "на диске нет места",
    30: "диск только для чтения",
    36: "слишком длинное имя",
}


def file_error_text(exc: OSError, action: str = "открыть") -> str:
    """«не удалось открыть /x.txt: нет такого файла или папки» — an OSError about a file, for people."""
    reason = _FILE_REASONS.get(exc.errno or 0) or "ошибка ввода-вывода"
    name = exc.filename if exc.filename is not None else ""
    return f"не удалось {action} {name}: {reason}".replace("  ", " ")
