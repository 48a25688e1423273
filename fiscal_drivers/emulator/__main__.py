"""Command line: ``python -m fiscal_drivers.emulator (--pty | --tcp PORT) [options]``.

The first stdout line is the URL to give the driver (a pty path, or socket://127.0.0.1:PORT),
flushed at once. SIGUSR1 toggles "paper out". Stops on SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import sys

from .server import Emulator


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m fiscal_drivers.emulator", description="Emulated Shtrih-M register")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--pty", action="store_true", help="serve a pseudo-terminal; prints its path")
    where.add_argument("--tcp", type=int, metavar="PORT", help="serve TCP on 127.0.0.1:PORT (0 = any free port)")
    ap.add_argument("--journal", help="fiscal storage journal, one JSON document per line")
    ap.add_argument("--state", help="device state file (shift, counters, open document)")
    ap.add_argument("--faults", help='e.g. "corrupt=0.01,drop=0.01,delay=0.2,poweroff_after=N"')
    ap.add_argument("--baud", type=int, help="pace bytes like a real line at this speed")
    ap.add_argument("--byte-timeout", type=float, default=0.05, help="inter-byte timeout, seconds")
    ap.add_argument("--vat-family", default="classic", help="FF46 VAT byte family: classic, nano, vattable, row1_22")
    ap.add_argument("--busy-rate", type=float, default=0.02, help="chance of 'printer busy' (50h) per print command")
    ap.add_argument("--paper-out", action="store_true", help="start with no paper (SIGUSR1 toggles)")
    ap.add_argument("--seed", type=int, help="seed for busy answers")
    ap.add_argument("--serial", default="0012345678", help="the register's serial number (11h), 10 digits")
    ap.add_argument("--fn-number", default="9999078900012345", help="the fiscal storage number (FF01/FF02), 16 digits")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    emulator = Emulator(
        tcp_port=None if args.pty else args.tcp, journal=args.journal, state=args.state, faults=args.faults,
        baud=args.baud, byte_timeout=args.byte_timeout, vat_family=args.vat_family, busy_rate=args.busy_rate,
        paper_out=args.paper_out, seed=args.seed, serial=args.serial, fn_number=args.fn_number,
    )
    emulator.start()
    print(emulator.url, flush=True)

    def toggle_paper(*_: object) -> None:
        emulator.device.paper_out = not emulator.device.paper_out

    def stop(*_: object) -> None:
        emulator.stop()

    signal.signal(signal.SIGUSR1, toggle_paper)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    emulator.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
