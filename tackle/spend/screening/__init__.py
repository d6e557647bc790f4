"""Spend screening: a pure engine (no database) that reads spend files, maps their columns,
classifies payments by sector and matches payees to the supplier register."""
