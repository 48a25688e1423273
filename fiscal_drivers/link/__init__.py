"""Link layer: transport (bytes) → framing (pure) → session (ENQ/ACK/NAK, retries, timeouts)."""

from .framing import ACK, ENQ, NAK, STX, encode_frame, lrc, parse_frame
from .session import Session, Timeouts
from .transport import Transport

__all__ = ["ACK", "ENQ", "NAK", "STX", "Session", "Timeouts", "Transport", "encode_frame", "lrc", "parse_frame"]
