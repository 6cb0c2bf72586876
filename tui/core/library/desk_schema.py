"""The desk's tables: migration 4 of the library (appended to `migrations.MIGRATIONS`).

Per-article rows (`desk_articles`, `desk_companies`, `desk_amounts`) are written by
`entity_index` in the save's transaction and go with their article by `ON DELETE
CASCADE`. Triggers on them keep the per-company totals (`desk_company_*`) and the
spelling table (`desk_aliases`) in step, so the companies index reads a few thousand
summary rows instead of adding up every mention. Nothing here refers to a table other
than `articles`.
"""

from __future__ import annotations

_ROWS = """
CREATE TABLE desk_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    lang TEXT,
    host TEXT,
    site_key TEXT
);
CREATE INDEX desk_articles_day ON desk_articles (day);
CREATE INDEX desk_articles_lang ON desk_articles (lang);
CREATE INDEX desk_articles_host ON desk_articles (host);
CREATE INDEX desk_articles_site ON desk_articles (site_key);
CREATE TABLE desk_companies (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    forms TEXT NOT NULL,
    form_keys TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    first_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    day TEXT NOT NULL,
    ticker TEXT,
    country TEXT,
    industry TEXT,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX desk_companies_key ON desk_companies (key, day);
CREATE INDEX desk_companies_known ON desk_companies (key, day)
    WHERE ticker IS NOT NULL OR country IS NOT NULL OR industry IS NOT NULL;
CREATE TABLE desk_amounts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    high REAL NOT NULL,
    currency TEXT,
    inferred INTEGER NOT NULL,
    struck INTEGER NOT NULL,
    repeated INTEGER NOT NULL,
    owner TEXT,
    owner_key TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX desk_amounts_currency ON desk_amounts (currency, high);
CREATE INDEX desk_amounts_high ON desk_amounts (high);
CREATE INDEX desk_amounts_value ON desk_amounts (value);
CREATE INDEX desk_amounts_owner ON desk_amounts (owner_key, currency, value)
    WHERE owner_key IS NOT NULL;
CREATE INDEX desk_amounts_owner_day
    ON desk_amounts (owner_key, day DESC, article_id DESC, position)
    WHERE owner_key IS NOT NULL;
CREATE INDEX desk_amounts_day ON desk_amounts (day DESC, article_id DESC, position);
"""
"""`high` is `value_max` for a range, else `value`; `repeated` marks an amount its article
already gave for the same owner (the headline and the body), counted once in totals."""

_SUMMARIES = """
CREATE TABLE desk_aliases (
    form_key TEXT NOT NULL,
    key TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (form_key, key)
) WITHOUT ROWID;
CREATE INDEX desk_aliases_key ON desk_aliases (key);
CREATE TABLE desk_company_stats (
    key TEXT PRIMARY KEY,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE desk_company_names (
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (key, name)
) WITHOUT ROWID;
CREATE TABLE desk_company_forms (
    key TEXT NOT NULL,
    form TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (key, form)
) WITHOUT ROWID;
CREATE TABLE desk_company_money (
    key TEXT NOT NULL,
    currency TEXT NOT NULL,
    total REAL NOT NULL,
    largest REAL NOT NULL,
    amounts INTEGER NOT NULL,
    PRIMARY KEY (key, currency)
) WITHOUT ROWID;
"""
"""Summaries by company key: spellings (as keys and as written), names, counts and
dates, money by currency ('' when unknown). Rows at zero articles are deleted."""

_COMPANY_TRIGGERS = """
CREATE TRIGGER desk_companies_insert AFTER INSERT ON desk_companies BEGIN
    INSERT INTO desk_aliases (form_key, key, articles)
    SELECT value, new.key, 1 FROM json_each(new.form_keys) WHERE true
    ON CONFLICT (form_key, key) DO UPDATE SET articles = articles + 1;
    INSERT INTO desk_company_forms (key, form, articles)
    SELECT new.key, value, 1 FROM json_each(new.forms) WHERE true
    ON CONFLICT (key, form) DO UPDATE SET articles = articles + 1;
    INSERT INTO desk_company_names VALUES (new.key, new.name, 1)
    ON CONFLICT (key, name) DO UPDATE SET articles = articles + 1;
    INSERT INTO desk_company_stats VALUES (new.key, 1, new.mentions, new.day, new.day)
    ON CONFLICT (key) DO UPDATE SET articles = articles + 1,
        mentions = mentions + excluded.mentions,
        first_seen = min(first_seen, excluded.first_seen),
        last_seen = max(last_seen, excluded.last_seen);
END;
CREATE TRIGGER desk_companies_delete AFTER DELETE ON desk_companies BEGIN
    UPDATE desk_aliases SET articles = articles - 1
    WHERE key = old.key AND form_key IN (SELECT value FROM json_each(old.form_keys));
    DELETE FROM desk_aliases WHERE key = old.key AND articles <= 0;
    UPDATE desk_company_forms SET articles = articles - 1
    WHERE key = old.key AND form IN (SELECT value FROM json_each(old.forms));
    DELETE FROM desk_company_forms WHERE key = old.key AND articles <= 0;
    UPDATE desk_company_names SET articles = articles - 1
    WHERE key = old.key AND name = old.name;
    DELETE FROM desk_company_names WHERE key = old.key AND articles <= 0;
    UPDATE desk_company_stats SET articles = articles - 1, mentions = mentions - old.mentions
    WHERE key = old.key;
    DELETE FROM desk_company_stats WHERE key = old.key AND articles <= 0;
    UPDATE desk_company_stats SET
        first_seen = (SELECT min(day) FROM desk_companies WHERE key = old.key),
        last_seen = (SELECT max(day) FROM desk_companies WHERE key = old.key)
    WHERE key = old.key AND old.day IN (first_seen, last_seen);
END;
"""

_AMOUNT_TRIGGERS = """
CREATE TRIGGER desk_amounts_insert AFTER INSERT ON desk_amounts
WHEN new.owner_key IS NOT NULL AND NOT new.struck AND NOT new.repeated BEGIN
    INSERT INTO desk_company_money
    VALUES (new.owner_key, coalesce(new.currency, ''), new.value, new.value, 1)
    ON CONFLICT (key, currency) DO UPDATE SET total = total + excluded.total,
        largest = max(largest, excluded.largest), amounts = amounts + 1;
END;
CREATE TRIGGER desk_amounts_delete AFTER DELETE ON desk_amounts
WHEN old.owner_key IS NOT NULL AND NOT old.struck AND NOT old.repeated BEGIN
    UPDATE desk_company_money SET total = total - old.value, amounts = amounts - 1
    WHERE key = old.owner_key AND currency = coalesce(old.currency, '');
    DELETE FROM desk_company_money
    WHERE key = old.owner_key AND currency = coalesce(old.currency, '') AND amounts <= 0;
    UPDATE desk_company_money SET largest = (
        SELECT max(value) FROM desk_amounts WHERE owner_key = old.owner_key
        AND currency IS old.currency AND NOT struck AND NOT repeated
    ) WHERE key = old.owner_key AND currency = coalesce(old.currency, '')
        AND largest = old.value;
END;
"""

_OTHERS = """
CREATE TABLE desk_watch (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE desk_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
"""The watch list (a company by the key it had when marked) and the index's version."""

DESK_SCHEMA = _ROWS + _SUMMARIES + _COMPANY_TRIGGERS + _AMOUNT_TRIGGERS + _OTHERS
"""Version 4: the desk."""
