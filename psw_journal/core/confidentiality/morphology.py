"""Words formed from ordinary words by derivation: "Connectedness", "Destigmatising".

A capitalised word that is no ordinary word may still be made of one: a concept word at the
start of a sentence ("Connectedness matters", "Neurodiversity is...") is not a name. Only
words that are no known first name are checked, so "Denise" or "Jamal" stay names.
"""

from __future__ import annotations

import functools
from collections.abc import Set

# Longest first, so "-ations" is tried before "-s".
_SUFFIXES = tuple(sorted((
    "ness", "nesses", "ity", "ities", "ism", "isms", "ist", "ists", "ment", "ments", "ation",
    "ations", "ication", "ally", "ality", "ional", "ise", "ize", "ised", "ized", "ising", "izing",
    "isation", "ization", "ful", "fully", "less", "lessness", "hood", "ship", "able", "ably",
    "ive", "ively", "ing", "ings", "ed", "er", "ers", "ly", "s", "es",
), key=len, reverse=True))
_PREFIXES = ("de", "re", "un", "non", "dis", "over", "under", "hyper", "hypo", "neuro",
             "psycho", "inter", "intra", "multi", "co", "anti", "pre", "post", "mis", "counter",
             "self", "trans", "sub", "super", "out", "mal", "micro", "mega")
_MIN_STEM = 4
_MIN_AFTER_PREFIX = 5


def is_formed(word: str, ordinary: Set[str]) -> bool:
    """Tell whether ``word`` (folded) is an ordinary word with prefixes or suffixes added.

    Args:
        word: A folded word that is not itself on the ordinary list.
        ordinary: The ordinary-words list.

    Returns:
        True when stripping up to two suffixes and one prefix leaves an ordinary word.
    """
    return _formed(word.replace("-", ""), frozenset(ordinary) if not isinstance(
        ordinary, frozenset) else ordinary, 2)


@functools.lru_cache(maxsize=4096)
def _formed(word: str, ordinary: frozenset[str], depth: int) -> bool:
    if word in ordinary:
        return True
    if depth == 0:
        return False
    for suffix in _SUFFIXES:
        stem = word[:-len(suffix)]
        if not word.endswith(suffix) or len(stem) < _MIN_STEM:
            continue
        candidates = {stem, stem + "e"}
        if stem.endswith("i"):  # "happiness" -> "happy"
            candidates.add(stem[:-1] + "y")
        if any(_formed(c, ordinary, depth - 1) for c in candidates):
            return True
    for prefix in _PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= _MIN_AFTER_PREFIX \
                and _formed(rest, ordinary, depth - 1):
            return True
    return False
