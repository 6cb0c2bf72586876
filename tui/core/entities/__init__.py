"""The entity pass: money amounts and companies found in an article body."""

ANALYSER_VERSION = "8"
"""Bumped whenever the finders change, so cached entity results are recomputed."""
