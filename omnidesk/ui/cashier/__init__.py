"""The Cashier page: money in and out, allocations, receipts owed and printed, the register."""
