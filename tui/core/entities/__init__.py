"""The entity pass: money amounts and companies found in an article body."""

ANALYSER_VERSION = "6"
"""Bumped whenever the finders change, so cached entity results are recomputed."""
