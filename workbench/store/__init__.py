"""SQLite persistence: schema, migrations, queries and search. The only layer that speaks SQL."""
