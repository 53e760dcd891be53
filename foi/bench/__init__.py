"""The benchmark: synthetic responses (generator) and timed build stages (measure)."""
