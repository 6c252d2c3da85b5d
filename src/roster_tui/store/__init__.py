"""Where the sub-district lives: SQLite or PostgreSQL tables, audited edits and undo.

Open a database with ``store.db.open_store(resolve_db_url(...))``; the returned
``store.repository.Store`` speaks only in domain objects. Failures are ``store.errors``
exceptions whose text a person can act on. ``store.interchange`` reads and writes the TOML files.
"""
