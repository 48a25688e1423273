"""Benchmark readers (DIMACS/SINTEF conventions, the day format) and the bench command's JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from omnidesk.core.routing import Plan, Route, StopRef, pickup_stop, validate_plan
from omnidesk.integrations.routing.instances import read_instance

DATA = Path("/work/shared/data/vrp")
pytestmark = pytest.mark.skipif(not DATA.exists(), reason="benchmark data not present")


def test_solomon_reader_uses_truncated_tenths():
    instance = read_instance(DATA / "solomon_100" / "C101.vrptw")
    problem = instance.problem
    assert len(problem.orders) == 100 and len(problem.vehicles) == 25 and instance.unit == 10
    first = problem.order("1")  # node 2 of the file: (45, 68), window 912–967, service 90
    assert first.window.start == 9120 and first.window.end == 9670 and first.service_s == 900
    assert problem.matrix.distance(0, first.location) == math.floor(10 * math.hypot(5, 18))  # 186


def test_solomon_route_distance_by_hand():
    instance = read_instance(DATA / "solomon_100" / "C101.vrptw")
    route = Route("1", (StopRef("2"), StopRef("1")))  # depot (40,50) → (45,70) → (45,68) → depot
    report = validate_plan(instance.problem, Plan((route,))).routes[0]
    # ⌊10·√425⌋ = 206, ⌊10·2⌋ = 20, ⌊10·√349⌋ = 186
    assert report.distance == 206 + 20 + 186
    # at customer 2 at 20.6, waits until 825.0, serves 90; at customer 1 at 917.0 (window 912–967)
    assert [stop.start for stop in report.stops] == [8250, 9170]
    assert report.feasible


def test_li_lim_reader_pairs_pickups_with_deliveries():
    instance = read_instance(DATA / "lilim_100" / "lc101.txt")
    problem = instance.problem
    assert len(problem.orders) == 53 and all(order.pickup for order in problem.orders)
    order = problem.order("75")  # node 3 picks up 10 units for node 75
    assert order.pickup.location == 3 and order.load.kg == 10
    assert instance.label(pickup_stop("75")) == 3 and instance.label(StopRef("75")) == 75


def test_day_reader_uses_the_files_travel_model():
    instance = read_instance(DATA / "omnidesk300.json")
    problem = instance.problem
    assert len(problem.orders) == 300 and len(problem.vehicles) == 15
    assert sum(1 for order in problem.orders if order.pickup) == 30
    assert problem.order("D0001").service_s == 600 and problem.order("D0001").pickup.service_s == 900
    metres = problem.matrix.distance(0, 1)
    assert problem.matrix.duration(0, 1) == round(metres * 3.6 / 25)


def test_bench_json_keys(capsys):
    from bench.routing import main

    code = main([str(DATA / "lilim_100" / "lc101.txt"), "--time-limit", "0.5", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"instance", "distance", "vehicles", "feasible", "seconds", "first_feasible_seconds", "routes",
            "unassigned"} <= result.keys()
    assert result["feasible"] and result["routes"][0].keys() == {"vehicle", "stops"}
    assert result["distance"] == pytest.approx(828.94, abs=0.01)
