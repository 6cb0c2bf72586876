"""Money amounts: numbers read as candidates (`candidates`, `numbers`, `currencies`),
then resolved into amounts with their currency from context (`context`, `rows`)."""

from tui.core.entities.amounts.rows import find_amounts

__all__ = ["find_amounts"]
