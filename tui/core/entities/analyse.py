"""One body in, its entities out: the finders run in order, nothing else."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.entities import amounts, checks, companies, nlp
from tui.core.model import Entities


def analyse(body: str, lang: str | None, struck: Sequence[tuple[int, int]] = ()) -> Entities:
    """Amounts, companies, other organisations and total checks found in `body`."""
    spans = nlp.entity_spans(body, lang)
    found_amounts = amounts.find_amounts(body, lang, struck)
    found_companies, organisations = companies.find_companies(body, lang, spans)
    owned = checks.link_owners(body, found_amounts, found_companies, organisations)
    return Entities(
        amounts=owned,
        companies=found_companies,
        organisations=organisations,
        checks=checks.find_checks(body, owned),
    )
