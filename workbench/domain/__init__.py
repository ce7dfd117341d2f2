"""Pure rules of the workbench: models, dates, urgency, lights, quick-add, summaries.

Nothing here does IO or imports Textual, SQLite or click; everything is unit-tested.
"""
