"""Feature scaling

The same data, the same starting line and the same number of gradient-descent steps ({steps}),
once with the raw inputs x and once with the standardised inputs z = (x − μ)/σ
(μ = {mu}, σ = {sd}). Left: with raw x the bowl of J is a long, narrow valley; its
curvature differs {cond_raw:.0f}-fold between the steepest and the flattest direction. At a
rate just under the limit (α = {lr_raw:.3f}) each step jumps across the valley floor to the far
wall, its distance from the floor multiplied by −{bounce:.2f}, while along the floor it gains
well under 1 % of the way; its path, drawn faintly on the map, merges into a short smear
there. The box beside the start, joined to the middle panel that zooms it
(coloured as the raw map is, each colour the same cost in both), shows the zig-zag, still
{kept:.2f} of its first width after {steps} steps, and J = {j_raw}; the zoom enlarges b
{stretch} times more than m (as the panel says), so the diagonal valley stands near upright in
it, and the run ends on its square. Right: with the scaled (standardised) z the
bowl is round (curvature ratio {cond_scaled:.0f}); the gradient
points at the minimum, and the path (α = {lr_scaled:g}) runs straight to it, halving its
distance at each step: J ≈ J* = {j_scaled}, the least-squares minimum. A dot marks each landing
that stands clear of the one before and of the star; the later ones lie within a dot of the
minimum, under the star (the run ends {near} from it), and the end square, hollow, is drawn at
the last point and frames the star, as every end on a minimum is drawn.
Each map's title gives its curvature ratio, its rate and the cost after {steps} steps.

Alt: Three panels. Left, a contour map of long, narrow diagonal ellipses; near its top left a
small box round the start and the run's faint, short path, far from the minimum in the middle of
the valley, joined by two thin lines to the middle panel. Middle, that box enlarged, stretched
upwards, as a note under its title says: from the start ring the path jumps from one wall of the
valley to the other and back, {steps} times, each landing a dot that darkens with time, the last
a small hollow square, the jumps slowly narrowing as the path creeps down the valley. Right,
concentric circles and a straight path of halving steps from the start to the minimum at the
centre; its first landings are dots, the line runs into the star, framed by a hollow square, the
run's end; its last steps lie under the star.
"""

import functools

import matplotlib.colors as mcolors
import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.legend_handler import HandlerLine2D
from matplotlib.markers import MarkerStyle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import IdentityTransform

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th

#: The zoom's margin around the raw run's points, as a fraction of their extent per axis: the
#: start's ring clear of the left spine, and the "step 1" over the first landing clear of the
#: top one (at 0.1 it touched the frame once the panel was square).
ZOOM_PAD = (0.1, 0.14)
#: Area (points²) of every step's dot, one size in the three panels.
DOT = 12
#: Edge width (points) of a step's dot.
DOT_EDGE = 0.5
#: The scaled panel's half-width, in m' and in b' alike (its frame square, gm.map_box), as a
#: multiple of the run's larger distance from the minimum, in m' or in b': its start clear of
#: the frame, and the run as large as it can be drawn, so that as many of its halving steps as
#: possible stand apart before they shrink under a dot; inside gdcore's grid (1.25 times that
#: distance either side of the minimum).
SCALED_VIEW = 1.2
#: The raw run's path on its overview (width in points, opacity): faint, its bounces merged.
RAW_PATH = (0.4, 0.6)


def facts() -> dict:
    fs = procedure.FEATURE_SCALING.run()
    x, _ = data.regression_points()
    _, mu, sd = regression.standardize(x)
    across = fs.raw.across()
    return dict(steps=fs.raw.trajectory.steps, mu=nb.text(mu, sig=3), sd=nb.text(sd, sig=3),
                cond_raw=fs.raw.condition,
                cond_scaled=fs.scaled.condition, lr_raw=fs.raw.lr, lr_scaled=fs.scaled.lr,
                j_raw=nb.cost(fs.raw.trajectory.losses[-1]),
                j_scaled=nb.cost(fs.scaled.trajectory.losses[-1]),
                bounce=abs(across[1] / across[0]), kept=abs(across[-1] / across[0]),
                stretch=nb.text(stretch(*laid_out()[:2]), sig=2),
                near=nb.text(float(np.hypot(*(fs.scaled.trajectory.points[-1]
                                              - fs.scaled.optimum))), sig=2))


def time_shade(theme):
    """Early steps pale, late steps full accent."""
    return mcolors.LinearSegmentedColormap.from_list("time", [theme.background, theme.accent])


#: Where the time shade of the first landing's dot starts (time_shade's share of the accent);
#: each step's segment starts SEGMENT_LIFT above it. On the dark page a share near the page's
#: colour sank into the dark map: the early steps start nearer the accent there.
SHADE_FROM = {"light": 0.35, "dark": 0.6}
SEGMENT_LIFT = 0.15


def shades(theme, n: int) -> np.ndarray:
    """The time shades (time_shade's values) of the landings of steps 1..n, first to last."""
    return np.linspace(SHADE_FROM[theme.name], 1.0, n)


def _steps(ax, theme, pts, gid, keep=None):
    """A dot where each step lands, shaded by time (shades: pale at the first, 1 at the last);
    `keep`: the indices of the steps (1 = the first) that get one, every step by default."""
    keep = np.arange(1, len(pts)) if keep is None else np.asarray(keep)
    ax.scatter(pts[keep, 0], pts[keep, 1], c=shades(theme, len(pts) - 1)[keep - 1],
               cmap=time_shade(theme), vmin=0, vmax=1, s=DOT, edgecolors=theme.accent,
               linewidths=DOT_EDGE, zorder=4, gid=gid)


#: Landing dots in the steps' key: the first, a middle and the last shade.
KEY_LANDINGS = 3


class StepsKey(HandlerLine2D):
    """The steps' key as the steps are drawn: the path's line, KEY_LANDINGS landing dots along
    it shaded as the first, a middle and the last step's (_steps)."""

    def __init__(self, theme):
        super().__init__()
        self.theme = theme

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize,
                       trans):
        (line,) = super().create_artists(legend, orig_handle, xdescent, ydescent, width,
                                         height, fontsize, trans)[:1]
        theme, r = self.theme, np.sqrt(DOT) / 2 + DOT_EDGE
        colors = time_shade(theme)(shades(theme, KEY_LANDINGS))
        xs = np.linspace(-xdescent + r, -xdescent + width - r, KEY_LANDINGS)
        y = (height - ydescent) / 2
        dots = PathCollection([MarkerStyle("o").get_path().transformed(
            MarkerStyle("o").get_transform())], sizes=[DOT], offsets=np.column_stack(
                [xs, np.full(KEY_LANDINGS, y)]), offset_transform=trans, facecolors=colors,
            edgecolors=theme.accent, linewidths=DOT_EDGE, gid="steps-key")
        dots.set_transform(IdentityTransform())
        return [line, dots]


def dot_radius() -> float:
    """A step's dot's radius on the page, its edge included (points)."""
    return np.sqrt(DOT) / 2 + DOT_EDGE / 2


def star_radius(theme) -> float:
    """The minimum's star's radius on the page, its edge included (points)."""
    star = theme.marker("minimum")
    return star["markersize"] / 2 + star["markeredgewidth"] / 2


def shown_steps(ax, theme, run, end=None) -> np.ndarray:
    """The steps of a run that get a dot (1 = the first; call once the figure is laid out):
    each a dot's width from the one before and clear of the minimum's star, so that the last
    steps, shorter than a dot, do not pile up on the star; and, given the run's `end` mark
    (framing the star, gm.end_at), a point of page or more clear of its square."""
    pts = run.trajectory.points
    kept = 1 + gm.apart(ax, pts[1:], 2 * dot_radius(), clear=run.optimum,
                        clear_gap=star_radius(theme) + dot_radius())
    if end is None:
        return kept
    half = end.half()
    page = ax.transData.transform(pts[kept]) * 72 / ax.figure.dpi
    out = np.maximum(np.abs(page - end.page_xy()) - half, 0)
    return kept[np.hypot(*out.T) - dot_radius() >= 1.0]


def _panel(ax, theme, run, title, xlabel, ylabel, path=True):
    """A run's map, its path (where `path`), start and minimum; the landing dots are the
    caller's."""
    M, B, J = run.grid
    gm.contour_map(ax, theme, M, B, J)
    pts = run.trajectory.points
    if path:
        ax.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=0.9, zorder=3, gid="path",
                label=f"{run.trajectory.steps} steps, each landing shaded by time")
    ax.plot(*pts[0], **theme.marker("start"), label="start")
    ax.plot(*run.optimum, **(theme.marker("minimum") | {"zorder": 3.5}), label="minimum",
            gid="minimum")
    ax.set_xlim(M.min(), M.max())
    ax.set_ylim(B.min(), B.max())
    for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        axis.set_ticks([t for t in axis.get_ticklocs() if lo <= t <= hi])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    # the rate and the cost reached (after the steps the caption counts), under the title,
    # two lines in all (no words over the map)
    ax.set_title(th.title(title) + "\n" + nb.hyper(r"\alpha", run.lr, "mathtext")
                 + f", ${cost_reached(run)}$",
                 pad=title_pad(theme))  # level with the zoom's, clear of the top tick


def cost_reached(run) -> str:
    """The cost after the run's steps, as its title writes it (maths): "J = 0.940", or, where
    it is the least cost to the figures written, "J \\approx J^* = 0.00903" (equal to the
    figures written, not exactly)."""
    j = run.trajectory.losses[-1]
    star = regression.cost(*run.optimum, run.x, data.regression_points()[1])
    written = nb.cost(j, "latex")
    return (rf"J \approx J^* = {written}" if written == nb.cost(star, "latex")
            else f"J = {written}")


def zoom_window(pts) -> tuple[tuple[float, float], tuple[float, float]]:
    """The zoom's (m range, b range): the raw run's points with ZOOM_PAD around them."""
    return gm.padded_box(pts, ZOOM_PAD)


def _zoom(zx, ax, theme, run):
    """The raw run's box, zoomed: each step a segment from wall to wall, shaded by time, its
    landing dot likewise; the box marked on the raw map."""
    pts = run.trajectory.points
    (m0, m1), (b0, b1) = zoom_window(pts)
    x, y = data.regression_points()
    M, B, J = regression.cost_grid(x, y, (m0, m1), (b0, b1), run.grid[0].shape[0])
    gm.inset_map(zx, ax, theme, M, B, J)  # the raw map's colours: one colour, one J in both
    segs = np.stack([pts[:-1], pts[1:]], axis=1)
    lift = SHADE_FROM[theme.name] + SEGMENT_LIFT
    shade = time_shade(theme)(np.linspace(lift, 1.0, len(segs)))
    zx.add_collection(LineCollection(segs, colors=shade, linewidths=1.4, zorder=3,
                                     gid="bounces"))
    # a dot at each landing but the last, which takes the house end square (gm.end_at)
    _steps(zx, theme, pts, "zoom-steps", np.arange(1, len(pts) - 1))
    gm.end_at(zx, theme, tuple(pts[-1]), theme.end(), gid="zoom-end")
    zx.plot(*pts[0], **theme.marker("start"))
    # step 1 above and left of its dot (in the empty corner, clear of the frame), the last
    # step right of its dot
    for k, xy, ha, va in ((1, (-5, 3), "right", "bottom"), (len(pts) - 1, (6, 0), "left",
                                                              "center")):
        zx.annotate(f"step {k}", pts[k], xytext=xy, textcoords="offset points", ha=ha,
                    va=va, fontsize=theme.small_size, color=theme.text)
    zx.set_xlim(m0, m1)
    zx.set_ylim(b0, b1)
    zx.set_xlabel(th.AXIS_LABELS["slope"])
    zx.set_ylabel(th.AXIS_LABELS["intercept"])
    # two lines, as the maps' titles: how much of its width each step keeps is the caption's
    # the stretch's note (_stretch_note) stands between the title and the frame
    zx.set_title(th.title("the box zoomed: each step\nflips across the valley"),
                 pad=title_pad(theme))
    # no tick number at the zoom's foot or top, where the connectors come in (a small-scale
    # window: its last number sat on the line)
    zx.set_yticks([t for t in zx.get_yticks()
                   if b0 + 0.1 * (b1 - b0) <= t <= b1 - 0.1 * (b1 - b0)])


def _zoom_box(ax, zx, theme, run):
    """The zoom's window on the raw map, exactly the zoom's limits (the landings are the zoom's
    alone: the overview draws none), the zoom's frame and two leaders from the window's right
    corners to the zoom panel's left ones (gm.zoom_inset)."""
    gm.zoom_inset(zx, ax, theme, window=zoom_window(run.trajectory.points), zorder=5)


def stretch(ax, zx) -> float:
    """How many times more the zoom enlarges b than m against the overview (call once the
    figure is laid out): its window, wide and flat, fills a panel as tall as the overview's,
    so the diagonal valley stands near upright in it."""
    def scale(a):
        (x0, y0), (x1, y1) = a.transData.transform([(0, 0), (1, 1)])
        return x1 - x0, y1 - y0
    (mx, bx), (mz, bz) = scale(ax), scale(zx)
    return (bz / bx) / (mz / mx)


#: The zoom's note of its stretch, in the small size under its title (a line of its own
#: between the title and the frame, STRETCH_GAP points over the frame).
STRETCH_NOTE = "($b$ stretched {k}× more than $m$)"
STRETCH_GAP = 4


def title_pad(theme) -> float:
    """The three titles' pad (points): the zoom's stands over its stretch's note, and the maps'
    on one level with it, so the row of titles reads on one line."""
    return STRETCH_GAP + 2 * theme.small_size


def _stretch_note(ax, zx, theme):
    """The zoom's stretch said on the panel, under its title (call once laid out)."""
    k = nb.text(stretch(ax, zx), sig=2)
    zx.annotate(STRETCH_NOTE.format(k=k), (0.5, 1), xycoords="axes fraction",
                xytext=(0, STRETCH_GAP), textcoords="offset points", ha="center",
                va="bottom", fontsize=theme.small_size, color=theme.text, gid="stretch")


def _scaled_view(ax, run):
    """The scaled map's window (call once the figure is laid out): SCALED_VIEW times the run's
    larger reach (in m' or b') either side of the minimum, on both axes, at the one scale the
    square frame (gm.map_box) gives them (the round bowl stays round), centred on the minimum,
    its start inside and the window inside the run's grid."""
    (m_opt, b_opt), start = run.optimum, run.trajectory.points[0]
    half = SCALED_VIEW * np.abs(start - run.optimum).max()
    box = ax.get_window_extent()
    tall = half * box.height / box.width
    M, B = run.grid[:2]
    if not (M.min() <= m_opt - half and m_opt + half <= M.max()
            and B.min() <= b_opt - tall and b_opt + tall <= B.max()
            and abs(start[0] - m_opt) < half and abs(start[1] - b_opt) < tall):
        raise ValueError("the scaled panel's window leaves its grid or its start")
    ax.set_xlim(m_opt - half, m_opt + half)
    ax.set_ylim(b_opt - tall, b_opt + tall)
    for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        axis.set_major_locator(MaxNLocator(integer=True))
        axis.set_ticks([t for t in axis.get_ticklocs() if lo <= t <= hi])


#: The figure's height, inches: three square maps (gm.map_box) across the page's width, their
#: titles over them and the key under them, with no band of empty page.
HEIGHT = 3.05


#: The end square's key, one word as every still's: the zoomed raw run ends on its square; the
#: scaled one ends on the minimum (within a dot of it on the page), so its square, at its last
#: point, frames the star, as every end on a minimum is drawn (gm.end_at), and its last
#: landings lie under the star: the caption says so, and how near it ends.
END_KEY = "end"


@functools.cache
def laid_out():
    """The figure's axes (the raw map, the zoom, the scaled map), laid out in the light theme:
    the zoom's stretch for the caption, as the page draws it."""
    theme = th.get("light")
    with gm.themed(theme):
        fig = make_figure(theme)
        fig.draw_without_rendering()
    return fig.axes[:3]


def make_figure(theme):
    fs = procedure.FEATURE_SCALING.run()
    fig, (ax, zx, sx) = gm.subplots(theme, 1, 3, height=HEIGHT)
    for a in (ax, zx, sx):
        gm.map_box(a)  # every map of J square, the zoom beside them too
    for a, run, name in ((ax, fs.raw, "raw $x$"), (sx, fs.scaled, "scaled $z$")):
        _panel(a, theme, run, f"{name}: curvature ratio {run.condition:.0f}",
               th.AXIS_LABELS["slope on z" if run is fs.scaled else "slope"],
               th.AXIS_LABELS["intercept on z" if run is fs.scaled else "intercept"],
               path=run is fs.scaled)
    # the raw run's 16 bounces merge into one blot at the overview's scale: there its start,
    # its path drawn faintly (thin, no landings) and the box; the landings in the zoom
    raw = fs.raw.trajectory.points
    ax.plot(raw[:, 0], raw[:, 1], color=theme.accent, linewidth=RAW_PATH[0], alpha=RAW_PATH[1],
            zorder=3, gid="raw-path", solid_joinstyle="round")
    _zoom(zx, ax, theme, fs.raw)
    # the end square's key (the square is drawn once the page is laid out, framing the star;
    # the key is the house square alone, gm.EndKey)
    end = theme.end()
    key = gm.EndKey(None, **end, label=END_KEY, gid="end-key")
    sx.add_line(key)
    # one legend for the three panels, one row under them (no legend over a map)
    handles, labels = sx.get_legend_handles_labels()
    handles, labels = handles[:-1], labels[:-1]  # the end key last
    # the steps' key shows what it names: the path with landings shaded from pale to full
    fig.legend([*handles, key], [*labels, END_KEY], loc="outside lower center", ncols=2,
               frameon=False, handler_map={handles[0]: StepsKey(theme)})
    fig.draw_without_rendering()  # the layout fixes the maps' scales on the page
    # one scale for m' and b' (the round bowl is round) in a panel as tall as the others
    _scaled_view(sx, fs.scaled)
    fig.draw_without_rendering()
    _zoom_box(ax, zx, theme, fs.raw)
    _stretch_note(ax, zx, theme)
    pts = fs.scaled.trajectory.points
    # the run ends on the minimum: its square at its last point, hollow, framing the star
    key.mark = gm.end_at(sx, theme, tuple(pts[-1]), end, star_xy=fs.scaled.optimum,
                         star={"zorder": 3.5})
    shown = shown_steps(sx, theme, fs.scaled, key.mark)
    _steps(sx, theme, pts, "steps", shown)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
