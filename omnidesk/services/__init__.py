"""Use cases: each call is one unit of work and returns frozen data objects, never ORM objects."""
