"""Which company keys are one company on the desk: the few keys that join another.

Read from the spelling table (`desk_aliases`): a key that is, in some article, a spelling
of exactly one other company joins it (`company_key.merge_groups`). Every other key is a
company on its own, so only the joins are held in memory.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping

from tui.core.library.company_key import merge_groups

_JOINS = """
SELECT a.form_key, min(a.key) FROM desk_aliases AS a
WHERE a.form_key != a.key
    AND EXISTS (SELECT 1 FROM desk_company_stats AS s WHERE s.key = a.form_key)
GROUP BY a.form_key HAVING count(*) = 1
"""
"""Company keys that are a spelling of exactly one other company."""
_NAMED = "SELECT DISTINCT key FROM desk_aliases WHERE form_key = ?"
_STARTING = "SELECT DISTINCT key FROM desk_aliases WHERE form_key > ? AND form_key < ?"


class Groups:
    """The joins between company keys, and the members of each company that has several."""

    def __init__(self, joins: Mapping[str, str]) -> None:
        self.joins = dict(joins)
        """key -> the key of the company it joins (its root); only for keys that join."""
        members: dict[str, set[str]] = defaultdict(set)
        for key, root in self.joins.items():
            members[root].update((key, root))
        self.members = {root: tuple(sorted(keys)) for root, keys in members.items()}
        """root -> every key of the company, for the companies with several keys."""

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Groups:
        pairs = [(str(form), str(key)) for form, key in conn.execute(_JOINS)]
        if not pairs:
            return cls({})
        involved = sorted({k for pair in pairs for k in pair})
        marks = ", ".join("?" for _ in involved)
        sql = f"SELECT key, articles FROM desk_company_stats WHERE key IN ({marks})"
        articles = {str(k): int(n) for k, n in conn.execute(sql, involved)}
        roots = merge_groups(pairs, articles)
        return cls({key: root for key, root in roots.items() if key != root})

    def root(self, key: str) -> str:
        return self.joins.get(key, key)

    def keys_of(self, roots: Iterable[str]) -> tuple[str, ...]:
        """Every key of these companies."""
        return tuple(sorted({k for root in roots for k in self.members.get(root, (root,))}))

    def named(self, conn: sqlite3.Connection, form_key: str, *, prefix: bool = False) -> list[str]:
        """The companies (roots) spelled `form_key` in some article (`dassault`: every
        Dassault), or with a spelling that starts with it."""
        if prefix:
            found = conn.execute(_STARTING, (form_key, form_key + "\U0010ffff"))
        else:
            found = conn.execute(_NAMED, (form_key,))
        return sorted({self.root(str(row[0])) for row in found})
