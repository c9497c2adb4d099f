"""The optimizer races as still figures: one race's map of contours and paths, and its figure.

The race (surface, start, steps, hyper-parameters, window) and every number drawn come from
gdcore.races; this module only lays them out on matplotlib axes. figures/race_*.py draw with it.
"""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, NullLocator
from matplotlib.transforms import offset_copy

from gdcore import races
from gdcore.optimizers import NAMES
from gdviz import mpl as gm
from gdviz import numbers
from gdviz.theme import AXIS_LABELS, MARKERS, RIDGE_DISTANCE, SURFACE_COST, opt_marker
from gdviz.theme import title as theme_title

#: Line width (points) of the path drawn on top (draw_race's path_widths: its extra width per
#: path beneath, 0 by default, stacks paths narrowest on top, so where runs share a stretch each
#: colour shows as a stripe along the edges of the ones above it).
PATH_WIDTH = 0.8
#: Size (points) of the dot at every step: on the narrow paths they show each run's speed. The
#: dots are drawn above every path (stacked by dot_stacking), each ringed in the background
#: colour, so where runs share a stretch each run's dots still show in its own colour at its own
#: spacing.
STEP_DOT, STEP_DOT_EDGE = 2.6, 0.2
#: Each run's step dots and legend key take its mark (theme.OPT_MARKERS: NAG's a triangle up,
#: Adagrad's one down, the rest round dots), as the videos' heads do; a triangle TRIANGLE
#: times the dot's size (as large, it covers less than half the dot's area), and the legend
#: key's mark LEGEND_MARK points, on its swatch.
TRIANGLE, LEGEND_MARK = 1.3, 5.0


def mark_size(name: str, size: float) -> float:
    """The size (points) of run `name`'s mark standing for a dot of `size`."""
    return size * (1 if opt_marker(name) == "o" else TRIANGLE)


def legend_key(handle, theme, name: str, width: float | None = None) -> Line2D:
    """Run `name`'s legend key: its path's swatch (`width` points wide, or the path's width)
    with its mark in the middle, ringed in the background colour."""
    return Line2D([], [], color=handle.get_color(), lw=width or handle.get_linewidth(),
                  marker=opt_marker(name), ms=mark_size(name, LEGEND_MARK),
                  mec=theme.background, mew=0.6, label=handle.get_label(),
                  gid=handle.get_gid())
#: The casing (points each side, gm.cased_under) of each step dot and of each inset path's
#: last steps (its fainter history stays uncased): less than a path's (theme.CASING), so the
#: dots along a run do not read as beads on rings and the inset's crossings stay lines.
DOT_CASING, INSET_CASING = 0.3, 0.3
#: Z-orders on the map: paths (20 down, by stacking), then their step dots, each run's end
#: square, the start, and the minimum's star on top (the reference every run is measured
#: against; the squares of runs that end beside it show around it).
Z_PATHS, Z_DOTS, Z_ON_TOP, Z_ENDS, Z_START, Z_MINIMUM = 20, 40, 45, 50, 60, 61
#: Z-order of the paths' casings (gm.cased_under): one layer under every path, so where runs
#: share a stretch their stacked stripes still show; each run's dots lie on their own, just
#: under them.
Z_CASINGS = 10
#: The inset (races.Race.inset) above everything on the map (its frame, its window on the map
#: and the leaders between them: gm.zoom_inset), and the band above it (as a fraction of the
#: place's height) that holds its scale bar.
Z_INSET, INSET_BAND = 70, 0.24
#: A run of which more than this fraction of steps in the inset turn back is drawn there, under
#: its last steps, as its points alone (zig_zags), dots INSET_DOT points across.
ZIG_ZAG, INSET_DOT = 0.5, 1.0
#: The padding (points) of the plate of the page's colour under the inset's scale number.
SCALE_PLATE = 1.5
#: Line width (points) of every path in the inset, one hairline for all: at the inset's scale
#: the last steps are short and the map's widths would merge them into one band (a run that
#: zig-zags across the magnified valley, as Adadelta's on Beale's function, stays a line).
INSET_WIDTH = 0.45
#: Opacity of each inset path, and the last steps drawn over it at full strength: where a run
#: zig-zags across the region step after step (Adadelta on Beale's function), its crossings
#: merge into a faint band and its last few steps read as a line over it, into its end square.
INSET_ALPHA, INSET_TAIL = 0.5, 4
#: The inset's cost levels: the map's span of costs (its colours kept) in this many levels, so
#: the level lines around the minimum stay apart at the inset's scale.
INSET_LEVELS = 10
#: An end within this fraction of the inset's width of the minimum would hide its star: its
#: square is set beside it (end_offsets, gm.end_beside).
ON_STAR = 0.05
#: A square set beside its point keeps its leader off the line of the run's last steps by
#: more than this (degrees): along it, the leader would read as the path.
BESIDE_ALONG = 22.5


def inset_box(race, band: float = INSET_BAND):
    """Where the race's inset sits on its map, (x range, y range) in the map's coordinates: the
    largest box of its region's shape (one scale in x and y) in the lower part of
    race.inset.place, left-aligned, under a band of `band` of the place's height for its scale
    bar; and the inset's magnification (map units per unit of the region)."""
    (rx0, rx1), (ry0, ry1) = race.inset.region
    (px0, px1), (py0, py1) = race.inset.place
    room = (py1 - py0) * (1 - band)
    s = min((px1 - px0) / (rx1 - rx0), room / (ry1 - ry0))
    return ((px0, px0 + s * (rx1 - rx0)), (py0, py0 + s * (ry1 - ry0))), s


def scale_bar_length(race) -> float:
    """The inset's scale bar: the round length (1, 2 or 5 times a power of ten) nearest a
    quarter of its region's width."""
    (rx0, rx1), _ = race.inset.region
    want = (rx1 - rx0) / 4
    e = np.floor(np.log10(want))
    return float(min((m * 10**e for m in (1, 2, 5, 10)), key=lambda v: abs(np.log(v / want))))


def batch_colors(theme) -> tuple[str, str, str]:
    """The colours of the batch-size race: full batch, mini-batch, single sample
    (theme.batches, theme.BATCH_NAMES order): the full batch the accent (plain gradient
    descent, as gd-regression draws it), the sampled two colours of their own, the same hue in
    both themes, no role's (not the data blue or the error red) nor an optimizer's."""
    return theme.batches


def _title(race) -> str:
    # surfaces.valley.formula uses \tfrac, which mathtext does not know: show it with \frac.
    formula = race.surface.formula.replace(r"\tfrac", r"\frac")
    return f"{theme_title(race.surface.name)}:  ${SURFACE_COST} = {formula}$"


def _point(p) -> str:
    return "(" + ", ".join(numbers.text(c) for c in p) + ")"


def stacking(race, out) -> list[str]:
    """The optimizers from the top of the stack down: the shortest path on top, so a run that
    barely moves is not buried under the others."""
    return sorted(out, key=lambda name: out[name].length)


def dot_stacking(race, out, trajectories) -> list[str]:
    """The optimizers' step dots from the top down: the fastest run (longest mean step in the
    frame) on top. A slow run's dots lie so close together that they read as a dotted line
    even where a fast run's few dots sit on it; the other way round, the slow run's dense dots
    would bury the fast one's."""
    def mean_step(name):
        ex = out[name].exit
        n = len(trajectories[name].points) - 1 if ex is None else ex.step
        return out[name].length / max(n, 1)
    return sorted(out, key=mean_step, reverse=True)


def swing_words(crossings: int) -> str:
    """How a run crosses the valley's floor, in words that follow the count races.swings
    gives: from wall to wall only when it swings back and forth (four crossings or more)."""
    if crossings == 0:
        return "never crosses the floor"
    if crossings < 4:
        return "crosses the floor " + ("once", "twice", "three times")[crossings - 1]
    return f"swings from wall to wall, crossing the floor {crossings} times"


def distance(d: float, medium: str = "mathtext", low: float = numbers.SCI_LOW) -> str:
    """A run's final distance to the minimum, as every race writes it (legend and caption): two
    significant figures, zeros kept (0.20, 0.071, 4.0), and under `low` (the house's
    numbers.SCI_LOW) in powers of ten, 3.4 × 10⁻⁵, never a string of zeros. On a figure
    ("mathtext") every distance is set in maths, as the legend's α and |w₂| are."""
    if medium == "mathtext":
        return f"${numbers.significant(d, 2, 'latex', low=low)}$"
    return numbers.significant(d, 2, medium, low=low)


#: The LaTeX symbols of the hyper-parameters beyond the learning rate.
GREEK = {"beta": r"\beta", "beta1": r"\beta_1", "beta2": r"\beta_2", "rho": r"\rho",
         "eps": r"\epsilon"}


def extra_settings(race, medium: str = "latex") -> list[tuple[list[str], str]]:
    """The race's hyper-parameters beyond the learning rates, optimizers with the same ones
    together, as (names, settings) in `medium` (numbers.hyper): e.g. (["Momentum", "NAG"],
    "β = 0.9") in text. The still's caption and the video's settings say the same."""
    sep = r",\ " if medium == "latex" else ", "
    groups: dict[str, list[str]] = {}
    for name in NAMES:
        extra = sep.join(numbers.hyper(GREEK[k], v, medium)
                         for k, v in race.hyper[name].items() if k != "lr")
        if extra:
            groups.setdefault(extra, []).append(name)
    return [(names, extra) for extra, names in groups.items()]


def settings_sentence(race) -> str:
    """The caption's sentence of the settings beyond α: "Besides α: Momentum and NAG β = 0.9;
    … ; every other setting is PyTorch's default." """
    parts = [f"{' and '.join(names) if len(names) < 3 else ', '.join(names)} {extra}"
             for names, extra in extra_settings(race, "text")]
    return f"Besides α: {'; '.join(parts)}; every other setting is PyTorch’s default."


def legend_label(race, outcome, low: float = numbers.SCI_LOW) -> str:
    """Name and learning rate, then how the run ended, on one line: its distance to the
    minimum (distance()), the step at which it left the frame,
    or (no minimum) its final distance from the ridge, |w₂|."""
    rate = numbers.hyper(r"\alpha", race.hyper[outcome.name]["lr"], "mathtext")
    head = f"{outcome.name}  {rate}"
    if outcome.exit is not None:
        return f"{head}, left at step {outcome.exit.step}"
    if outcome.distance is not None:
        return f"{head}, ends {distance(outcome.distance, low=low)} away"
    return f"{head}, ends at ${RIDGE_DISTANCE} = {numbers.latex(abs(outcome.final[1]))}$"


#: Columns of every race's legend (under both panels): one layout for the family, one line an
#: entry, the runs filled down the first two columns, the marks (start, end, exit, minimum)
#: down the third.
LEGEND_COLUMNS = 3
#: One swatch width (points) and one line width for every run's legend key: the legend names
#: the runs, it does not size them.
SWATCH_WIDTH = 1.0
#: The race stills' two arrangements, both placed by race_layout, in inches, chosen by the
#: map's shape (width over height, one scale in w₁ and w₂). A wide map (WIDE or more: the long
#: valley) spans the top, the figure's width less MAP_LEFT and RIGHT (no gutter beside it),
#: TOP_WIDE under the title, and its companions sit side by side under it, across its whole
#: width: the inset at the right, its right edge on the map's and its top on the panel's (so
#: the leaders from its window pass right of the w₁ axis's labels), as large as its region's
#: shape allows in that room (at most the panel's height), and the distance panel,
#: PANEL_SIZE's height, from the map's left edge to INSET_GAP short of the inset
#: (PANEL_SIZE's width at least). A near-square map (Beale's function, the saddle) sits at
#: the left and its companions stack in one column at its right, COLUMN_GAP from it
#: (the panel's ticks and its name on one line), RIGHT short of the figure's edge: the inset,
#: as wide as the column, over the distance panel, PANEL_SIZE's height, INSET_GAP under it,
#: the map as tall as the column they fill; with no inset, the distance panel alone, the
#: column's full height, the map SIDE_MAP_H tall. The distance panel is at least PANEL_SIZE's
#: height in every race, so that its name stands on one line. The legend is centred under
#: everything, the title over everything. MAP_LEFT the room left of the map for the w₂ axis,
#: TOP above it for the title (EXIT_ROOM more where runs leave the frame, for their names),
#: BETWEEN the room under it for its w₁ axis (and, beside it, the panel's step axis), UNDER
#: the room under the panel for the step axis, LEGEND_ROW the height of one legend line.
WIDE, PANEL_SIZE, INSET_GAP = 2.0, (2.1, 1.4), 0.3
SIDE_MAP_H, COLUMN_GAP, RIGHT = 2.8, 0.75, 0.15
MAP_LEFT, TOP, BETWEEN, UNDER, LEGEND_ROW = 0.75, 0.5, 0.62, 0.47, 0.2
#: The room over a wide map for its title alone (no exit crosses stand over it); under it the
#: inset's left edge stands LABEL_CLEAR right of the map's middle, where its w₁ label is.
TOP_WIDE, LABEL_CLEAR = 0.36, 0.3


def race_layout(race, legend_rows: int, width: float = 6.3, top: float = TOP) -> dict:
    """Where each part of a race's still, `width` inches wide, sits (WIDE and the constants
    beside it): the figure's "height", its "arrangement" ("top": the map spans the top, its
    companions under it; "side": the map at the left, its companions in one column at its
    right) and, in inches from its lower left corner, "map", "panel" and "inset" (x0, y0,
    width, height; no inset where the race has none), and "legend", the top centre (x, y) of
    the room left for a legend of `legend_rows` lines (draw_race hangs the legend higher,
    LEGEND_DROP under the panels' ink; the page is cropped to it), and "centre", the x the
    title and legend are centred on. The one function that decides every race's layout."""
    (x0, x1), (y0, y1) = race.window
    shape = (x1 - x0) / (y1 - y0)  # the map keeps one scale in w₁ and w₂
    ishape = None
    if race.inset is not None:
        (rx0, rx1), (ry0, ry1) = race.inset.region
        ishape = (rx1 - rx0) / (ry1 - ry0)
    pw, ph = PANEL_SIZE
    legend = legend_rows * LEGEND_ROW
    if shape >= WIDE:
        mw = width - MAP_LEFT - RIGHT
        mh = mw / shape
        height = TOP_WIDE + mh + BETWEEN + ph + UNDER + legend
        map_y = height - TOP_WIDE - mh
        panel_y = map_y - BETWEEN - ph
        parts = {"arrangement": "top", "height": height, "map": (MAP_LEFT, map_y, mw, mh),
                 "panel": (MAP_LEFT, panel_y, pw, ph), "inset": None,
                 "legend": (MAP_LEFT + mw / 2, panel_y - UNDER), "centre": MAP_LEFT + mw / 2}
        if ishape is not None:  # its left edge LABEL_CLEAR right of the map's middle, so the
            # leader from the window to its top left corner passes right of the w₁ label
            room = min(mw - pw - INSET_GAP, mw / 2 - LABEL_CLEAR)
            ih = min(ph, room / ishape)
            iw = ih * ishape
            parts["inset"] = (MAP_LEFT + mw - iw, panel_y + ph - ih, iw, ih)
            parts["panel"] = (MAP_LEFT, panel_y, mw - iw - INSET_GAP, ph)
        return parts
    room = width - MAP_LEFT - COLUMN_GAP - RIGHT  # the map's width and the column's
    if ishape is None:
        mh = SIDE_MAP_H
    else:  # the inset, as wide as the column, the gap and the panel fill the map's height
        mh = min(SIDE_MAP_H, (room / ishape + INSET_GAP + ph) / (1 + shape / ishape))
    mw = mh * shape
    cw = room - mw
    height = top + mh + BETWEEN + legend
    map_y = height - top - mh
    column_x = MAP_LEFT + mw + COLUMN_GAP
    centre = (MAP_LEFT + column_x + cw) / 2
    parts = {"arrangement": "side", "height": height, "map": (MAP_LEFT, map_y, mw, mh),
             "panel": (column_x, map_y, cw, mh if ishape is None else ph), "inset": None,
             "legend": (centre, map_y - BETWEEN), "centre": centre}
    if ishape is not None:
        ih = cw / ishape
        parts["inset"] = (column_x, map_y + mh - ih, cw, ih)
    return parts


def _fractions(box, width: float, height: float) -> list[float]:
    """A box (x0, y0, width, height) in inches as fractions of a figure width × height."""
    x, y, w, h = box
    return [x / width, y / height, w / width, h / height]


def draw_race(theme, race, title: str | None = None, on_top: str | None = None,
              step_dot: float = STEP_DOT,
              path_widths: tuple[float, float] = (PATH_WIDTH, 0.0),
              over_dots: tuple = (), dot_edge: float = STEP_DOT_EDGE, lane: float = 0.0,
              dot_every: int = 1, inset: bool = True, lane_order=None, quiet=None):
    """The figure of one race, laid out by race_layout as every race is: its map (race_map),
    the distance panel (progress_panel) and the inset (end_inset) under a wide map or in one
    column beside a near-square one, the legend below them, the one key to both panels, one
    line an entry, LEGEND_COLUMNS columns, every run's key one swatch (SWATCH_WIDTH) with its
    mark.
    on_top names the run the figure is about, whose path and dots are drawn above every
    other's. step_dot and path_widths (top path, extra width per path beneath: 0 draws every
    run at one width) size the map's marks; dot_every: a step dot every that many steps;
    over_dots names runs whose path lies over every step dot; dot_edge the width of the ring
    round each step dot; lane the points between two neighbouring runs' lanes (race_map);
    inset: draw the race's inset (races.Race.inset) if it has one; lane_order: the runs from
    the first lane to the last (lane_of; None a lane left empty), by default LANE_WAYS'.
    quiet: a window ((x0, x1), (y0, y1)) round the inset's box in which the runs that end in
    the inset draw no step dot once they have entered it (quiet_steps): the inset shows their
    last steps, and on the map their dots piled up round the box."""
    zoomed = inset and race.inset is not None
    fig = gm.new_figure(theme, 1.0)
    fig.set_layout_engine("none")  # placed by race_layout, not by a layout engine
    ax, ay = fig.add_axes((0, 0, 1, 1)), fig.add_axes((0, 0, 1, 1))

    def place(rows: int) -> dict:
        """Size the figure and place the panels for a legend of `rows` lines: the map's size
        does not depend on it, so the lanes (lane_exit) are drawn at their final scale."""
        layout = race_layout(race, rows, fig.get_figwidth(), top)
        fig.set_figheight(layout["height"])
        fw, fh = fig.get_figwidth(), layout["height"]
        ax.set_position(_fractions(layout["map"], fw, fh))
        ay.set_position(_fractions(layout["panel"], fw, fh))
        return layout
    trajectories = races.run_race(race)
    out = races.outcomes(race, trajectories)
    # the names of the runs that leave stand over the map and the panel (exit_names)
    top = TOP + (EXIT_ROOM if any(o.exit is not None for o in out.values()) else 0.0)
    place(LEGEND_COLUMNS + 1)
    low = numbers.SCI_LOW
    handles = race_map(ax, theme, race, trajectories, out, on_top=on_top, step_dot=step_dot,
                       path_widths=path_widths, over_dots=over_dots, dot_edge=dot_edge,
                       lane=lane, lane_order=lane_order, dot_every=dot_every, low=low,
                       zoomed=race.inset.region if zoomed else None,
                       quiet=quiet if zoomed else None)
    progress_panel(ay, theme, race, trajectories, out)
    handles = [legend_key(h, theme, str(h.get_gid())[5:], SWATCH_WIDTH)
               if str(h.get_gid()).startswith("path:") else h for h in handles]
    if any(o.exit is not None for o in out.values()):  # beside the end square's entry
        handles.insert(len(handles) - 1, Line2D([], [], **_exit_mark(
            theme, theme.muted), label="where a run left the frame"))
    # the runs fill the first two columns (four rows), the marks the third, in every race
    # alike; the eighth place, under the runs, holds the inset's one other look, named (a
    # run's points: Beale's Adadelta), or is left blank
    eighth = Line2D([], [], ls="none", label=" ", gid="legend-blank")
    if zoomed:
        for name, tr in trajectories.items():
            if zig_zags(race, tr.points):
                eighth = Line2D([], [], ls="none", marker="o", ms=INSET_DOT * 2.5, mew=0,
                                color=theme.opt(name), gid=f"legend-inset-points:{name}",
                                label=f"{name}’s steps (inset)")
    handles.insert(len(NAMES), eighth)
    layout = place(-(-len(handles) // LEGEND_COLUMNS))
    fw, fh = fig.get_figwidth(), fig.get_figheight()
    centre = layout["centre"] / fw
    fig.suptitle(title or _title(race), fontsize=theme.font_size, x=centre,
                 y=1 - 0.12 / fh, va="top")
    key = fig.legend(handles=handles, loc="upper center", ncol=LEGEND_COLUMNS,
                     columnspacing=1.5, frameon=False, borderaxespad=0.0)
    exit_marks(ax, ay, theme, race, trajectories, out, lane, lane_order)
    if zoomed:
        end_inset(ax, theme, race, trajectories, out, _fractions(layout["inset"], fw, fh))
    # hung as every key under its axes is: LEGEND_DROP points under the panels' lowest ink
    # (their tick numbers and axis labels), not at the foot of the room race_layout leaves
    # for them (21 pt under the saddle's w1 and step t); the page is cropped to the ink
    gm.hang_under(key, [a for a in fig.axes if a.get_visible()], x=centre)
    return fig


def race_map(ax, theme, race, trajectories, out, on_top: str | None = None,
             step_dot: float = STEP_DOT,
             path_widths: tuple[float, float] = (PATH_WIDTH, 0.0),
             over_dots: tuple = (), dot_edge: float = STEP_DOT_EDGE,
             lane: float = 0.0, dot_every: int = 1, lane_order=None,
             low: float = numbers.SCI_LOW, zoomed=None, quiet=None) -> list:
    """Draw one race on ax: contours of the surface (log-spaced where f > 0 throughout, evenly
    spaced otherwise), every optimizer's path in its colour, on gdcore's points, with a dot
    every `dot_every` steps (stacked by stacking(); path_widths[1] > 0 draws each path that
    much wider than the one above it, so runs that share a track show as stripes; the dots
    above every path, by dot_stacking), the start, the minimum, and the house end square in
    the run's colour at the last point of each run that stays in the frame (a run that leaves
    it ends on the frame's edge, where exit_marks crosses it, on the map and in the distance
    panel). on_top names a run
    drawn above all of that (its path over every dot). dot_edge: the width (points) of each
    dot's ring in the background colour. zoomed: the region ((x0, x1), (y0, y1)) an inset
    magnifies (end_inset), whose runs' end squares are drawn there alone: on the map they
    would pile, a few points apart, under the minimum's star in a window smaller than it.
    Returns the legend handles (legend_label, `low` as
    distance() takes it), the start's, the end square's and the minimum's. The paths of the
    runs over_dots names lie over every step dot, under on_top's. lane (points, 0 by
    default): each run drawn `lane` points from the next (lane_of, in lane_order). quiet: the
    window (with zoomed) in which a run that ends in zoomed draws no dot once it entered it
    (quiet_steps)."""
    (x0, x1), (y0, y1) = race.window
    X, Y, Z = races.surface_grid(race)
    gm.contour_map(ax, theme, X, Y, Z, levels=20, log=bool(np.all(Z > 0)))
    order, dot_order = stacking(race, out), dot_stacking(race, out, trajectories)
    handles = []
    for name, tr in trajectories.items():
        rank = order.index(name)
        z, lw = Z_PATHS - rank, path_widths[0] + path_widths[1] * rank
        dz = Z_DOTS - dot_order.index(name)
        if name in over_dots:  # the narrowest width: the dots under it show either side
            z, lw = Z_DOTS + 1, path_widths[0]
        if name == on_top:
            z, dz = Z_ON_TOP, Z_ON_TOP
        c = theme.opt(name)
        dx, dy = lane_of(race, name, lane, lane_order)
        where = (offset_copy(ax.transData, fig=ax.figure, x=dx, y=dy, units="points")
                 if dx or dy else ax.transData)
        path = races.visible_path(tr.points, race.window)
        if out[name].exit is not None and (dx or dy):  # it leaves where its lane crosses the edge
            path = lane_exit(ax, race, tr.points, (dx, dy))
        (ln,) = ax.plot(path[:, 0], path[:, 1], color=c, lw=lw,
                        label=legend_label(race, out[name], low),
                        zorder=z, gid=f"path:{name}", solid_joinstyle="round",
                        solid_capstyle="round", transform=where)
        handles.append(legend_key(ln, theme, name))
        gm.cased_under(ax, ln, theme, Z_CASINGS).set_transform(where)
        ex = out[name].exit
        # from the first dot after the start: the ring marks step 0, and a run's dot there, in
        # a lane, would peek out from under it
        steps = (tr.points if ex is None else tr.points[: ex.step])[dot_every::dot_every]
        if quiet is not None and ex is None and races.inside(tr.points[-1], zoomed)[0]:
            steps = steps[~quiet_steps(tr.points, quiet)[dot_every::dot_every]]
        (dots,) = ax.plot(steps[:, 0], steps[:, 1], ls="none", marker=opt_marker(name),
                          ms=mark_size(name, step_dot),
                          color=c, mec=theme.background, mew=dot_edge, zorder=dz,
                          gid=f"steps:{name}", transform=where)
        gm.cased_under(ax, dots, theme, dz - 0.5, DOT_CASING).set_transform(where)
        if ex is None and on_saddle(race, tr.points[-1]):  # by the saddle's plus
            gm.end_at(ax, theme, tr.points[-1], theme.end(c),
                      star_xy=(0.0, 0.0), star=theme.marker("saddle") | {"zorder": Z_ON_TOP + 1},
                      gid=f"end:{name}")
        elif ex is None and not (zoomed is not None
                                 and races.inside(tr.points[-1], zoomed)[0]):
            ax.plot(*tr.points[-1], gid=f"end:{name}", transform=where, **(
                theme.end(c, zorder=Z_ENDS - rank)))
    ax.plot(*race.start, gid="start", **(theme.marker("start") | {"zorder": Z_START}))
    handles.append(Line2D([], [], ls="none", label="start", **theme.marker("start")))
    if any(out[name].exit is None for name in out):
        handles.append(Line2D([], [], label="end", **theme.end(theme.muted)))
    if race.surface.minimum is not None:
        mark = theme.marker("minimum") | {"zorder": Z_MINIMUM}
        # where the inset's window frames the minimum, the star on the map is as large as the
        # window holds (window_star: Beale's, a smaller star inside its box, over the paths);
        # a window too small for a legible star (the long valley's, a few points across)
        # leaves it to the inset alone, the box and its leaders pointing to it
        size = mark["markersize"]
        if zoomed is not None and races.inside(race.surface.minimum, zoomed)[0]:
            # over the window's box (Beale's minimum lies near its top edge): a star set
            # on its data, the box round it
            size = window_star(ax, race, zoomed, mark)
            mark = mark | {"zorder": Z_INSET - 0.5}
        if size:
            ax.plot(*race.surface.minimum, gid="minimum", **(mark | {"markersize": size}))
        handles.append(Line2D([], [], label=f"minimum {_point(race.surface.minimum)}",
                              **mark))
    else:  # no minimum: the saddle point at the origin, the house's plus, above every path and
        # dot but under the end squares (SGD's ends beside it and shows whole)
        mark = theme.marker("saddle") | {"zorder": Z_ON_TOP + 1}
        ax.plot(0.0, 0.0, gid="saddle", **mark)
        handles.append(Line2D([], [], label="saddle point (0, 0)", **mark))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    # Keep only the ticks inside the window (no hidden labels beyond the edges).
    ax.set_xticks([t for t in ax.get_xticks() if x0 <= t <= x1])
    ax.set_yticks([t for t in ax.get_yticks() if y0 <= t <= y1])
    ax.set_xlabel(AXIS_LABELS["w1"])
    ax.set_ylabel(AXIS_LABELS["w2"], rotation=0, labelpad=8)
    return handles


def quiet_steps(points, window) -> np.ndarray:
    """Which of a run's points draw no step dot on the map (race_map's quiet): those inside
    `window` ((x0, x1), (y0, y1)) from the run's first step into it on; where it swings out
    of it again, its dots there stay."""
    pts = np.asarray(points, float)
    inside = np.asarray(races.inside(pts, window), bool).reshape(len(pts))
    first = int(np.argmax(inside)) if inside.any() else len(pts)
    return inside & (np.arange(len(pts)) >= first)


#: A star on the map inside the inset's window keeps WINDOW_STAR_ROOM points clear of the
#: window's frame on every side, and is drawn only at WINDOW_STAR_LEAST of its house size or
#: more (smaller, it reads as a speck: the star is then the inset's alone).
WINDOW_STAR_ROOM, WINDOW_STAR_LEAST = 1.0, 0.5


def window_star(ax, race, window, star: dict) -> float:
    """The size (points) of the minimum's star on the map ax inside the inset's `window`
    ((x0, x1), (y0, y1), as the figure first sizes the map): the house size, or less, so that
    the star's whole reach (gm.star_footprint, its width and its height) is smaller than the
    window by WINDOW_STAR_ROOM on each side, and the window still reads round it; 0 where
    that is under WINDOW_STAR_LEAST of the house size."""
    (x0, x1), _ = race.window
    per_unit = ax.get_position().width * ax.figure.get_figwidth() * 72 / (x1 - x0)
    (wx0, wx1), (wy0, wy1) = window
    room = np.array([wx1 - wx0, wy1 - wy0]) * per_unit - 2 * WINDOW_STAR_ROOM
    # the star's width and height per point of size, and its ring's
    left, bottom, right, top = gm.star_footprint(star | {"markersize": 1.0,
                                                         "markeredgewidth": 0.0})
    ring = star.get("markeredgewidth", 0.0)
    house = star["markersize"]
    size = min(house, float(np.min((room - ring) / np.array([right - left, top - bottom]))))
    return size if size >= WINDOW_STAR_LEAST * house else 0.0


#: Exit crosses whose centres lie closer than this (points) along one edge (the map's frame,
#: the distance panel's edge line) form a crowd (exit_crowds): each still stands on the edge at
#: its own exit, cased in the page's colour, a later exit's over an earlier one's, and the
#: crowd's names carry it (exit_names): RMSprop and Adadelta leave two steps apart, Momentum,
#: NAG and Adam side by side.
EXIT_GAP = 9.0
#: The names of the runs that leave, over the map and over the distance panel: each crowd's
#: names in a stacked list, in the runs' colours, the earliest exit at the bottom, its bottom
#: NAME_RISE points over the axes' top, one thin leader (NAME_LEADER, muted) from it down to
#: the crowd's crosses; lists NAME_SPACE points apart at least, shifted sideways no more than
#: that asks. EXIT_ROOM (inches): the extra room over the map and the panel that holds them.
NAME_RISE, NAME_SPACE, NAME_LEADER, EXIT_ROOM = 6.0, 6.0, 0.5, 0.32


def exit_crowds(pos, gap: float = EXIT_GAP) -> list[list[int]]:
    """The crowds of exits along one edge (positions in points): indices chained by
    neighbours closer than `gap`, each crowd in the order of the positions (a lone exit is a
    crowd of one)."""
    order = list(np.argsort(np.asarray(pos, float), kind="stable"))
    crowds: list[list[int]] = []
    for i in order:
        if crowds and pos[i] - pos[crowds[-1][-1]] < gap:
            crowds[-1].append(int(i))
        else:
            crowds.append([int(i)])
    return crowds


def side_by_side(centres, widths, space: float, lo: float, hi: float) -> np.ndarray:
    """Centres (points, along a line) of boxes of `widths`, each as near its wanted centre as
    keeps `space` between neighbours, in their order, the row kept between lo and hi where it
    fits: the least sideways move that keeps every box apart."""
    c = np.asarray(centres, float).copy()
    w = np.asarray(widths, float)
    for k in range(1, len(c)):  # left to right, each pushed clear of the one before
        c[k] = max(c[k], c[k - 1] + (w[k - 1] + w[k]) / 2 + space)
    if len(c) and c[-1] + w[-1] / 2 > hi:  # then back from the right end, if it runs over
        c[-1] = hi - w[-1] / 2
        for k in range(len(c) - 2, -1, -1):
            c[k] = min(c[k], c[k + 1] - (w[k + 1] + w[k]) / 2 - space)
    if len(c) and c[0] - w[0] / 2 < lo:
        c += lo - (c[0] - w[0] / 2)
    return c


def exit_names(axes, theme, exits: dict, where: str) -> None:
    """Name the runs whose crosses stand at `exits` (name -> (x, y) in axes' data, the runs
    in the order of their exits) above `axes`: each crowd (exit_crowds, along x) one stacked
    list of its names in their colours, the earliest exit at the bottom, NAME_RISE over the
    axes' top, the lists side by side (side_by_side), a thin muted leader from each list down
    to its crowd (straight down where the list stands over it); gids "<where>-name:<run>",
    "<where>-name-leader:<first run of the crowd>"."""
    fig = axes.figure
    pt = fig.dpi / 72
    names = list(exits)
    disp = {n: axes.transData.transform(exits[n]) / pt for n in names}
    crowds = [[names[i] for i in sorted(c)]
              for c in exit_crowds([disp[n][0] for n in names])]
    renderer = fig.canvas.get_renderer()
    probe = fig.text(0, 0, "", fontsize=theme.small_size)
    line = theme.small_size * 1.2

    def width(text):
        probe.set_text(text)
        return probe.get_window_extent(renderer).width / pt
    widths = [max(width(n) for n in crowd) for crowd in crowds]
    probe.remove()
    box = axes.get_window_extent(renderer)
    at = [float(np.mean([disp[n][0] for n in crowd])) for crowd in crowds]
    centres = side_by_side(at, widths, NAME_SPACE, 2.0, fig.get_figwidth() * 72 - 2.0)
    top = box.y1 / pt + NAME_RISE
    for crowd, cx, w in zip(crowds, centres, widths):
        # every name and leader placed from the crowd's own point, in points: the page's crop
        # (gm.save) moves them with it
        xy = tuple(np.mean([exits[n] for n in crowd], axis=0))
        xd, yd = axes.transData.transform(xy) / pt
        for k, name in enumerate(crowd):
            axes.annotate(name, xy=xy, xytext=(cx - xd, top + k * line - yd),
                          textcoords="offset points", ha="center", va="bottom",
                          fontsize=theme.small_size, color=theme.opt(name),
                          annotation_clip=False, gid=f"{where}-name:{name}")
        # the leader straight down where the list stands over its crosses, else from the
        # list's nearer end
        lx = min(max(xd, cx - w / 2 + 1.0), cx + w / 2 - 1.0)
        axes.annotate("", xy=xy, xytext=(lx - xd, top - 1.0 - yd), textcoords="offset points",
                      annotation_clip=False, zorder=Z_ENDS - 1,
                      gid=f"{where}-name-leader:{crowd[0]}",
                      arrowprops={"arrowstyle": "-", "color": theme.muted, "lw": NAME_LEADER,
                                  "shrinkA": 0, "shrinkB": 4.5})


def exit_marks(ax, ay, theme, race, trajectories, out, lane: float, lane_order=None) -> None:
    """Where each run leaves the frame, once the panels are laid out (race_layout): a cross in
    its colour (theme.MARKERS' "left", as the videos draw it, ringed in the page's colour) on
    the map, ON the frame where its lane crosses the edge (lane_of), gid "exit:<name>", and on
    the distance panel's edge line (progress_panel) at its exit step, each at its data, never
    moved: a later exit's cross over an earlier one's, so two that overlap both read. Over the
    map and over the panel the runs' names, each crowd of exits one stacked list on a thin
    leader (exit_names)."""
    gone = [n for n in out if out[n].exit is not None]
    if not gone:
        return
    fig = ax.figure
    (x0, x1), (y0, y1) = race.window
    per_unit = ax.get_position().width * fig.get_figwidth() * 72 / (x1 - x0)
    at = {}
    for name in sorted(gone, key=lambda n: out[n].exit.step):
        offset = lane_of(race, name, lane, lane_order)
        moved = np.asarray(trajectories[name].points) + offset / per_unit
        ex = races.frame_exit(moved, race.window) if offset.any() else out[name].exit
        at[name] = np.asarray(ex.point if ex is not None else out[name].exit.point)
        ax.plot(*at[name], gid=f"exit:{name}", clip_on=False,
                **(_exit_mark(theme, theme.opt(name))
                   | {"zorder": Z_ENDS + out[name].exit.step / race.steps}))
    fig.canvas.draw()  # the names are measured as drawn
    exit_names(ax, theme, at, "exit")
    steps = {n: (float(out[n].exit.step), abs(float(out[n].exit.point[1]))) for n in at}
    exit_names(ay, theme, steps, "progress-exit")


def on_saddle(race, point) -> bool:
    """Whether a run ends on a saddle point at the origin (a surface with no minimum), within
    ON_STAR of the window's width: its square stands at its point by the plus, under it
    (gm.end_at), the plus drawn whole over it."""
    (x0, x1), _ = race.window
    return race.surface.minimum is None and float(np.hypot(*point)) < ON_STAR * (x1 - x0)


#: How each race lays its lanes (lane_of), still and video alike: the direction (degrees from
#: the x axis, on the page) in which one lane steps to the next, and the runs from the first lane
#: to the last. Along the long valley's floor the runs travel one horizontal line: the lanes
#: step straight up, SGD's the top one, in the legend's order. On the saddle Momentum and NAG
#: (same α and β) share their path twice, first along the ridge y = 0 (with SGD), then up the
#: slope by x = 0, and Adagrad climbs along RMSprop: the lanes step diagonally (up and to the
#: right), so they part runs that share a horizontal stretch and a vertical one alike. SGD, the
#: run the figure is about, keeps the middle lane (its own points, its square beside the saddle
#: point); the others in the order in which they climb, from right to left (Adadelta's climb
#: the rightmost, Momentum's the leftmost), so no lane crosses another on the slope.
LANE_WAYS = {"long-valley": (90.0, NAMES),
             "saddle": (45.0, ("Adadelta", "Adagrad", "RMSprop", "SGD", "Adam", "NAG",
                               "Momentum"))}


def lane_of(race, name: str, lane: float, order=None) -> np.ndarray:
    """How far from gdcore's points (x and y, points on the page) run `name` is drawn on a map
    of `race` whose lanes are `lane` points apart: its place in LANE_WAYS' order (or in
    `order`, the runs from the first lane to the last, None a lane left empty), the lanes
    centred on the points and stepping in the race's direction (no lanes: (0, 0))."""
    if race.key not in LANE_WAYS or lane == 0:
        return np.zeros(2)
    angle, ways = LANE_WAYS[race.key]
    order = ways if order is None else order
    step = ((len(order) - 1) / 2 - order.index(name)) * lane
    a = np.radians(angle)
    return np.array([np.cos(a), np.sin(a)]) * step


def lane_exit(ax, race, points, offset) -> np.ndarray:
    """The path of a run that leaves the frame, drawn `offset` points from its points (its
    lane, lane_of): its points up to the second whose place in the lane lies outside the
    window, the axes clipping it where the lane crosses the frame's edge, so that every exit
    ends on the edge whichever side of the run's points its lane lies (with the run's own exit,
    a lane below it would end short of the top edge). The lane's place in the window's units
    is read at the map's scale as the figure first sizes it (ax)."""
    (x0, x1), _ = race.window
    bbox = ax.get_position()
    per_unit = bbox.width * ax.figure.get_figwidth() * 72 / (x1 - x0)
    moved = np.asarray(points) + np.asarray(offset, float) / per_unit
    j = int(np.argmax(~races.inside(moved, race.window)))
    return np.asarray(points)[: j + 2]


def end_inset(ax, theme, race, trajectories, out, place):
    """The race's inset (races.Race.inset) at `place` on the figure (race_layout: under or
    beside the map ax, not over it): its region's own
    contours (the map's span of costs in INSET_LEVELS levels), every path through it stacked as
    on the map, a hairline at INSET_ALPHA with its last INSET_TAIL steps at full strength over
    it, each end square in the region at gdcore's last point, and the minimum's star above
    them (the square of a run that ends on the minimum, NAG's on Beale's function, set beside
    it on a leader to its point, gm.end_beside); a thin box on
    the map around the region, joined to the inset by two thin leader lines; inside the inset,
    in the lower corner fewer points crowd, its scale bar (scale_bar_length).
    Returns the inset's axes (gid "inset")."""
    (rx0, rx1), (ry0, ry1) = race.inset.region
    ins = ax.figure.add_axes(place, zorder=Z_INSET)
    ins.set_gid("inset")
    X, Y, Z = race.surface.grid(200, race.inset.region)
    gm.inset_map(ins, ax, theme, X, Y, Z, levels=INSET_LEVELS)  # the map's colours
    order = stacking(race, out)
    for name, tr in trajectories.items():
        rank = order.index(name)
        c = theme.opt(name)
        # a run that turns back at (nearly) every step in the region (Adadelta's on Beale's
        # function) would fill its band solid with crossing hairlines: its history there is
        # its points alone, rows along the walls it bounces between
        dots = zig_zags(race, tr.points)
        for pts, alpha, kind in ((tr.points, INSET_ALPHA, "path"),
                                 (tr.points[-INSET_TAIL - 1:], 1.0, "tail")):
            look = ({"ls": "none", "marker": "o", "ms": INSET_DOT, "mew": 0}
                    if dots and kind == "path" else {})
            (ln,) = ins.plot(pts[:, 0], pts[:, 1], color=c, lw=INSET_WIDTH, alpha=alpha,
                             zorder=Z_PATHS - rank, gid=f"inset-{kind}:{name}",
                             solid_joinstyle="round", solid_capstyle="round", **look)
            if kind == "tail":  # the faint history stays a faint hairline, uncased
                gm.cased_under(ins, ln, theme, Z_CASINGS, INSET_CASING)
    # each end square at its run's last point, under the star; the square of a run that ends
    # on the minimum (within ON_STAR of the inset's width: NAG on Beale's function), where
    # several runs end round it, set beside the star on a leader to its point, as the video
    # sets it (gm.end_beside): a frame round the star would touch the squares by it
    star = theme.marker("minimum")
    for name, tr in trajectories.items():
        if out[name].exit is None and races.inside(tr.points[-1], race.inset.region)[0]:
            end = theme.end(theme.opt(name))
            if np.hypot(*(tr.points[-1] - race.surface.minimum)) < ON_STAR * (rx1 - rx0):
                gm.end_beside(ins, theme, tr.points[-1], end, gid=f"inset-end:{name}",
                              shrink=star["markersize"] / 2 + 1.0,
                              zorder=Z_ENDS - order.index(name))
            else:
                ins.plot(*tr.points[-1], gid=f"inset-end:{name}",
                         **(end | {"zorder": Z_ENDS - order.index(name)}))
    ins.plot(*race.surface.minimum, gid="inset-minimum", **(star | {"zorder": Z_MINIMUM}))
    ins.set_xlim(rx0, rx1)
    ins.set_ylim(ry0, ry1)
    ins.set_xticks([])
    ins.set_yticks([])
    # its frame, window and leaders; the window over every path and mark of the map, bare: a
    # casing of the page colour round a box a few points across (the long valley's) fills it,
    # a white plate over the minimum and the runs' ends it frames
    gm.zoom_inset(ins, ax, theme, zorder=Z_INSET - 1)
    # the scale bar inside the inset, in its emptiest lower corner, its length in the inset's
    # own units, on a plate of the page's colour with its number: a key of the inset's
    length = scale_bar_length(race)
    (px0, px1), (py0, py1) = race.inset.region
    bx = scale_bar_x(race, [t.points for t in trajectories.values()])
    # a tenth of the way up, and no lower than keeps its number's plate inside the frame
    tall = place[3] * ax.figure.get_figheight() * 72  # the inset's height, points
    by = py0 + max(0.1, (0.6 * theme.small_size + SCALE_PLATE + 2.0) / tall) * (py1 - py0)
    (bar,) = ins.plot([bx, bx + length], [by, by], color=theme.text, lw=1.2,
                      solid_capstyle="butt", zorder=Z_INSET, gid="inset-scale")
    gm.cased_under(ins, bar, theme, Z_INSET - 0.5)
    # its number beside it, towards the inset's middle, level with it: above it, in the long
    # valley's shallow inset, the plate reached the end squares of the runs along the floor
    right = bx < (px0 + px1) / 2
    ins.annotate(f"${numbers.latex(length)}$", (bx + length if right else bx, by),
                 xytext=((1 if right else -1) * (SCALE_PLATE + 2.0), 0),
                 textcoords="offset points", va="center_baseline",
                 ha="left" if right else "right", fontsize=theme.small_size, color=theme.text,
                 zorder=Z_INSET,
                 gid="inset-scale-label",
                 bbox={"boxstyle": f"square,pad={SCALE_PLATE / theme.small_size:.3f}",
                       "facecolor": theme.background, "edgecolor": "none", "linewidth": 0})
    return ins


def scale_bar_x(race, paths) -> float:
    """Where the inset's scale bar (scale_bar_length) starts, its left end in the region's
    units, still and video alike: in the lower corner of the region (left or right, 0.06 of
    its width in from the side) where fewer points of `paths` (each run's points) crowd the
    bar's stretch of its lowest three tenths."""
    length = scale_bar_length(race)
    (px0, px1), (py0, py1) = race.inset.region
    pad = 0.06 * (px1 - px0)
    corners = {"left": px0 + pad, "right": px1 - pad - length}
    pts = np.concatenate([np.asarray(p, float) for p in paths])

    def crowd(x):
        near = ((pts[:, 0] > x - pad) & (pts[:, 0] < x + length + pad)
                & (pts[:, 1] > py0) & (pts[:, 1] < py0 + 0.3 * (py1 - py0)))
        return int(near.sum())
    return float(min(corners.values(), key=crowd))


def zig_zags(race, points) -> bool:
    """Whether a run zig-zags in its race's inset: more than ZIG_ZAG of its steps there turn
    back on the one before (a negative dot product)."""
    inside = np.array([races.inside(p, race.inset.region)[0] for p in points])
    d = np.diff(np.asarray(points)[inside], axis=0)
    if len(d) < 2:
        return False
    return bool(np.mean(np.sum(d[1:] * d[:-1], axis=1) < 0) > ZIG_ZAG)


def inset_points(ax, race) -> float:
    """The inset's length in points of one unit of its region: the map's (ax, as the figure
    first sizes it) times inset_box's magnification."""
    (x0, x1), _ = race.window
    bbox = ax.get_position()
    return bbox.width * ax.figure.get_figwidth() * 72 / (x1 - x0) * inset_box(race)[1]


def end_offsets(race, ends: dict, per_unit: float, side: float, rim: float) -> dict:
    """Where the inset sets each end square, still and video alike: name -> offset (x, y) from
    its run's last point, in the units of `side` and `rim` (points on a still, scene units in a
    video); (0, 0) for a square on its point. ends: name -> the run's points, its last one in
    the region; per_unit: the inset's length (those units) of one unit of the region; side,
    rim: an end square's side and the width of its rim in the page's colour.

    A square on the minimum would hide its star, and two squares whose centres lie closer than
    clearance(side, rim) would touch: such a square is set beside its point on a leader
    (gm.end_beside), END_BESIDE's distance away in sides, in the one of eight directions
    (END_BESIDE's own first, then every 45 degrees) that keeps its centre a clearance inside
    the inset's frame (the square whole), keeps as far from the star as a square set beside
    it, does not lie along the run's own last steps (within BESIDE_ALONG degrees of their
    line: the leader would read as the path, the square as an earlier end), and lies furthest
    from every other square. First each run that ends on the minimum (within ON_STAR of the
    inset's width: Adagrad on the long valley, NAG on Beale's function); then, while two
    squares lie closer than the clearance, the one of the pair that stands furthest from the
    rest once set beside (on Beale's function RMSprop, which ends 6 pt from Adagrad)."""
    clear = clearance(side, rim)
    (rx0, rx1), (ry0, ry1) = race.inset.region
    pts = {n: np.asarray(p, float) for n, p in ends.items()}
    at = {n: p[-1] * per_unit for n, p in pts.items()}
    lo, hi = np.array([rx0, ry0]) * per_unit + clear, np.array([rx1, ry1]) * per_unit - clear
    # the minimum's star, or the saddle point's plus at the origin
    mark = race.surface.minimum if race.surface.minimum is not None else (0.0, 0.0)
    star = np.asarray(mark, float) * per_unit
    r = float(np.hypot(*gm.END_BESIDE)) / MARKERS["end"].size * side  # END_BESIDE in sides
    a0 = np.arctan2(gm.END_BESIDE[1], gm.END_BESIDE[0])
    ways = [np.array([r * np.cos(a0 + k * np.pi / 4), r * np.sin(a0 + k * np.pi / 4)])
            for k in range(8)]
    moved = {n: np.zeros(2) for n in at}

    def fits(name, w):
        q = at[name] + w
        last = pts[name][-1] - pts[name][-min(len(pts[name]), INSET_TAIL + 1)]
        cos = abs(np.dot(w, last)) / (r * np.hypot(*last)) if np.any(last) else 0.0
        return (np.all(lo <= q) and np.all(q <= hi) and np.hypot(*(q - star)) >= 0.99 * r
                and cos <= np.cos(np.radians(BESIDE_ALONG)))

    def beside(name):
        """The best way for `name`'s square, and how far it then stands from the rest."""
        others = [at[n] + moved[n] for n in at if n != name]

        def room(w):
            return min((np.hypot(*(at[name] + w - q)) for q in others), default=np.inf)
        best = max([w for w in ways if fits(name, w)] or ways, key=room)
        return best, room(best)

    for name in at:
        if np.hypot(*(at[name] - star)) < ON_STAR * (rx1 - rx0) * per_unit:
            moved[name] = beside(name)[0]
    for _ in range(len(at)):
        d, a, b = min(((np.hypot(*(at[a] + moved[a] - at[b] - moved[b])), a, b)
                       for a, b in itertools.combinations(at, 2)), default=(np.inf, "", ""))
        if d >= clear:
            break
        free = [n for n in (a, b) if not moved[n].any()]
        if not free:
            break
        name, (way, _) = max(((n, beside(n)) for n in free), key=lambda c: c[1][1])
        moved[name] = way
    return {n: (float(w[0]), float(w[1])) for n, w in moved.items()}


def clearance(side: float, rim: float) -> float:
    """The least distance between two end squares' centres (and from a square's centre to the
    inset's frame): a side and a rim either side of it, so that neither square's rim covers
    the other's colour."""
    return side + 2 * rim


def _exit_mark(theme, color) -> dict:
    """The cross where a run leaves the frame (theme.marker("left")), in its colour, ringed in
    the page's."""
    return theme.marker("left") | {"markerfacecolor": color}


#: Line width (points) of each run's distance curve; of the two thin lines (the highs and the
#: lows of a distance that goes up and down at every step, see_saw) and the opacity of the band
#: between them; a run see-saws from the first step after which more than SEE_SAW of its
#: steps turn back, over SEE_SAW_LEAST steps at least.
PROGRESS_WIDTH, ENVELOPE_WIDTH, ENVELOPE_ALPHA = 1.3, 0.5, 0.3
SEE_SAW, SEE_SAW_LEAST = 0.8, 20
#: The saddle's |w₂| axis ends this factor above the frame's edge: room inside the panel for
#: the exit crosses that stand on the edge line.
EDGE_HEADROOM = 1.5
#: Where runs end in squares on the distance panel (beside others' exits), its step axis runs
#: this fraction of the steps past the last one, so the last step's square stands inside it.
END_ROOM = 0.04


def see_saw(d) -> int:
    """The step from which the distances d go up and down at every step to the end (more than
    SEE_SAW of the steps after it turn back, over SEE_SAW_LEAST steps at least): Adadelta's on
    Beale's function; the last step if they never do."""
    d = np.asarray(d, float)
    turn = np.diff(np.sign(np.diff(d))) != 0  # turn[j]: step j+1 turns back
    for k in range(len(turn) - SEE_SAW_LEAST):
        if turn[k] and np.mean(turn[k:]) > SEE_SAW:
            return k + 1
    return len(d) - 1


def see_saw_envelope(d) -> tuple[np.ndarray, np.ndarray]:
    """The highs and the lows of distances that go up and down at every step: at each step the
    larger and the smaller of it and its neighbours."""
    d = np.asarray(d, float)
    pad = np.concatenate([d[:1], d, d[-1:]])
    three = np.stack([pad[:-2], pad[1:-1], pad[2:]])
    return three.max(axis=0), three.min(axis=0)


def progress_panel(ay, theme, race, trajectories, out) -> None:
    """Each run's distance to the minimum (races.progress: |y| where the surface has none) at
    every step on a log axis; a run that leaves the frame ends in a cross on the frame's edge."""
    gm.style_axes(ay, theme)
    dist = races.progress(race, trajectories)
    order = stacking(race, out)
    for name, d in dist.items():
        c = theme.opt(name)
        z = 10 - order.index(name)
        k = len(d) if out[name].exit is not None else see_saw(d)
        ay.plot(np.arange(min(k + 1, len(d))), d[:k + 1], color=c, lw=PROGRESS_WIDTH, zorder=z,
                gid=f"progress:{name}")
        if k < len(d) - 1:  # from step k the distance goes up and down at every step: its
            # highs and its lows, each a thin line, a pale band between them
            hi, lo = see_saw_envelope(d[k:])
            steps = np.arange(k, len(d))
            ay.fill_between(steps, lo, hi, color=c, alpha=ENVELOPE_ALPHA, lw=0, zorder=z - 0.5,
                            gid=f"progress-band:{name}")
            for part, v in (("high", hi), ("low", lo)):
                ay.plot(steps, v, color=c, lw=ENVELOPE_WIDTH, zorder=z,
                        gid=f"progress-{part}:{name}")
    # where a panel shows runs leaving the frame (their crosses), a run that stays ends, as on
    # the map, in its square at its last step: a line running off the panel's end would read
    # as cut short
    if any(o.exit is not None for o in out.values()):
        for name, d in dist.items():
            if out[name].exit is None:
                ay.plot(len(d) - 1, d[-1], gid=f"progress-end:{name}", clip_on=False,
                        **theme.end(theme.opt(name), zorder=12))
    # where a run leaves the frame: |y| reaches the frame's edge, where its cross stands, each
    # on the edge at its step, the later exit's over the earlier one's
    for step, name in sorted((o.exit.step, name) for name, o in out.items()
                             if o.exit is not None):
        ay.plot(step, abs(out[name].exit.point[1]), gid=f"progress-exit:{name}", clip_on=False,
                **(_exit_mark(theme, theme.opt(name)) | {"zorder": 12 + step / race.steps}))
    ay.set_yscale("log")
    # where a run's end square stands at the last step, room for it inside the axes' end
    ends = any(o.exit is not None for o in out.values())
    ay.set_xlim(0, race.steps * (1 + END_ROOM if ends else 1))
    # round steps that end on the last one (the direct labels narrow the panel, and matplotlib
    # would then number 0 to 100 by 25 on the saddle's 120 steps, leaving its end unnumbered:
    # 0 to 120 by 40, Beale's 300 by 100, the valley's 80 by 20)
    ay.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 4, 5, 10], integer=True))
    ay.set_xlabel(AXIS_LABELS["step"])
    if race.surface.minimum is None:
        (_, _), (_, y1) = race.window
        ay.axhline(y1, **theme.line("reference", color=theme.muted, linewidth=0.9, zorder=1))
        # named at the right, under the line, past the last run's exit, on two lines so no
        # run's climb to its cross passes through the words: the axis ends just above the edge
        # (no decade beyond it, nothing drawn there)
        ay.text(race.steps * 0.995, y1 / 1.3, "edge of\nthe frame", fontsize=theme.small_size,
                color=theme.muted, va="top", ha="right", gid="edge-label")
        lo = min(float(d.min()) for d in dist.values())
        ay.set_ylim(lo * 0.6, y1 * EDGE_HEADROOM)
        ay.set_ylabel(AXIS_LABELS["ridge distance"])
    else:
        lo = min(float(d.min()) for d in dist.values())
        hi = max(float(d.max()) for d in dist.values())
        ay.set_ylim(lo / 2, hi * 2)
        ay.set_ylabel("distance to the minimum")
    # Every decade in view, and none beyond (a short axis would label only every third).
    lo, hi = ay.get_ylim()
    ay.set_yticks([10.0**e for e in range(int(np.ceil(np.log10(lo))),
                                          int(np.floor(np.log10(hi))) + 1)])
    ay.yaxis.set_minor_locator(NullLocator())  # the decades only: no comb of minor ticks
