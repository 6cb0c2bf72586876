"""The command palette offers every key binding of the current screen and of the app by
its description; a focused widget's own keys (moving a cursor, scrolling) are left out."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App
from textual.binding import ActiveBinding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

HIDDEN_ACTIONS = frozenset({"command_palette", "app.command_palette"})
"""Actions not worth listing in the palette itself."""


class BindingCommands(Provider):
    """One command per described binding that is active where the palette was opened."""

    def _commands(self) -> Iterator[tuple[str, ActiveBinding, str]]:
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in HIDDEN_ACTIONS:
                continue
            if not isinstance(active.node, (Screen, App)):
                continue
            if not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.tooltip or binding.description  # the tooltip says more
            yield name, active, self.app.get_key_display(binding) or key

    async def _run(self, active: ActiveBinding) -> None:
        await self.app.run_action(active.binding.action, active.node)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, active, key in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, active), help=key)

    async def discover(self) -> Hits:
        for name, active, key in self._commands():
            yield DiscoveryHit(name, partial(self._run, active), help=key)
