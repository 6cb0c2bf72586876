"""A page's category crumb (`Cloud › Réseaux`, `CloudRéseaux`) as a list of categories."""

from __future__ import annotations

import re

_CAMEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")


def split_categories(crumb: str) -> list[str]:
    """`CloudRéseaux` or `Cloud, Réseaux` or `Cloud › Réseaux` -> ["Cloud", "Réseaux"]."""
    parts = re.split(r"\s*(?:[,;|/›»>•·]|\s-\s)\s*", crumb.strip())
    out: list[str] = []
    for part in parts:
        out.extend(p.strip() for p in _CAMEL_SPLIT.split(part) if p.strip())
    return out
