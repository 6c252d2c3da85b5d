"""Message catalogs, one module per layer."""
