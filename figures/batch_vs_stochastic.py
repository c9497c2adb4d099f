"""Full-batch, mini-batch and stochastic descent

Gradient descent on the cost J(m, b) of the {n} points, from (m, b) = ({m0}, {b0}) on the floor
of the long valley of J, with the same rate α = {lr:g} and {steps} steps, but each step's
gradient from a different amount of data: all {n} points (full batch), {mini} points (mini-
batch) or a single point (stochastic), drawn in a seeded shuffled order. Top: the three paths
(seed {seed}) over the shaded contours of J (spaced by a constant factor) from the start (ring),
each ending on its square, the minimum starred. The full-batch path glides smoothly along the
valley floor; the sampled gradients disagree mostly about the slope m, so those paths are thrown
from wall to wall while drifting the same way, the single sample's most. Bottom: J on all {n}
points at every step, on a log scale, averaged over {seeds} seeds at each step (every seed
starts at the same point, so the three curves start at the same J), drawn faint, and strong over
it its moving average over {smooth} steps centred on each step: the full batch's falls smoothly,
the others' stay above it, the single sample's highest. Dotted over the last {last} steps, and
written at the right, the mean over them (one seed's last value is luck): J =
{j_full} (full batch), {j_mini} (mini-batch) and {j_single} (single sample), against J* =
{j_star} at the minimum.

Alt: Three contour maps of the same long, narrow valley side by side, each with one path from a
common start near the top: a smooth straight path down the valley floor, a jagged path that
zig-zags across it, and a path with even wider zig-zags. Below, cost against step on a log
scale: three strong lines from one starting value, each over a faint jagged one, a smooth,
slowly falling one lowest and two wavering ones above it, each ending in a short dotted level
with its value written at the right.
"""

import numpy as np
from matplotlib.lines import Line2D

from gdcore import data, races, regression
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.race_plot import BATCH_J_PLACES, DOT_CASING, batch_colors

RACE = races.BATCH_RACE
#: Widths (points) of the runs' smoothed mean costs, full batch first (on top, the widest).
CURVE_WIDTHS = (1.8, 1.3, 1.3)
#: The raw seed mean under its moving average: thin and faint, there to show the jumps the
#: average smooths, never to be read against it.
RAW_WIDTH = 0.6
RAW_ALPHA = 0.35
#: Layers of the chart: the faint raw means (2 to 4), the strong curves' halos (HALO points of
#: page colour each side), the dotted end levels over those, the strong curves (6 to 8) on top.
HALO, HALO_Z, LEVEL_Z = 1.0, 4.5, 5.0
#: Path widths (points) over the maps, full batch first: the wider a run's throws from wall to
#: wall, the finer its line, so the single sample's many crossings leave the valley floor seen.
PATH_WIDTHS = (1.2, 0.6, 0.35)
#: Decimals of every cost J the figure and its caption write (the settled costs and J*): the
#: video's (race_plot.BATCH_J_PLACES).
J_PLACES = BATCH_J_PLACES


def facts() -> dict:
    full, mini, single = (numbers.text(v, J_PLACES) for v in races.settled_costs(RACE).values())
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    return {"n": x.size, "m0": numbers.text(RACE.start[0]), "b0": numbers.text(RACE.start[1]),
            "lr": RACE.lr, "steps": RACE.steps, "mini": RACE.batch_sizes[1],
            "last": races.BATCH_SUMMARY.last_steps,
            "smooth": races.BATCH_SUMMARY.smooth_steps,
            "seeds": len(races.BATCH_SUMMARY.seeds), "seed": RACE.seed,
            "j_full": full, "j_mini": mini, "j_single": single,
            "j_star": numbers.text(regression.cost(m, b, x, y), J_PLACES)}


def make_figure(theme):
    x, y = data.regression_points()
    runs = races.run_batch_race(RACE)
    summary = races.BATCH_SUMMARY
    means = races.seed_mean_costs(RACE, summary)
    smooth = races.smoothed_costs(RACE, summary)
    settled = races.settled_costs(RACE, summary)
    m_star, b_star = regression.least_squares(x, y)
    j_star = regression.cost(m_star, b_star, x, y)
    fig = gm.new_figure(theme, height=4.7)
    grid = fig.add_gridspec(2, 3, height_ratios=(1.25, 1))
    maps = [fig.add_subplot(grid[0, k]) for k in range(3)]
    aj = fig.add_subplot(grid[1, :])
    (m0, m1), (b0, b1) = RACE.window
    M, B, J = regression.cost_grid(x, y, (m0, m1), (b0, b1), size=300)
    for k, (ax, (label, tr), c) in enumerate(zip(maps, runs.items(), batch_colors(theme))):
        gm.contour_map(ax, theme, M, B, J)  # the house cost map (theme.cost_map), full strength
        path, = ax.plot(tr.points[:, 0], tr.points[:, 1], color=c, lw=PATH_WIDTHS[k], zorder=4,
                        gid=f"path:{label}")
        # on its casing (the optimizer paths'): the colour meets the page colour only, and
        # the finest hatch keeps the casing of a dot (race_plot.DOT_CASING), so the valley
        # floor under the single sample's crossings still shows
        gm.cased_under(ax, path, theme, 3.5, th.CASING if k == 0 else DOT_CASING)
        # the house marks: where the run ended (a square in its colour), start, minimum
        ax.plot(*tr.final, **{**theme.marker("end"), "markerfacecolor": c}, gid=f"end:{label}",
                path_effects=gm.casing(theme))
        ax.plot(*RACE.start, **theme.marker("start"), gid="start")
        ax.plot(m_star, b_star, **theme.marker("minimum"), gid="minimum")
        ax.set_xlim(m0, m1)
        ax.set_ylim(b0, b1)
        ax.set_xlabel(th.AXIS_LABELS["slope"])
        if k == 0:
            ax.set_ylabel(th.AXIS_LABELS["intercept"])
        else:
            ax.tick_params(labelleft=False)
        ax.set_title(th.title(label).replace(" (", "\n("))
        # J per step: the mean of the seeds' runs at each step (all start at the same J),
        # faint, and its moving average strong over it
        steps = np.arange(means[label].size)
        aj.plot(steps, means[label], color=c, lw=RAW_WIDTH, alpha=RAW_ALPHA,
                gid=f"raw-cost:{label}", zorder=4 - k)
        strong, = aj.plot(steps, smooth[label], color=c, lw=CURVE_WIDTHS[k],
                          label=label, gid=f"cost:{label}", zorder=8 - k)
        # its halo, the page colour, apart beneath (cased_under): it parts the strong curve
        # from the faint ones, while the dotted levels between lie whole over it
        gm.cased_under(aj, strong, theme, HALO_Z, HALO)
        # the end value: that mean over the last steps, a level segment over them, its
        # number in ink at the right of the chart; a reference: beneath the strong curves, on
        # no casing of its own (no curve is cut where it crosses)
        last = np.arange(RACE.steps - summary.last_steps + 1, RACE.steps + 1)
        # in ink: in the run's colour it would vanish in the run's own jumps
        aj.plot(last, np.full(last.size, settled[label]),
                **theme.line("reference", color=theme.text, linewidth=1.1,
                             gid=f"settled:{label}", zorder=LEVEL_Z))
        aj.annotate(numbers.text(settled[label], J_PLACES), (1, settled[label]),
                    xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", ha="left", va="center",
                    fontsize=theme.small_size, color=theme.text, gid=f"end-value:{label}")

    gm.style_axes(aj, theme)
    aj.axhline(j_star, **theme.line("reference", color=theme.good, linewidth=0.9, gid="j-star"))
    aj.text(RACE.steps * 0.01, j_star * 1.12, "minimum $J^*$", ha="left", va="bottom",
            fontsize=theme.small_size, color=theme.good, gid="j-star-label")
    # J* in the column of end values, written as they are
    aj.annotate(numbers.text(j_star, J_PLACES), (1, j_star), xycoords=("axes fraction", "data"),
                xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                fontsize=theme.small_size, color=theme.good, gid="j-star-value")
    aj.set_yscale("log")
    # the legend goes under the axes: no head room kept for it
    top = max(float(m.max()) for m in means.values())
    aj.set_ylim(None, top * 1.5)
    aj.set_xlim(0, RACE.steps)
    aj.set_xlabel(th.AXIS_LABELS["step"])
    aj.set_ylabel(th.AXIS_LABELS["cost"])
    # what the curves are, said once in a short title; the dotted levels keyed in the legend
    aj.text(0, 1.03, f"$J$, mean of {len(summary.seeds)} seeds (faint), "
            f"smoothed over {summary.smooth_steps} steps (strong)", transform=aj.transAxes,
            ha="left", va="bottom", fontsize=theme.small_size, color=theme.text, gid="key")
    level = Line2D([], [], **theme.line("reference", color=theme.text, linewidth=1.1))
    runs_keyed, names = aj.get_legend_handles_labels()
    gm.optimizer_legend(aj, theme, "curves", handles=[*runs_keyed, level],
                        labels=[*names, f"mean of the last {summary.last_steps} steps"],
                        ncols=2)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
