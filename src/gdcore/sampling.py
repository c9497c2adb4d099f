"""Brute-force search counts: grids over weight space and the curse of dimensionality."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._arguments import positive_int

#: Order of magnitude of the number of atoms in the observable universe.
ATOMS_LOG10 = 80


@dataclass(frozen=True)
class SamplingGrids:
    """Brute-force grids shown side by side: `bins` per axis, over `dims` weights."""

    bins: tuple[int, ...]
    dims: tuple[int, ...]


#: sampling-grid-2d: two weights at 10 and at 100 bins per axis. 10² = 100 guesses still show
#: as separate dots; 100² = 10,000 fill the square almost solidly, still cheap for two weights.
SAMPLING_GRID_2D = SamplingGrids(bins=(10, 100), dims=(2,))
#: sampling-grid-3d: the same 10 bins per axis over two and three weights: one more weight
#: multiplies the guesses by 10 (100 to 1,000), the start of the curse of dimensionality.
SAMPLING_GRID_3D = SamplingGrids(bins=(10,), dims=(2, 3))


def guess_count(bins: int, dims: int) -> int:
    """bins^dims: the guesses of a grid with `bins` values per axis in `dims` dimensions (exact)."""
    return positive_int("bins", bins) ** positive_int("dims", dims)


def guess_count_log10(bins: int, dims: int) -> float:
    """log10(bins^dims) = dims · log10(bins), for counts too large to plot."""
    return positive_int("dims", dims) * float(np.log10(positive_int("bins", bins)))


def digit_count(n: int) -> int:
    """The number of decimal digits of a positive integer (10^11935 has 11,936).

    Counted arithmetically (k with 10^(k−1) ≤ n < 10^k), since Python refuses str() of
    integers beyond 4,300 digits.
    """
    n = positive_int("n", n)
    k = max(1, int((n.bit_length() - 1) * 0.30102999566398120))  # log10(2)
    while 10**k <= n:
        k += 1
    while k > 1 and 10 ** (k - 1) > n:
        k -= 1
    return k


def grid_points(bins: int, dims: int, low: float = 0.0, high: float = 1.0) -> np.ndarray:
    """The centres of a grid of `bins` cells per axis over [low, high]^dims: (bins^dims, dims).

    Points are in row-major order (the last axis varies fastest).
    """
    bins = positive_int("bins", bins)
    dims = positive_int("dims", dims)
    if not high > low:
        raise ValueError(f"high must be greater than low, got low={low}, high={high}")
    if bins**dims > 10_000_000:
        raise ValueError(f"bins**dims = {bins}**{dims} is too many points to list")
    axis = low + (np.arange(bins) + 0.5) * (high - low) / bins
    mesh = np.meshgrid(*([axis] * dims), indexing="ij")
    return np.stack([g.ravel() for g in mesh], axis=1)


def eggshell_share(eps, dims) -> np.ndarray | float:
    """1 − (1 − ε)^d: the share of a d-dimensional ball's volume within ε·radius of its surface."""
    eps_a = np.asarray(eps, dtype=np.float64)
    if np.any((eps_a <= 0) | (eps_a >= 1)):
        raise ValueError(f"eps must lie in (0, 1), got {eps!r}")
    d = np.asarray(dims, dtype=np.float64)
    if np.any(d < 1):
        raise ValueError(f"dims must be >= 1, got {dims!r}")
    out = 1.0 - (1.0 - eps_a) ** d
    return float(out) if out.ndim == 0 else out


def eggshell_curve(eps: float, d_max: float, samples: int = 400
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(d, share): the shell's share as a smooth curve of d from 1 to d_max, `samples` values
    of d evenly spaced in log d. A ball's volume grows as r^d for any real d (the volume of a
    d-ball extends to real d through the Gamma function), so the share 1 − (1 − ε)^d is defined
    between the whole dimensions too; sampled at whole d only, a curve on a log axis shows
    corners at d = 2 and 3."""
    if d_max <= 1 or samples < 2:
        raise ValueError(f"need d_max > 1 and samples >= 2, got {d_max!r}, {samples!r}")
    d = np.geomspace(1.0, float(d_max), samples)
    return d, eggshell_share(eps, d)


@dataclass(frozen=True)
class GuessExplosion:
    """The grid-search count against the number of parameters: `bins` per axis, with the
    parameter counts marked by name."""

    bins: int
    marked: tuple[int, ...]


#: guess-explosion: the 10 bins per axis of the sampling grids (SAMPLING_GRID_3D), so the
#: marked 2 and 3 weights are the 100 and 1,000 guesses the reader has just seen drawn.
GUESS_EXPLOSION = GuessExplosion(bins=10, marked=(2, 3))


@dataclass(frozen=True)
class LonelySpace:
    """The eggshell of a ball: its thickness `eps` (a share of the radius), a thicker shell
    drawn for comparison, the shares of the volume whose first dimension is marked, and the
    largest dimension shown."""

    eps: float
    eps_other: float
    levels: tuple[float, ...]
    d_max: int


#: lonely-space: a shell of 5 % holds under a tenth of a disc, so the picture of d = 2 shows a
#: thin ring, yet half of the volume from 14 dimensions and 99 % from 90; the 10 % shell shows
#: the same rise sooner. 200 dimensions take both curves to 100 % (the 5 % shell holds
#: 99.996 % there): further on (1,000 was drawn) both lie flat on 100 % for a third of the plot.
LONELY_SPACE = LonelySpace(eps=0.05, eps_other=0.10, levels=(0.5, 0.99), d_max=200)
