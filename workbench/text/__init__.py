"""Text utilities shared by intake and the rule engine (no Qt)."""
