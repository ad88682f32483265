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

Assumptions not checked: one article per page; the article starts before the
first trailer header; a headline is one line of at most 30 words.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12, "déc": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTHS = {**_FR_MONTHS, **_EN_MONTHS}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?"
)
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))(?!\d)"
)
_TIME = (
    r"(?:\s*(?:[-–,|]|à|at)?\s*\d{1,2}\s*[:hH]\s*\d{0,2}"
    r"(?:\s*[aApP]\.?[mM]\.?)?(?:\s+[A-Z]{2,5}\b)?)?"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)

_UP = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_UP}][\w'’.-]*(?:\s+(?:de |van |von |le |da |del )?[{_UP}][\w'’.-]*){{0,3}}"
_PUBLISHED = r"(?:publié|mis à jour|modifié|actualisé|published|updated|posted|last updated)"
_DATELINE_RES = (
    # "information fournie par <Publisher> avec <X> 14/10/2024 à 16:29"
    re.compile(
        rf"^(?i:(?:informations? |article |contenu )?fourni[es]* par)\s+(?P<pub>.+?)"
        rf"(?:\s+avec\s+.+?)?\s+(?P<date>(?i:{_DATE})){_TIME}\s*$"
    ),
    # "Publié le 14 octobre 2024 à 10h", "Jane DoeUpdated: Monday, September 01, 2025, 09:32 AM IST"
    re.compile(
        rf"^(?:(?i:by|par)\s+)?(?:(?P<author>{_NAME})\s*[,|–-]?\s*)?(?P<label>(?i:{_PUBLISHED}))"
        rf"(?i:\s+(?:on|le))?\s*:?\s*(?P<date>(?i:{_WEEKDAY}{_DATE})){_TIME}"
        rf"(?:\s*[,|–-]\s*(?i:{_PUBLISHED}).*)?\s*$"
    ),
    # a line that is only a date (and a time, and at most a short section label)
    re.compile(
        rf"^(?P<date>(?i:{_WEEKDAY}{_DATE})){_TIME}\s*[-–|]?\s*"
        r"(?P<rest>(?:[^\W\d_][\w'’&-]*\s*){0,3})$"
    ),
)
_BYLINE_RE = re.compile(
    rf"^(?:By|BY|Par|PAR)\s+(?P<author>{_NAME}(?:\s*(?:,|and|et|&)\s*{_NAME})*)"
    r"(?:\s*[,|–-]\s*[^,|]{1,40})?\s*$"
)
_AGENCY_DATELINE_RE = re.compile(
    rf"^(?:[{_UP}][{_UP} .'’-]+(?:,\s*[\w .]+?)?,\s+)?(?P<date>(?i:{_MONTH})\s+\d{{1,2}}"
    rf"(?:,?\s+(?P<year>\d{{4}}))?)?\s*\((?P<agency>[{_UP}][\w .&-]{{1,30}})\)\s*[-–—]{{1,2}}\s"
)

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
        "en direct",
        "live",
    }
)
_TRAILER_RE = re.compile(
    r"^(?:(?:à |a )?lire (?:aussi|également|egalement)|(?:à |a )?voir aussi|"
    r"sur le même sujet|dans la même rubrique|(?:pages |articles )?les plus "
    r"(?:populaires|lus|partagés|commentés)|nos derniers articles|"
    r"(?:read|see) (?:more|also|next)|also read|related(?: articles| stories| news| content)?|"
    r"most (?:read|popular|viewed|shared)|more (?:from|on|in|stories|news)\b.*|"
    r"you (?:may|might) also like|recommended(?: for you| stories)?|trending(?: now)?|"
    r"latest (?:news|stories)|(?:[\w.&'-]+ ){0,2}shorts|"
    r"(?:\d+ )?(?:commentaires?|comments?)|leave a (?:comment|reply)|"
    r"laisser un commentaire)$"
)
_PROMO_RE = re.compile(
    r"notre boutique|en kiosque|abonnez-vous|newsletter|subscribe|sign up|inscrivez-vous|"
    r"get app|e-paper|download (?:the|our) app|téléchargez|created with ai|"
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
    rf"^\(?(?:(?:avec|with)\s+(?:{_AGENCY}|les informations d[eu']\s*.+|files from .+|"
    r"reporting from .+)|(?:additional )?(?:reporting|writing|editing|edited) by\b.+|"
    r"(?:sources?|crédits?(?: photo)?|credits?|photos?)\s*:.{1,60}|(?:©|\(c\)|copyright)\s.{1,60})"
    r"\)?\.?$",
    re.IGNORECASE,
)
_INLINE_TEASER_RE = re.compile(
    r"^(?:(?:à |a )?lire (?:aussi|également)|(?:à |a )?voir aussi|sur le même sujet|"
    r"read (?:more|also|next)|also read|see also|related)\s*[:>›-]\s*\S"
)
_BREADCRUMB_RE = re.compile(r"^(?:Home|Accueil)(?:\s*[›>»/|]|(?=[A-Z]))")
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
_INLINE_STRIPS = (
    # an embedded tweet's tail: "pic.twitter.com/x — Name (@handle) August 30, 2022"
    re.compile(r"\s*pic\.twitter\.com/\S+.*$"),
    re.compile(r"\s*[—–]\s*[^—–\n]{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$"),
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
class Dateline:
    """What a dateline or byline says: publication date, publisher, author, as written."""

    evidence: str
    published: date | None = None
    publisher: str | None = None
    author: str | None = None
    is_update: bool = False


@dataclass(frozen=True)
class Page:
    """A plain-text page split into headline and body, with what its bylines said."""

    headline: str | None
    body: str
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_evidence: str | None = None


def parse_date(text: str) -> date | None:
    """The first full date (day, month, year) written in ``text``, or None.

    Reads "14 octobre 2024", "1er mai 2024", "September 01, 2025", "20 June 2024",
    "14/10/2024" (day first), "15.02.2026" and ISO "2024-10-14".

    >>> parse_date("Publié le 1er mai 2024 à 10h")
    datetime.date(2024, 5, 1)
    >>> parse_date("Updated: Monday, September 01, 2025")
    datetime.date(2025, 9, 1)
    >>> parse_date("31/02/2024") is None
    True
    """
    match = _DATE_RE.search(text)
    return _match_date(match) if match else None


def _match_date(match: re.Match[str]) -> date | None:
    """The date of a ``_DATE`` match, or None when it is not a real calendar day."""
    groups = match.groupdict()
    for n in "1234":
        if groups.get(f"y{n}"):
            month_text = groups[f"m{n}"].lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            return _valid_date(int(groups[f"y{n}"]), month, int(groups[f"d{n}"]))
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not (1800 <= year <= 2200 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


_URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)(?P<d>\d\d)/"),
)


def date_from_url(url: str) -> tuple[date, str] | None:
    """The date a URL path carries (``/2023/05/09/``, ``/2022-09-01/``, ``/2024/1018/``).

    Returns the date and the matched part of the URL, or None.

    >>> date_from_url("https://example.org/monde/2022-09-01/some-title")
    (datetime.date(2022, 9, 1), '/2022-09-01/')
    """
    for pattern in _URL_DATE_RES:
        match = pattern.search(url)
        if match:
            found = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if found:
                return found, match.group(0)
    return None


def spot_dateline(line: str) -> Dateline | None:
    """Read a line that is only a dateline or a byline; None for any other line.

    >>> spot_dateline("Publié le 14 octobre 2024 à 10h").published
    datetime.date(2024, 10, 14)
    >>> spot_dateline("By Jane Doe").author
    'Jane Doe'
    """
    line = line.strip()
    if len(line) > 160:
        return None
    for pattern in _DATELINE_RES:
        match = pattern.match(line)
        if match:
            return _dateline_from(match, line)
    byline = _BYLINE_RE.match(line)
    return Dateline(evidence=line, author=byline["author"]) if byline else None


def _dateline_from(match: re.Match[str], line: str) -> Dateline:
    groups = match.groupdict()
    author = (groups.get("author") or "").strip(" ,|-–")
    label = (groups.get("label") or "").lower()
    return Dateline(
        evidence=line,
        published=parse_date(match["date"]),
        publisher=(groups.get("pub") or "").strip() or None,
        author=author if re.search(r"[^\W\d_]", author) else None,
        is_update=label not in ("", "publié", "published", "posted"),
    )


def spot_agency_dateline(paragraph: str) -> Dateline | None:
    """Read an agency dateline opening a paragraph: "May 4 (Reuters) - ", "LYON, July 30 (AP) --".

    The line stays in the body (it opens the first sentence). The date is kept
    only when the year is written.

    >>> spot_agency_dateline("May 4 (Reuters) - Talks resumed in Geneva.").publisher
    'Reuters'
    """
    match = _AGENCY_DATELINE_RE.match(paragraph)
    if not match:
        return None
    published = parse_date(match["date"]) if match["year"] else None
    return Dateline(evidence=match.group(0).strip(), published=published, publisher=match["agency"])


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
    for line in _cut_trailer(text.split("\n")):
        found = spot_dateline(line) if line.strip() else None
        if found:
            datelines.append(found)
        elif not line.strip() or not _is_furniture(line):
            kept.append(_strip_inline(line) if line.strip() else "")
    kept = [line for line in kept if not line or re.search(r"[^\W\d_]", line)]
    if headline is None:
        headline, kept = _take_headline(kept)
    author = next((d.author for d in datelines if d.author), None)
    kept = _drop_teaser_tail(_drop_repeats(kept, [headline or "", author or ""]))
    body = _join(kept)
    return _page(headline, body, author, datelines)


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
