"""Training and test cost against model capacity

Polynomials of degree 0 to 9 fitted by least squares to the {n} noisy samples of sin(2πx)
used for the overfitting example, scored by the cost J (half the mean squared error, log
scale) on the training samples and on {n_test} fresh test samples. Each extra degree lowers the
training cost, down to ≈ 0 (rounding noise,
{floor}) at degree 9, where the curve passes through all {n}
points. The test cost is {test0} at degree 0 and {test1} and {test2} at degrees 1
and 2, drops to its least, {best_test}, at degree {best}, and then climbs with every degree
to {worst_test} at degree 9: past degree {best} the extra capacity fits the noise, not the
sine.

Alt: A line chart with polynomial degree 0 to 9 on the horizontal axis and the cost J on a
logarithmic vertical axis. The training-cost line falls in steps: sharply from degree 2 to 3,
hardly at all from 3 to 7, a decade from 7 to 8, and from 8 steeply down to a break in the
vertical axis, where it is parted by a short gap, then on to a marker at degree 9 under the
break,
level with the axis' last tick, "≈ 0", labelled
"training cost J ≈ 0 ({floor}): through all {n} points". The test-cost line, lavender with
hollow diamonds, is about level from degree 1 to 2, drops to its lowest value, {best_test}, at
degree {best}, marked by a star in place of its diamond and by a dotted green vertical line
keyed "degree of least test cost", then rises steeply to {worst_test} at degree 9.
"""

import numpy as np

from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th

DEGREES = range(10)
Y_FLOOR = 1e-4  # lower edge of the log axis, a decade under degree 8's 1.3 × 10⁻³; a training
#                 cost below it (rounding noise) is drawn on the edge


def errors():
    d = procedure.overfit_data()
    return d, procedure.polynomial_errors(d, DEGREES)


def best_degree(err) -> int:
    """The degree of least test error (an index into gdcore's array)."""
    return int(err.degrees[np.argmin(err.test)])


def facts() -> dict:
    d, err = errors()
    b = best_degree(err)
    cost = numbers.cost
    return {"n": d.x.size, "n_test": d.x_test.size, "best": b, "floor": numbers.floor_words(),
            "best_test": cost(err.test[err.degrees == b][0]), "worst_test": cost(err.test[-1]),
            **{f"test{k}": cost(err.test[err.degrees == k][0]) for k in (0, 1, 2)}}


#: Degrees left of the off-scale mark where its note ends: clear of the training line's fall
#: from degree 8 (at 1.1 its colon all but touched the line)
NOTE_LEFT = 1.5
#: The training line's gap where it crosses the axis' break: from this share of the ≈ 0 strip
#: under the floor to this one (the break's strokes on the spine stand at half of it)
BREAK_GAP = (0.3, 0.7)
#: Inches of page over the plot's top (its tick number and the spine's end)
HEAD_PAD = 0.12


def _line_mark(mark: dict) -> dict:
    """A house mark's keywords for the points of a line (its own linestyle and z-order kept)."""
    return {k: v for k, v in mark.items() if k not in ("linestyle", "zorder")}


def make_figure(theme):
    d, err = errors()
    n = d.x.size
    fig, ax = gm.subplots(theme, height=2.8)
    fig.get_layout_engine().set(h_pad=HEAD_PAD)  # headroom over the top tick and the spine
    gm.style_axes(ax, theme)
    deg = err.degrees
    low = err.train < Y_FLOOR  # off the bottom of the log axis (≈ 0): marked under its break
    # the sets in their house roles (theme.DATA_ROLES): training data dots, test held-out diamonds
    # the training dots over the test diamonds (degree 0, where the two costs meet, the dot
    # reads inside its diamond)
    (train,) = ax.plot(deg[~low], err.train[~low], color=theme.data, zorder=3.2,
                       gid="train",
            label=th.AXIS_LABELS["training cost"], **_line_mark(theme.marker("data")))
    (test,) = ax.plot(deg, err.test, color=theme.test, zorder=3, gid="test",
            label=th.AXIS_LABELS["test cost"], **_line_mark(theme.held_out("test")))
    ax.set_yscale("log")
    top = err.test.max() * 3
    ax.set_ylim(Y_FLOOR, top)
    ax.set_xlim(deg.min() - 0.4, deg.max() + 0.4)
    ax.set_xticks(deg)
    ax.set_xlabel("polynomial degree $d$")
    ax.set_ylabel(th.AXIS_LABELS["cost"])

    b = best_degree(err)
    tb = float(err.test[deg == b][0])
    ax.axvline(b, **theme.line("reference", color=theme.good, linewidth=0.9, zorder=1,
                               label="degree of least test cost"))
    # the least test cost is the minimum of the test curve: the house minimum star on its
    # point, in place of its test diamond (at the value it names)
    gm.best_at(ax, theme, b, tb, over=test)
    ax.annotate(f"least test cost:\ndegree {b}, $J = {numbers.cost(tb, 'latex')}$",
                xy=(b, tb), textcoords="data",
                # high over the star and a little right: the arrow comes down steeply onto
                # the star, its tip clear of the test line running right of it
                xytext=(b + 0.25, tb * 25), ha="left", va="bottom",
                fontsize=theme.small_size, color=theme.text,
                arrowprops=dict(arrowstyle="->", color=theme.muted, linewidth=0.8,
                                shrinkA=2,
                                shrinkB=theme.marker("minimum")["markersize"] / 2 + 1.5))

    last = int(np.flatnonzero(~low)[-1])
    for d_, v in zip(deg[low], err.train[low]):
        # off the axis: the set's own mark in the ≈ 0 strip under the axis' break, as every
        # off-scale value
        mark = gm.off_scale_low(ax, theme, d_, Y_FLOOR, _line_mark(theme.marker("data")))
        # the fall on the way to this degree goes on solid to the off-scale mark
        # (docs/STYLE.md), parted where it crosses the axis' break: the drop across the break
        # is no slope of the scale (drawn whole, it read as a real fall from degree 8 to 9);
        # straight on the page, so straight in (degree, log J)
        top, end = err.train[last], mark.get_ydata()[0]
        y0, y1 = np.log10(top), np.log10(end)
        gap = [Y_FLOOR * gm.FLOOR_STRIP ** -share for share in BREAK_GAP]
        for part, (a, z) in zip(("to-zero", "to-zero-below"), ((top, gap[0]), (gap[1], end))):
            ta, tz = ((np.log10(v) - y0) / (y1 - y0) for v in (a, z))
            ax.plot([deg[last] + ta * (d_ - deg[last]), deg[last] + tz * (d_ - deg[last])],
                    [a, z], color=theme.data, linewidth=train.get_linewidth(),
                    solid_capstyle="butt", zorder=2.9, clip_on=False, gid=part)
        ax.annotate(f"training cost $J {numbers.relation(v)}$"
                    f" ({numbers.floor_words('mathtext')}):\nthrough all {n} points",
                    xy=(0.5, 0.5), xycoords=mark, xytext=(d_ - NOTE_LEFT, Y_FLOOR * 1.5),
                    textcoords="data", ha="right", va="bottom", fontsize=theme.small_size,
                    color=theme.text,
                    arrowprops=dict(arrowstyle="->", color=theme.muted, linewidth=0.8,
                                    shrinkB=10))  # clear of the line's stub
    gm.optimizer_legend(ax, theme, "curves")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
