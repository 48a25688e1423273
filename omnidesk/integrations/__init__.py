"""Adapters to the outside: CRM, 1C, bank files, routing engine, Excel."""
