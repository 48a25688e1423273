"""Routing benchmark: python -m bench.routing INSTANCE --time-limit S [--seed N] --json
or:                  python -m bench.routing --all FOLDER --time-limit S [--seed N] [--out FILE.md]

Solomon `.vrptw` (DIMACS convention), Li & Lim `.txt` and the OmniDesk day format `.json`.
Distance objective only for Solomon and Li & Lim (every order required, as in
reference/routing.md); the day format uses the app's objective. Every plan is checked by
omnidesk.core.routing's validator; `feasible` is its verdict and that nothing is unassigned.
The machine's load (1-minute average, `os.getloadavg`) is recorded with every figure: the
solver runs against the clock, so a busy machine gives it fewer iterations.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
from datetime import UTC, datetime
from pathlib import Path

from omnidesk.core.routing import validate_plan
from omnidesk.integrations.routing import solver
from omnidesk.integrations.routing.instances import Instance, read_instance
from omnidesk.integrations.routing.solver import solve

RESULTS = Path(__file__).resolve().parent / "results"
REPO = RESULTS.parents[1]


def shown_path(path: Path) -> str:
    """A path as a results file names it: relative to the repository, never the machine's absolute path."""
    return os.path.relpath(Path(path).resolve(), REPO)
SUFFIXES = (".vrptw", ".txt", ".json")


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):  # not on every platform
        return None


def run_instance(path: Path, time_limit: float, seed: int) -> dict:
    instance = read_instance(path)
    load_before = load_average()
    plan = solve(instance.problem, time_limit, seed=seed)
    return result_json(instance, plan) | {"load_avg_before": load_before, "load_avg_after": load_average()}


def result_json(instance: Instance, plan) -> dict:
    report = validate_plan(instance.problem, plan)
    digits = len(str(instance.unit)) - 1
    return {
        "instance": instance.name,
        "distance": round(report.distance / instance.unit, digits),
        "vehicles": report.vehicles_used,
        "feasible": report.feasible and not plan.unassigned,
        "seconds": plan.stats.seconds if plan.stats else None,
        "first_feasible_seconds": plan.stats.first_feasible_seconds if plan.stats else None,
        "routes": [{"vehicle": route.vehicle, "stops": [instance.label(stop) for stop in route.stops]}
                   for route in plan.routes if route.stops],
        "unassigned": [{"order": item.order, "reason": item.reason} for item in plan.unassigned],
        "violations": [item.text for item in report.violations],
    }


def best_known(folder: Path) -> dict[str, tuple[int, float]]:
    """Instance name (lower case) → (vehicles, distance) from the folder's bks.csv."""
    path = folder / "bks.csv"
    if not path.exists():
        return {}
    known = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if "dist_only_distance_dimacs" in row:  # Solomon: the distance-only DIMACS optimum
                known[row["instance"].lower()] = (int(row["dist_only_vehicles"]),
                                                  float(row["dist_only_distance_dimacs"]))
            else:
                known[row["instance"].lower()] = (int(row["vehicles"]), float(row["distance"]))
    return known


def run_folder(folder: Path, time_limit: float, seed: int, out: Path | None) -> Path:
    known = best_known(folder)
    rows = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.name != "bks.csv"):
        result = run_instance(path, time_limit, seed)
        bks = known.get(result["instance"].lower())
        gap = 100 * (result["distance"] / bks[1] - 1) if bks and result["feasible"] else None
        rows.append((result, bks, gap))
        print(_line(result, bks, gap), flush=True)
    out = out or RESULTS / f"{folder.name}_{int(time_limit)}s_seed{seed}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_table(folder, time_limit, seed, rows), encoding="utf-8")
    return out


def _line(result: dict, bks, gap) -> str:
    gap_text = f"{gap:+.2f}%" if gap is not None else "—"
    bks_text = f"{bks[1]} ({bks[0]})" if bks else "—"
    return (f"| {result['instance']} | {bks_text} | {result['distance']} ({result['vehicles']}) | {gap_text} | "
            f"{'yes' if result['feasible'] else 'NO'} | {result['first_feasible_seconds']} | {result['seconds']} | "
            f"{result.get('load_avg_after', '—')} |")


def _table(folder: Path, time_limit: float, seed: int, rows) -> str:
    gaps = [gap for _, _, gap in rows if gap is not None]
    feasible = sum(1 for result, _, _ in rows if result["feasible"])
    worst = max(((gap, result["instance"]) for result, _, gap in rows if gap is not None), default=None)
    loads = [result.get("load_avg_after") for result, _, _ in rows if result.get("load_avg_after") is not None]
    load_text = (f"* machine load (1-min average after each instance): mean {statistics.fmean(loads):.2f}, "
                 f"min {min(loads):.2f}, max {max(loads):.2f}, {os.cpu_count()} CPUs") if loads else "* load: —"
    lines = [
        f"# Routing benchmark: {folder.name}, {time_limit:g} s per instance, seed {seed}",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `python -m bench.routing --all {shown_path(folder)} "
        f"--time-limit {time_limit:g} --seed {seed}` (PyVRP 0.14 behind omnidesk.integrations.routing.solver, "
        "one process, distance objective, every plan re-checked by omnidesk.core.routing.validate_plan).",
        "",
        f"Search settings: below {solver.LARGE_DAY_STOPS} stops {solver.SMALL_DAY} (PyVRP's defaults) "
        f"throughout; from there {solver.QUICK} until the first complete plan, then {solver.STEADY}.",
        "",
        f"* instances: {len(rows)}, valid and complete: {feasible}",
        f"* mean gap to BKS: {statistics.fmean(gaps):+.3f}%" if gaps else "* mean gap: —",
        f"* worst: {worst[1]} {worst[0]:+.2f}%" if worst else "* worst: —",
        f"* instances above +1%: {sum(1 for gap in gaps if gap > 1)}",
        load_text,
        "",
        "| instance | BKS (veh) | ours (veh) | gap | valid | first feasible s | s | load |",
        "|---|---|---|---|---|---|---|---|",
        *(_line(result, bks, gap) for result, bks, gap in rows),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.routing", description=__doc__.splitlines()[0])
    parser.add_argument("instance", nargs="?", type=Path, help="a .vrptw, .txt or .json instance")
    parser.add_argument("--all", type=Path, metavar="FOLDER", help="run every instance of FOLDER, write a table")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--out", type=Path, help="where --all writes its table (default bench/results/)")
    args = parser.parse_args(argv)
    if args.all:
        print(f"table written to {run_folder(args.all, args.time_limit, args.seed, args.out)}")
        return 0
    if args.instance is None:
        parser.error("give an INSTANCE or --all FOLDER")
    result = run_instance(args.instance, args.time_limit, args.seed)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(_line(result, None, None))
    return 0 if result["feasible"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
