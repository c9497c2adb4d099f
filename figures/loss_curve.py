"""A training loss curve

A network with {hidden} tanh hidden neurons learns to separate the two interleaved half-moons
({n} points, two classes). Left: its training cost J = (1/n) Σ Cᵢ, the mean over the {n}
points of each point's cost Cᵢ = ½(aᵢ − yᵢ)², half the squared error of the network's
output aᵢ against the point's class yᵢ (0 or 1), after each of {steps:,} full-batch
gradient-descent steps t (α = {lr:g}), both axes linear. The cost drops steeply in the
first few dozen steps, from J = {start} to J = {early} by t = {early_at}, then levels off,
still creeping down, to J = {end}; an inset draws the first {early_at} steps on a step axis
of their own. Right: the data and the trained network's decision boundary (where its
output crosses {threshold:g}); it now classifies {accuracy:.0f} % of the points correctly.

Alt: Left, a curve of the cost J against the step t that falls steeply at first and then
flattens into a long, slowly sinking tail, with its first and last values labelled beside
their marks (the step axis linear, ticks 0 to 1,000), and the formula of J with its
per-point cost named in words. An inset in the empty upper middle of the plot, framed on the
page's colour, redraws the first {early_at} steps on their own step axis, on the same cost
scale, its numbers written as the main axis's: the fall is steepest in the first few
steps. Right, two
interleaved crescent-shaped clusters of points, blue dots and rust-brown triangles,
separated by a curved boundary line; the dots' side of it is shaded pale blue, the triangles'
pale brown.
"""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from gdcore.networks import LOSS_CURVE
from gdviz import equations, numbers
from gdviz import mpl as gm
from gdviz.theme import AXIS_LABELS

EX = LOSS_CURVE
#: the step axis's ticks: linear, as the cost axis, so the curve shows its steep start (a cliff
#: at the left: 84 % of the drop within the first 50 steps) and its levelling (a flat tail); a log
#: step axis drew the last two decades as a steady slope, hiding the levelling
STEP_TICKS = (0, 250, 500, 750, 1000)
#: The first EX.early steps, where the cost falls steeply (a cliff on the main step axis), on
#: axes of their own as in the video: an inset over the empty top of the plot (right of the
#: cliff, above the tail, left of the equation), INSET in the plot's axes fraction (left,
#: bottom, width, height), the cost axis's range, its steps ticked every INSET_STEP.
INSET = (0.21, 0.4, 0.36, 0.31)
INSET_STEP = 25
#: The inset's plate, as train-val-curves': the page under the inset, its numbers and its
#: title, in a thin muted frame, so no rule of the main grid runs behind them
#: ((left, bottom), (right, top), axes fraction of the main plot)
INSET_PLATE = ((0.095, 0.28), (0.6, 0.83))
#: The inset's cost ticks, written as the main axis writes them (the house's tick form, 0.1
#: on both, never 0.10 beside 0.1)
INSET_COST_TICKS = (0.0, 0.1, 0.2)
#: The height (axes fraction) of the equation's centre: between the 0.15 and 0.20 gridlines.
EQ_AT = 0.64
#: The step axis's room left of step 0 (a share of the run): the start ring off the spine.
X_PAD = 0.05


def facts() -> dict:
    X, Y, res = EX.run()
    return {"hidden": EX.sizes[1], "n": EX.n_points, "steps": EX.steps, "lr": EX.lr,
            "start": numbers.cost(res.train_losses[0]),
            "early": numbers.cost(res.train_losses[EX.early]),
            "early_at": EX.early, "end": numbers.cost(res.train_losses[-1]),
            "threshold": EX.threshold,
            "accuracy": 100 * EX.accuracy(res.net, X, Y)}


def cost_ticks():
    """The cost axes' tick numbers, main plot and inset alike: the house's one tick form
    (gm.tick_formatter: 0, 0.1, 0.2, never 0.00, 0.10, 0.20)."""
    return gm.tick_formatter()


def _inset(ax, theme, losses):
    """The first EX.early steps on axes of their own, the main plot's cost range (the video's
    inset): the steep fall drawn out, which the main step axis squeezes against its spine."""
    ins = ax.inset_axes(INSET)
    ins.set_gid("inset")
    gm.style_axes(ins, theme)
    t = np.arange(EX.early + 1)
    ins.plot(t, losses[: EX.early + 1], color=theme.beside_classes("accent"), lw=1.3,
             gid="inset-loss")
    ins.set_xlim(-X_PAD * EX.early, EX.early * 1.04)
    ins.set_ylim(ax.get_ylim())
    ins.set_xticks(range(0, EX.early + 1, INSET_STEP))
    # the main axis's form (0.1): one format for one quantity in one figure
    ins.set_yticks(INSET_COST_TICKS)
    ins.yaxis.set_major_formatter(cost_ticks())
    ins.xaxis.set_major_formatter(gm.count_formatter())
    ins.tick_params(labelsize=theme.small_size)
    ins.set_facecolor(theme.background)
    ins.set_title(f"the first {EX.early} steps", fontsize=theme.small_size, pad=3)
    # the plate: the page under the inset, its numbers and its title, in a thin muted frame
    (x0, y0), (x1, y1) = INSET_PLATE
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, transform=ax.transAxes,
                           facecolor=theme.background, edgecolor=theme.muted, linewidth=0.6,
                           zorder=4.5, gid="inset-plate"))
    return ins


def make_figure(theme):
    X, Y, res = EX.run()
    losses = res.train_losses
    fig, (ax, ad) = gm.subplots(theme, 1, 2, height=2.5, width_ratios=(1.15, 1))
    gm.style_axes(ax, theme)
    it = np.arange(losses.size)
    # plain descent's run, in ink beside the classes (theme.beside_classes): the accent is
    # the rust's kin, and the orange curve read as the class-1 triangles' colour
    run = theme.beside_classes("accent")
    ax.plot(it, losses, color=run, lw=1.6, gid="loss")
    ax.plot(0, losses[0], gid="start", **theme.marker("start"))
    ax.plot(it[-1], losses[-1], gid="end", **theme.end(run))
    ax.annotate(f"start: $J = {numbers.cost(losses[0], 'mathtext')}$", (0, losses[0]),
                xytext=(8, -2),
                textcoords="offset points", ha="left", va="top", fontsize=theme.small_size,
                color=theme.text)
    steps = numbers.count(EX.steps).replace(",", "{,}")  # no space after a maths comma
    # by its square, under the curve (which lies above J_end everywhere to its left)
    ax.annotate(f"after $t = {steps}$ steps: $J = {numbers.cost(losses[-1], 'mathtext')}$",
                (it[-1], losses[-1]),
                xytext=(-7, -3), textcoords="offset points", ha="right", va="top",
                fontsize=theme.small_size, color=theme.text, gid="end-label")
    # a thin space between the fraction and the sum, as TeX sets an operator after a fraction
    cost = equations.mathtext("half-mse-loss").replace(r"\sum", r"\,\sum")
    # between the 0.15 and 0.20 gridlines, on a halo; under it what C_i is, in words
    ax.text(0.97, EQ_AT, cost, transform=ax.transAxes,
            ha="right", va="center", fontsize=theme.font_size, color=theme.text, gid="equation",
            path_effects=gm.halo(theme), zorder=5)
    ax.text(0.97, EQ_AT - 0.13, "$C_i$: point $i$’s cost,\nhalf its squared error",
            transform=ax.transAxes, ha="right", va="top", fontsize=theme.small_size,
            color=theme.text, gid="equation-key", path_effects=gm.halo(theme), zorder=5,
            linespacing=1.3)
    ax.set_xticks([t for t in STEP_TICKS if t <= EX.steps])
    ax.set_xlim(-X_PAD * EX.steps, EX.steps * 1.04)
    ax.set_ylim(0, losses[0] * 1.08)
    ax.yaxis.set_major_formatter(cost_ticks())
    ax.xaxis.set_major_formatter(gm.count_formatter())
    ax.set_xlabel(AXIS_LABELS["step"])
    ax.set_ylabel(AXIS_LABELS["training cost"])
    ax.set_title("Training cost per step")
    _inset(ax, theme, losses)

    # The data and the learned boundary: the network's output evaluated on a grid.
    lo, hi = X.min(axis=0) - 0.3, X.max(axis=0) + 0.3
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], 200), np.linspace(lo[1], hi[1], 200))
    out = EX.output_grid(res.net, g0, g1)
    cf = ad.contourf(g0, g1, out, levels=[-np.inf, EX.threshold, np.inf],
                     colors=[theme.class_region(0), theme.class_region(1)], alpha=0.14)
    cf.set_rasterized(True)
    ad.contour(g0, g1, out, levels=[EX.threshold], colors=theme.model, linewidths=1.1)
    cls = Y[:, 0] > EX.threshold
    for k, pick in enumerate((~cls, cls)):  # the house class marks: blue dots, rust triangles
        ad.plot(X[pick, 0], X[pick, 1], label=f"class {k}", gid=f"class{k}",
                **theme.class_marker(k))
    ad.set_xlim(lo[0], hi[0])
    ad.set_ylim(lo[1], hi[1])
    ad.set_aspect("equal")
    ad.set_xticks([])
    ad.set_yticks([])
    gm.frame_map(ad)  # the regions are a map: framed, as every map is
    ad.set_anchor("N")  # its top on the curve's top: one line for both titles
    ad.set_title(f"What it learned: two moons, $n = {EX.n_points}$")
    # the key of the classes' marks and of the boundary, under the map as every map's
    gm.optimizer_legend(ad, theme, "map", handles=[
        *ad.lines, Line2D([], [], color=theme.model, lw=1.1, label="boundary")],
        fontsize=theme.small_size)  # no axis label under it: under its frame
    return fig


if __name__ == "__main__":
    gm.main(__file__)
