"""The number of guesses explodes

How many guesses a grid search needs at {bins} bins per axis, against the number of parameters
searched. The count itself is too large for any axis, so the vertical axis places each count
by its power of ten, on a logarithmic scale: its ticks read 10¹, 10¹⁰, 10¹⁰⁰, 10¹⁰⁰⁰ and
10¹⁰⁰⁰⁰ guesses, each tick's exponent ten times the one below's; the horizontal axis is
logarithmic too. Two weights
need {c2} guesses and three need {c3}; at {cross} parameters the guesses reach the roughly
{atoms} atoms of the observable universe, and beyond it outnumber them; the {p_mnist} parameters
of the {net} network need {e_mnist} guesses.

Alt: A rising straight line. The horizontal axis, logarithmic, counts the parameters from 1 to
beyond {p_mnist}; the vertical axis, in the power of ten of the number of guesses, is also
logarithmic, its ticks 10 to the powers 1, 10, 100, 1000 and 10000, each tick's exponent ten times
the one below's, as the axis says. Marked points:
2 parameters at {c2} guesses, 3 at {c3}, and {p_mnist}, the {net} network, at 10 to the
power {e_mnist_exp}. A
horizontal dotted line marks the power {atoms_exp}, 10 to the power {atoms_exp} being the
number of atoms in the observable universe; the line crosses it at {cross} parameters, where a
dotted vertical line drops to the horizontal axis.
"""

import numpy as np
from matplotlib.ticker import FixedLocator, NullLocator

from gdcore import nn, sampling
from gdcore import training_procedure as procedure
from gdcore.sampling import GUESS_EXPLOSION as SETTING
from gdviz import mpl as gm
from gdviz import numbers as nb

BINS = SETTING.bins
MNIST = procedure.MNIST_SIZES
#: The digit network's name as mnist-network gives it: its layers' sizes.
NET = "\u2013".join(str(n) for n in MNIST)
#: Headroom over the axis's end, as a factor of the power there (the axis is logarithmic): the
#: network's label clears the top edge.
HEADROOM = 3.0
#: The parameter axis runs to AXIS_END times the network's parameters, the curve to CURVE_END
#: times them: the line ends inside the plot, clear of its right edge and its top corner.
AXIS_END, CURVE_END = 3, 2


def _curve():
    d = np.unique(np.geomspace(1, CURVE_END * nn.parameter_count(MNIST), 400).astype(int))
    e = np.array([sampling.guess_count_log10(BINS, int(k)) for k in d])
    return d, e


def _crossing() -> int:
    """The fewest parameters whose grid needs as many guesses as there are atoms: where the
    curve meets the atoms' line."""
    d = np.arange(1, 10 * sampling.ATOMS_LOG10 + 1)
    e = np.array([sampling.guess_count_log10(BINS, int(k)) for k in d])
    return int(d[np.argmax(e >= sampling.ATOMS_LOG10 - 1e-9)])


def facts() -> dict:
    p = nn.parameter_count(MNIST)
    e = round(sampling.guess_count_log10(BINS, p))
    return {"bins": BINS, "c2": nb.count(sampling.guess_count(BINS, 2)),
            "c3": nb.count(sampling.guess_count(BINS, 3)),
            "atoms": nb.power10(sampling.ATOMS_LOG10), "atoms_exp": sampling.ATOMS_LOG10,
            "cross": _crossing(), "p_mnist": nb.count(p), "e_mnist": nb.power10(e),
            "e_mnist_exp": e, "net": NET}


def _pow10(e: float) -> str:
    return nb.power10(round(e), "mathtext")


#: The tick (a power of ten of the exponent) whose rule the atoms' reference line replaces.
ATOMS_RULE = 100


def make_figure(theme):
    d, e = _curve()
    p = nn.parameter_count(MNIST)
    fig, ax = gm.subplots(theme, height=2.9)
    gm.style_axes(ax, theme)
    ax.plot(d, e, color=theme.accent, zorder=3)
    ax.set_xscale("log")
    ax.set_yscale("log")  # the axis holds y = log10(guesses), the power of ten, on a log scale
    ticks = [1, 10, 100, 1000, 10000]
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    ax.yaxis.set_minor_locator(NullLocator())
    # each tick a number of guesses, 10 to its power: the power grows tenfold per tick
    ax.set_yticks(ticks, [_pow10(t) for t in ticks])
    # the level rules drawn by hand, all but 10^100's: the atoms' reference at 10^80 runs a
    # fifth of a tick under it and takes its place, rather than a second rule 4 pt beside it
    ax.grid(False, axis="y")
    for t in ticks:
        if t != ATOMS_RULE:
            ax.axhline(t, color=theme.grid, linewidth=0.6, zorder=0, gid="level-rule")
    xt = [1, 10, 100, 1000, 10000]
    ax.xaxis.set_major_locator(FixedLocator(xt))
    ax.set_xticks(xt, [nb.count(t) for t in xt])
    ax.set_xlim(1, AXIS_END * p)
    ax.set_ylim(0.7, HEADROOM * sampling.guess_count_log10(BINS, AXIS_END * p))
    ax.set_xlabel("number of parameters (weights and biases)")
    # the ticks are evenly spaced powers of powers: said on the axis, so no one reads the
    # growth as plain exponential
    ax.set_ylabel(f"guesses at {BINS} bins per axis\n(each tick: the exponent × 10)",
                  linespacing=1.4)

    atoms = sampling.ATOMS_LOG10
    ax.axhline(atoms, **theme.line("reference", color=theme.muted, linewidth=0.9, zorder=2))
    # under its line, clear of the 10^100 grid line above it
    ax.text(1.25, atoms / 1.12, rf"{_pow10(atoms)} atoms in the observable universe",
            ha="left", va="top", fontsize=theme.small_size, color=theme.muted,
            path_effects=gm.halo(theme))  # the vertical grid line at 10 stops short of it
    # where the count passes the atoms: not a point of the model's (no dot), a reading line
    # dropped from the crossing to the parameter axis, the count named beside it, between the
    # grid lines
    cross = _crossing()
    ec = sampling.guess_count_log10(BINS, cross)
    ax.plot([cross, cross], [ax.get_ylim()[0], ec],
            **theme.line("reference", color=theme.muted, linewidth=0.9, zorder=2, gid="crossing"))
    # named at the crossing itself: just right of where the curve meets the atoms' line
    ax.annotate(f"{cross} parameters", xy=(cross, ec), xytext=(5, -4),
                textcoords="offset points", fontsize=theme.small_size, color=theme.muted,
                ha="left", va="top", gid="crossing-label",
                path_effects=gm.halo(theme))  # on a halo: the grid line at 100 runs under it

    marks = [*((k, f"{k} weights") for k in SETTING.marked), (p, f"{NET} network")]
    for k, name in marks:
        ek = sampling.guess_count_log10(BINS, k)
        ax.plot([k], [ek], **theme.marker("current"))
        count = (nb.count(sampling.guess_count(BINS, k)) if ek < 7 else _pow10(ek))
        label = f"{name}:\n{nb.count(k)} parameters,\n{count} guesses" if k == p else \
            f"{name}: {count} guesses"
        if k == p:
            ax.annotate(label, xy=(k, ek), xytext=(k / 3.0, ek), ha="right", va="center",
                        linespacing=1.5,
                        fontsize=theme.small_size, color=theme.text,
                        arrowprops=dict(arrowstyle="-", color=theme.muted, lw=0.6))
        else:
            # below the line, to the right, with a leader: the line never comes down here
            ax.annotate(label, xy=(k, ek), xytext=(8.0, 3.6 if k == 3 else 1.6), ha="left",
                        va="center", fontsize=theme.small_size, color=theme.text,
                        arrowprops=dict(arrowstyle="-", color=theme.muted, lw=0.6,
                                        shrinkA=2, shrinkB=4))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
