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
