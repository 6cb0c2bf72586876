"""The related posts offered by the page: Enter (or a click) asks to open one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import RelatedPost
from tui.ui.safe_text import clean
from tui.ui.widgets.lists import KeyList


def related_prompt(post: RelatedPost) -> Text:
    """Title on the first line, then the summary and the age, dimmed."""
    prompt = Text(clean(post.title or "(untitled)"), style="bold")
    if post.summary:
        prompt.append("\n" + clean(post.summary), style="dim")
    details = [clean(v) for v in (post.age, None if post.url else "no link") if v]
    if details:
        prompt.append("\n" + " · ".join(details), style="italic dim")
    return prompt


class RelatedList(KeyList):
    """A list of `RelatedPost`s; posts `RelatedList.Chosen` when one is picked."""

    class Chosen(Message):
        """The reader picked a related post to open."""

        def __init__(self, post: RelatedPost) -> None:
            super().__init__()
            self.post = post

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.posts: tuple[RelatedPost, ...] = ()

    def show_posts(self, posts: Sequence[RelatedPost]) -> None:
        """Replace the list with `posts` (or a disabled "none" line)."""
        self.posts = tuple(posts)
        self.clear_options()
        if not self.posts:
            self.add_option(
                Option(Text("No related posts on this page.", style="dim"), disabled=True)
            )
            return
        self.add_options(Option(related_prompt(post)) for post in self.posts)
        self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.posts):
            self.post_message(self.Chosen(self.posts[event.option_index]))
