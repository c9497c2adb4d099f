"""Building blocks of the 2-D descent scenes: a contour map, a growing trail, a growing loss plot
and live readouts, all driven by one ValueTracker of the step index.

The blocks draw numbers they are given (gdcore's grids, trajectories, losses) and compute none:

    img = contour_image(theme, M, B, J, ax)                 # ONE ImageMobject on the axes
    trail = Trail(ax, traj.points, step, color=theme.accent)  # grows with the tracker `step`
    plot = LossPlot(theme, traj.losses, step, x_range=(0, 1000, 200), y_exp=(-3, 2))
    group, num = live_readout("J", lambda: float(traj.losses[k()]), places=4)

A tracker value s between two steps draws the path up to step floor(s) and then a straight tip
towards step floor(s) + 1 (a tween of the segment gdcore's step k → k + 1 really is); every
anchor before the tip is one of gdcore's points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    Dot,
    FadeIn,
    ImageMobject,
    LineJointType,
    LogBase,
    MarkupText,
    MathTex,
    SingleStringMathTex,
    Text,
    Triangle,
    ValueTracker,
    VGroup,
    VMobject,
)

from . import colors, numbers
from .manim_theme import TICK_SIZE, MixedText, add_axis_labels, power_tick, readout
from .theme import CASING_WIDTH, CLASS_MARKERS, Theme
from .views import contour_levels

# ------------------------------------------------------------------------- the contour map


#: The width of a map's level lines, in scene units (Manim's frame is 8 tall): 1.2 px at
#: 480p, 2.7 px at 1080p, as thin as the single grid pixel they were, but smooth.
LEVEL_LINE = 0.02


def map_pixels(width: float, height: float) -> tuple[int, int]:
    """The (columns, rows) of screen pixels that a map of `width` × `height` scene units takes
    at the render's resolution (manim's config): the size at which a map is traced."""
    from manim import config

    per_unit = config.pixel_width / config.frame_width
    return max(2, int(round(width * per_unit))), max(2, int(round(height * per_unit)))


def _resampled(U: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """U (rows follow y upwards) resampled by a bicubic spline at the centres of a grid of
    size = (columns, rows) cells that spans the same window (U's first and last samples lie on
    the window's edges)."""
    from scipy.interpolate import RectBivariateSpline

    (rows, cols), (w, h) = U.shape, size
    r = (np.arange(h) + 0.5) / h * (rows - 1)
    c = (np.arange(w) + 0.5) / w * (cols - 1)
    return RectBivariateSpline(np.arange(rows), np.arange(cols), U)(r, c)


def contour_rgba(theme: Theme, Z, log: bool = True, levels: int | None = None,
                 cmap: str | None = None, fade: float = 0.0, lines: bool = True,
                 span=None, size: tuple[int, int] | None = None,
                 line_px: float = 1.0) -> np.ndarray:
    """The RGBA uint8 image (rows top to bottom) of a grid Z whose rows follow y upwards.

    Banded like a filled contour plot in the theme's cost-map treatment (theme.cost_map):
    `levels` (its levels by default) log-spaced (or linear) levels between the grid's smallest
    positive and largest value, coloured by its fills at full strength (`fade` > 0 mixes them
    towards the background), with its level-line colours on the band boundaries when `lines`.
    span = (least, largest) value: levels over that range instead of Z's own (a zoom into a
    map keeps the map's colours and level lines).

    size = (columns, rows): the image traced at that size (the screen pixels the map takes,
    map_pixels), the level coordinate resampled from Z's grid by cubic splines, so that the
    thin innermost levels are traced at the screen's resolution, not the grid's. The level
    lines are anti-aliased, `line_px` pixels wide: each pixel is inked by its distance to the
    nearest level (the level coordinate's distance over its gradient), never a staircase of
    whole grid cells.
    """
    import matplotlib

    cm = theme.cost_map
    levels = cm.levels if levels is None else levels
    Z = np.asarray(Z, dtype=np.float64)
    lv = contour_levels(Z if span is None else [list(span)], levels, log)
    lo, hi = float(lv[0]), float(lv[-1])
    # u: the level coordinate, level k at u = k (0 … levels − 1), smooth wherever Z is
    if log:
        u = np.log(np.maximum(Z, lo) / lo) / np.log(hi / lo)
    else:
        u = (Z - lo) / (hi - lo)
    u = u * (levels - 1)
    if size is not None:
        u = _resampled(u, size)
    u = u.astype(np.float32)  # single precision: a map a frame (the zoom out) stays quick
    # each band's fill and each level's line colour, looked up by index (a palette of
    # `levels` colours, not the colour maps over every pixel)
    band = np.clip(np.floor(u), 0, levels - 2).astype(np.intp)
    fills = matplotlib.colormaps[cmap or cm.cmap]((np.arange(levels - 1) + 0.5)
                                                  / (levels - 1))[:, :3]
    if fade:
        fills = colors.mix(fills, colors.rgb(theme.background), fade)
    rgb = fills.astype(np.float32)[band]
    if lines:
        # the boundaries between bands: levels 1 … levels − 2 (0 and levels − 1 are the grid's
        # least and largest values, points). Distance in pixels to the nearest of them.
        near = np.clip(np.rint(u), 1, levels - 2)
        gy, gx = np.gradient(u)
        dist = np.abs(u - near) / np.maximum(np.hypot(gx, gy), 1e-12)
        ink = np.clip(line_px / 2 + 0.5 - dist, 0.0, 1.0)
        on = ink > 0  # the few pixels a line touches
        palette = matplotlib.colormaps[cm.line_cmap](np.arange(levels) / (levels - 1))[:, :3]
        line_rgb = palette.astype(np.float32)[near[on].astype(np.intp)]
        rgb[on] += (line_rgb - rgb[on]) * ink[on][:, None]
    rgba = np.full(rgb.shape[:2] + (4,), 255, dtype=np.uint8)
    rgba[..., :3] = (rgb * 255 + 0.5).astype(np.uint8)
    return np.flipud(rgba)


def contour_image(theme: Theme, X, Y, Z, ax: Axes, log: bool = True, **kw) -> ImageMobject:
    """ONE ImageMobject of the grid (X, Y, Z) (regression.cost_grid's order: rows follow Y),
    stretched so its corners sit exactly on ax at the grid's corners, traced at the screen
    pixels it takes (map_pixels; level lines LEVEL_LINE wide). kw: contour_rgba's."""
    X, Y = np.asarray(X), np.asarray(Y)
    lo = ax.c2p(float(X.min()), float(Y.min()))
    hi = ax.c2p(float(X.max()), float(Y.max()))
    w, h = abs(hi[0] - lo[0]), abs(hi[1] - lo[1])
    kw.setdefault("size", map_pixels(w, h))
    kw.setdefault("line_px", line_pixels())
    img = ImageMobject(contour_rgba(theme, Z, log=log, **kw))
    img.stretch_to_fit_width(hi[0] - lo[0])
    img.stretch_to_fit_height(hi[1] - lo[1])
    img.move_to((lo + hi) / 2)
    img.set_z_index(-1)
    return img


def line_pixels() -> float:
    """LEVEL_LINE in screen pixels at the render's resolution."""
    from manim import config

    return LEVEL_LINE * config.pixel_width / config.frame_width


def map_axes(theme: Theme, x_range, y_range, width: float, height: float, x_label: str = "m",
             y_label: str = "b", places: int | None = None, tick_size: float = TICK_SIZE,
             y_format: Callable[[float], str] | None = None, corner_y: bool = True,
             y_powers: bool = False) -> Axes:
    """Axes for a map (contours under a path): a frame around the window with ticks at the
    multiples of each range's step along its bottom and left edges, wherever 0 lies (c2p/p2c
    as for any Axes). Tick numbers in their shortest form, or with `places` decimals, at font
    size `tick_size` (never under the house minimum TICK_SIZE); y_format (the LaTeX of a y
    tick's value) overrides the y ticks' form, e.g. lambda v: f"10^{{{v:g}}}" for a panel of
    log10 values; y_powers numbers them as powers of ten instead, 10^v (power_tick: the
    house's readable exponent). corner_y=False leaves the y tick at the bottom-left corner
    unnumbered, where its number would touch the first x number."""
    tick_size = max(tick_size, TICK_SIZE)
    ax = Axes(x_range=list(x_range), y_range=list(y_range), x_length=width, y_length=height,
              tips=False, axis_config={"stroke_opacity": 0, "include_ticks": False,
                                       "include_numbers": False})
    (x0, x1), (y0, y1) = x_range[:2], y_range[:2]
    corners = [ax.c2p(x0, y0), ax.c2p(x1, y0), ax.c2p(x1, y1), ax.c2p(x0, y1), ax.c2p(x0, y0)]
    frame = VMobject(stroke_color=theme.muted, stroke_width=2).set_points_as_corners(corners)
    ax.add(frame)
    ax.frame = frame  # a scene may take it out, to move or fade it apart from the ticks
    def fmt(v: float) -> str:  # the house tick form (1, 0.5, -1.75) unless places is given
        v = round(float(v), 10) + 0.0  # no "-0"
        return f"{v:.{places}f}" if places is not None else numbers.tick(v, "latex")

    def ticks(lo: float, hi: float, step: float) -> np.ndarray:  # round multiples of step
        return np.arange(np.ceil(lo / step - 1e-9), np.floor(hi / step + 1e-9) + 1) * step

    for v in ticks(x0, x1, x_range[2]):
        p = ax.c2p(v, y0)
        tick = VMobject(stroke_color=theme.muted, stroke_width=2)
        tick.set_points_as_corners([p, p + 0.1 * DOWN])
        num = MathTex(fmt(v), font_size=tick_size, color=theme.text)
        ax.add(tick, num.next_to(p, DOWN, buff=0.16))
    widest = 0.0
    for v in ticks(y0, y1, y_range[2]):
        p = ax.c2p(x0, v)
        tick = VMobject(stroke_color=theme.muted, stroke_width=2)
        tick.set_points_as_corners([p, p + 0.1 * LEFT])
        num = (power_tick(v, theme.text) if y_powers
               else MathTex((y_format or fmt)(v), font_size=tick_size, color=theme.text))
        num.next_to(p, LEFT, buff=0.16)
        ax.add(tick)
        if corner_y or v > y0 + 1e-9:
            ax.add(num)
        widest = max(widest, num.width)
    # the y label left of the widest tick number, a clear gap between them
    add_axis_labels(theme, ax, x_label, y_label, ax.c2p(x1, y0), ax.c2p(x0, y1), y_left=True,
                    y_buff=max(0.6, 0.16 + widest + 0.18))
    return ax


# ------------------------------------------------------------------------- the trail


def scene_points(ax: Axes, xs, ys) -> np.ndarray:
    """The scene points (n × 3) of data points: one vectorised Axes.c2p (which gives arrays
    of coordinates back as rows of x, y, z), not one call per point."""
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    return np.asarray(ax.c2p(xs, ys), dtype=np.float64).reshape(3, -1).T


def partial_path(points: np.ndarray, s: float, tail: int | None = None) -> np.ndarray:
    """The data points of a path shown at tracker value s: points[0 … ⌊s⌋] and a tip
    interpolated towards points[⌊s⌋ + 1]; with `tail`, only the last `tail` steps of it."""
    p = np.asarray(points, dtype=np.float64)
    last = len(p) - 1
    s = float(np.clip(s, 0.0, last))
    k = int(np.floor(s + 1e-9))
    out = p[: k + 1]
    frac = s - k
    if k < last and frac > 1e-9:
        out = np.vstack([out, p[k] + frac * (p[k + 1] - p[k])])
    if tail is not None:
        start = max(0, int(np.ceil(s - tail)))
        out = out[start:]
    return out


class Trail(VMobject):
    """A polyline through a trajectory's (x, y) points, drawn up to the tracker's step.

    points: (k+1, 2) data coordinates (e.g. Trajectory.points, or races.visible_path of them);
    tracker: the step index. The trail redraws itself in an updater (cheap: one VMobject).
    `tail` keeps only the last `tail` steps (a fading comet tail when `fade_tail` is set).
    """

    def __init__(self, ax: Axes, points, tracker: ValueTracker, color, stroke_width: float = 4,
                 tail: int | None = None, fade_tail: bool = False, **kw):
        kw.setdefault("joint_type", LineJointType.ROUND)  # sharp zig-zags: no miter spikes
        super().__init__(stroke_color=color, stroke_width=stroke_width, **kw)
        self.ax = ax
        self.path = np.asarray(points, dtype=np.float64)
        self.tracker = tracker
        self.tail = tail
        self.fade_tail = fade_tail
        self._redraw()
        self.add_updater(lambda m: m._redraw())

    def __deepcopy__(self, memo):
        """A copy of the trail alone (the starting copy each animation of it makes, a ghost)
        draws on the same axes as the trail, which it only reads: copying the axes with it
        (every tick, number and label) was most of the time a race spent copying. A copy of
        anything larger that holds the trail (a group, a whole scene) may hold the axes too,
        and copies them as before."""
        if not memo:
            memo[id(self.ax)] = self.ax
        return super().__deepcopy__(memo)

    def shown(self) -> np.ndarray:
        """The data points drawn now."""
        return partial_path(self.path, self.tracker.get_value(), self.tail)

    def _redraw(self):
        pts = self.shown()
        if len(pts) < 2:
            pts = np.vstack([pts[:1], pts[:1]])
        self.set_points_as_corners(scene_points(self.ax, pts[:, 0], pts[:, 1]))
        if self.fade_tail:
            self.set_stroke(opacity=[0.0, 1.0])
        return self

    def head(self) -> np.ndarray:
        """The data point at the tracker's step (the trail's tip)."""
        return self.shown()[-1]


class Trails(VGroup):
    """Trails drawn as one (the layers of a fading tail): a group of Trail only, never their
    axes, so a copy of the group alone shares its trails' axes as a copy of one trail does."""

    def __init__(self, *trails: Trail, **kw):
        if not all(isinstance(m, Trail) for m in trails):
            raise TypeError("Trails holds Trail mobjects only")
        super().__init__(*trails, **kw)

    def __deepcopy__(self, memo):
        if not memo:
            for m in self.submobjects:
                memo[id(m.ax)] = m.ax
        return super().__deepcopy__(memo)


def cased(mob: VMobject, theme: Theme, width: float = CASING_WIDTH, line: bool = True):
    """Lay a VMobject drawn over a cost map (a trail, a dot) on its casing, as the stills'
    gdviz.mpl.casing does: a background stroke of the page colour, drawn under the mobject's
    own stroke and fill, `width` stroke units wider on each side than its stroke (a filled dot's
    fill covers the inner half: `width` shows outside). line=False: the casing alone (its own
    stroke hidden), a layer under a stack of paths. Returns mob."""
    mob.set_stroke(theme.background, mob.get_stroke_width() + 2 * width, background=True)
    return mob if line else mob.set_stroke(opacity=0)


def head_dot(trail: Trail, color, radius: float = 0.08) -> Dot:
    """A dot that rides on the tip of a trail."""
    dot = Dot(trail.ax.c2p(*trail.head()), radius=radius, color=color)
    dot.add_updater(lambda d: d.move_to(trail.ax.c2p(*trail.head())))
    dot.set_z_index(3)
    return dot


# ------------------------------------------------------------------------- the loss plot


def loss_axes(theme: Theme, x_range, y_exp: tuple[int, int], width: float, height: float,
              x_label: str | None = "t", y_label: str | None = "J", log: bool = True,
              y_step: float = 1, x_places: int = 0, log_t: bool = False,
              plus_one: bool = False, counts: bool = False, t_ticks=None) -> Axes:
    """Axes in the theme for a cost per step: y logarithmic with ticks 10^k for k in y_exp
    (c2p and p2c then take and give the cost itself), or linear over y_exp when log is False.

    With log_t the x axis runs over u = log10(t + 1) for t in [0, x_range[1]], ticked at
    t = 0, 1, 10, 100, … (see t_to_u); with plus_one too, ticked and numbered at t + 1 = 1, 10,
    100, … (a true log axis of t + 1, thousands separated), for an axis label that says t + 1;
    with counts, the log_t ticks are numbered as counts too (1,000, not 1000), and so are a
    linear x axis's numbers (x_range's third entry its tick step); t_ticks, when
    given, are the log_t ticks instead (e.g. without t = 1, whose number would touch 0's on a
    narrow axis)."""
    y_cfg = {"scaling": LogBase(custom_labels=True)} if log else {}
    x_cfg = {}
    if log_t:
        x_range = (0.0, float(t_to_u(x_range[1])), 1.0)
        x_cfg = {"include_numbers": False, "include_ticks": False}
    ax = Axes(
        x_range=list(x_range),
        y_range=[y_exp[0], y_exp[1], y_step],
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"color": theme.muted, "stroke_width": 2, "include_numbers": True,
                     "font_size": TICK_SIZE,
                     "decimal_number_config": {"color": theme.text,
                                               "num_decimal_places": x_places}},
        y_axis_config=y_cfg,
        x_axis_config=x_cfg,
    )
    if log_t:
        t_max = int(round(10 ** x_range[1] - 1))
        ticks = [0] + [10**k for k in range(int(np.log10(t_max)) + 1)]
        if plus_one:  # t + 1 = 1, 10, 100, …
            ticks = [10**k - 1 for k in range(int(np.log10(t_max + 1)) + 1)]
        if t_ticks is not None:
            ticks = list(t_ticks)
        for t in ticks:
            p = ax.c2p(t_to_u(t), 10.0 ** y_exp[0] if log else y_exp[0])
            tick = VMobject(stroke_color=theme.muted, stroke_width=2)
            tick.set_points_as_corners([p + 0.08 * UP, p + 0.08 * DOWN])
            shown = f"{t + 1:,}" if plus_one else f"{t:,}" if counts else str(t)
            shown = shown.replace(",", "{,}")
            num = MathTex(shown, font_size=TICK_SIZE, color=theme.text).next_to(p, DOWN, buff=0.18)
            ax.add(tick, num)
    if counts and not log_t:  # a linear step axis numbered as counts, in Manim's places
        nums = ax.x_axis.numbers
        for i, num in enumerate(nums.submobjects):
            v = int(round(float(ax.x_axis.p2n(num.get_center()))))
            nums.submobjects[i] = MathTex(f"{v:,}".replace(",", "{,}"), font_size=TICK_SIZE,
                                          color=theme.text).move_to(num).align_to(num, UP)
    if log:  # Manim's numbers 10^k replaced by the house's (power_tick), in their places
        labels = ax.y_axis.labels
        for i, num in enumerate(labels.submobjects):
            k = round(float(np.log10(ax.y_axis.p2n(num.get_center()))))
            labels.submobjects[i] = power_tick(k, theme.text).move_to(num).align_to(num, RIGHT)
    add_axis_labels(theme, ax, x_label, y_label, ax.x_axis.get_right(), ax.y_axis.get_top(),
                    size=30, x_drop=0.45)
    return ax


def t_to_u(t):
    """The x coordinate u = log10(t + 1) of step t on a log_t axis."""
    return np.log10(np.asarray(t, dtype=np.float64) + 1.0)


def u_to_t(u):
    """The step t of x coordinate u on a log_t axis."""
    return 10.0 ** np.asarray(u, dtype=np.float64) - 1.0


def clipped_curve(xs, ys, top: float | None, log: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys) up to where ys first exceeds top, ending exactly on top (interpolated in log
    space when log); unchanged when it never does."""
    xs, ys = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    if top is None:
        return xs, ys
    over = np.flatnonzero(ys > top)
    if over.size == 0:
        return xs, ys
    k = int(over[0])
    if k == 0:
        return xs[:1], np.minimum(ys[:1], top)
    f = (lambda v: np.log(v)) if log else (lambda v: v)
    a, b = f(ys[k - 1]), f(ys[k])
    frac = (f(top) - a) / (b - a)
    x_cross = xs[k - 1] + frac * (xs[k] - xs[k - 1])
    return np.append(xs[:k], x_cross), np.append(ys[:k], top)


class LossPlot(VGroup):
    """Axes and the curve of a cost per step that grows with the tracker (the step index).

    losses[t] is drawn at x = t; on log axes the y-range is 10^y_exp[0] … 10^y_exp[1] and a curve
    that climbs beyond the top is cut where it crosses it. `dot` rides on the curve's tip.
    """

    def __init__(self, theme: Theme, tracker: ValueTracker, x_range, y_exp, width: float,
                 height: float, x_label: str | None = "t", y_label: str | None = "J",
                 log: bool = True, ax: Axes | None = None, log_t: bool = False):
        super().__init__()
        self.theme = theme
        self.tracker = tracker
        self.log = log
        self.log_t = log_t
        self.ax = ax or loss_axes(theme, x_range, y_exp, width, height, x_label, y_label, log,
                                  log_t=log_t)
        self.top = 10.0 ** y_exp[1] if log else float(y_exp[1])
        self.add(self.ax)
        self.curves: list[VMobject] = []

    def curve_points(self, losses, s: float | None = None) -> np.ndarray:
        """The data points (t, J) of a loss curve drawn at tracker value s (default: now)."""
        s = self.tracker.get_value() if s is None else s
        ls = np.asarray(losses, dtype=np.float64)
        p = partial_path(np.column_stack([np.arange(ls.size), ls]), s)
        xs, ys = clipped_curve(p[:, 0], p[:, 1], self.top, self.log)
        return np.column_stack([xs, ys])

    def c2p(self, t, j) -> np.ndarray:
        """The scene point of step t (a float) and cost j."""
        return self.ax.c2p(float(t_to_u(t)) if self.log_t else t, j)

    def p2c(self, point) -> tuple[float, float]:
        """(t, J) of a scene point: the inverse of c2p."""
        u, j = self.ax.p2c(point)
        return (float(u_to_t(u)) if self.log_t else u), j

    def curve(self, losses, color, stroke_width: float = 4,
              tracker: ValueTracker | None = None) -> VMobject:
        """A VMobject of losses that redraws itself with the tracker (add it to the scene);
        `tracker` gives this curve its own step index instead of the plot's."""
        path = VMobject(stroke_color=color, stroke_width=stroke_width,
                        joint_type=LineJointType.ROUND)
        path.losses = np.asarray(losses, dtype=np.float64)

        def redraw(m):
            pts = self.curve_points(m.losses, None if tracker is None else tracker.get_value())
            if len(pts) < 2:
                pts = np.vstack([pts[:1], pts[:1]])
            m.set_points_as_corners(scene_points(
                self.ax, t_to_u(pts[:, 0]) if self.log_t else pts[:, 0], pts[:, 1]))

        redraw(path)
        path.add_updater(redraw)
        self.curves.append(path)
        return path

    def dot(self, curve: VMobject, color, radius: float = 0.08) -> Dot:
        """A dot on the tip of a curve made by self.curve."""
        d = Dot(curve.get_end(), radius=radius, color=color)
        d.add_updater(lambda m: m.move_to(curve.get_end()))
        d.set_z_index(3)
        return d


# ------------------------------------------------------------------------- live readouts


def set_number(number, v: float):
    """number.set_value(v) (a DecimalNumber or Integer), its glyphs set again only when the
    text it shows changes: setting the value builds every glyph anew, and a readout set every
    frame mostly shows the text of the frame before. Its value is v either way. (What it shows
    is noted with the value it was set to here: a value set since by other means sets it again.)"""
    text = number._get_num_string(v)
    if number.__dict__.get("shown") != (text, number.number):
        number.set_value(v)
    number.number, number.shown = v, (text, v)
    return number


def set_sig_number(number, v: float, sig: int = 3, most: int = 4):
    """set_number with the decimals that write v to `sig` significant figures, at most `most`
    (gdviz.numbers.sig_places): a live readout whose value runs from 2.14 to 0.0090 keeps its
    meaningful digits, one rule for every value it passes through."""
    from . import numbers

    number.num_decimal_places = numbers.sig_places(v, sig, most)
    return set_number(number, v)


def live_readout(label: str, value: Callable[[], float], places: int = 3, size: float = 30,
                 color=None) -> tuple[VGroup, object]:
    """'label = value' whose number follows value() every frame: returns (group, number)."""
    group, num = readout(label, value(), places, size, color)
    num.add_updater(lambda d: set_number(d, value()))
    return group, num


def step_of(tracker: ValueTracker, last: int) -> int:
    """The completed step at the tracker's value: ⌊s⌋ clipped to [0, last]."""
    return int(np.clip(np.floor(tracker.get_value() + 1e-9), 0, last))


def log_time(n: int) -> Callable[[float], float]:
    """A rate function for a tracker running over n steps: log-spaced in time, so early steps
    take as long as later decades ((n + 1)^t − 1) / n."""
    return lambda t: ((n + 1) ** t - 1) / n


def arrange_labels(items: Sequence, direction=RIGHT, buff: float = 0.5) -> VGroup:
    """A row (or column) of mobjects."""
    return VGroup(*items).arrange(direction, buff=buff)




def play_axes_in(scene, axes: Sequence[VMobject], *others, run_time: float = 1.2) -> None:
    """Build `axes` in one play (with `others`): their lines drawn, their tick numbers and
    labels faded in whole (Create would draw a number stroke by stroke: "0." for a moment, a
    stray dot). Afterwards the scene holds the axes themselves, as after Create(ax)."""
    marks, words = VGroup(), VGroup()

    def walk(m):
        if isinstance(m, SingleStringMathTex | Text | MarkupText | MixedText):
            words.add(m)
        elif m.submobjects:
            for s in m.submobjects:
                walk(s)
        elif len(m.points):
            marks.add(m)

    for ax in axes:
        walk(ax)
    scene.play(Create(marks), FadeIn(words), *others, run_time=run_time)
    scene.remove(marks, words)
    scene.add(*axes)


def class_mark(theme: Theme, k: int, radius: float = 0.055) -> VMobject:
    """The mark of class k of a classification data set, as theme.CLASS_MARKERS draws it in
    the stills (class 0 the filled data dot in the data blue, class 1 a filled rust triangle),
    `radius` the dot's; the triangle's circumradius is 1.4 × radius and its edge CLASS_EDGE
    times radius wide, so both marks weigh about the same."""
    m = CLASS_MARKERS[k]
    shapes = {"o": lambda: Dot(radius=radius),
              "^": lambda: Triangle().scale_to_fit_width(1.4 * radius * np.sqrt(3))}
    mob = shapes[m.marker]()
    hollow = m.face == "background"
    width = CLASS_EDGE * radius if hollow else 0.6
    return mob.set_fill(theme.role(m.face), opacity=1).set_stroke(theme.role(m.edge), width=width)


#: The edge of a hollow class mark, in Manim stroke-width units per unit of the dot's radius
#: (2.2 at the default radius): about the stills' 0.8 pt edge on a 3.8 pt triangle.
CLASS_EDGE = 40.0


__all__ = ["contour_rgba", "contour_image", "map_axes", "partial_path", "Trail", "head_dot",
           "loss_axes",
           "clipped_curve", "t_to_u", "u_to_t", "LossPlot", "live_readout", "step_of", "log_time",
           "arrange_labels", "play_axes_in", "class_mark"]
