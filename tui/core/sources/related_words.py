"""The words that tell a list of other articles from navigation, widgets and promotions.

English and French: the headings over related lists, the inline "read also" teasers, the
class and id words of related blocks and of page furniture, and the marks of paid content
and contests.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The set of space-separated words in `text`."""
    return frozenset(text.split())


LABEL = re.compile(
    r"\b(related|recent (posts|articles|stories|news)|latest (posts|articles|stories|news)|"
    r"read (next|more|also)|up next|what to read|more (from|in|on)\b|"
    r"more \w+ (news|stories|articles|coverage)|more (news|stories|articles|coverage)|"
    r"most (popular|read|viewed|shared|emailed|commented)|popular|trending|top stories|"
    r"you (may|might) (also )?like|recommended|editors?'?’?s? picks|don'?’?t miss|"
    r"(à |a )?lire (aussi|également|egalement)|articles? (similaires|liés|connexes|"
    r"correspondants|recommandés)|sur le même (sujet|thème)|dans la même rubrique|"
    r"les plus (lus|populaires|partagés|commentés|consultés)|plus en\b|voir aussi|"
    r"nos derniers articles|dernières (nouvelles|actualités|infos))",
    re.IGNORECASE,
)
"""Headings over a list of other articles, in English and French."""

TEASER = re.compile(
    r"^\W*((read more|read also|read next|also read|see also|(à |a )?lire (aussi|également|"
    r"egalement)|voir aussi|sur le même sujet)\b|(related|recommended|more on this)\s*:)",
    re.IGNORECASE,
)
"""An inline "read also" line: its link is a related post even inside the article, and
the line itself is not body text. Words that also open ordinary sentences need a colon."""

RELATED_CLASS = re.compile(
    r"related|recent|popular|most-?read|mostread|trending|read-?next|readnext|more-?from|"
    r"suggest|recommend|similar|lire-?aussi|a-?lire|plus-?lus|same-section|sidebar",
    re.IGNORECASE,
)
WIDGET_WORDS = words(
    "nav navbar navigation menu footer breadcrumb breadcrumbs share sharing social "
    "comment comments sponsor sponsored partner partners outbrain taboola newsletter "
    "cookie cookies playlist pagination pager byline author advert adverts "
    "advertisement advertising promoted contest contests giveaway sweepstakes concours "
    "publicite brandvoice"
)
"""Words of a class or id that mark navigation, widgets, ads and promotions (`topnav`,
`share-bar`, `contest-box`). `ad` and `promo` are not among them: sites name every
card a promo and wrap whole pages in `ad-margins`."""
PROMOTION = re.compile(
    r"\b(contests?|concours|giveaways?|sweepstakes?|enter (now )?to win|à gagner|a gagner|"
    r"tentez (votre chance|de gagner)|sponsored|sponsoris[ée]e?s?|advertisement|publicité|"
    r"paid (post|content)|contenu (partenaire|sponsorisé)|in partnership with|"
    r"en partenariat avec)\b",
    re.IGNORECASE,
)
"""A card that advertises a contest or is marked as paid content: not another article."""
