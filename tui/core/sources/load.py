"""Reading a source into an Article: stored files recognised by content, or a URL.

A file is read whole (up to the size cap), decoded, then recognised by what it holds:
newsdesk's own JSON, an HTML page, Markdown, or a plain-text page dump. The extension
only breaks ties. Every failure is a LoadError with one sentence for the user.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from tui.core.errors import LoadError
from tui.core.language import guess_language
from tui.core.model import PARAGRAPH_BREAK, Article
from tui.core.serialise import article_from_dict
from tui.core.sources.markdown import looks_like_markdown, parse_markdown

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.core.sources.fetch import Page

BINARY_SNIFF_BYTES = 8192
"""How much of a file is checked for NUL and control bytes."""
MAX_CONTROL_RATIO = 0.10
"""Above this share of control bytes, a file is binary rather than text."""
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|span|a|h[1-6]|br|meta|title)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
"""Content types of a fetched page read as Markdown, like a local `.md` file."""


def is_url(source: str) -> bool:
    """True for http(s) URLs, which are fetched rather than read from disk."""
    return bool(re.match(r"^https?://", source, re.IGNORECASE))


def is_file_url(source: str) -> bool:
    """True for `file:` URLs, which name a local file."""
    return source[:5].lower() == "file:"


def local_path(source: str) -> Path:
    """The file a source names: a path (`~` expanded) or a `file://` URL."""
    if not is_file_url(source):
        return Path(source).expanduser()
    parts = urlsplit(source)
    if parts.netloc not in {"", "localhost"}:
        raise LoadError(f"{source}: file URLs on another host ({parts.netloc}) are not supported")
    return Path(unquote(parts.path))


def probe_source(source: str, max_bytes: int) -> None:
    """Raise the LoadError that opening `source` would give for what is plainly no article.

    Cheap, for a launch: the size checks of `read_bytes` and a sniff of the first bytes
    (missing, empty, binary, too large). URLs and directories pass.
    """
    if is_url(source):
        return
    path = local_path(source)
    if path.is_dir():
        return
    name = source if is_file_url(source) else str(path)
    head = read_bytes(path, max_bytes, name, limit=BINARY_SNIFF_BYTES)
    if looks_binary(head):
        raise LoadError(f"{name} looks like a binary file, not an article")


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def read_bytes(
    path: Path, max_bytes: int, name: str | None = None, *, limit: int | None = None
) -> bytes:
    """The file's bytes, or a LoadError that says why it cannot be an article.

    Messages name the file as `name` (what the user typed) when given. With `limit`,
    only the first `limit` bytes are read (all checks but emptiness past them apply).
    """
    name = name or str(path)
    try:
        if not path.exists():
            raise LoadError(f"{name}: no such file")
        if path.is_dir():
            raise LoadError(f"{name} is a directory, not an article file")
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"{name} is {_human_size(size)}; newsdesk opens files up to "
                f"{_human_size(max_bytes)} (see --max-bytes)"
            )
        with path.open("rb") as handle:
            data = handle.read(min(max_bytes + 1, limit or max_bytes + 1))
    except PermissionError as error:
        raise LoadError(f"{name}: permission denied") from error
    except OSError as error:
        raise LoadError(f"{name}: cannot be read ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise LoadError(
            f"{name} is larger than {_human_size(max_bytes)}; newsdesk will not open it"
        )
    if not data.strip() and (limit is None or size <= limit):
        raise LoadError(f"{name} is empty")
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes near the start: an image, an archive, a program."""
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\n\r\t\f\x1b")
    return controls > MAX_CONTROL_RATIO * len(head)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Text and, when it was not UTF-8, a notice naming the encoding used instead."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("cp1252", errors="replace")
    return text, "not valid UTF-8: read as Latin-1 (Windows-1252)"


def _kind(path: Path, data: bytes, text: str) -> str:
    """'json', 'html', 'markdown' or 'dump', by content first, extension second."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "json"
    if _HTML_START.match(data[:4096]) or (
        path.suffix.lower() in {".html", ".htm", ".xhtml"} and _HTML_TAGS.search(text[:20000])
    ):
        return "html"
    if path.suffix.lower() in MARKDOWN_SUFFIXES or looks_like_markdown(text):
        return "markdown"
    if len(_HTML_TAGS.findall(text[:20000])) > 20:
        return "html"
    return "dump"


def article_from_json(text: str, name: str) -> Article:
    """An Article from newsdesk's own JSON (saved file or one line of `show --json`)."""
    try:
        data: Any = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise LoadError(f"{name} is not valid JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("body"), str):
        raise LoadError(f"{name} is JSON but not a newsdesk article (no 'body' text)")
    try:
        return article_from_dict(data)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise LoadError(f"{name} is a newsdesk article with a bad field ({error})") from error


TITLE_MAX_CHARS = 80
"""A title made from the first paragraph is cut, at a word, to about this length."""
HEADING_MAX_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?…:;,]\W*$")


def title_from_paragraph(paragraph: str) -> str:
    """A title made from a paragraph: whole if short, else cut at a word and ended with "…"."""
    if len(paragraph) <= TITLE_MAX_CHARS:
        return paragraph
    cut = paragraph[: TITLE_MAX_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return (cut or paragraph[:TITLE_MAX_CHARS]) + "…"


def _is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation: a title, not a sentence."""
    return len(paragraph.split()) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(paragraph)


def article_from_dump(text: str, source: str) -> Article:
    """An Article from a plain-text page dump.

    When the cleaner finds no title, a first line that reads as a heading is the title
    (and leaves the body); otherwise the title is made from the first paragraph.
    """
    from tui.core.sources.clean import clean_dump  # numpy and the model: only for dumps

    dump = clean_dump(text)
    paragraphs = list(dump.paragraphs)
    title = dump.title
    if title is None and len(paragraphs) > 1 and _is_heading(paragraphs[0]):
        title = paragraphs.pop(0)
    if title is None:
        title = title_from_paragraph(paragraphs[0]) if paragraphs else Path(source).stem
    body = PARAGRAPH_BREAK.join(paragraphs)
    return Article(
        title=title,
        body=body,
        source=source,
        author=dump.author,
        published=dump.published,
        lang=guess_language(body),
        categories=tuple(dump.categories),
        photo_credit=dump.photo_credit,
        related=tuple(dump.related),
        notices=tuple(dump.notices),
    )


def article_from_markdown(text: str, source: str) -> Article:
    """An Article from Markdown with optional front matter."""
    parsed = parse_markdown(text)
    meta = parsed.meta
    return Article(
        title=parsed.title or Path(source).stem,
        body=parsed.body,
        site=meta.get("site"),
        url=meta.get("url"),
        source=source,
        author=meta.get("author"),
        published=meta.get("published") or meta.get("date"),
        lang=meta.get("lang") or guess_language(parsed.body),
        categories=tuple(parsed.categories),
        photo_credit=meta.get("photo_credit") or meta.get("credit"),
        related=tuple(parsed.related),
        struck=tuple(parsed.struck),
    )


def article_from_file(path: Path, max_bytes: int, name: str | None = None) -> Article:
    """Read and recognise one stored file; messages name it `name` when given."""
    name = name or str(path)
    data = read_bytes(path, max_bytes, name)
    if looks_binary(data):
        raise LoadError(f"{name} looks like a binary file, not an article")
    text, notice = decode_text(data)
    source = str(path.resolve())
    kind = _kind(path, data, text)
    if kind == "json":
        article = article_from_json(text, name)
        if article.source is None:
            article = replace(article, source=source)
    elif kind == "html":
        from tui.core.sources.extract import article_from_html

        article = article_from_html(text, None, source=source)
    elif kind == "markdown":
        article = article_from_markdown(text, source)
    else:
        article = article_from_dump(text, source)
    if not article.body.strip():
        from tui.core.sources.clean import NO_ARTICLE_FOUND

        why = next((n for n in article.notices if n.startswith(NO_ARTICLE_FOUND)), "")
        raise LoadError(f"{name} holds no article text{why.removeprefix(NO_ARTICLE_FOUND)}")
    if notice:
        article = replace(article, notices=(f"{name}: {notice}", *article.notices))
    return article


def article_from_url(url: str, settings: Settings) -> Article:
    """Fetch a page and extract its article."""
    from tui.core.sources.fetch import fetch

    return article_from_page(fetch(url, settings), url)


def article_from_page(page: Page, source: str) -> Article:
    """Extract the article of a fetched page (HTML, or plain text read as a dump)."""
    from tui.core.sources.extract import article_from_html
    from tui.core.sources.fetch import decode_page

    text = decode_page(page)
    if page.content_type in MARKDOWN_TYPES:
        article = article_from_markdown(text, source)
        return replace(article, url=article.url or page.final_url)
    if "html" not in page.content_type and not _HTML_TAGS.search(text[:20000]):
        return replace(article_from_dump(text, source), url=page.final_url)
    return article_from_html(text, page.final_url, source=source)


def read_source(source: str, settings: Settings) -> Article:
    """An Article (without entities) from a file path, a `file://` URL or an http(s) URL."""
    if is_url(source):
        return article_from_url(source, settings)
    if not source.strip():
        raise LoadError("no file name given")
    name = source if is_file_url(source) else None
    return article_from_file(local_path(source), settings.max_bytes, name)
