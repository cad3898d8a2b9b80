"""Template filters of the matters app."""
