"""One body in, its entities out: the finders run in order, nothing else."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.entities.amounts import find_amounts
from tui.core.entities.checks import find_checks, link_owners
from tui.core.model import Entities


def analyse_amounts(
    body: str, lang: str | None, struck: Sequence[tuple[int, int]] = ()
) -> Entities:
    """Amounts and total checks only: no language model, so they can show at once."""
    amounts = find_amounts(body, lang, struck)
    return Entities(amounts=amounts, checks=find_checks(body, amounts))


def analyse(body: str, lang: str | None, struck: Sequence[tuple[int, int]] = ()) -> Entities:
    """Amounts, companies, other organisations and total checks found in `body`."""
    # Imported here: `analyse_amounts`, which the reader runs in its own process right
    # after the body shows, needs neither the company finder nor spaCy.
    from tui.core.entities.companies import find_companies
    from tui.core.entities.nlp import recognise

    ner = recognise(body, lang)
    amounts = find_amounts(body, lang, struck)
    companies, organisations = find_companies(body, lang, ner.spans, ner.model_lang)
    owned = link_owners(body, amounts, companies, organisations)
    return Entities(
        amounts=owned,
        companies=companies,
        organisations=organisations,
        checks=find_checks(body, owned),
        notices=(ner.notice,) if ner.notice else (),
    )
