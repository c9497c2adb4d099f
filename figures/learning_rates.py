"""Three learning rates

The same gradient descent as before, from the same start, with three learning rates. Too small
(α = {lr_small}): every step is safe but tiny, and after {steps} steps the path has crawled only
part of the way along the valley floor; J is still {j_small}. Good (α = {lr_good}): the path
crosses the valley in a few steps and slides down it to J = {j_good}. Too large (α = {lr_large},
above the limit 2/h_max ≈ {limit} of this data, h_max ≈ {h_max} being the largest curvature
of J, the largest eigenvalue of its Hessian): each step jumps across the valley to the far
wall and lands {growth} times as far from the floor as it started, so the path zig-zags ever
wider, leaves the map at step {exit_step}, and its cost, which goes with the square of that
distance, grows about {growth2} times a step and leaves the plotted range at step {leaves}: the
run diverges from its first step.

Alt: Top, three contour maps of the same long valley, each with a descent path from the same
start. Left, a short path that turns into the valley and stops far from the minimum at a small
square. Middle, a path that reaches the minimum and ends there: the star sits on a square a
little larger than itself, the run's end mark. Right, dots where the large rate's steps land,
two rows on the two walls of the valley that march outward until they leave the map at the
right edge, and a box around the first {shown} steps. Middle row, the cost per step of the
three runs on log axes: the small rate falls slowly, the good one reaches the minimum, the
large one climbs out of the top of the plot. Bottom left, the box enlarged: arrows that jump
back and forth across the valley, each longer than the last, the older ones fainter. Bottom
middle, the distance across the valley after each of the large rate's first steps: bars that
alternate above and below zero, each {growth} times as long as the last. Bottom right, the
factor per step across the valley against the learning rate: a V that crosses 1 at the limit
{limit}; the good and small rates sit below 1, the large one just above it; a note in the red
zone gives h_max, the largest curvature of J.
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.ticker import NullLocator
from matplotlib.transforms import offset_copy

from gdcore import data, descent, races, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th
from gdviz import views
from gdviz.race_plot import DOT_CASING

WINDOW = (views.M_RANGE, views.B_RANGE)
#: Decimals of the distance's growth per step |1 − α h_max| (1.042) and of J's, its square
#: (1.09): at two decimals the first would read 1.04, and 1.04² ≈ 1.08, not 1.09.
GROWTH_PLACES, J_GROWTH_PLACES = 3, 2
#: Layout (axes fractions): where the cost panel's divergence note starts, in its empty top
#: left. ALPHA_MAX: the right end of the factor panel, room right of the large rate for its
#: words. ZOOM_PAD: the zoom's margin around the large rate's first steps (fraction of their
#: extent per axis).
NOTE_AT = (0.03, 0.95)
ALPHA_MAX = 0.23
#: The exit cross on the large rate's map: its size and stroke (points).
ZOOM_PAD = (0.04, 0.1)


def runs() -> list[tuple[str, float, descent.Trajectory]]:
    """(name, rate, trajectory) of each of the three rates, in COST_DESCENT.learning_rates order."""
    trs = COST_DESCENT.run_learning_rates()
    return [(name, lr, trs[name]) for name, lr in COST_DESCENT.learning_rates]


def drawn_path(points) -> np.ndarray:
    """The part of a path drawn on the map: up to its FIRST exit, ending on the map's edge."""
    return races.clip_polyline(points, WINDOW)[0]


def facts() -> dict:
    (_, small, ts), (_, good, tg), (_, large, tl) = runs()
    return dict(lr_small=nb.text(small), lr_good=nb.text(good), lr_large=nb.text(large),
                steps=nb.count(COST_DESCENT.steps), shown=COST_DESCENT.shown_steps,
                limit=nb.text(COST_DESCENT.max_stable_rate, places=3),
                h_max=nb.text(2.0 / COST_DESCENT.max_stable_rate, places=1),
                j_small=nb.cost(ts.losses[-1]),
                j_good=nb.cost(tg.losses[-1]),
                growth=nb.text(COST_DESCENT.growth_factor, places=GROWTH_PLACES),
                growth2=nb.text(COST_DESCENT.growth_factor**2, places=J_GROWTH_PLACES),
                exit_step=len(drawn_path(tl.points)) - 1, leaves=COST_DESCENT.leaves_plot(tl))


def colours(theme) -> dict:
    """One colour per rate, each its own (theme.rates), never a role's: the colour of its
    marks (paths, dots, arrows, the cost curve) only; its name and numbers are set in ink."""
    return {name: theme.rate(name) for name in th.RATE_NAMES}


def label(name: str, lr: float) -> str:
    """The legend and title text of a run: its verdict and rate."""
    return name + ", " + nb.hyper(r"\alpha", lr, "mathtext")


def _map(ax, theme, M, B, J, first: bool):
    gm.contour_map(ax, theme, M, B, J)
    x, y = data.regression_points()
    ax.plot(*regression.least_squares(x, y), **theme.marker("minimum"))
    ax.set_xlim(*views.M_RANGE)
    ax.set_ylim(*views.B_RANGE)
    ax.set_xlabel(th.AXIS_LABELS["slope"])
    if first:
        ax.set_ylabel(th.AXIS_LABELS["intercept"])
    else:
        ax.tick_params(labelleft=False)


def _first_steps(ax, theme, pts, n):
    """The large rate's first n steps as thin arrows from wall to wall, each landing a dot,
    fainter the older they are (the last one full strength), each on its casing (gm.casing)
    over the map."""
    c = theme.rate("too large")
    for k in range(n):
        age = 0.3 + 0.7 * k / max(n - 1, 1)
        ax.add_patch(FancyArrowPatch(pts[k], pts[k + 1], arrowstyle="-|>", mutation_scale=5,
                                     color=c, alpha=age, linewidth=0.6, shrinkA=0, shrinkB=0,
                                     zorder=4, gid=f"jump-{k + 1}",
                                     path_effects=gm.casing(theme, width=DOT_CASING)))
        ax.plot(*pts[k + 1], "o", color=c, alpha=age, markersize=2.4, mec="none", zorder=5,
                path_effects=gm.casing(theme, width=DOT_CASING))


def zoom_window(pts, n) -> tuple[tuple[float, float], tuple[float, float]]:
    """The zoom's (m range, b range): the first n steps' points with ZOOM_PAD around them."""
    return gm.padded_box(pts[: n + 1], ZOOM_PAD)


def _zoom(zx, ax, theme, M, B, J, pts, n):
    """A panel of its own (never over a map): the first n steps' box, stretched across the
    valley so that each jump shows apart from the next, on the map's colours and levels; the
    box marked on the large rate's map."""
    (m0, m1), (b0, b1) = zoom_window(pts, n)
    x, y = data.regression_points()
    Mz, Bz, Jz = regression.cost_grid(x, y, (m0, m1), (b0, b1), views.GRID_SIZE)
    gm.contour_map(zx, theme, Mz, Bz, Jz, span=(J.min(), J.max()))
    zx.set_xlim(m0, m1)
    zx.set_ylim(b0, b1)
    _first_steps(zx, theme, pts, n)
    zx.plot(*pts[0], **(theme.marker("start") | {"markersize": 6, "zorder": 6}))
    zx.set_xlabel(th.AXIS_LABELS["slope"])
    zx.set_ylabel(th.AXIS_LABELS["intercept"])
    ax.add_patch(Rectangle((m0, b0), m1 - m0, b1 - b0, fill=False, edgecolor=theme.text,
                           linewidth=0.8, zorder=5, gid="zoom-box"))
    return zx


def make_figure(theme):
    x, y = data.regression_points()
    cols = colours(theme)
    results = runs()
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    n_shown = COST_DESCENT.shown_steps
    growth = COST_DESCENT.growth_factor

    fig = gm.new_figure(theme, height=7.4)
    fig.get_layout_engine().set(hspace=0.06)
    gs = fig.add_gridspec(3, 6, height_ratios=(1.3, 0.9, 0.85))
    for k, (name, lr, traj) in enumerate(results):
        ax = fig.add_subplot(gs[0, 2 * k: 2 * k + 2])
        _map(ax, theme, M, B, J, k == 0)
        pts = drawn_path(traj.points)
        if traj.diverged:
            # on the map only where each step lands, up to the exit (lines from wall to wall
            # would fill a wedge); the first steps, one arrow each, in the zoomed inset
            # (the last point is where the path crosses the edge, not a landing: the exit
            # cross marks it, no dot half cut by the spine)
            dots, = ax.plot(pts[:, 0], pts[:, 1], "o", color=cols[name], markersize=2.2,
                            mec="none", zorder=3, gid=f"path-{name}", markevery=slice(0, -1))
            gm.cased_under(ax, dots, theme, 2.5, DOT_CASING).set_markevery(slice(0, -1))
            large_map = ax
            # the exit cross marks the map's edge where the path leaves: drawn whole and
            # inside the frame, nudged in from the spine by its own half-width (in points)
            (m0, m1), (b0, b1) = WINDOW
            ex, ey = pts[-1]
            left = theme.marker("left") | {"markerfacecolor": cols[name]}
            half = left["markersize"] / 2 + left["markeredgewidth"]  # the cross and its rim
            dx = -half if np.isclose(ex, m1) else half if np.isclose(ex, m0) else 0.0
            dy = -half if np.isclose(ey, b1) else half if np.isclose(ey, b0) else 0.0
            ax.plot(ex, ey, **left, clip_on=False, gid="exit-too large",
                    transform=offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points"))
            ax.text(0.96, 0.96, f"the path leaves the map\nat step {len(pts) - 1}; its "
                    "first steps:\nthe box, below", transform=ax.transAxes, ha="right",
                    va="top", fontsize=theme.small_size, color=theme.text)
        else:
            path, = ax.plot(pts[:, 0], pts[:, 1], color=cols[name], linewidth=1.1, zorder=3,
                            gid=f"path-{name}")
            gm.cased_under(ax, path, theme, 2.5)
            # the end square at the last point; on the minimum, beside the star
            gm.end_at(ax, theme, tuple(pts[-1]), {**theme.marker("end"), "markerfacecolor":
                                                  cols[name]},
                      star_xy=regression.least_squares(x, y), gid=f"end-{name}", before=pts,
                      path_effects=gm.casing(theme))
            j = traj.losses[-1]  # to three significant digits, as every readout of J
            ax.text(0.96, 0.96, f"after {nb.count(traj.steps)} steps\n"
                    f"$J = {nb.cost(j, 'latex')}$", transform=ax.transAxes,
                    ha="right", va="top", fontsize=theme.small_size, color=theme.text)
        ax.plot(*traj.points[0], **theme.marker("start"))
        ax.set_title(th.title(label(name, lr)), fontsize=theme.font_size, color=theme.text)

    # Middle: J per iteration for the three rates.
    jx = fig.add_subplot(gs[1, :])
    gm.style_axes(jx, theme)
    top = COST_DESCENT.plot_top(results[0][2])
    for name, lr, traj in results:
        jx.plot(np.arange(len(traj.losses)), traj.losses, color=cols[name], linewidth=1.4,
                label=label(name, lr), gid=f"cost-{name}")
        leaves = COST_DESCENT.leaves_plot(traj)
        if leaves is not None:
            # the words in the empty top left (the curves there are near J = 10), an arrow
            # to where the cost leaves the top: no word on the curve
            jx.annotate(f"$J$ leaves the plotted range at step {leaves}:\n"
                        f"$J$ grows "
                        f"× {nb.text(growth**2, places=J_GROWTH_PLACES)} "
                        f"($\\approx {nb.latex(growth, places=GROWTH_PLACES)}^2$) per step, "
                        "without bound",
                        (leaves, top), xytext=NOTE_AT, textcoords="axes fraction", ha="left",
                        va="top", fontsize=theme.small_size, color=theme.text, gid="leaves-note",
                        arrowprops=dict(arrowstyle="-|>", color=theme.text, lw=0.7,
                                        mutation_scale=6, shrinkA=3, shrinkB=1,
                                        relpos=(1.0, 0.5)))
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    jx.axhline(j_best, **theme.line("reference", color=theme.good, linewidth=0.9, zorder=1),
               label=f"minimum $J^{{*}} = {nb.latex(j_best, places=4)}$")
    gm.cost_per_iteration_axes(jx, COST_DESCENT.steps, j_best / 2, top)
    jx.yaxis.set_minor_locator(NullLocator())
    gm.optimizer_legend(jx, theme, "curves", fontsize=theme.small_size)

    # Bottom left: the large rate's distance across the valley, step by step.
    large = results[-1][2]
    d = COST_DESCENT.across_valley(large)[: n_shown + 1]
    zx = _zoom(fig.add_subplot(gs[2, :2]), large_map, theme, M, B, J, large.points, n_shown)
    zx.set_title(th.title(f"the box: its first {COST_DESCENT.shown_steps} jumps"),
                 fontsize=theme.font_size, color=theme.text)
    sx = fig.add_subplot(gs[2, 2:4])
    gm.style_axes(sx, theme)
    t = np.arange(d.size)
    sx.bar(t, d, width=0.5, color=cols["too large"], gid="swings")
    env = abs(d[0]) * growth ** np.linspace(0, n_shown, 50)
    for s in (1, -1):
        sx.plot(np.linspace(0, n_shown, 50), s * env, **theme.line("reference", color=theme.muted),
                linewidth=0.8)
    sx.axhline(0, color=theme.muted, linewidth=0.8)
    sx.set_xticks(t)
    sx.set_xlabel(th.AXIS_LABELS["step"])
    sx.set_ylabel("across the valley")
    lim = 1.25 * abs(d).max()
    sx.set_ylim(-lim, lim)
    # the quantity that grows, by how much, per what (J, its square, grows × 1.09: the note)
    sx.set_title(th.title(f"distance × ${nb.latex(-growth, places=GROWTH_PLACES)}$ a step"),
                 fontsize=theme.font_size, color=theme.text)

    # Bottom right: the factor per step across the valley against α, the limit marked.
    fx = fig.add_subplot(gs[2, 4:])
    gm.style_axes(fx, theme)
    lam = 2.0 / COST_DESCENT.max_stable_rate
    a = np.linspace(0, ALPHA_MAX, 200)
    fx.plot(a, np.abs(1 - a * lam), color=theme.muted, linewidth=1.0)
    fx.axhline(1, **theme.line("reference", color=theme.muted, linewidth=0.6))
    fx.axvspan(COST_DESCENT.max_stable_rate, ALPHA_MAX, color=theme.error, alpha=0.12, lw=0)
    fx.axvline(COST_DESCENT.max_stable_rate,
               **theme.line("reference", color=theme.error, linewidth=0.8))
    limit = nb.latex(COST_DESCENT.max_stable_rate, places=3)
    fx.annotate(f"limit\n$2/h_{{\\max}} \\approx {limit}$",
                (COST_DESCENT.max_stable_rate, 1.68),
                xytext=(-3, 0), textcoords="offset points", ha="right", va="top",
                fontsize=theme.small_size, color=theme.error, gid="limit-note")
    # h_max in the figure's words, with its value, in the empty foot of the red zone
    fx.annotate(f"$h_{{\\max}} \\approx {nb.latex(lam, places=1)}$,\n$J$'s largest\n"
                "curvature",
                (COST_DESCENT.max_stable_rate, 0.0), xytext=(3, 3), textcoords="offset points",
                ha="left",
                va="bottom", fontsize=theme.small_size, color=theme.text, gid="h-max-note")
    for name, lr, _ in results:
        f = abs(1 - lr * lam)
        fx.plot([lr], [f], "o", color=cols[name], markersize=5, zorder=5, gid=f"rate-{name}")
        # beside the point, clear of the V's arms and the dotted lines by 2 pt or more: the
        # large rate right of the limit, under the V's arm; the good rate above-left of its
        # point, between the arms; the small rate on one line above the dotted 1, under the
        # limit's note
        sep = "\n"
        if f > 1:
            xytext, ha, va = (4, -8), "left", "top"
        elif f > 0.6:
            xytext, ha, va, sep = (3, 17), "left", "bottom", " "
        else:
            xytext, ha, va = (-3, 5), "right", "bottom"
        fx.annotate(f"{name}{sep}{nb.text(f, places=GROWTH_PLACES)}", (lr, f), xytext=xytext,
                    textcoords="offset points", ha=ha, va=va,
                    fontsize=theme.small_size, color=theme.text)
    fx.set_xlim(0, ALPHA_MAX)
    fx.set_ylim(0, 1.72)
    fx.set_yticks([0, 0.5, 1.0, 1.5])
    fx.set_xlabel(th.AXIS_LABELS["rate"])
    fx.set_ylabel(r"factor $|1 - \alpha h_{\max}|$")
    fx.set_title(th.title("factor per step against $\\alpha$"), fontsize=theme.font_size,
                 color=theme.text)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
