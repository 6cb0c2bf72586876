"""No control byte from an article reaches the terminal, through any command-line output.

Every output path runs the real `newsdesk` command in a subprocess and captures the raw
bytes of stdout and stderr: `show` as text, Markdown and JSON, its error and note lines,
the reader's launch error, `library list`, `search` and `export` in every format, the
desk's `facts` and `companies`, and the `feeds` listings.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tui.core.feeds.model import Entry
from tui.core.library.feed_items import FeedItems
from tui.core.library.feeds import FeedStore
from tui.core.library.store import Library
from tui.core.model import Amount, Article, Company, Entities, Mention, Organisation, RelatedPost
from tui.core.sanitise import clean_for_terminal, json_line

ROOT = Path(__file__).resolve().parents[2]
EVIL = (
    "\x1b[31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07 csi\x9b31m nel\x85 "
    "\u202egnp.exe\u202c \u2066iso\u2069 del\x7f [bold]markup[/bold] cr\roverwrite"
)
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def unsafe(text: str) -> list[str]:
    """The characters a terminal would act on: C0 but newline and tab, DEL, C1, bidi."""
    return [
        c
        for c in text
        if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in BIDI
    ]


def assert_safe(data: bytes, what: str) -> str:
    assert not [b for b in data if (b < 0x20 and b not in b"\n\t") or b == 0x7F], what
    text = data.decode("utf-8")
    assert not unsafe(text), f"{what}: {unsafe(text)!r}"
    return text


def newsdesk(*args: str, home: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        timeout=300,
        env={"NEWSDESK_HOME": str(home), "PATH": "/usr/bin:/bin", "NO_PROXY": "*"},
        check=False,
    )


def hostile_markdown() -> str:
    return (
        f"---\ntitle: Evil {EVIL}\nsite: site {EVIL}\nauthor: {EVIL}\n---\n\n"
        f"Acme Corp raised 5 million euros on Monday. {EVIL}\n\n"
        f"The rest ~~was struck {EVIL}~~ and this is plain text about the deal.\n\n"
        f"## Related\n\n- [Related {EVIL}](https://example.com/x) — {EVIL}\n"
    )


def hostile_article() -> Article:
    body = f"Acme Corp paid 5 million euros to the State. {EVIL}"
    mention = Mention("Acme Corp", 0, 9)
    return Article(
        title=f"Saved {EVIL}",
        body=body,
        site=f"site{EVIL}",
        url=f"https://example.com/{EVIL}",
        source=f"https://example.com/{EVIL}",
        published="2024-03-05",
        categories=(EVIL,),
        related=(RelatedPost(f"post {EVIL}", f"https://example.com/{EVIL}", EVIL, EVIL),),
        struck=((0, 4),),
        entities=Entities(
            amounts=(Amount(f"5 million{EVIL}", 15, 24, 5e6, "EUR", owner=EVIL),),
            companies=(Company(f"Acme {EVIL}", (mention,), industry=EVIL),),
            organisations=(Organisation(f"State {EVIL}", (Mention("State", 39, 44),), EVIL),),
        ),
    )


@pytest.fixture(scope="module")
def outputs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, subprocess.CompletedProcess[bytes]]:
    """Every output path, run once; the `show` runs (which load the model) in parallel."""
    tmp = tmp_path_factory.mktemp("hostile")
    home = tmp / "home"
    home.mkdir()
    hostile = tmp / f"evil{EVIL.replace('/', '')}.md"
    hostile.write_text(hostile_markdown(), encoding="utf-8")
    latin = tmp / f"latin\x1b[2J\x9b{chr(0x202E)}.md"
    latin.write_bytes(
        "# Café \x1b[31mrouge\n\nUn texte accentué \x1b]52;c;AA\x07.\n".encode("latin-1")
    )
    missing = str(tmp / "missing\x1b]52;c;AAAA\x07\x9b.txt")
    with Library(home / "library.sqlite3") as library:
        article_id = library.save(hostile_article())
        feed = FeedStore(library).add(f"https://feeds.example/{EVIL}", title=f"Feed {EVIL}")[0]
        items = FeedItems(library)
        entry = Entry(guid=EVIL, title=f"Item {EVIL}", link=f"https://example.com/{EVIL}")
        item_id = items.store_entries(feed.id, [entry]).new[0]
        items.attach_article(item_id, article_id, "page", EVIL, f"Acme {EVIL}")
    runs = {
        "show text": ("show", "--format", "text", str(hostile), str(latin), missing),
        "show markdown": ("show", "--format", "markdown", str(hostile)),
        "show json": ("show", "--json", str(hostile), "http://127.0.0.1:9/\x1b[31m\u202e"),
        "reader launch": (missing,),
        "library list": ("library", "list"),
        "library search": ("library", "search", "Acme"),
        "library search none": ("library", "search", f"zebra{EVIL}"),
        "export text": ("library", "export", "1", "--format", "text"),
        "export markdown": ("library", "export", "1", "--format", "markdown"),
        "export json": ("library", "export", "1", "--json"),
        "facts csv": ("library", "facts", "--format", "csv"),
        "facts markdown": ("library", "facts", "--format", "markdown"),
        "facts json": ("library", "facts", "--format", "json"),
        "companies csv": ("library", "companies"),
        "feeds list": ("feeds", "list"),
        "feeds items": ("feeds", "items"),
        "feeds export": ("feeds", "export"),
        "feed query": ("library", "search", f"feed:{EVIL}"),
        "bad option": ("show", "--format", f"x{EVIL}", str(hostile)),
    }
    with ThreadPoolExecutor(3) as pool:
        done = {name: pool.submit(newsdesk, *args, home=home) for name, args in runs.items()}
        return {name: future.result() for name, future in done.items()}


@pytest.mark.parametrize(
    "name",
    [
        "show text",
        "show markdown",
        "show json",
        "reader launch",
        "library list",
        "library search",
        "library search none",
        "export text",
        "export markdown",
        "export json",
        "facts csv",
        "facts markdown",
        "facts json",
        "companies csv",
        "feeds list",
        "feeds items",
        "feeds export",
        "feed query",
        "bad option",
    ],
)
def test_no_control_character_reaches_the_terminal(
    name: str, outputs: dict[str, subprocess.CompletedProcess[bytes]]
) -> None:
    result = outputs[name]
    assert_safe(result.stdout, f"{name} stdout")
    assert_safe(result.stderr, f"{name} stderr")
    assert b"Traceback" not in result.stderr


def test_text_outputs_show_the_escapes_as_placeholders(
    outputs: dict[str, subprocess.CompletedProcess[bytes]],
) -> None:
    for name in ("show text", "show markdown", "export text", "export markdown"):
        text = outputs[name].stdout.decode()
        assert "␛[31mred␛[0m" in text, name
        assert "[bold]markup[/bold]" in text, name
    for name in ("facts csv", "facts markdown", "companies csv", "feeds list", "feeds items"):
        assert "31mred␛" in outputs[name].stdout.decode(), f"{name} shows the hostile text"
    shown = outputs["show text"]
    assert shown.returncode == 1  # the missing file
    err = shown.stderr.decode().splitlines()
    assert any("missing␛]52;c;AAAA␇" in line and "no such file" in line for line in err)
    assert any("latin␛[2J" in line and "Latin-1" in line for line in err)


def test_json_keeps_the_text_exact(outputs: dict[str, subprocess.CompletedProcess[bytes]]) -> None:
    shown = outputs["show json"]
    assert b"\\u001b[31m" in shown.stdout and b"\\u009b" in shown.stdout
    article = json.loads(shown.stdout.decode().splitlines()[0])
    assert "\x1b]52;c;ZXZpbA==\x07 csi\x9b31m" in article["title"]  # cut at NEL: a line break
    assert "\u202egnp.exe\u202c \u2066iso\u2069 del\x7f [bold]markup" in article["body"]
    exported = json.loads(outputs["export json"].stdout)
    assert exported["title"] == hostile_article().title
    assert len(outputs["export json"].stdout.splitlines()) == 1
    assert "127.0.0.1" in shown.stderr.decode()


def test_json_line_round_trips_every_code_point() -> None:
    text = "".join(chr(c) for c in range(0x300)) + "".join(BIDI) + "\u2028é€"
    line = json_line({"t": text})
    assert not unsafe(line)
    assert json.loads(line) == {"t": text}


def test_clean_for_terminal_keeps_only_newline_and_tab() -> None:
    text = "".join(chr(c) for c in range(0x300)) + "".join(BIDI)
    cleaned = clean_for_terminal(text)
    assert len(cleaned) == len(text)
    assert not unsafe(cleaned)
    assert "\n" in cleaned and "\t" in cleaned


CLI_MODULES = [
    path
    for path in (ROOT / "tui").rglob("*.py")
    if "ui" not in path.relative_to(ROOT / "tui").parts[:1]
    and path.name not in {"output.py", "sanitise.py"}
]


@pytest.mark.parametrize("path", CLI_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_command_line_prints_only_through_tui_output(path: Path) -> None:
    """No `print(...)`, no `sys.stdout.write(...)`: a new command cannot forget to clean."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            assert not (isinstance(func, ast.Name) and func.id == "print"), node.lineno
        if isinstance(node, ast.Attribute) and node.attr in {"stdout", "stderr"}:
            assert isinstance(node.value, ast.Name) and node.value.id == "sys"
            parent_writes = [
                n
                for n in ast.walk(tree)
                if isinstance(n, ast.Attribute) and n.value is node and n.attr == "write"
            ]
            assert not parent_writes, node.lineno
