"""One rule for new case passphrases, used by the CLI (`new`, `passwd`, `receive`) and the window.

A case file is encrypted with a key derived from its passphrase; anyone holding a copy of the file
can try passphrases offline for as long as they like. A length minimum alone lets "password1"
through, so the rule also asks zxcvbn (Dropbox's estimator: dictionaries, keyboard patterns,
sequences, dates, l33t) how many guesses the passphrase would take and refuses the weakest.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workstation.errors import UsageError

MIN_LENGTH = 8
MIN_SCORE = 2  # zxcvbn 0-4; 0 and 1 fall to an offline guesser within about a million guesses
VERDICTS = ("very weak", "weak", "fair", "strong", "very strong")


class WeakPassphrase(UsageError):
    """A new passphrase does not meet the rule (too short or too easy to guess)."""


@dataclass(frozen=True)
class PassphraseStrength:
    """How strong a proposed passphrase is.

    Attributes:
        score: 0 (very weak) to 4 (very strong), zxcvbn's scale.
        verdict: the score in words.
        guesses_log10: estimated guesses needed, as a power of ten.
        acceptable: the rule accepts it (length and score).
        problem: why it is refused ("" when acceptable).
        hint: zxcvbn's advice ("" when it has none).
    """

    score: int
    verdict: str
    guesses_log10: float
    acceptable: bool
    problem: str
    hint: str


def estimate(passphrase: str) -> PassphraseStrength:
    """Judge a proposed new passphrase (no side effects; cheap enough to run on every key press)."""
    if not passphrase:
        return PassphraseStrength(0, VERDICTS[0], 0.0, False, "the passphrase is empty", "")
    # Imported by name: zxcvbn ships no type hints, and its result is read defensively below.
    zxcvbn: Callable[[str], dict[str, Any]] = importlib.import_module("zxcvbn").zxcvbn
    # zxcvbn's run time grows with length; the first 100 characters decide any practical case.
    result = zxcvbn(passphrase[:100])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    advice = [str(feedback.get("warning") or "")] + [str(s) for s in feedback.get("suggestions") or []]
    hint = " ".join(x for x in advice if x)
    problem = ""
    if len(passphrase) < MIN_LENGTH:
        problem = f"it has {len(passphrase)} character(s); use at least {MIN_LENGTH}"
    elif score < MIN_SCORE:
        problem = f"it is {VERDICTS[score]} (easy to guess)"
    return PassphraseStrength(
        score=score,
        verdict=VERDICTS[score],
        guesses_log10=round(float(result["guesses_log10"]), 1),
        acceptable=not problem,
        problem=problem,
        hint=hint,
    )


def require_strong(passphrase: str) -> PassphraseStrength:
    """The rule for every new case passphrase.

    Raises:
        WeakPassphrase: too short or too easy to guess, with the reason and advice (exit code 2).
    """
    strength = estimate(passphrase)
    if not strength.acceptable:
        advice = f" ({strength.hint})" if strength.hint else ""
        raise WeakPassphrase(
            f"passphrase refused: {strength.problem}{advice}. Use at least {MIN_LENGTH} characters that are "
            "not easy to guess, e.g. four unrelated words"
        )
    return strength
