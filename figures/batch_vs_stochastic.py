"""Full-batch, mini-batch and stochastic descent

Gradient descent on the cost J(m, b) of the {n} points, from (m, b) = ({m0}, {b0}) on the floor
of the long valley of J, with the same rate α = {lr:g} and {steps} steps, but each step's
gradient from a different amount of data: all {n} points (full batch), {mini} points
(mini-batch) or a single point (stochastic), drawn in a seeded shuffled order. Top: the three
paths (the sampled runs' of seed {seed}, as their titles say) over the shaded contours of J
(spaced by a constant factor) from the start (ring), each ending on its square, the minimum
starred. The full-batch path glides smoothly along the valley floor; the sampled gradients
disagree mostly about the slope m, so those paths are thrown from wall to wall while drifting
the same way, the single sample's most: each is drawn as a faint small dot at its position
after every step, and strong over them its route, the path averaged over {smooth} steps
centred on each step; a key under the maps says so. Bottom: J on all {n} points at every step,
on a log scale, averaged over {seeds} seeds at each step (every seed starts at the same point,
so the three curves start at the same J), drawn faint, and strong over it its moving average
over {smooth} steps centred on each step: the full batch's falls smoothly, the others' stay
above it, the single sample's highest. The chart's title gives the one rate of every run. Its
key names the layers: thin, each step; thick, its {smooth}-step moving average. Dotted
in each run's colour over the last {last} steps, and written at the right beside a short stroke
of that colour, the mean over them (one seed's last value is luck): J = {j_full} (full batch),
{j_mini} (mini-batch) and {j_single} (single sample), against J* = {j_star} at the minimum,
dotted in ink.

Alt: Three contour maps of the same long, narrow valley side by side, each with one path from a
common start near the top: a smooth straight path down the valley floor; a faint haze of small
dots thrown across the valley, under a slightly wavering route down its floor; and a wider
haze under a more wavering route. Under the maps a key: the thick line is the path, for the
sampled runs seed {seed}'s {smooth}-step moving average; the dots, seed {seed}'s position after
each step. Below, cost against step on a log
scale: three strong lines from one starting value, each over a faint jagged one, a smooth,
slowly falling one lowest and two wavering ones above it, each ending in a short dotted level
of its colour, keyed at the right by a stroke of that colour and its value.
"""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory, offset_copy

from gdcore import data, races, regression
from gdviz import mpl as gm
from gdviz import numbers
from gdviz import theme as th
from gdviz.race_plot import batch_colors

RACE = races.BATCH_RACE
#: Widths (points) of the runs' smoothed mean costs, full batch first (on top, the widest).
CURVE_WIDTHS = (1.8, 1.3, 1.3)
#: The raw seed mean under its moving average: thin and faint, there to show the jumps the
#: average smooths, never to be read against it.
RAW_WIDTH = 0.6
RAW_ALPHA, RAW_ALPHA_DARK = 0.35, 0.45
#: Layers of the chart: the faint raw means (2 to 4), the strong curves' halos (HALO points of
#: page colour each side), the dotted end levels over those, the strong curves (6 to 8) on top.
HALO, HALO_Z, LEVEL_Z = 1.0, 4.5, 5.0
#: The runs over the maps: each run's route (its path, the sampled runs' averaged over
#: BATCH_SUMMARY.smooth_steps steps, as their costs are) ROUTE_WIDTH points wide on its casing;
#: under it the sampled runs' position after every step, a small dot each (TRAIL_DOT points),
#: unjoined and uncased, at TRAIL_ALPHA (dark: TRAIL_ALPHA_DARK, where the light share all but
#: vanished on the dark map): one step in nine joined by lines drew chords from wall to wall
#: that no step took, and every step joined drew a dense comb; the dots alone show where the
#: run went and how far it was thrown, and the route shows the way it drifted.
ROUTE_WIDTH = 1.3
TRAIL_ALPHA, TRAIL_ALPHA_DARK, TRAIL_DOT = 0.45, 0.7, 1.8
#: The room (a height ratio beside the maps' 1.25 and the chart's 1) between the maps' axis
#: labels and the chart's title, where the maps' key hangs
MAP_KEY_ROOM = 0.2
#: Z-orders on the maps: the trail, the route's casing, the route, then the marks on top.
Z_TRAIL, Z_CASING, Z_ROUTE, Z_MARKS = 3, 3.5, 4, 6
#: The key of each end value at the right of the chart: a short stroke in the run's colour
#: (points long), between the axes and the number in ink.
TICK_LENGTH = 7
#: Room (points) kept at the chart's right for its end values: their digits ink about 2 points
#: past the box the layout measures for them, which put J*'s last digit over the text width.
VALUE_ROOM = 3.0
#: The layers' keys, in ink. The chart's, one entry each: the faint curve of each step (the
#: seeds' mean cost), its strong moving average. The maps' own, under them: the route (the
#: sampled runs' moving average of the seed their titles name) and the dots of every step.
RAW_KEY = "thin: each step"
SMOOTH_KEY = "thick: {smooth}-step moving average"
ROUTE_KEY = "path (sampled runs: seed {seed}, {smooth}-step moving average)"
TRAIL_KEY = "seed {seed}\u2019s position after each step"


def settled_text(v: float) -> str:
    """A cost (a settled cost, the mean over the last steps; J*) as the chart and the caption
    write it: the book's rule for a cost, three significant figures (0.133, 0.0736, 0.0235,
    J* = 0.00903)."""
    return numbers.cost(v)


def facts() -> dict:
    full, mini, single = (settled_text(v) for v in races.settled_costs(RACE).values())
    x, y = data.regression_points()
    m, b = regression.least_squares(x, y)
    return {"n": x.size, "m0": numbers.text(RACE.start[0]), "b0": numbers.text(RACE.start[1]),
            "lr": RACE.lr, "steps": RACE.steps, "mini": RACE.batch_sizes[1],
            "last": races.BATCH_SUMMARY.last_steps,
            "smooth": races.BATCH_SUMMARY.smooth_steps,
            "seeds": len(races.BATCH_SUMMARY.seeds), "seed": RACE.seed,
            "j_full": full, "j_mini": mini, "j_single": single,
            "j_star": settled_text(regression.cost(m, b, x, y))}


def make_figure(theme):
    x, y = data.regression_points()
    runs = races.run_batch_race(RACE)
    summary = races.BATCH_SUMMARY
    means = races.seed_mean_costs(RACE, summary)
    smooth = races.smoothed_costs(RACE, summary)
    settled = races.settled_costs(RACE, summary)
    m_star, b_star = regression.least_squares(x, y)
    j_star = regression.cost(m_star, b_star, x, y)
    dark = theme.name == "dark"
    trail_alpha = TRAIL_ALPHA_DARK if dark else TRAIL_ALPHA
    raw_alpha = RAW_ALPHA_DARK if dark else RAW_ALPHA
    fig = gm.new_figure(theme, height=4.95)
    # room the layout does not see: the column of end values inks past its measured box
    fig.get_layout_engine().set(rect=(0, 0, 1 - VALUE_ROOM / (72 * fig.get_figwidth()), 1))
    # the maps, a row of room for their key (hung under the middle map, wider than it, so
    # out of the layout), the chart
    grid = fig.add_gridspec(3, 3, height_ratios=(1.25, MAP_KEY_ROOM, 1))
    maps = [fig.add_subplot(grid[0, k]) for k in range(3)]
    aj = fig.add_subplot(grid[2, :])
    (m0, m1), (b0, b1) = RACE.window
    M, B, J = regression.cost_grid(x, y, (m0, m1), (b0, b1), size=300)
    for k, (ax, (label, tr), c) in enumerate(zip(maps, runs.items(), batch_colors(theme))):
        gm.contour_map(ax, theme, M, B, J)  # the house cost map (theme.cost_map), full strength
        pts = tr.points
        if k:
            # the sampled run's position after every step, small faint dots, unjoined: the
            # throws from wall to wall show as a haze along the valley, no chord drawn
            ax.plot(pts[:, 0], pts[:, 1], color=c, linestyle="none", marker="o",
                    markersize=TRAIL_DOT, markeredgewidth=0, alpha=trail_alpha,
                    zorder=Z_TRAIL, gid=f"trail:{label}")
            pts = races.route(pts)
        path, = ax.plot(pts[:, 0], pts[:, 1], color=c, lw=ROUTE_WIDTH, zorder=Z_ROUTE,
                        gid=f"path:{label}", solid_joinstyle="round", solid_capstyle="round")
        # on its casing (the optimizer paths'): the colour meets the page colour only
        gm.cased_under(ax, path, theme, Z_CASING)
        # the house marks: where the run ended (a square in its colour), start, minimum
        ax.plot(*tr.final, **theme.end(c, zorder=Z_MARKS),
                gid=f"end:{label}", path_effects=gm.casing(theme))
        ax.plot(*RACE.start, **(theme.marker("start") | {"zorder": Z_MARKS + 1}), gid="start")
        ax.plot(m_star, b_star, **(theme.marker("minimum") | {"zorder": Z_MARKS + 2}),
                gid="minimum")
        ax.set_xlim(m0, m1)
        ax.set_ylim(b0, b1)
        ax.set_xlabel(th.AXIS_LABELS["slope"])
        if k == 0:
            ax.set_ylabel(th.AXIS_LABELS["intercept"])
        else:
            ax.tick_params(labelleft=False)
        # the sampled runs' map draws one seed's run (the chart, the mean of them all)
        ax.set_title(th.title(label).replace(" (", "\n(") + (f", seed {RACE.seed}" if k else ""))
        # J per step: the mean of the seeds' runs at each step (all start at the same J),
        # faint, and its moving average strong over it
        steps = np.arange(means[label].size)
        aj.plot(steps, means[label], color=c, lw=RAW_WIDTH, alpha=raw_alpha,
                gid=f"raw-cost:{label}", zorder=4 - k)
        strong, = aj.plot(steps, smooth[label], color=c, lw=CURVE_WIDTHS[k],
                          label=label, gid=f"cost:{label}", zorder=8 - k)
        # its halo, the page colour, apart beneath (cased_under): it parts the strong curve
        # from the faint ones, while the dotted levels between lie whole over it
        gm.cased_under(aj, strong, theme, HALO_Z, HALO)
        # the end value: that mean over the last steps, a level over them in the run's
        # colour, and at the right of the chart a short stroke of that colour keying the
        # number in ink beside it; a reference: beneath the strong curves, on no casing of
        # its own (no curve is cut where it crosses)
        last = np.arange(RACE.steps - summary.last_steps + 1, RACE.steps + 1)
        aj.plot(last, np.full(last.size, settled[label]),
                **theme.line("reference", color=c, linewidth=1.1, gid=f"settled:{label}",
                             zorder=LEVEL_Z))
        right = blended_transform_factory(aj.transAxes, aj.transData)
        aj.plot([1], [settled[label]], marker="_", ms=TICK_LENGTH, mew=1.6, color=c,
                clip_on=False, gid=f"end-key:{label}",
                transform=offset_copy(right, fig=fig, x=2 + TICK_LENGTH / 2, units="points"))
        aj.annotate(settled_text(settled[label]), (1, settled[label]),
                    xycoords=("axes fraction", "data"), xytext=(TICK_LENGTH + 4, 0),
                    textcoords="offset points", ha="left", va="center",
                    fontsize=theme.small_size, color=theme.text, gid=f"end-value:{label}")

    gm.style_axes(aj, theme)
    # the least cost, a reference to read the runs against: dotted, in ink (the minimum's
    # green would read as a kin of the mini-batch's), named on the line
    aj.axhline(j_star, **theme.line("reference", color=theme.least_cost, linewidth=0.9,
                                    gid="j-star"))
    aj.text(RACE.steps * 0.01, j_star * 1.12, "minimum $J^*$", ha="left", va="bottom",
            fontsize=theme.small_size, color=theme.text, gid="j-star-label")
    # J* in the column of end values, written as they are
    aj.annotate(settled_text(j_star), (1, j_star), xycoords=("axes fraction", "data"),
                xytext=(TICK_LENGTH + 4, 0), textcoords="offset points", ha="left", va="center",
                fontsize=theme.small_size, color=theme.text, gid="j-star-value")
    aj.set_yscale("log")
    # the legend goes under the axes: no head room kept for it
    top = max(float(m.max()) for m in means.values())
    aj.set_ylim(None, top * 1.5)
    aj.set_xlim(0, RACE.steps)
    aj.set_xlabel(th.AXIS_LABELS["step"])
    aj.set_ylabel(th.AXIS_LABELS["cost"])
    # a short title, with the one rate of every run (the steps are the axis's); what is faint
    # and what strong, the key says
    aj.set_title(th.title(f"mean of {len(summary.seeds)} seeds; every run "
                          + numbers.hyper(r"\alpha", RACE.lr, "mathtext")), gid="key")
    # the chart's key: the runs in a row, under them its layers in ink (each step faint, its
    # moving average strong, the dotted mean of the last steps), column by column
    level = Line2D([], [], **theme.line("reference", color=theme.text, linewidth=1.1))
    raw = Line2D([], [], color=theme.text, lw=RAW_WIDTH, alpha=raw_alpha)
    strong = Line2D([], [], color=theme.text, lw=CURVE_WIDTHS[1])
    (full, mini, single), names = aj.get_legend_handles_labels()
    order = [(full, names[0]), (raw, RAW_KEY),
             (mini, names[1]), (strong, SMOOTH_KEY.format(smooth=summary.smooth_steps)),
             (single, names[2]), (level, f"mean of the last {summary.last_steps} steps")]
    gm.optimizer_legend(aj, theme, "curves", handles=[h for h, _ in order],
                        labels=[n for _, n in order], ncols=3)
    # the maps' own key, in ink, in one row under them: which line is the route and what the
    # dots are (the chart's key speaks of the seeds' mean, the maps of one seed)
    route_key = Line2D([], [], color=theme.text, lw=ROUTE_WIDTH)
    dots_key = Line2D([], [], color=theme.text, linestyle="none", marker="o",
                      markersize=TRAIL_DOT * 1.5, markeredgewidth=0, alpha=trail_alpha)
    key = gm.optimizer_legend(maps[1], theme, "curves", handles=[route_key, dots_key],
                              labels=[ROUTE_KEY.format(seed=RACE.seed,
                                                       smooth=summary.smooth_steps),
                                      TRAIL_KEY.format(seed=RACE.seed)], ncols=2)
    key.set_in_layout(False)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
