"""Plain-text page dumps -> title, metadata, body paragraphs and related posts.

A dump is the visible text of a page as a scraper stored it: the article's paragraphs
mixed with consent banners, crumbs, credits, bylines, "Recent Posts" lists and comment
boxes. Each rule below names a kind of line that readers never count as the article,
in French and English, so that it holds for other sites' dumps than the ones we have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.model import PARAGRAPH_BREAK, RelatedPost

MAX_TITLE_WORDS = 30
"""A headline longer than this is a paragraph."""
TITLE_SEARCH_LINES = 6
"""The title, when the dump has one, is among the first lines kept."""

_DATE_TOKEN = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*")
_CONSENT = re.compile(
    r"(consentement|cookies?\b|traceurs|accept(er|ez)? (tout|all|les)|tout accepter|"
    r"accept all|we use cookies|manage (consent|preferences)|privacy settings|"
    r"paramétrer les cookies|politique de confidentialité)",
    re.IGNORECASE,
)
_CATEGORIES = re.compile(
    r"^(?:categories|category|catégories|catégorie|rubriques?|sections?|tags?|mots[- ]clés|"
    r"thèmes?|topics?|filed under|classé dans)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:\(?\s*(?:crédits?\s*(?:photo|image|illustration)?s?|photo(?:\s+credit)?s?|"
    r"image(?:\s+credit)?|illustration|credits?|source\s+(?:photo|image))\s*[:©]|©|\(©)",
    re.IGNORECASE,
)
_RELATED_HEADING = re.compile(
    r"^(?:recent posts|related posts|related articles|related stories|related|"
    r"read more|read next|read also|more from .{1,40}|more stories|you may also like|"
    r"you might also like|most popular|most read|trending|latest news|latest articles|"
    r"articles récents|derniers articles|articles similaires|articles liés|"
    r"à lire aussi|a lire aussi|lire aussi|à lire également|sur le même sujet|"
    r"dans la même rubrique|vous aimerez aussi|vous aimerez aussi lire|les plus lus|"
    r"nos derniers articles|à découvrir aussi|en lien avec cet article)\s*:?$",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:commentaires?|comments?|réactions?)(?:\s+\d+)?\s*:?$|"
    r"^(?:laisser|laissez|écrire|ajouter|poster) un commentaire|"
    r"^leave a (?:comment|reply)|^post a comment|^votre (?:adresse )?e-?mail ne sera|"
    r"^your email address will not|^soyez le premier à|^be the first to comment",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(?:aller au contenu|passer au contenu|skip to (?:main )?content|retour à la liste|"
    r"retour aux articles|back to (?:list|top|articles)|menu|accueil|home|rechercher|search|"
    r"se connecter|connexion|log ?in|sign in|s'inscrire|s’inscrire|subscribe|s'abonner|"
    r"s’abonner|abonnez-vous|newsletter|partager(?: sur .*)?|share(?: on .*| this.*)?|"
    r"tweet|imprimer|print|publicité|advertisement|sponsored|facebook|twitter|linkedin|"
    r"whatsapp|e-?mail|copier le lien|copy link|activer le contraste.*|"
    r"(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?|\d+\s*min(?:utes?)? (?:de lecture|read)|"
    r"écouter cet article|listen to this article|offrir cet article|"
    r"(?:article )?réservé aux abonnés|subscribers only|lire la suite|continue reading|"
    r"ajouter (?:à|a) (?:vos|mes) favoris|suivez-nous.*|follow us.*|vidéo|video|"
    r"inscrivez-vous.*|sign up.*|"
    r"\+ ?[A-ZÀ-Ý][A-ZÀ-Ý ]+)\s*:?$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(?:[^>›»]{1,40}\s[>›»]\s){1,6}[^>›»]{1,80}$")
"""`Accueil > Économie > Entreprises`: a trail of short labels, not a sentence."""
_BYLINE = re.compile(
    r"^(?:information fournie par|source\s*:|publié le|mis à jour le|published|updated|"
    r"par|by)\s+(.{2,120})$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"^\((?:rédigé|édité|reporting|writing|editing|avec|with|par|by)\b.*\)$", re.IGNORECASE
)
_AGE = re.compile(
    r"^(?:il y a\s+)?\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|"
    r"seconds?|mins?|minutes?|hours?|days?|weeks?|months?|years?)(?:\s+ago)?$|"
    r"^(?:\w+\s+)?(?:ago|hier|yesterday|aujourd'hui|today)$",
    re.IGNORECASE,
)
_MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|january|february|march|april|may|june|july|august|"
    r"september|october|november|december"
)
_DATELINE = re.compile(
    rf"^(?:\w+\s+)?\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}(?:\s*(?:[-–|,à]|at)\s*.{{0,40}})?$|"
    r"^\d{1,2}/\d{1,2}/\d{2,4}(?:\s+.{0,30})?$|^\d{4}-\d{2}-\d{2}(?:[ T].{0,20})?$",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"^(?:©\s*)?[\w&.' -]{2,40}\b(?:publishing|presse|press|media|médias)\s+\d{4}$|"
    r"^©.{0,80}$",
    re.IGNORECASE,
)
_GLUED_AGENCY = re.compile(r"(?:[a-z]{2,4}(?:/[a-z]{2,4})+)?\s*\(\s*©[^()]{0,80}\)?\s*$")
_GLUED_SIGNATURE = re.compile(r"(?<=[.!?»”\"])\s+[A-ZÀ-Ý][\w'-]+(?:\s+[A-Za-zÀ-ÿ][\w'-]+){1,2}\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;»”\")]\s*$")
_CAMEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")


@dataclass
class CleanDump:
    """What the cleaner keeps from a dump, each part in its own field."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    photo_credit: str | None = None
    published: str | None = None
    author: str | None = None
    site_hint: str | None = None
    related: list[RelatedPost] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)


def split_categories(crumb: str) -> list[str]:
    """`CloudRéseaux` or `Cloud, Réseaux` or `Cloud › Réseaux` -> ["Cloud", "Réseaux"]."""
    parts = re.split(r"\s*(?:[,;|/›»>•·]|\s-\s)\s*", crumb.strip())
    out: list[str] = []
    for part in parts:
        out.extend(p.strip() for p in _CAMEL_SPLIT.split(part) if p.strip())
    return out


def _is_prose(line: str) -> bool:
    """A line that reads as a sentence rather than a label."""
    return bool(_SENTENCE_END.search(line)) or len(line.split()) > MAX_TITLE_WORDS


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and line[:1].isupper()
        and len(words) >= 3
    )


def _is_noise(line: str) -> bool:
    """Lines that are page furniture wherever they appear."""
    return bool(
        _NAVIGATION.match(line)
        or _REPORTING.match(line)
        or (_CONSENT.search(line) and len(line) < 200 and not _SENTENCE_END.search(line))
        or (_CONSENT.search(line) and len(line.split()) <= 12)
    )


def _parse_related(lines: list[str]) -> list[RelatedPost]:
    """A related-posts block: entries of title, optional blurb, optional age."""
    posts: list[RelatedPost] = []
    title: str | None = None
    summary: str | None = None
    for line in lines:
        if _AGE.match(line):
            if title:
                posts.append(RelatedPost(title=title, summary=summary, age=line))
            title, summary = None, None
        elif title is None:
            title = line
        elif summary is None and (_is_prose(line) or line.endswith("…")):
            summary = line
        else:
            posts.append(RelatedPost(title=title, summary=summary))
            title, summary = line, None
    if title:
        posts.append(RelatedPost(title=title, summary=summary))
    return posts


def _strip_glued_credits(paragraph: str, article_ended: bool) -> str:
    """Cut an agency credit or a signature glued to the end of the last sentence.

    A signature is only cut when the page goes on after the article (comments, related
    posts): at the very end of a truncated dump the same shape is a cut-off sentence.
    """
    text = _GLUED_AGENCY.sub("", paragraph).rstrip()
    if text != paragraph.rstrip():
        return text
    if article_ended:
        signature = _GLUED_SIGNATURE.search(text)
        if signature and len(signature.group(0)) <= 40:
            return text[: signature.start()].rstrip()
    return text


def _take_date_token(first: str, result: CleanDump) -> str | None:
    """The scraper's leading `date YYYY-MM[-DD]` token; returns what follows if it is prose."""
    match = _DATE_TOKEN.match(first)
    if not match:
        return first
    result.published = match.group(1)
    rest = first[match.end() :].strip()
    return rest if rest and _is_prose(rest) else None


def _classify(line: str, result: CleanDump) -> bool:
    """Record metadata lines in `result`; True when the line is not body text."""
    crumb = _CATEGORIES.match(line)
    if crumb:
        result.categories.extend(split_categories(crumb.group(1)))
        return True
    if _CREDIT.match(line) and len(line) < 200:
        result.photo_credit = result.photo_credit or " ".join(line.split())
        return True
    if (
        _is_noise(line)
        or _SYNDICATION.match(line)
        or (_BREADCRUMB.match(line) and not _is_prose(line))
    ):
        return True
    if _DATELINE.match(line) and not _is_prose(line):
        result.published = result.published or line
        return True
    byline = _BYLINE.match(line)
    if byline and not _is_prose(line) and len(line.split()) <= 12:
        result.author = result.author or byline.group(1).strip()
        return True
    return False


def clean_dump(text: str) -> CleanDump:
    """Split a plain-text page dump into title, metadata, body and related posts."""
    result = CleanDump()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return result
    first = _take_date_token(lines[0], result)
    # the text after a date token is a new string object: identity tells the two apart
    date_rest = first if first is not lines[0] else None
    lines = ([first] if first else []) + lines[1:]
    kept: list[str] = []
    article_ended = False
    for index, line in enumerate(lines):
        if _RELATED_HEADING.match(line):
            result.related = _parse_related(_until_comments(lines[index + 1 :]))
            article_ended = True
            break
        if _COMMENTS.match(line):
            article_ended = True
            break
        if not _classify(line, result):
            kept.append(line)
    _pick_title(kept, result, date_rest)
    result.paragraphs = _finish(kept, article_ended)
    return result


def _until_comments(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if _COMMENTS.match(line):
            return lines[:index]
    return lines


def _pick_title(kept: list[str], result: CleanDump, date_rest: str | None) -> None:
    """The headline: a short heading-like line before any paragraph of prose."""
    for index, line in enumerate(kept[:TITLE_SEARCH_LINES]):
        if line is date_rest or _is_prose(line):
            return
        if _looks_like_title(line) and index + 1 < len(kept):
            result.title = line
            del kept[index]
            return


def _finish(kept: list[str], article_ended: bool) -> list[str]:
    """Drop trailing signatures and credits; cut what is glued to the last sentence."""
    while kept and not _is_prose(kept[-1]) and len(kept[-1].split()) <= 4 and len(kept) > 1:
        kept.pop()
    if kept:
        kept[-1] = _strip_glued_credits(kept[-1], article_ended)
    return [p for p in kept if p]
