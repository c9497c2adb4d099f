"""Numbers as the still and its animation both print them (TeX/mathtext strings).

Shared by a figure and its scene, so the two print a value identically; no computing here.
"""

from __future__ import annotations


def score_text(score: float) -> str:
    """A held-out cost J as printed in the cross-validation table: 3 decimals."""
    return f"{score:.3f}"
