"""Grid search over learning rate and momentum

A grid search trains the same small network on the two-moons data once for every pair of
learning rate α ({n_lrs} values) and momentum β ({n_betas} values), {steps} full-batch steps
each, from the same initial weights, and records the final training cost J. The cells take the
colours of the chapter's cost maps: violet, the colour of a map's valley, for the lowest cost,
through blue towards the colour of its rim for the highest (a logarithmic scale, marked at
round costs from 0.025); hatched cells diverged. The rate grows upwards, the momentum
to the right. The best pair, marked by the star of a minimum (the grid's least cost), is
α = {best_lr:g} with
β = {best_beta:g}, final cost J = {best_loss}; the worst run that did not diverge ended at
J = {worst_loss}. Too small a rate crawls whatever the momentum; the largest rate blows up
for every β; the best pairs lie just below it, with strong momentum.

Alt: A heat map with learning rate on the vertical axis, growing upwards, and momentum on the
horizontal axis, each cell showing its final cost J. The cost falls from the bottom-left corner
(small rate, no momentum) towards larger rates and more momentum; the top row, the largest rate,
is hatched and marked diverged; the cell just below it at β = {best_beta:g} holds a star
and is labelled best.
"""

import functools

import matplotlib
import numpy as np
from matplotlib import colors as mcolors
from matplotlib.patches import Rectangle

from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.theme import AXIS_LABELS

#: The colour bar's marks: round costs, every TICK_STEP (0.03, never the data's own 0.0229),
#: rounded to TICK_PLACES decimals (a scale's marks, not measured values), with a half step
#: (0.025) near its low end; written in decimals as the cells write the same costs
#: (gm.table_bar_ticks: 0.025, 0.03), never 2.5 × 10⁻² on the bar beside 0.0322 in a cell.
TICK_STEP, TICK_PLACES = 0.01, 2
GUTTER = 1.5  # points: the page colour between two cells
HATCH_WIDTH = 0.8  # points: a diverged cell's hatch lines
#: a diverged cell's clear band (a share of the cell's height), unhatched, where its word stands
CLEAR_BAND = 0.34
#: points between the best cell's star and its words: the star stands apart, not squeezed
BEST_GAP = 5.0


@functools.cache
def _grid():
    """The search (about a second of training runs), done once per process."""
    return procedure.LR_GRID.run()


def facts() -> dict:
    g = _grid()
    i, j = g.best
    finite = g.losses[np.isfinite(g.losses)]
    return {"n_lrs": g.lrs.size, "n_betas": g.betas.size, "steps": procedure.LR_GRID.steps,
            "best_lr": g.lrs[i], "best_beta": g.betas[j],
            "best_loss": numbers.cost(g.losses[i, j]), "worst_loss": numbers.cost(finite.max())}


def bar_ticks(lo: float, hi: float) -> list[float]:
    """The colour bar's marks: the multiples of TICK_STEP from lo to hi, and below the first
    the least multiple of half a step within the bar (0.025 over 0.0229): on a log bar the
    stretch under the first round cost is long, and its low end, the best cells' colour, was
    left unmarked."""
    k = np.arange(np.ceil(lo / TICK_STEP - 1e-9), np.floor(hi / TICK_STEP + 1e-9) + 1)
    ticks = [round(float(v) * TICK_STEP, TICK_PLACES) for v in k]
    half = round(float(np.ceil(lo / (TICK_STEP / 2) - 1e-9)) * TICK_STEP / 2, TICK_PLACES + 1)
    return [half, *ticks] if half < ticks[0] else ticks


def make_figure(theme):
    g = _grid()
    n_l, n_b = g.losses.shape
    finite = np.isfinite(g.losses)
    norm = mcolors.LogNorm(g.losses[finite].min(), g.losses[finite].max())
    # the cost map's colours, short of the dark map's rim, which reads as the page
    cmap = theme.table_cmap
    fig, ax = gm.subplots(theme, height=3.3)
    # Rows follow the learning rate (smallest at the bottom), columns the momentum.
    im = ax.imshow(np.ma.masked_invalid(g.losses), cmap=cmap, norm=norm, aspect="auto",
                   interpolation="nearest", origin="lower", gid="heatmap")
    im.set_rasterized(True)
    for i in range(n_l):
        for j in range(n_b):
            v = g.losses[i, j]
            if np.isfinite(v):
                best = (i, j) == g.best
                written = numbers.cost(v)
                cell = ax.text(j, i, f"best\n{written}" if best else written, ha="center",
                        va="center", fontsize=theme.small_size, linespacing=1.15,
                        color=theme.text, gid=f"cell:{i},{j}")
                if best:
                    best_text = cell
            else:
                # hatched in the muted colour: the lines read on the grey in both themes
                # (the page colour's hatch all but vanished on the dark page's grey)
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=theme.grid,
                                       edgecolor="none", hatch="///", hatchcolor=theme.muted,
                                       hatch_linewidth=HATCH_WIDTH, gid=f"diverged:{i},{j}"))
                # the word on a clear band of the cell's grey across the cell: no hatch line
                # comes near its letters (on a halo they still met the glyphs' corners)
                ax.add_patch(Rectangle((j - 0.5, i - CLEAR_BAND / 2), 1, CLEAR_BAND,
                                       facecolor=theme.grid, edgecolor="none",
                                       gid=f"diverged-band:{i},{j}"))
                ax.text(j, i, "diverged", ha="center", va="center", fontsize=theme.small_size,
                        color=theme.text, gid=f"cell:{i},{j}")
    # the table's rules: a gutter of the page colour between every two cells, so each cell
    # reads as one run's
    for k in range(n_b - 1):
        ax.axvline(k + 0.5, color=theme.background, lw=GUTTER, zorder=3, gid="gutter")
    for k in range(n_l - 1):
        ax.axhline(k + 0.5, color=theme.background, lw=GUTTER, zorder=3, gid="gutter")
    # the best pair is the grid's minimum: the house minimum star, before its cell's words
    gm.best_beside(ax, theme, best_text, gid="best", gap=BEST_GAP)
    ax.set_xticks(range(n_b), [f"{b:g}" for b in g.betas])
    ax.set_yticks(range(n_l), [f"{a:g}" for a in g.lrs])
    ax.set_xlabel(AXIS_LABELS["momentum"])
    ax.set_ylabel(AXIS_LABELS["rate"])
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    cb = fig.colorbar(im, ax=ax, pad=0.08, shrink=0.95)
    # the house label (it never names the scale) and the cells' form of the costs, decimals
    # in their shortest form: the log scale said by its marks' spacing, at round costs only
    # (the least and the largest are in their cells)
    cb.set_label(AXIS_LABELS["training cost"])
    cb.ax.tick_params(labelsize=theme.small_size)
    cb.set_ticks(bar_ticks(norm.vmin, norm.vmax))
    gm.table_bar_ticks(cb)
    cb.ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    # what was trained, on what, for how long: the run each cell's number ends
    ax.set_title("Final training cost for each ($\\alpha$, $\\beta$)", pad=17)
    ax.annotate(f"a small tanh network on the two moons, {procedure.LR_GRID.steps} full-batch "
                "steps from the same start", (0.5, 1.0), xycoords="axes fraction",
                xytext=(0, 4), textcoords="offset points", ha="center", va="bottom",
                fontsize=theme.small_size, color=theme.text, gid="subtitle")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
