"""The Orders page: the day's orders with search, filters and details."""
