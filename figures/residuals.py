"""Errors of a candidate line and their squares

Left: the candidate line f(x) = {m} x + {b} with the seven points. Each small cross on the
line is the prediction f(x_i); each red dashed segment joins it to the point (x_i, y_i) and
measures the error r_i = f(x_i) − y_i, from {rmin} to {rmax}. Right: the squares of these
seven errors, r_i²; half of each is that example's cost C_i = ½ r_i². Their mean is {mean}, and
the cost, the mean of the C_i, is half of it, J = {j}.

Alt: On the left, seven points and a gently falling straight line; red dashed vertical segments,
the errors r_i = f(x_i) − y_i, join each point to the line, and small crosses on the line mark
the predictions. The segments are longest at the two ends, where the line passes above the first
point and below the last. On the right, a bar chart of the seven squared errors, tallest for
the last point ({sqmax}); the bars of points 5 and 6 are too low to see and carry their values
({sq5} and {sq6}). A grey dotted line marks their mean ({mean}), and the cost is J = {j}.
"""

import numpy as np
from matplotlib.ticker import MultipleLocator

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import views

#: Area (points²) of the prediction crosses: smaller than a data dot's reach round it.
PREDICTION_SIZE = 9
#: Width (points) of the page-coloured cross under each prediction's: 0.75 pt each side of it.
PREDICTION_HALO = 2.4

def KEY_ORDER(label: str) -> int:
    """The key's order: the line, the error, the prediction, the point (two columns, filled
    down: line and error on the left)."""
    return next(k for k, w in enumerate(("$f(x)", "error", "prediction", "point")) if w in label)


#: A bar lower than this fraction of the tallest is too low to see: its value is written over it.
FLAT = 0.02


#: Where (in bars) the mean's label is centred: over its line, over the low bars 4 to 6.
MEAN_LABEL_AT = 5.0
#: Font sizes between the baselines of two neighbouring low bars' values.
BAR_VALUE_STEP = 1.3


def squared(v: float) -> str:
    """A low bar's squared error as written over it: SQUARED_SIG significant figures."""
    return nb.significant(v, SQUARED_SIG)


#: Significant figures of a low bar's value: upright over its bar, a third would reach the
#: mean's dotted line.
SQUARED_SIG = 2


def _numbers():
    x, y = data.regression_points()
    e = regression.line_errors(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], x, y)
    return x, y, e.m, e.b, e.pred, e.residuals, e


def facts() -> dict:
    *_, e = _numbers()
    r = e.residuals
    return dict(m=nb.text(e.m), b=nb.text(e.b), rmin=nb.text(r.min(), places=2),
                rmax=nb.text(r.max(), places=2), sqmax=nb.cost(e.squares.max()),
                mean=nb.cost(e.mean), j=nb.cost(e.cost),
                sq5=squared(e.squares[4]), sq6=squared(e.squares[5]))


def make_figure(theme):
    x, y, m, b, pred, r, e = _numbers()
    mean, j = e.mean, e.cost
    fig, (ax, bx) = gm.subplots(theme, 1, 2, height=2.6, width_ratios=(1.4, 1))

    # Left: the line, the predictions, and each error as the house residual segment.
    gm.style_axes(ax, theme)
    xs = np.array(views.X_RANGE)
    ax.plot(xs, regression.predict(m, b, xs), color=theme.model, zorder=2, gid="model",
            label=rf"$f(x) = {m:g}\,x + {b:g}$")
    for xi, yi, pi in zip(x, y, pred):
        ax.plot([xi, xi], [yi, pi], **theme.residual(), gid="residual")
    ax.plot([], [], **theme.residual(), label=r"error $r_i = f(x_i) - y_i$")
    # the predictions as small crosses (no role's mark: the ring is a start) lifted off the line
    # by a halo of the page, under the points: the data read first, and where a point nearly
    # sits on the line (i = 5, 6) the dot stands whole, the cross's arms showing round it
    gm.scatter_points(ax, theme, x, y, zorder=4.6, label=r"point $(x_i, y_i)$")
    ax.scatter(x, pred, s=PREDICTION_SIZE, marker="x", color=theme.background,
               linewidths=PREDICTION_HALO, zorder=4.4, gid="prediction-halos")
    ax.scatter(x, pred, s=PREDICTION_SIZE, marker="x", color=theme.model, linewidths=0.8,
               zorder=4.5, label=r"prediction $f(x_i)$", gid="predictions")
    gm.data_view(ax)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_title("A candidate line and its errors")
    # the key in the order the page reads: the line, its errors, its predictions, the points
    h, lab = ax.get_legend_handles_labels()
    order = [lab.index(k) for k in sorted(lab, key=KEY_ORDER)]
    gm.optimizer_legend(ax, theme, handles=[h[i] for i in order], ncols=2, columnspacing=1.0)

    # Right: the squared errors, their mean, and J = half the mean.
    gm.style_axes(bx, theme)
    bx.grid(False, axis="x")
    idx = np.arange(1, x.size + 1)
    bars = bx.bar(idx, e.squares, width=0.62, color=theme.error, zorder=2)
    # a bar too low to see (i = 5, 6) has its value written over it, level and centred on
    # its own bar, in significant figures (0.0016, not 0.002: three decimals left it one),
    # the second a line higher than the first, so two neighbours never run into one number
    # (the mean and J, costs, take the house cost's three, numbers.cost)
    flat = e.squares < FLAT * e.squares.max()
    for k, (bar, v) in enumerate((bar, v) for bar, v, f in zip(bars, e.squares, flat) if f):
        bx.annotate(squared(v), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 2 + k * BAR_VALUE_STEP * theme.small_size),
                    textcoords="offset points", ha="center", va="bottom",
                    fontsize=theme.small_size, color=theme.text, gid="bar-values")
    bx.axhline(mean, **theme.line("reference", color=theme.muted, linewidth=0.9, zorder=3,
                                     gid="mean"))
    # the label stands clear of its line (3 pt over it), not on it, on its halo, between the
    # line and the next grid rule (the cost ticked every 0.25: a rule at 0.2 ran through its
    # letters), over the low bars, whose values sit under the line: never one row with them
    # ("mean 0.160 0.0014")
    bx.annotate(f"mean {nb.cost(mean)}", (MEAN_LABEL_AT, mean), xytext=(0, 3),
                textcoords="offset points", ha="center", va="bottom", color=theme.muted,
                fontsize=theme.small_size, path_effects=gm.halo(theme), gid="mean-label")
    # J as half the mean of the squares, written out: half the rounded mean would not check
    # (half of 0.160 is 0.0800, not 0.0801)
    n = x.size
    bx.text(0.04, 0.97, rf"$J = \dfrac{{1}}{{2}} \cdot \dfrac{{1}}{{{n}}} \sum_{{i=1}}^{{{n}}} \, "
            rf"r_i^2 = {nb.cost(j, 'latex')}$",
            transform=bx.transAxes, ha="left", va="top", color=theme.text,
            fontsize=theme.font_size)
    bx.set_xticks(idx)
    bx.set_xlim(0.4, x.size + 0.6)
    bx.set_ylim(0, 1.25 * float(e.squares.max()))
    bx.yaxis.set_major_locator(MultipleLocator(0.25))
    bx.set_xlabel("point $i$")
    bx.set_ylabel(r"squared error $r_i^2$")
    bx.set_title("Squared errors and the cost")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
