"""Shared foundations: the clock, the error tree, base models and typing helpers. Imports no other app."""
