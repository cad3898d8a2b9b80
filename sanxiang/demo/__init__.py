"""The Shanxi demonstration deployment: loads realistic data into the configured database through the same
actions officers use (so the demo's record log is real).
Top layer: it may import every app; none imports it."""
