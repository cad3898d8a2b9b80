"""Settings. `base` is the whole configuration, read from the environment; `test` adjusts it for the suite."""
