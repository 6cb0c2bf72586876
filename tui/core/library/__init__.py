"""The library: saved articles in one SQLite file, its schema, and the queries over it."""
