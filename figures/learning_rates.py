"""Three learning rates

The same gradient descent as before, from the same start, with three learning rates. Too small
(α = {lr_small}): every step is safe but tiny, and after {steps} steps the path has crawled only
part of the way along the valley floor; J is still {j_small}. Good (α = {lr_good}): the path
crosses the valley in a few steps and slides down it to J = {j_good}. Too large (α = {lr_large},
above the limit 2/h_max ≈ {limit} of this data, h_max ≈ {h_max} being the largest curvature of
J, the largest eigenvalue of its Hessian): each step jumps across the valley to the far wall and
lands {growth} times as far from the floor as it started, so the path zig-zags ever wider (the
map shows the first jump there and back as arrows, then only each landing, as a dot; a cross
marks the last landing on the map) and leaves the map at step
{exit_step}; its cost, which goes with the square of that distance, grows about
{growth2} ≈ {growth}² times a step, without bound, and passes 10⁵, the top of the plot, at step
{leaves}: the run diverges from its first step. Bottom right, that factor per step across the
valley, |1 − α h_max|, against the rate: below 1 the distance shrinks, above it (right of the
limit) it grows.

Alt: Top, three contour maps of the same long valley, each with a descent path from the same
start. Left, a short path that turns into the valley and stops far from the minimum at a small
hollow square. Middle, a path that reaches the minimum and ends there: its end mark, a hollow
square in its colour, frames the star. Right, two straight arrows side by side for the large
rate's first two steps, across the valley and back, then dots where its steps land, two rows on
the two walls of the valley marching outward towards the right edge, where a cross marks the
last landing on the map; the words say it leaves the map at step {exit_step}. Bottom left, the
cost per step of the three runs on log axes: the small rate falls slowly, the good one reaches
the minimum, the large one climbs out of the top of the plot, at J = 10⁵, where a short note
gives its growth per step; the key under the figure names the runs and the marks (start ring;
end, a hollow square, in its run's colour on the maps, framing the star where the run ends on
it; the minimum, its star on the dotted line of the least cost J*; the exit cross). Bottom
right, the factor per step across the valley against the learning rate: a V that crosses 1 at
the limit {limit}, the grey zone beyond it; the small rate ({f_small}) and the good one
({f_good}) sit below 1, the large one just above it ({growth}), each named beside its dot; the
limit is written on the stable side, above the 1.
"""

import numpy as np
from matplotlib.lines import Line2D
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
#: left. ALPHA_MAX: the right end of the factor panel, where the V's right arm leaves its top.
NOTE_AT = (0.03, 0.95)
ALPHA_MAX = 0.19
#: The top of the factor panel: room over the dotted 1 for the words of the stable side.
Y_TOP = 1.9
#: The paths that stay on the map, and their casings (points): a little wider than the races'
#: (race_plot.PATH_WIDTH, theme.CASING), one run to a map, so the too small azure reads over
#: the dark map's blue as clearly as the good rate's orange.
PATH_WIDTH, PATH_CASING = 1.5, 0.75
#: The large rate's first JUMPS steps drawn as thin straight arrows from wall to wall
#: (JUMP_WIDTH points; a step is a straight jump), the jump there and the jump back, which run
#: almost on one line, each in a lane of its own (gm.step_lanes, JUMP_LANE points apart); the
#: later ones only as dots where they land, two rows marching out along the two walls: the
#: crossings from wall to wall run almost on one line, and even as faint hairlines fourteen of
#: them filled in to a hatched wedge that hid the start and the count of the steps.
JUMPS, JUMP_WIDTH, JUMP_LANE = 2, 0.7, 3.0


def runs() -> list[tuple[str, float, descent.Trajectory]]:
    """(name, rate, trajectory) of each of the three rates, in COST_DESCENT.learning_rates order."""
    trs = COST_DESCENT.run_learning_rates()
    return [(name, lr, trs[name]) for name, lr in COST_DESCENT.learning_rates]


def drawn_path(points) -> np.ndarray:
    """The part of a path drawn on the map: up to its FIRST exit, ending on the map's edge."""
    return races.clip_polyline(points, WINDOW)[0]


def factor(lr: float) -> float:
    """The factor |1 − α h_max| by which a step of rate lr scales the distance across the
    valley (h_max = 2 / COST_DESCENT.max_stable_rate)."""
    return abs(1 - lr * 2.0 / COST_DESCENT.max_stable_rate)


def facts() -> dict:
    (_, small, ts), (_, good, tg), (_, large, tl) = runs()
    return dict(lr_small=nb.text(small), lr_good=nb.text(good), lr_large=nb.text(large),
                steps=nb.count(COST_DESCENT.steps),
                limit=nb.text(COST_DESCENT.max_stable_rate, places=3),
                h_max=nb.text(2.0 / COST_DESCENT.max_stable_rate, places=1),
                j_small=nb.cost(ts.losses[-1]),
                j_good=nb.cost(tg.losses[-1]),
                growth=nb.text(COST_DESCENT.growth_factor, places=GROWTH_PLACES),
                f_small=nb.text(factor(small), places=GROWTH_PLACES),
                f_good=nb.text(factor(good), places=GROWTH_PLACES),
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
    gm.map_box(ax)  # the house shape of a map of J(m, b)
    ax.set_xlabel(th.AXIS_LABELS["slope"])
    if first:
        ax.set_ylabel(th.AXIS_LABELS["intercept"])
    else:
        ax.tick_params(labelleft=False)


def make_figure(theme):
    x, y = data.regression_points()
    cols = colours(theme)
    results = runs()
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    growth = COST_DESCENT.growth_factor

    fig = gm.new_figure(theme, height=5.6)
    gs = fig.add_gridspec(2, 6, height_ratios=(1.3, 1.0))
    # the maps in a row of their own, so the bottom panels' labels do not move their gaps
    row = gs[0, :].subgridspec(1, 3)
    for k, (name, lr, traj) in enumerate(results):
        ax = fig.add_subplot(row[0, k])
        _map(ax, theme, M, B, J, k == 0)
        pts = drawn_path(traj.points)
        if traj.diverged:
            # on the map only where each step lands, up to the last inside it, as a dot (lines
            # from wall to wall, even hairlines, fill in to a wedge); the last landing inside
            # takes the exit cross (the next step lands off the map), no dot beyond it
            inside = pts[:-1]
            n_jumps = min(JUMPS, len(pts) - 2)
            dots, = ax.plot(inside[:, 0], inside[:, 1], "o", color=cols[name], markersize=2.2,
                            mec="none", zorder=3, gid=f"path-{name}", markevery=slice(0, -1))
            gm.cased_under(ax, dots, theme, 2.5, DOT_CASING).set_markevery(slice(0, -1))
            left = theme.marker("left") | {"markerfacecolor": cols[name]}
            ax.plot(*inside[-1], **left, gid="exit-too large")
            for k, (sx, sy) in enumerate(gm.step_lanes(ax, pts[:n_jumps + 2], JUMP_LANE,
                                                       n_jumps)):
                lane = offset_copy(ax.transData, fig=fig, x=sx, y=sy, units="points")
                ax.annotate("", pts[k + 1], xytext=pts[k], xycoords=lane, textcoords=lane,
                            gid=f"jump-{k + 1}", zorder=2.5,
                            arrowprops=dict(arrowstyle="-|>", color=cols[name], lw=JUMP_WIDTH,
                                            mutation_scale=7, shrinkA=3, shrinkB=3))
            # as the other two maps say where their runs end: where this one leaves
            ax.text(0.96, 0.96, f"leaves the map\nat step {len(pts) - 1}",
                    transform=ax.transAxes, ha="right", va="top", gid="exit-note",
                    fontsize=theme.small_size, color=theme.text, path_effects=gm.halo(theme))
        else:
            path, = ax.plot(pts[:, 0], pts[:, 1], color=cols[name], linewidth=PATH_WIDTH,
                            zorder=3, gid=f"path-{name}", solid_joinstyle="round",
                            solid_capstyle="round")
            gm.cased_under(ax, path, theme, 2.5, PATH_CASING)
            # the end square at the last point; on the minimum, hollow, framing the star
            gm.end_at(ax, theme, tuple(pts[-1]), theme.end(cols[name]),
                      star_xy=regression.least_squares(x, y), gid=f"end-{name}")
            j = traj.losses[-1]  # to three significant digits, as every readout of J
            ax.text(0.96, 0.96, f"after {nb.count(traj.steps)} steps\n"
                    f"$J = {nb.cost(j, 'latex')}$", transform=ax.transAxes,
                    ha="right", va="top", fontsize=theme.small_size, color=theme.text,
                    path_effects=gm.halo(theme))  # a readout over level lines: on a halo
        ax.plot(*traj.points[0], **theme.marker("start"))
        ax.set_title(th.title(label(name, lr)), fontsize=theme.font_size, color=theme.text)

    # Bottom left: J per step for the three rates.
    jx = fig.add_subplot(gs[1, :4])
    gm.style_axes(jx, theme)
    top = COST_DESCENT.plot_top(results[0][2])
    for name, lr, traj in results:
        jx.plot(np.arange(len(traj.losses)), traj.losses, color=cols[name], linewidth=1.4,
                label=label(name, lr), gid=f"cost-{name}")
        leaves = COST_DESCENT.leaves_plot(traj)
        if leaves is not None:
            # the words in the empty top left (the curves there are near J = 10), an arrow
            # to where the cost leaves the top: no word on the curve
            jx.annotate(f"$J$ passes $10^{{{round(np.log10(top))}}}$ at step {leaves}:\n"
                        f"× {nb.text(growth**2, places=J_GROWTH_PLACES)} per step",
                        (leaves, top), xytext=NOTE_AT, textcoords="axes fraction", ha="left",
                        va="top", fontsize=theme.small_size, color=theme.text, gid="leaves-note",
                        arrowprops=dict(arrowstyle="-|>", color=theme.text, lw=0.7,
                                        mutation_scale=6, shrinkA=3, shrinkB=1,
                                        relpos=(1.0, 0.5)))
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    # the least cost: a dotted level in ink, as in every figure (the minimum is ink)
    j_line = jx.axhline(j_best, **theme.line("reference", color=theme.least_cost, linewidth=0.9,
                                             zorder=1, gid="j-star"))
    gm.cost_per_iteration_axes(jx, COST_DESCENT.steps, j_best / 2, top)
    jx.yaxis.set_minor_locator(NullLocator())
    # the maps' marks keyed with the runs (the maps have no room under them): the start ring,
    # the end square, the minimum's star and the cross where the large rate leaves the map
    # the minimum keyed once: the maps' star on the cost panel's dotted J* line
    star = Line2D([], [], ls="none", **theme.marker("minimum"))
    marks = [Line2D([], [], ls="none", label="start", **theme.marker("start")),
             Line2D([], [], ls="none", label="end", **theme.end(theme.muted)),
             Line2D([], [], ls="none", label="leaves the map",
                    **{**theme.marker("left"), "markerfacecolor": cols["too large"]})]
    # one key for the figure, in one strip centred under both bottom panels (it keys the maps
    # as well as the cost curves: hung under the cost panel alone it sat off to the left)
    handles, labels = jx.get_legend_handles_labels()
    fig.legend(handles=[*handles, (j_line, star), *marks],
               labels=[*labels, f"minimum, $J^{{*}} = {nb.cost(j_best, 'latex')}$",
                       *(m.get_label() for m in marks)],
               loc="outside lower center", ncols=3, frameon=False, fontsize=theme.small_size,
               columnspacing=1.2)

    # Bottom right: the factor per step across the valley against α, the limit marked.
    fx = fig.add_subplot(gs[1, 4:])
    gm.style_axes(fx, theme)
    lam = 2.0 / COST_DESCENT.max_stable_rate
    a = np.linspace(0, ALPHA_MAX, 200)
    fx.plot(a, np.abs(1 - a * lam), color=theme.muted, linewidth=1.0)
    fx.axhline(1, **theme.line("reference", color=theme.muted, linewidth=0.6))
    # the limit and the unstable side in ink and grey: the error red sat beside the too-large
    # rate's pink, two near hues of two meanings
    fx.axvspan(COST_DESCENT.max_stable_rate, ALPHA_MAX, color=theme.muted, alpha=0.12, lw=0)
    fx.axvline(COST_DESCENT.max_stable_rate,
               **theme.line("reference", color=theme.text, linewidth=0.8))
    # every word left of the limit, above the dotted 1 (the empty stable side: the V is
    # under 1 there), none in the grey zone: the limit's note at the top, h_max defined
    # under it in the same note (the largest curvature of J)
    limit = nb.latex(COST_DESCENT.max_stable_rate, places=3)
    fx.annotate(f"limit $2/h_{{\\max}} \\approx {limit}$\n"
                f"$h_{{\\max}}$: the largest\ncurvature of $J$",
                (COST_DESCENT.max_stable_rate, Y_TOP),
                xytext=(-3, -2), textcoords="offset points", ha="right", va="top",
                fontsize=theme.small_size, color=theme.text, gid="limit-note")
    for name, lr, _ in results:
        f = factor(lr)
        fx.plot([lr], [f], "o", color=cols[name], markersize=5, zorder=5, gid=f"rate-{name}")
        # each beside its dot, 2 pt or more clear of the V's arms and the dotted lines: the
        # large rate up-left of its dot (left of the limit, out of the grey zone), the good
        # rate above-left between the arms, the small rate right of its dot, under the 1
        sep = " "
        if f > 1:
            xytext, ha, va = (-5, 3), "right", "bottom"
        elif f > 0.6:
            xytext, ha, va = (5, 2.5), "left", "center"
        else:  # on two lines: one would reach the V's left arm (the arms are 50 points
            # apart there) or, to the right of the dot, cross the limit
            xytext, ha, va, sep = (-3, 4), "right", "bottom", "\n"
        fx.annotate(f"{name}{sep}{nb.text(f, places=GROWTH_PLACES)}", (lr, f), xytext=xytext,
                    textcoords="offset points", ha=ha, va=va, gid=f"rate-label-{name}",
                    fontsize=theme.small_size, color=theme.text)
    fx.set_xlim(0, ALPHA_MAX)
    fx.set_ylim(0, Y_TOP)
    fx.set_yticks([0, 0.5, 1.0, 1.5])
    fx.set_xlabel(th.AXIS_LABELS["rate"])
    fx.set_ylabel(r"factor $|1 - \alpha h_{\max}|$")
    fx.set_title(th.title("factor per step against $\\alpha$"), fontsize=theme.font_size,
                 color=theme.text)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
