"""From class probabilities to each line's class: the title, the context pass, glued tails.

The line model gives every line a probability of being title, body or furniture. A line
sure enough either way, or long enough to be judged alone, keeps its class; a doubtful
short or heading-shaped one takes it from its neighbours, as in jusText's context pass:
between two body lines it is body (a sub-heading between two paragraphs), next to one
body line it is body only if likely enough, and among furniture it is furniture. The
title is the first headline-shaped line of the page's head likely enough to be one. A
text in which the model keeps nothing is read as plain text (`plain_text_lines`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tui.core.sources.dump_features import (
    content_words,
    ends_sentence,
    feature_matrix,
    mark_runs,
    no_letters,
)
from tui.core.sources.dump_model import (
    BODY,
    FURNITURE,
    GLUED,
    TITLE,
    DumpModel,
    LinearModel,
    Thresholds,
)
from tui.core.sources.dump_rules import (
    after_list_heading,
    any_furniture_rule,
    dangling_separator,
    list_heading,
    notice_rule,
    page_header,
)
from tui.core.sources.dump_stats import SHORT_WORDS, DumpStats
from tui.core.sources.dump_tails import tail_candidates, tail_matrix
from tui.core.sources.dump_vocabulary import WORD

TITLE_SEARCH_LINES = 8
"""The title, when the dump shows one, is among its first lines."""
MAX_TITLE_WORDS = 30
SUBHEADING_WORDS = 15
SENTENCE_MIN_WORDS = 2
"""A note's shortest sentence (`Paid already.`)."""
DESCRIPTION_SHARED_WORDS = 2
"""A description above the headline takes up at least this many of its words, and of the
standfirst's."""
_INNER_SENTENCE = (". ", "? ", "! ")
_GOOD, _BAD, _DOUBT = 1, -1, 0


@dataclass(frozen=True)
class Decisions:
    """Each line's class, and where a glued tail starts on the body lines that have one."""

    labels: list[str]
    probabilities: np.ndarray
    """Title, body and furniture probability of each line, as the model gave them."""
    tails: dict[int, int]
    """Line index -> offset in the line where its glued byline or credit starts."""
    matrix: np.ndarray
    """The line features, kept so the cleaner can say which ones decided."""
    plain: bool = False
    """The model kept no line: the text was read as plain text, not as a page dump."""


def heading_shaped(stats: DumpStats) -> np.ndarray:
    """Lines shaped like a heading: up to `MAX_TITLE_WORDS` words, no closing full stop,
    opening with a letter, a digit or a quote, and no furniture shape (a menu item, a
    dateline)."""
    stop = np.array([t.endswith(".") and not t.endswith("..") for t in stats.texts], bool)
    opening = np.array([t[:1].isalnum() or t[:1] in "«\"“'‘¿¡" for t in stats.texts], bool)
    shaped = (stats.n_words <= MAX_TITLE_WORDS) & ~stop & opening
    return np.asarray(shaped & (any_furniture_rule(stats) == 0), dtype=bool)


def headline_shaped(stats: DumpStats) -> np.ndarray:
    """Lines that may be the title, whatever the model says: heading-shaped, two words up."""
    return np.asarray(heading_shaped(stats) & (stats.n_words >= 2), dtype=bool)


def never_title(stats: DumpStats) -> np.ndarray:
    """Lines no headline looks like: a closing full stop (before a glued signature, if
    any), or more words than a title has."""
    heads = zip(stats.heads, stats.texts, strict=True)
    glued = np.array([len(head) < len(text) for head, text in heads], dtype=bool)
    sentence = (ends_sentence(stats) > 0) | (stats.n_words > MAX_TITLE_WORDS) | glued
    return np.asarray(sentence, dtype=bool)


def body_probability(probabilities: np.ndarray, never: np.ndarray) -> np.ndarray:
    """Each line's probability of being body. A line that cannot be the title (`never`) is
    body or furniture, so its title share, a confusion with article text, is left out of
    its odds."""
    body, furniture = probabilities[:, 1], probabilities[:, 2]
    alone = body / np.maximum(body + furniture, 1e-12)
    return np.asarray(np.where(never, alone, body), dtype=float)


def choose_title(
    probabilities: np.ndarray,
    body: np.ndarray,
    headline: np.ndarray,
    long: np.ndarray,
    thresholds: Thresholds,
) -> int | None:
    """The first headline-shaped line of the page's head likely enough to be the title.

    The head ends at the first body line that is sure, or long and likely enough to be
    body: a heading under the article's first paragraph is a sub-heading. A title needs
    body text after it.
    """
    title = probabilities[:, 0]
    opened = (body >= thresholds.doubt_high) | (long & (body >= thresholds.body))
    sure = np.flatnonzero(opened)
    stop = min(TITLE_SEARCH_LINES, int(sure[0]) + 1 if len(sure) else TITLE_SEARCH_LINES)
    for index in range(min(stop, len(title) - 1)):
        if headline[index] and title[index] >= thresholds.title:
            return index
    return None


@dataclass(frozen=True)
class Shapes:
    """What the context pass knows of each line besides its probabilities."""

    long: np.ndarray
    """Prose: judged by itself, as jusText judges long paragraphs."""
    heading: np.ndarray
    """A short heading-shaped line: judged by its neighbours (a sub-heading between two
    paragraphs is body, a section name above the title is not)."""
    never: np.ndarray
    """Shapes that are never article text although they can read as prose: notices about
    the reader's data or the page itself, a caption or teaser left on a dangling separator,
    a magazine's page header, and everything under a related-posts or comments heading.
    The annotated dumps hold too few long ones for the model to learn them."""
    runs: tuple[range, ...] = ()
    """Runs of lines opening with the same list mark: a run mostly left out is left out
    whole (a teaser link next to the article is one of the teasers)."""
    cut: bool = False
    """The dump stops mid-word, as a scraper's limit cuts it: its last line lost the end
    that would show what it is, so it is judged as a doubtful line, and the doubtful lines
    after the last decided one continue what is above them."""


def cut_mid_sentence(stats: DumpStats) -> bool:
    """The dump's last line is a clause cut off, with no closing punctuation: it stops on a
    function word or a figure (`… citée parmi les`, `… pour 25`), or reads as a sentence
    (a comma inside, or longer than any heading). Not a signature, a credit or another
    furniture shape (`NJ`, `Par Jeanne Martin et Paul Durand`), nor a teaser headline
    (`Les magasins du centre-ville ferment`), which also ends on a letter."""
    last = len(stats) - 1
    text = stats.texts[last]
    clause = stats.n_words[last] > SHORT_WORDS and stats.stop_share[last] > 0
    clause = clause and not any_furniture_rule(stats)[last] and text[-1:].isalnum()
    words = WORD.findall(text)
    stops = text[-1:].isdigit() or (bool(words) and words[-1].lower() in stats.stopwords)
    sentence = "," in text or stats.n_words[last] > MAX_TITLE_WORDS
    return bool(clause and (stops or sentence))


def line_shapes(stats: DumpStats) -> Shapes:
    heading = heading_shaped(stats) & (stats.n_words <= SUBHEADING_WORDS)
    never = (notice_rule(stats) > 0) | (after_list_heading(stats) > 0) | (list_heading(stats) > 0)
    never |= (dangling_separator(stats) > 0) | (page_header(stats) > 0)
    long = np.asarray(stats.prose, dtype=bool)
    cut = bool(len(stats)) and cut_mid_sentence(stats) and not never[-1]
    runs = tuple(mark_runs(stats))
    return Shapes(long & ~never, np.asarray(heading & ~never, dtype=bool), never, runs, cut)


def context_pass(
    body: np.ndarray, shapes: Shapes, title: int | None, thresholds: Thresholds
) -> list[bool]:
    """Which lines are body: sure and long ones by themselves, then short doubtful ones and
    headings by the nearest decided lines above and below. A heading heads the text under
    it: with no body line below, it is not the article's (a teaser after its end)."""
    state = np.where(
        body >= thresholds.doubt_high, _GOOD, np.where(body < thresholds.doubt_low, _BAD, _DOUBT)
    )
    settled = shapes.long & (state == _DOUBT)
    state[settled] = np.where(body[settled] >= thresholds.body, _GOOD, _BAD)
    state[shapes.heading & (state != _GOOD)] = _DOUBT
    if shapes.cut and state[-1] == _BAD and body[-1] >= thresholds.doubt_low:
        state[-1] = _DOUBT
    state[shapes.never] = _BAD
    if title is not None:
        state[title] = _BAD
    above = _nearest_sure(state, range(len(state)))
    below = _nearest_sure(state, range(len(state) - 1, -1, -1))
    if shapes.cut:
        below = {i: above[i] if side == _DOUBT else side for i, side in below.items()}
    keep = []
    for i, s in enumerate(state):
        if s != _DOUBT:
            keep.append(bool(s == _GOOD))
        else:
            over = _past_credit(i, state, above, shapes)
            good_sides = (over == _GOOD) + (below[i] == _GOOD)
            likely = good_sides == 1 and body[i] >= thresholds.body
            heads_text = below[i] == _GOOD or not shapes.heading[i]
            keep.append(good_sides == 2 or (likely and heads_text))
    for run in shapes.runs:
        if 2 * sum(keep[i] for i in run) < len(run):
            keep[run.start : run.stop] = [False] * len(run)
    return keep


def _past_credit(i: int, state: np.ndarray, above: dict[int, int], shapes: Shapes) -> int:
    """The state above a doubtful line, looking past one furniture line that sits inside
    the article: a heading under a paragraph's source or credit line (`Source : …`) heads
    the next item, as a sub-heading between two paragraphs does."""
    inside = i >= 1 and shapes.heading[i] and state[i - 1] == _BAD and not shapes.never[i - 1]
    return above[i - 1] if inside and above[i - 1] == _GOOD else above[i]


def _nearest_sure(state: np.ndarray, order: range) -> dict[int, int]:
    """For each line, the state of the nearest sure line before it in `order` (0 if none)."""
    nearest: dict[int, int] = {}
    last = _DOUBT
    for i in order:
        nearest[i] = last
        if state[i] != _DOUBT:
            last = int(state[i])
    return nearest


def ordered(model: LinearModel, matrix: np.ndarray) -> np.ndarray:
    """The model's probabilities as (title, body, furniture) columns."""
    order = [model.classes.index(c) for c in (TITLE, BODY, FURNITURE)]
    return model.probabilities(matrix)[:, order]


def decide(stats: DumpStats, model: DumpModel, lang: str) -> Decisions:
    """Classify every line of a dump and find the glued tails of its body lines."""
    matrix = feature_matrix(stats, list(model.lines.features))
    probabilities = ordered(model.lines, matrix)
    shapes, headline = line_shapes(stats), headline_shaped(stats)
    body = body_probability(probabilities, never_title(stats))
    title = choose_title(probabilities, body, headline, shapes.long, model.thresholds)
    keep = context_pass(body, shapes, title, model.thresholds)
    plain = not any(keep)
    if plain:
        keep = plain_text_lines(stats, title, body, model.thresholds.doubt_low)
        title = title if any(keep) else None
    if title is None and (described := described_headline(stats, keep)) is not None:
        title = described
        keep[described - 1] = keep[described] = False
    if title is None and _first_line_is_title(stats, keep):
        title = 0
        keep[0] = False
    labels = [BODY if k else FURNITURE for k in keep]
    if title is not None:
        labels[title] = TITLE
    tails = glued_tails(stats, keep, model, lang)
    return Decisions(labels, probabilities, tails, matrix, plain)


def described_headline(stats: DumpStats, keep: list[bool]) -> int | None:
    """The headline of a page whose dump opens with a one-sentence description of it (the
    lead photo's caption, the page's summary) above it, when the model found no title.

    The article's first kept line is one prose sentence, a headline-shaped line follows it
    and body follows that. The sentence is about the headline, not a paragraph a sub-heading
    follows: it takes up several of the headline's words and of the standfirst's below it,
    and the headline shares more words with it than with the standfirst (a sub-heading
    announces the text under it, as an item's heading in a round-up does).
    """
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None or first + 2 >= len(keep) or first + 1 >= TITLE_SEARCH_LINES:
        return None
    line, under = first + 1, first + 2
    text = stats.texts[first]
    one_sentence = stats.prose[first] and not any(map(text.__contains__, _INNER_SENTENCE))
    if not (one_sentence and keep[line] and keep[under] and headline_shaped(stats)[line]):
        return None
    description, headline = content_words(stats, first), content_words(stats, line)
    shared, announced = len(headline & description), len(headline & content_words(stats, under))
    repeated = len(description & content_words(stats, under))
    least = DESCRIPTION_SHARED_WORDS
    return line if shared >= least and repeated >= least and shared > announced else None


def _first_line_is_title(stats: DumpStats, keep: list[bool]) -> bool:
    """A text that opens with a short heading right above its first paragraph (a note
    typed by hand, a page whose headline the model doubted) has that heading as title."""
    if len(keep) < 2 or not keep[1] or keep[0]:
        return False
    first = stats.texts[0]
    return bool(heading_shaped(stats)[0]) and not first.isupper() and not stats.prose[0]


def plain_text_lines(
    stats: DumpStats, title: int | None, body: np.ndarray, low: float
) -> list[bool]:
    """The body of a text that does not read as a page dump (a note, a few short lines).

    The model, fitted on pages, keeps none of its lines; every line with letters is kept
    but for the title, the known furniture shapes, what follows a related-posts or comments
    heading, and the labels the model is sure are furniture (probability of body under
    `low`, no closing full stop). When no kept line is a sentence, a text of which a
    third or more of the lines have the known furniture shapes is page furniture only (a
    legal notice, a menu) and nothing is kept; otherwise it is a note without
    punctuation, and its lines are kept but for those shapes.
    """
    ends = ends_sentence(stats) > 0
    shaped = (any_furniture_rule(stats) == 0) & (after_list_heading(stats) == 0)
    shaped &= (no_letters(stats) == 0) & (list_heading(stats) == 0)
    sure_furniture = (body < low) & ~ends
    keep = shaped & ~sure_furniture
    if title is not None:
        keep[title] = False
    sentence = (ends & (stats.n_words >= SENTENCE_MIN_WORDS)) | stats.prose
    if not (keep & sentence).any():
        if 3 * int((~shaped).sum()) >= len(stats):
            return [False] * len(stats)
        keep = shaped.copy()
        if title is not None:
            keep[title] = False
    return [bool(k) for k in keep]


def glued_tails(stats: DumpStats, keep: list[bool], model: DumpModel, lang: str) -> dict[int, int]:
    """Line index -> start of the glued byline or credit, for the tails the model cuts."""
    candidates = tail_candidates(stats.texts, keep)
    if not candidates:
        return {}
    probabilities = model.tails.probabilities(tail_matrix(candidates, lang))
    glued = probabilities[:, model.tails.classes.index(GLUED)]
    return {
        c.index: c.start
        for c, p in zip(candidates, glued, strict=True)
        if p >= model.thresholds.tail
    }
