"""Use cases: each call is one transaction plus one history event."""
