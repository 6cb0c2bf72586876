"""The words and shapes of page furniture in plain-text dumps, in French and English.

Each pattern names a kind of line that readers never count as the article: consent
banners, navigation, crumbs, credits, bylines, datelines, related-list headings, comment
boxes. They are features of the fitted line classifier (`dump_features`), which learns how
much each one weighs, and the metadata readers of `clean` use them to fill the article's
fields. Stop-word lists tell prose from labels in the dump's own language.
"""

from __future__ import annotations

import re

MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|january|february|march|april|may|june|july|august|"
    r"september|october|november|december"
)
DATE_TOKEN = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*")
"""The scraper's leading `date YYYY-MM[-DD]` token."""
CONSENT = re.compile(
    r"(consentement|cookies?\b|traceurs|accept(er|ez)? (tout|all|les)|tout accepter|"
    r"accept all|we use cookies|manage (consent|preferences)|privacy settings|"
    r"paramétrer les cookies|politique de confidentialité)",
    re.IGNORECASE,
)
CATEGORIES = re.compile(
    r"^(?:categories|category|catégories|catégorie|rubriques?|sections?|tags?|mots[- ]clés|"
    r"thèmes?|topics?|filed under|classé dans)\s*:\s*(.*)$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^(?:\(?\s*(?:crédits?\s*(?:photo|image|illustration)?s?|photo(?:\s+credit)?s?|"
    r"image(?:\s+credit)?|illustration|credits?|source\s+(?:photo|image))\s*[:©]|©|\(©)",
    re.IGNORECASE,
)
CAPTION_CREDIT = re.compile(
    r"\(((?:photo|crédit(?: photo)?|credit|image)s?\s*:\s*[^()]{2,80})\)", re.IGNORECASE
)
"""A credit in parentheses at the end of a caption: `… (Photo : Agence)`."""
RELATED_HEADING = re.compile(
    r"^(?:recent posts|related posts|related articles|related stories|related|"
    r"read more|read next|read also|more from .{1,40}|more stories|you may also like|"
    r"you might also like|most popular|most read|trending|latest news|latest articles|"
    r"articles récents|derniers articles|articles similaires|articles liés|"
    r"à lire aussi|a lire aussi|lire aussi|à lire également|sur le même sujet|"
    r"dans la même rubrique|vous aimerez aussi|vous aimerez aussi lire|les plus lus|"
    r"nos derniers articles|à découvrir aussi|en lien avec cet article)\s*:?$",
    re.IGNORECASE,
)
COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:commentaires?|comments?|réactions?)(?:\s+\d+)?\s*:?$|"
    r"^(?:laisser|laissez|écrire|ajouter|poster) un commentaire|"
    r"^leave a (?:comment|reply)|^post a comment|^votre (?:adresse )?e-?mail ne sera|"
    r"^your email address will not|^soyez le premier à|^be the first to comment",
    re.IGNORECASE,
)
_NAVIGATION_PHRASES = (
    r"aller au contenu|passer au contenu|skip to (?:main )?content|retour à la liste|"
    r"retour aux articles|back to (?:list|top|articles)|menu|accueil|home|rechercher|search|"
    r"se connecter|connexion|log ?in|sign in|s'inscrire|s’inscrire|subscribe|s'abonner|"
    r"s’abonner|abonnez-vous|newsletter|partager(?: sur .*)?|share(?: on .*| this.*)?|"
    r"tweet|imprimer|print|publicité|advertisement|sponsored|facebook|twitter|linkedin|"
    r"whatsapp|e-?mail|copier le lien|copy link|activer le contraste.*|"
    r"(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?|\d+\s*min(?:utes?)? (?:de lecture|read)|"
    r"écouter cet article|listen to this article|offrir cet article|"
    r"(?:article )?réservé aux abonnés|subscribers only|lire la suite|continue reading|"
    r"continuer à lire.*|ajouter (?:à|a) (?:vos|mes) favoris|suivez-nous.*|follow us.*|"
    r"vidéo|video|inscrivez-vous.*|sign up.*|\+ ?[A-ZÀ-Ý][A-ZÀ-Ý ]+"
)
NAVIGATION = re.compile(rf"^(?:{_NAVIGATION_PHRASES})\s*:?$", re.IGNORECASE)
"""A whole line that is a menu item, a button or an accessibility link."""
NAVIGATION_START = re.compile(
    r"^(?:aller au contenu|passer au contenu|skip to (?:main )?content|retour à|back to|"
    r"activer le contraste|télécharger l.application|download the app|partagez|share this|"
    r"(?:à |a )?lire (?:aussi|également|la suite)|read (?:also|more|next)|see also|"
    r"voir aussi|menu\b|accueil\b|home\b)",
    re.IGNORECASE,
)
"""A line that opens with an accessibility link or a button, whatever follows it."""
DATA_NOTICE = re.compile(
    r"données personnelles|désinscri|désabonn|politique de confidentialité|"
    r"vous acceptez (?:que|les|nos)|en vous inscrivant|privacy policy|personal data|"
    r"unsubscribe|by (?:signing up|subscribing)|you agree to|\bRGPD\b|\bGDPR\b",
    re.IGNORECASE,
)
"""A newsletter or consent paragraph: how the site uses the reader's data."""
EDITORIAL_NOTICE = re.compile(
    r"(?:cet|this) article (?:a été|était|was|has been) (?:importé|migré|transféré|archivé|"
    r"imported|migrated|moved|archived)|ancien(?:ne)? (?:site|version du site|plateforme)|"
    r"previous (?:site|version of (?:the|our) site|platform)|erreurs? d.affichage|"
    r"(?:mise en page|affichage) (?:peut|pourrait) (?:être|comporter)|display errors?|"
    r"may (?:not )?display (?:correctly|properly)",
    re.IGNORECASE,
)
"""A notice about the page itself (moved from an old site, may display badly)."""
MEDIA_PLAYER = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$|"
    r"^(?:écouter|réécouter|à réécouter|lecture en cours|en direct|replay|podcast|"
    r"listen(?: now| live)?|play|pause|now playing|live|on air)\b|"
    r"\b(?:du lundi au (?:vendredi|samedi|dimanche)|chaque (?:lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|jour|semaine)|every (?:day|week|weekday|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday))\b.{0,40}\b\d{1,2}\s?(?:h|:|am|pm)",
    re.IGNORECASE,
)
"""An audio or video player's controls and times, a programme's airing line."""
BREADCRUMB = re.compile(r"^(?:[^>›»]{1,40}\s[>›»]\s){1,6}[^>›»]{1,80}$")
"""`Accueil > Économie > Entreprises`: a trail of short labels, not a sentence."""
BYLINE = re.compile(
    r"^(?:information fournie par|source\s*:|publié le|mis à jour le|published|updated|"
    r"par|by)\s+(.{2,120})$",
    re.IGNORECASE,
)
REPORTING = re.compile(
    r"^\((?:rédigé|édité|reporting|writing|editing|avec|with|par|by)\b.*\)$", re.IGNORECASE
)
AGE = re.compile(
    r"^(?:il y a\s+)?\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|"
    r"seconds?|mins?|minutes?|hours?|days?|weeks?|months?|years?)(?:\s+ago)?$|"
    r"^(?:\w+\s+)?(?:ago|hier|yesterday|aujourd'hui|today)$",
    re.IGNORECASE,
)
DATELINE = re.compile(
    rf"^(?:\w+\s+)?\d{{1,2}}(?:er)?\s+(?:{MONTHS})\s+\d{{4}}(?:\s*(?:[-–|,à]|at)\s*.{{0,40}})?$|"
    r"^\d{1,2}/\d{1,2}/\d{2,4}(?:\s+.{0,30})?$|^\d{4}-\d{2}-\d{2}(?:[ T].{0,20})?$",
    re.IGNORECASE,
)
SYNDICATION = re.compile(
    r"^(?:©\s*)?[\w&.' -]{2,40}\b(?:publishing|presse|press|media|médias)\s+\d{4}$|"
    r"^©.{0,80}$",
    re.IGNORECASE,
)
AGENCY_SIGNATURE = re.compile(
    r"(?:^|[\s(/])(?:AFP|Reuters|AP|ATS|Belga|DPA|ANSA|EFE|MAP|APS|AFX|Bloomberg)"
    r"(?:[\s)/,]|$)|\(\s*©|©\s*\w|^[a-z]{2,4}(?:/[a-z]{2,4})+\b|^[A-Z]{2,5}(?:/[A-Z]{2,5})+$"
)
"""A wire agency's name as a signature, a `©` mark, or editors' initials (`spe/soe/bh`)."""

FURNITURE_WORDS = frozenset(
    """accueil menu rechercher recherche connexion inscription abonnez abonnement abonner
    abonnés newsletter publicité partager partagez partages imprimer commentaire
    commentaires réagir télécharger application installer cookies consentement
    confidentialité mentions légales contact suivez rejoignez écouter podcast replay
    émission direct vidéo vidéos photo photos crédit crédits diaporama galerie lire
    suite archives rubrique rubriques tags catégories favoris alerte alertes
    home search login subscribe subscription newsletter advertisement sponsored share
    print comment comments download app install privacy cookie follow listen podcast
    live video videos photo photos credit gallery slideshow read more archive tags
    categories bookmark alerts sign""".split()
)
"""Words of navigation, widgets and media players, not of news sentences."""

SECTION_WORDS = frozenset(
    """actualité actualités économie eco politique société monde international france europe
    culture sport sports tech technologie sciences santé médias finance bourse marchés
    entreprises business markets world politics technology science health media opinion
    news économies régions local nouveau exclusif alerte urgent vidéo interview entretien
    tribune édito analyse enquête direct reportage décryptage infographie communiqué
    breaking exclusive update watch live""".split()
)
"""Section names and story labels, which a dump may put before the headline."""

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi
        dont où ce cet cette ces c il elle ils elles on nous vous je j se s sa son ses
        leur leurs lui y en ne n pas plus est sont été être a ont avait était sera
        pour par sur sous dans avec sans entre vers chez après avant selon depuis comme
        aussi très tout tous toute toutes même si""".split()
    ),
    "en": frozenset(
        """the a an and or but nor so that which who whom whose what where when why how
        this these those it its he she they them his her their we us our you your i me my
        is are was were be been being has have had will would can could should may might
        not no of to in on at by for with from as into about after before over under
        than then also very all any some such if""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einer eines einem und oder aber nicht ist sind
        war wurde werden hat haben mit von zu im in auf für an bei aus nach wie auch
        sich er sie es wir ihr dass""".split()
    ),
    "es": frozenset(
        """el la los las un una unos unas y o pero no es son fue ser ha han de del al en
        con por para sobre entre como también que se su sus lo le les""".split()
    ),
    "it": frozenset(
        """il lo la i gli le un una e o ma non è sono era essere ha hanno di del della
        dei delle al alla in con per su tra come anche che si suo sua""".split()
    ),
}
"""Function words of a few languages: prose is full of them, labels and menus are not."""

WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (`l’entreprise` is `l` and `entreprise`)."""


def dump_language(text: str) -> str:
    """The language whose function words the dump uses most (French when none is found)."""
    words = WORD.findall(text[:20_000].lower())
    best, best_hits = "fr", 0
    for lang, stopwords in STOPWORDS.items():
        hits = sum(word in stopwords for word in words)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best
