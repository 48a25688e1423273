"""The Routes page: the day's plan per driver, unassigned orders, a map, optimise, publish, route sheets."""
