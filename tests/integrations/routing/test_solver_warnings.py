"""The solver quiets PyVRP's penalty-cap warning only around its own search, not for the whole process."""

from __future__ import annotations

import subprocess
import sys
import warnings

from pyvrp.exceptions import PenaltyBoundWarning

from omnidesk.core.routing import Objective
from omnidesk.integrations.routing import solver


def test_importing_the_solver_leaves_the_warning_filters_alone():
    """In a fresh interpreter (pytest resets filters around collection, which would hide a global one)."""
    code = ("import warnings; from pyvrp.exceptions import PenaltyBoundWarning as W;"
            "import omnidesk.integrations.routing.solver;"
            "print(any(issubclass(W, f[2]) and f[0] == 'ignore' and f[1] is None for f in warnings.filters))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "False"


def test_a_tight_day_warns_nobody_and_leaves_the_filters_as_they_were(day):
    problem = day(orders=30, vans=1, objective=Objective(orders_optional=False))  # penalties hit their cap
    before = list(warnings.filters)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        solver.solve(problem, time_limit=2, seed=1, max_iterations=100)
    assert not [w for w in caught if issubclass(w.category, PenaltyBoundWarning)]
    assert warnings.filters == before
