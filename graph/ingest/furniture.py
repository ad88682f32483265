"""Page furniture in plain text: what a browser's "save as text" adds around an article.

Requires: text decoded, NFC-normalised, ``\\n`` line endings and no control
characters (:mod:`graph.ingest` does that).

Adds (:func:`clean_page` returns a :class:`Page`): the headline, taken apart
from the body; the body without furniture; the author, publisher and
publication date that a byline or dateline shows, with the words as evidence.

What counts as furniture is decided by generic rules only, never by names of
sites or people: per-language lexicons (French, English) of navigation labels,
trailer headers ("À lire aussi", "Related", "6 commentaires"), credit and
sign-off phrases; and structural cues (a caption's credit in brackets at the end
of a line, an upper-case photographer name at the edge of a paragraph, a
teaser ending in "Lire la suite", a tail of short headline-like lines, a
paragraph that repeats an earlier one).

Datelines and bylines are read by :mod:`graph.ingest.datelines`.

Assumptions not checked: one article per page; the article starts before the
first trailer header; a headline is one line of at most 30 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from graph.ingest.datelines import (
    _UP,
    Dateline,
    parse_date,
    spot_agency_dateline,
    spot_dateline,
)
from graph.text import paragraphs

_NAV_LINES = frozenset(
    {
        "aller au contenu principal",
        "aller au contenu",
        "passer au contenu",
        "skip to content",
        "skip to main content",
        "fermer",
        "close",
        "menu",
        "home",
        "accueil",
        "plus",
        "more",
        "rechercher",
        "recherche",
        "search",
        "se connecter",
        "connexion",
        "log in",
        "login",
        "sign in",
        "s'abonner",
        "abonnez-vous",
        "subscribe",
        "partager",
        "share",
        "imprimer",
        "print",
        "image",
        "photo",
        "vidéo",
        "video",
        "l'essentiel",
        "écouter",
        "listen",
        "publicité",
        "advertisement",
        "sponsored",
        "newsletter",
        "suivez-nous",
        "follow us",
        "signaler le commentaire",
        "report comment",
        "répondre",
        "reply",
        "back to top",
        "retour en haut",
        "tweet",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "email",
        "e-mail",
        "copier le lien",
        "copy link",
        "lire plus tard",
        "save",
        "sauvegarder",
        "commenter",
        "réutiliser ce contenu",
        "reuse this content",
        "offrir cet article",
        "gift this article",
        "en direct",
        "live",
    }
)
_TRAILER_RE = re.compile(
    r"^(?:(?:à |a )?lire (?:aussi|également|egalement)|(?:à |a )?voir aussi|"
    r"sur le même sujet|dans la même rubrique|(?:pages |articles )?les plus "
    r"(?:populaires|lus|partagés|commentés)|nos derniers articles|"
    r"(?:read|see) (?:more|also|next)|also read|"
    r"related(?: articles| stories| news| content| topics)?|"
    r"most (?:read|popular|viewed|shared)|more (?:from|on|in|stories|news)\b.*|"
    r"you (?:may|might) also like|recommended(?: for you| stories)?|trending(?: now)?|"
    r"latest (?:news|stories)|(?:[\w.&'-]+ ){0,2}shorts|"
    r"(?:\d+ )?(?:commentaires?|comments?)|leave a (?:comment|reply)|"
    r"laisser un commentaire)$"
)
_PROMO_RE = re.compile(
    r"notre boutique|en kiosque|abonnez-vous|newsletter|subscribe|sign up|inscrivez-vous|"
    r"get app|e-paper|download (?:the|our) app|téléchargez|created with ai|"
    r"réservée? aux abonnés|subscribers? only|for subscribers|"
    r"généré par (?:l'|une )?ia|listen to this article|écouter cet article|temps de lecture|"
    r"\bmin(?:ute)?s? read\b|publicité|advertisement|merci de (?:l['’]|nous )avoir suivi|"
    r"ce direct est (?:désormais )?terminé|thanks? (?:you )?for following|"
    r"this live (?:blog|page|coverage) (?:has )?(?:ended|is now closed)",
    re.IGNORECASE,
)
_AGENCY = (
    r"(?:l'|l’)?(?:afp|reuters|ap|associated press|belga|ansa|dpa|efe|xinhua|agences?|agencies)"
)
_CREDIT_LINE_RE = re.compile(
    # "avec AFP", "Le Monde avec AFP": an outlet's name at most before the agency
    rf"^\(?(?:(?:(?-i:[{_UP}])[\w'’-]*\s+){{0,4}}(?:avec|with)\s+(?:{_AGENCY}|"
    r"les informations d[eu']\s*.+|files from .+|"
    r"reporting from .+)|(?:additional )?(?:reporting|writing|editing|edited) by\b.+|"
    r"(?:sources?|crédits?(?: photo)?|credits?|photos?)\s*:.{1,60}|(?:©|\(c\)|copyright)\s.{1,60}|"
    # a wire sign-off: "Associated Press writer X contributed to this report from Y."
    r"[^.]{0,150}\b(?:contributed (?:to this (?:report|story|article)|reporting)|"
    r"(?:a|ont) contribué à (?:cet article|ce reportage))\b[^.]{0,80})"
    r"\)?\.?$",
    re.IGNORECASE,
)
_INLINE_TEASER_RE = re.compile(
    r"^(?:(?:à |a )?lire (?:aussi|également)|(?:à |a )?voir aussi|sur le même sujet|"
    r"read (?:more|also|next)|also read|see also|related)\s*[:>›|—–-]\s*\S"
)
_BREADCRUMB_RE = re.compile(r"^(?:Home|Accueil)(?:\s*[›>»/|]|(?=[A-Z]))")
# a link to another article behind an arrow: ">> Les cinq raisons qui…", "► Read: …"
_LINK_ARROW_RE = re.compile(r"^(?:>>|►|▶|→|➔)\s*\S")
# a bar of three or more short links: "World | Europe | Business | Sport"
_NAV_BAR_RE = re.compile(r"^[^|.!?]{1,30}(?:\s\|\s[^|.!?]{1,30}){2,}$")
# a time stamp relative to the reading: "Updated 3 hours ago", "Publié aujourd'hui à 09h12"
_RELATIVE_STAMP_RE = re.compile(
    r"^(?:(?:updated|published|posted|publié|mis à jour|modifié)\s*:?\s*)?"
    r"(?:\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|heures?|jours?)\s+ago|il y a \d+\s+\w+|"
    r"(?:aujourd'hui|hier|today|yesterday)(?:\s+(?:à|at)\s+\d{1,2}\s*[h:.]\s*\d{2})?)"
    r"(?:\s*,?\s*(?:modifié|mis à jour|updated)\b.{0,30})?$",
    re.IGNORECASE,
)
_LABEL_NUMBER_RE = re.compile(r"^[\w .'’-]{1,25}\s*:\s*\d+$")
_IDENTIFIER_RE = re.compile(r"^[a-z]+(?:[-_][a-z]+)+$")
_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+\.(?:com|fr|net|org|be|ch|ca|info|tv|co\.uk)$")
_TEASER_RE = re.compile(
    r"(?:\.\.\.|…)\s*(?:lire la suite|read more|continue reading|en savoir plus)$", re.IGNORECASE
)

# words that open a sentence but never a person's name, so "The TV5 Culture …" stays
_NOT_A_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Le|La|Les|Un|Une|Des|Du|De|Ce|Cette|Ces|Selon|"
    r"According|In|On|At|For|Pour|Par|By|En|Au|Aux|Sur|Dans|With|Avec|From|Since|Depuis|"
    r"After|Après|Before|Avant|When|Quand|While|Alors|Mais|But|And|Et|Or|Ou|Its|Son|Sa|Ses)\b)"
)
# an embedded post's tail: "pic.twitter.com/x — Name (@handle) August 30, 2022" (the post's
# date in the embedding page's language: "30 août 2022")
_POST_TAIL = re.compile(
    r"\s*(?:pic\.twitter\.com/\S+\s*)?[—–]\s*[^—–\n]{1,80}\(@\w{1,30}\)\s+"
    r"(?P<date>[\w.]+\.?\s+\w+\.?,?\s+\d{4})\s*$"
)
_INLINE_STRIPS = (
    # an embedded post's link without its tail
    re.compile(r"\s*pic\.twitter\.com/\S+.*$"),
    # a caption's credit at the end of the line: "( AFP / X Y )", "(Photo: X/Y)"
    re.compile(
        r"\s*\(\s*(?:photos?|crédits?(?: photo)?|credits?|image|illustration)\s*:[^()]*\)\s*$",
        re.IGNORECASE,
    ),
    re.compile(rf"\s*\(\s*[{_UP}][^()/\d.!?]{{0,40}}/[^()/\d.!?]{{1,40}}\)\s*$"),
    # "… | X/@handle", "… | Photo: X"
    re.compile(
        r"\s+\|\s+(?:(?:photos?|image|crédit|credit)s?\s*:?\s*[^|]+|[\w.]*/?@\w+)\s*$",
        re.IGNORECASE,
    ),
    # agency credits inside the last paragraph: "(Reporting by X; Editing by Y)"
    re.compile(
        r"\s*\((?:additional )?(?:reporting|writing|editing|edited|compiled) by[^()]*\)",
        re.IGNORECASE,
    ),
    # a link label after the last sentence: "… depuis 2022. Lire l'article"
    re.compile(
        r"(?<=[.!?»\"”)])\s+(?:lire l['’]article|lire la brève|lire la suite|read more|"
        r"read the (?:full )?(?:story|article)|en savoir plus)\s*$",
        re.IGNORECASE,
    ),
    # an upper-case photographer credit at the edge of a paragraph: "Jane DOE Sauf …", "… Jane DOE"
    re.compile(
        rf"^{_NOT_A_NAME}(?:[{_UP}][a-zà-öø-ÿ'’-]+ ){{1,2}}[{_UP}]{{2,}}(?:[- ][{_UP}]{{2,}})*\s+"
        rf"(?=[{_UP}«\"“])"
    ),
    re.compile(
        rf"(?<=[.!?»\"”])\s+{_NOT_A_NAME}(?:[{_UP}][a-zà-öø-ÿ'’-]+ ){{1,2}}[{_UP}]{{2,}}"
        rf"(?:[- ][{_UP}]{{2,}})*\s*$"
    ),
    # an outlet's self-promotion closing the standfirst: "… XYZ speaks to an investor …"
    re.compile(r"(?<=[.!?])\s+[A-Z]{2,6} (?:speaks|talks) (?:to|with) [^.!?]*[.!?]?\s*$"),
)
_SENTENCE_INSIDE_RE = re.compile(rf"[.!?]\s+[{_UP}«\"“]")
_SENTENCE_END = (".", "!", "?", "»", '"', "”", ":", ";", ")")


@dataclass(frozen=True)
class Page:
    """A plain-text page split into headline and body, with what its bylines said."""

    headline: str | None
    body: str
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_evidence: str | None = None
    posts: tuple[tuple[int, date], ...] = ()  # embedded posts: (paragraph, the post's date)


_SPACES = re.compile(r"\s+")


def _key(line: str) -> str:
    """A line reduced for lexicon look-ups: lower case, no bullets or trailing colon."""
    key = line.strip().strip("-•*–—·>|").strip().rstrip(":.…").strip()
    return _SPACES.sub(" ", key.replace("’", "'")).lower()


def _is_trailer(line: str) -> bool:
    return bool(_TRAILER_RE.match(_key(line)))


def _is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture (navigation, promotion, credit, label)."""
    key = _key(line)
    return (
        not re.search(r"[^\W\d_]", line)
        or key in _NAV_LINES
        or _is_trailer(line)
        or bool(_INLINE_TEASER_RE.match(key))
        or bool(_BREADCRUMB_RE.match(line.strip()))
        or bool(_LINK_ARROW_RE.match(line.strip()))
        or bool(_NAV_BAR_RE.match(line.strip()))
        or bool(_RELATIVE_STAMP_RE.match(key))
        or bool(_LABEL_NUMBER_RE.match(line.strip()))
        or bool(_IDENTIFIER_RE.match(key) or _DOMAIN_RE.match(key))
        or bool(_CREDIT_LINE_RE.match(line.strip()))
        or bool(_TEASER_RE.search(line.strip()))
        or (len(line.split()) <= 15 and bool(_PROMO_RE.search(line)))
    )


def _strip_inline(line: str) -> str:
    """Remove credits, tweet tails and link labels from inside a line."""
    for pattern in _INLINE_STRIPS:
        line = pattern.sub("", line)
    return line.strip()


def _post_tail(line: str) -> tuple[str, date | None]:
    """A line without the tail of the post it embeds, and that post's date (None
    when it has no such tail): the line is the post's words, told on that day."""
    tail = _POST_TAIL.search(line)
    if tail is None:
        return line, None
    return line[: tail.start()], parse_date(tail["date"])


def _posts(body: str, posted: dict[str, date]) -> tuple[tuple[int, date], ...]:
    """The paragraphs of ``body`` (:func:`graph.text.paragraphs`, as the extract
    stage numbers them) that are embedded posts, with their dates."""
    return tuple((n, posted[text]) for n, text in enumerate(paragraphs(body)) if text in posted)


def _cut_trailer(lines: list[str]) -> list[str]:
    """Drop everything from the first trailer header that follows some article text."""
    seen_text = False
    for index, line in enumerate(lines):
        if seen_text and _is_trailer(line):
            return lines[:index]
        seen_text = seen_text or len(line.split()) >= 12
    return lines


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250 or line.endswith((":", ",", ";")):
        return False
    if _SENTENCE_INSIDE_RE.search(line.rstrip('.!?»"” ')):
        return False
    # a full stop ends a lead sentence, not a headline, unless it closes an abbreviation ("É.-U.")
    return not line.endswith(".") or "." in words[-1][:-1]


def _drop_repeats(lines: list[str], banned: list[str]) -> list[str]:
    """Keep the first copy of each line; drop lines equal to the headline or the author."""
    seen: set[str] = {" ".join(b.split()).casefold() for b in banned if b}
    kept = []
    for line in lines:
        norm = " ".join(line.split()).casefold()
        if norm and norm in seen:
            continue
        seen.add(norm)
        kept.append(line)
    return kept


def _drop_teaser_tail(lines: list[str]) -> list[str]:
    """Drop a final run of 3+ headline-like lines (a list of teasers) with no sentence end."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].strip() and _teaser_like(lines[start - 1]):
        start -= 1
    return lines[:start] if end - start >= 3 else lines


def _teaser_like(line: str) -> bool:
    return 4 <= len(line.split()) <= 20 and not line.rstrip().endswith(_SENTENCE_END)


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_page(text: str, *, headline: str | None = None) -> Page:
    """Split a saved page into headline and body and remove the page furniture.

    Args:
        text: the page as plain text (decoded, NFC, ``\\n`` line endings).
        headline: the headline when page metadata gave one; otherwise the first
            headline-like line is taken (navigation and datelines skipped).

    Returns:
        A :class:`Page`; its body is "" when nothing but furniture was found.
    """
    datelines: list[Dateline] = []
    kept: list[str] = []
    posted: dict[str, date] = {}  # an embedded post's words -> its date
    for line in _cut_trailer(text.split("\n")):
        found = spot_dateline(line) if line.strip() else None
        if found:
            datelines.append(found)
        elif not line.strip() or not _is_furniture(line):
            words, day = _post_tail(line)
            kept.append(_strip_inline(words) if line.strip() else "")
            if day is not None and kept[-1]:
                posted[kept[-1]] = day
    kept = [line for line in kept if not line or re.search(r"[^\W\d_]", line)]
    if headline is None:
        headline, kept = _take_headline(kept)
    author = next((d.author for d in datelines if d.author), None)
    kept = _drop_teaser_tail(_drop_repeats(kept, [headline or "", author or ""]))
    body = _join(kept)
    return replace(_page(headline, body, author, datelines), posts=_posts(body, posted))


def _take_headline(lines: list[str]) -> tuple[str | None, list[str]]:
    for index, line in enumerate(lines):
        if line.strip():
            if _looks_like_headline(line.strip()):
                return line.strip(), lines[:index] + lines[index + 1 :]
            return None, lines
    return None, lines


def _page(headline: str | None, body: str, author: str | None, found: list[Dateline]) -> Page:
    opening = [line for line in body.split("\n") if line.strip()][:5]
    agency = next(filter(None, map(spot_agency_dateline, opening)), None)
    dated = sorted((d for d in found if d.published), key=lambda d: d.is_update)
    if not dated and agency and agency.published:
        dated = [agency]
    publisher = next((d.publisher for d in found if d.publisher), None)
    return Page(
        headline=headline,
        body=body,
        author=author,
        publisher=publisher or (agency.publisher if agency else None),
        published=dated[0].published if dated else None,
        published_evidence=dated[0].evidence if dated else None,
    )
