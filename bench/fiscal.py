"""Fiscal driver speed: a 20-line receipt through the emulator over a pty.

Prints round trips, bytes, the time with no line pacing (target < 100 ms: the driver adds no
fixed sleeps), and the time with the emulator pacing bytes like a real 115200 and 4800 baud
line, as a ratio to the pure wire time of the bytes exchanged (target ≤ 1.3).

    python -m bench.fiscal            (from the repository root)
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

from fiscal_drivers import Line, Operation, Payments, Person, Receipt, VatRate, open_register

RECEIPT = Receipt(
    operation=Operation.INCOME,
    lines=tuple(Line(name=f"Фитинг латунный 1/2 арт. {i:04d}", price=15000 + i, vat=VatRate.VAT22) for i in range(20)),
    payments=Payments(cash=400000), cashier=Person(name="Иванова А.П."), buyer_contact="+79161234567",
)


@contextlib.contextmanager
def emulator_process(baud: int | None) -> Iterator[str]:
    """The emulator in its own process, as a real device is (no GIL shared with the driver)."""
    cmd = [sys.executable, "-m", "fiscal_drivers.emulator", "--pty", "--busy-rate", "0"]
    cmd += ["--baud", str(baud)] if baud else []
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": root}
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, text=True)
    try:
        yield proc.stdout.readline().strip()  # type: ignore[union-attr]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run(baud: int | None, repeats: int) -> tuple[float, int, int]:
    """Median seconds per receipt, round trips and bytes (both directions) per receipt."""
    with emulator_process(baud) as url, open_register(url, baudrate=baud or 115200) as kkt:
        kkt.open_shift()
        kkt.print_receipt(RECEIPT)  # warm-up
        times = []
        for _ in range(repeats):
            trips, sent, got = kkt.session.round_trips, kkt.transport.bytes_out, kkt.transport.bytes_in
            started = time.perf_counter()
            kkt.print_receipt(RECEIPT)
            times.append(time.perf_counter() - started)
        return statistics.median(times), kkt.session.round_trips - trips, (
            kkt.transport.bytes_out - sent + kkt.transport.bytes_in - got
        )


def main() -> int:
    fast, trips, size = run(None, 15)
    print(f"20-line receipt over a pty: {trips} round trips, {size} bytes")
    print(f"no pacing:      {fast * 1000:7.1f} ms   (target < 100 ms)")
    ok = fast < 0.1
    for baud, repeats in ((115200, 5), (4800, 2)):
        paced, _, size = run(baud, repeats)
        wire = size * 10 / baud
        ratio = paced / wire
        ok &= ratio <= 1.3
        print(f"{baud:6d} baud:   {paced * 1000:7.1f} ms   wire {wire * 1000:7.1f} ms   ratio {ratio:.2f} (target ≤ 1.3)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
