"""执法公示: the public portal (officers, certificate verification) and, later, publications."""
