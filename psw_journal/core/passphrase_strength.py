"""How hard a new passphrase is to guess, and whether it is strong enough to protect a journal.

The estimate is zxcvbn's (dictionaries of common passwords, names, words and keyboard
patterns, not a count of character classes). Both front ends ask :func:`rate_passphrase` and
refuse a passphrase below :data:`MIN_SCORE` unless the user says they understand it is weak.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

#: zxcvbn's score 3 means about 10^8 guesses or more ("safely unguessable" in its words).
MIN_SCORE = 3
#: zxcvbn refuses longer input; the first 72 characters of a passphrase decide anyway.
_MAX_RATED_LENGTH = 72
#: Words everyone would try first against a PSW's journal.
_OBVIOUS_WORDS = ("psw", "journal", "peer", "support", "worker", "reflective", "recovery")

WHY_IT_MATTERS = (
    "The passphrase is your journal's only protection: anyone who gets a copy of the file "
    "(a lost laptop, a backup) can try guesses against it for as long as they like."
)


class Strength(enum.IntEnum):
    """zxcvbn's score, named for people."""

    VERY_WEAK = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4

    @property
    def label(self) -> str:
        """Return the word shown to the user ("very weak" … "strong")."""
        return self.name.lower().replace("_", " ")


@dataclass(frozen=True, slots=True)
class PassphraseRating:
    """What zxcvbn made of a passphrase."""

    strength: Strength
    warning: str
    suggestions: tuple[str, ...]

    @property
    def is_strong_enough(self) -> bool:
        """Tell whether the passphrase may be used without the user accepting the risk."""
        return self.strength >= MIN_SCORE

    def describe(self) -> str:
        """Return one or two sentences: the verdict, then zxcvbn's warning or first advice."""
        verdict = f"Strength: {self.strength.label}."
        if self.is_strong_enough:
            return verdict
        advice = self.warning or (self.suggestions[0] if self.suggestions else "")
        return " ".join(part for part in (verdict, advice) if part)


def rate_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> PassphraseRating:
    """Estimate how hard a passphrase is to guess.

    Args:
        passphrase: The candidate passphrase.
        user_inputs: Words an attacker would try first (the user's name, course, tutor).

    Returns:
        The rating; an empty passphrase is very weak.
    """
    if not passphrase:
        return PassphraseRating(Strength.VERY_WEAK, "", ("Choose a passphrase.",))
    # Imported here: a command that opens a journal does not need zxcvbn's word lists.
    from zxcvbn import zxcvbn

    words = [*_OBVIOUS_WORDS, *(w for text in user_inputs for w in text.split() if len(w) > 2)]
    result = zxcvbn(passphrase[:_MAX_RATED_LENGTH], user_inputs=words)
    feedback = result["feedback"]
    return PassphraseRating(
        Strength(int(result["score"])),
        str(feedback.get("warning") or ""),
        tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def weak_passphrase_message(rating: PassphraseRating) -> str:
    """Return why a weak passphrase is refused, and what to do instead (for both front ends)."""
    advice = rating.warning or (rating.suggestions[0] if rating.suggestions else "")
    return " ".join(part for part in (
        f"This passphrase is {rating.strength.label} and easy to guess.", advice, WHY_IT_MATTERS,
        "A few unrelated words (four is good) are strong and easy to remember.",
    ) if part)
