"""A software Shtrih-M register speaking the real v1 protocol, with a fiscal-storage journal.

``python -m fiscal_drivers.emulator --pty`` or ``--tcp PORT``; in-process: :class:`Emulator`.
"""

from .device import Device, DeviceFault, journal_tags
from .faults import Faults
from .server import Emulator
from .storage import DeviceState, Storage

__all__ = ["Device", "DeviceFault", "DeviceState", "Emulator", "Faults", "Storage", "journal_tags"]
