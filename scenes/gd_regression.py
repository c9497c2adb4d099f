"""Gradient descent on J(m, b): the line over the points, the path over the contours of J and
J per step, all three driven by one ValueTracker of the step index.

The run is gdcore's COST_DESCENT.run() (plain SGD on the raw data at the good rate), the same
as figures/gd_regression.py. The data panel takes the chapter's view of the seven points
(gdviz.views, as the stills) taken down to LINE_Y_RANGE, so that the lines of the first steps,
far below the points, are drawn across it and every residual ends on its line. The steps are
played on the log-spaced schedule COST_DESCENT.schedule(), but for its first steps, the swings
across the valley (the path folds back and forth along one line, each step shorter than the
last), which are taken one at a time: on the whole map they fit in a few pixels, so after the
first step the map zooms in place onto them (its window marked on the map first, then one map
whose window closes onto it, its picture, ticks, numbers and marks redrawn every frame, the box
growing into the frame), the first steps numbered where they land; the swings seen, the numbers
go and the map opens out again, easing to rest, its box fading as the run goes on; the start
and the minimum are drawn only while wholly inside the map's frame.
The set-up before them is brief and staged, one
panel at a time. The first FIRST_DOTS steps leave a dot each, on its casing; the
current point is the house's current mark, twice a step dot and on its casing, small enough
not to hide the steps round it. The step axis of the cost panel is 0, then logarithmic: a break
mark on it says so. Each panel has one heading at a
time: the line's f(x) = m x + b, which becomes its live m and b; the map's, at the end, the
minimum m*, b* (its axes' unequal scales are said by their numbered ticks); the cost's live J.
The data panel is a window closed by a frame: the first steps' steep lines and their residuals
are cut at its edge, without heads.
Render alone with: manim -ql scenes/gd_regression.py GdRegression
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
    linear,
    rush_from,
    smooth,
    squish_rate_func,
)

from gdcore import data, descent, races, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import numbers as nb
from gdviz import views
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    cased,
    contour_image,
    contour_rgba,
    head_dot,
    line_pixels,
    live_readout,
    loss_axes,
    map_axes,
    map_pixels,
    scene_points,
    set_sig_number,
    step_of,
)
from gdviz.manim_theme import (
    TICK_SIZE,
    ThemedScene,
    data_axes,
    data_dots,
    error_bars,
    readout,
    sections,
    styled_line,
)
from gdviz.race_scene import decade_label
from gdviz.theme import MARKERS

#: Seconds per stretch of the log-spaced schedule after the first steps (which are taken one at
#: a time: SLOW_STEPS below); FIRST_STRETCH_SECONDS for the first of them, whose few dozen
#: steps move the path little. The set-up is brief (about SETUP_SECONDS), shorter than the swings.
STRETCH_SECONDS, FIRST_STRETCH_SECONDS = 1.8, 1.2
SETUP_SECONDS = 4.2
#: Decimals of m and b (and m*, b*) on screen.
PLACES = 3
#: J's readout: J_SIG significant figures at every step (gdviz.numbers.sig_places), at most
#: J_PLACES decimals, as the chapter's other readouts and stills write a cost: 13.9, 0.716,
#: 0.00909 at the end (learning-rates' good run, the same run); J* 0.00903.
J_SIG, J_PLACES = nb.COST_SIG, 5
#: J*'s label hangs under its dotted line, JSTAR_LIFT below it, its left end JSTAR_INSET right
#: of the panel's left edge (clear of the 0.01 tick's number), where no curve goes.
JSTAR_LIFT, JSTAR_INSET = 0.12, 0.2
#: The current point on the map: this radius (the step dots' twice), on its casing; small, so
#: that it never hides the first steps it sits among.
HEAD_RADIUS = 0.08
#: The first steps marked with a dot each on the map (the swings across the valley, up to the
#: schedule's middle stop), each on its casing so that it reads as a bead on the path, which
#: runs back and forth along one line under them; STEP_DOT_ZOOMED their radius in the zoom. They
#: keep the map's size while the window moves (grown with it they stood large over the opening
#: map), and grow to the zoom's size as the first step's number fades in, shrink back as the
#: numbers fade out, before the map opens (DOT_ZOOM: 0 the map's size, 1 the zoom's).
FIRST_DOTS = 15
STEP_DOT, STEP_DOT_ZOOMED = 0.04, 0.06
#: The first steps, which swing back and forth across the valley within a few pixels of the
#: whole map, are followed in a zoom in place: the map's own frame comes to show the window
#: ZOOM_M × ZOOM_B of (m, b) round the first ZOOM_STEPS steps (about five times the map's scale
#: in m, twenty in b: the swings fill the frame), one map whose window closes in ZOOM_SECONDS
#: (its picture, ticks, numbers and marks redrawn every frame), then opens again as they end.
ZOOM_M, ZOOM_B = (0.95, 2.1), (-4.62, -3.9)
ZOOM_STEPS = 15
ZOOM_SECONDS = 1.4
#: The map opens out again in ZOOM_OUT_SECONDS, easing to rest (rush_from): at a steady pace its
#: last window widened five times faster than its first, the opening read as one jump in its
#: last half second and the map's outer ticks (6, 8) sprang in on its last frames.
ZOOM_OUT_SECONDS = 2.2
#: A mark the zoom leaves out (the start ring, the minimum's star) is drawn only inside the
#: frame: faded out as its edge comes within MARK_CLEAR + MARK_FADE of the frame's border (scene
#: units), gone MARK_CLEAR from it: never drawn on or across it.
MARK_FADE, MARK_CLEAR = 0.25, 0.06
#: A tick number faded out over TICK_FADE past the frame's edge, and as it comes within
#: LABEL_ROOM of an axis letter (m, b), never written beside or over it.
TICK_FADE, LABEL_ROOM = 0.15, 0.12
#: The zoom's levels: the map's (views.CONTOUR_LEVELS, over the map's span, in its colours)
#: and ZOOM_SPLIT − 1 more in each of its bands, so that the valley's floor, a U of level
#: lines, reads in the zoom (thirteen lines there, not the map's three): blended in once the
#: window has closed, out before it opens (GdRegression.paint).
ZOOM_SPLIT = 4
ZOOM_LEVELS = ZOOM_SPLIT * (views.CONTOUR_LEVELS - 1) + 1
#: The zoom's own ticks (the map's every 1 in m and 2 in b are too far apart there), faded in
#: as their spacing grows past FINE_ROOM (scene units: from the first to the second, 0 to 1;
#: the zoom's m ticks stand 0.66 apart on the 3.8 units of the map: at (0.6, 0.8) they stood
#: at a third of their strength, the numbers of 1.0 and 2.0 not at all).
ZOOM_M_TICKS = (1.0, 1.2, 1.4, 1.6, 1.8, 2.0)
ZOOM_B_TICKS = (-4.6, -4.4, -4.2, -4.0)
FINE_ROOM = (0.45, 0.6)
#: The zoom comes in once ZOOM_AT steps are taken: the first step, from the start outside its
#: window, is long on the map itself; the current point then lies inside the window with room.
ZOOM_AT = 1
#: A step's number in the zoom stands NUMBER_BUFF from its dot's centre, on whichever side
#: of the dot lies farthest from the path (clear of the current point on it).
NUMBER_BUFF = 0.3
#: The first SLOW_STEPS steps are taken one at a time, STEP_SECONDS each (a move, then a rest of
#: STEP_REST), so each swing is seen; then on to the schedule's middle stop in MID_SECONDS.
SLOW_STEPS, STEP_SECONDS, STEP_REST, MID_SECONDS = 5, 0.8, 0.2, 1.4
#: The first NUMBERED steps are numbered in the zoom (the fifth lands between the third and
#: the fourth, its number would touch theirs).
NUMBERED = 4
#: The three panels' height and centre: as tall as the two rows of words above them allow
#: (the frame's foot holds their tick numbers and axis letters).
PANEL_HEIGHT = 4.2
PANEL_Y = -0.95
#: The panels' widths and centres (scene units): the line's panel and the map share the room
#: (the line's 258 px wide at 480p, a third of the frame's width with its numbers: at 156 px
#: its turn from step to step was not seen; the map 228 px, 0.9 of its height); the cost panel
#: beside them is narrower; each panel's tick numbers clear of its neighbour's, everything
#: 24 px or more inside the frame.
LINE_X, LINE_WIDTH = -4.2, 4.3
MAP_X, MAP_WIDTH = 0.66, 3.8
COST_X, PANEL_WIDTH = 5.07, 1.9
#: The data panel's y window: the chapter's view of the points (gdviz.views.Y_RANGE, 1 to 3.5)
#: taken down to LINE_Y_RANGE, so that the line of the first step (m = 1.097, b = -4.479: -2.28
#: at x = 2) and every line of the swings after it (down to -1.2) is drawn across the panel,
#: each residual ending on it, where the chapter's view showed a stub of it near x = 5 and the
#: residuals ran to the panel's foot. Numbered every 1 (LINE_Y_TICKS). The steep lines of the
#: start and of the swings run out of its top by the last points, cut by its frame.
LINE_Y_RANGE = (-2.5, 3.5)
LINE_Y_TICKS = (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)
#: The step axis is 0, then logarithmic (log10(t + 1)): two short slanted strokes across a gap
#: in it at BREAK_U (between the 0 and the 10 ticks) say so, as the stills' break marks do.
BREAK_U, BREAK_SIZE = 0.52, 0.09
#: From the map's top to the row of panel headings: clear of the axes' letters y, b and J.
HEADING_GAP = 0.5
#: The numbered steps of the cost panel's log axis: t = 1 is left out, its number would touch
#: 0's on the narrow panel (they are 0.3 decades apart), and t = 100, whose number would touch
#: 1,000's (the panel 114 px wide: 1,000 is 36 px).
T_TICKS = (0, 10, 1000)


def run() -> descent.Trajectory:
    """The descent of the scene (and of figures/gd_regression.py)."""
    return COST_DESCENT.run()


class MapView:
    """The window of (m, b) that the map's frame shows: the whole map (s = 1) or the zoom
    (s = 0), one steady magnification between (each axis's width changing by one factor per
    unit of s, about the point the two windows share). c2p as an Axes' (arrays too), so the
    marks drawn through it (the trail, its dots, the start, the star) follow the window."""

    def __init__(self, ax: Axes):
        self.ax = ax
        self.s = ValueTracker(1.0)
        self.lo = ax.c2p(views.M_RANGE[0], views.B_RANGE[0])
        self.hi = ax.c2p(views.M_RANGE[1], views.B_RANGE[1])

    def window(self) -> tuple[tuple[float, float], tuple[float, float]]:
        s = self.s.get_value()
        if s >= 1.0:
            return tuple(views.M_RANGE), tuple(views.B_RANGE)
        out = []
        for (z0, z1), (w0, w1) in ((ZOOM_M, views.M_RANGE), (ZOOM_B, views.B_RANGE)):
            z, w = z1 - z0, w1 - w0
            g = (z * (w / z) ** s - z) / (w - z)
            out.append((z0 + (w0 - z0) * g, z1 + (w1 - z1) * g))
        return tuple(out)

    def c2p(self, m, b):
        (m0, m1), (b0, b1) = self.window()
        m, b = np.asarray(m, dtype=np.float64), np.asarray(b, dtype=np.float64)
        x = self.lo[0] + (m - m0) / (m1 - m0) * (self.hi[0] - self.lo[0])
        y = self.lo[1] + (b - b0) / (b1 - b0) * (self.hi[1] - self.lo[1])
        return np.array([x, y, np.zeros_like(x)])

    def outside(self, point) -> float:
        """How far (scene units) a scene point lies outside the frame (0 inside)."""
        return max(-self.depth(point), 0.0)

    def depth(self, point) -> float:
        """How far (scene units) a scene point lies inside the frame from its nearest border
        (negative outside)."""
        return float(min(point[0] - self.lo[0], self.hi[0] - point[0],
                         point[1] - self.lo[1], self.hi[1] - point[1]))


class ClippedTrail(Trail):
    """A Trail drawn through a MapView, cut to its window while it is zoomed."""

    def _redraw(self):
        if self.ax.s.get_value() >= 1.0:
            return super()._redraw()
        pieces = races.clip_polyline(self.shown(), self.ax.window())
        self.clear_points()
        for piece in pieces:
            q = scene_points(self.ax, piece[:, 0], piece[:, 1])
            self.start_new_path(q[0])
            self.add_points_as_corners(q[1:])
        return self


class GdRegression(ThemedScene):

    @classmethod
    def captions(cls):
        x, y = data.regression_points()
        traj, schedule = run(), COST_DESCENT.schedule()
        m_star, b_star = regression.least_squares(x, y)
        mid = int(schedule[len(schedule) // 2 - 1])
        m0, b0 = COST_DESCENT.start

        def j(v):
            return nb.text(v, nb.sig_places(v, J_SIG, J_PLACES))

        return {
            "setup": f"The {nb.word(len(x))} points with a steep line far above them, m = "
                     f"{nb.text(m0)} and b = {nb.text(b0)}; the contour map of J(m, b); and J "
                     f"per step. The rate is α = {nb.text(COST_DESCENT.lr_good)}.",
            "big-steps-across-the-valley":
                f"The first {mid} steps, each shorter than the last, swing back and forth "
                f"across the valley along one line, then turn down it; J falls from "
                f"{j(traj.losses[0])} to {j(traj.losses[mid])}.",
            "small-steps-along-the-valley-floor":
                f"Then small steps along the flat valley floor to the minimum: by step "
                f"{nb.count(COST_DESCENT.steps)} the line runs through the points, J = "
                f"{j(traj.losses[-1])}.",
            "result": f"The minimum: m* = {nb.text(m_star, PLACES)}, b* = "
                      f"{nb.text(b_star, PLACES)}, J* = "
                      f"{nb.cost(regression.cost(m_star, b_star, x, y))}.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.traj = run()
        self.schedule = COST_DESCENT.schedule()
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.step = ValueTracker(0)
        self.dot_zoom = ValueTracker(0.0)  # the step dots' size: 0 the map's, 1 the zoom's

    # -- state at the tracker ------------------------------------------------------------

    def k(self) -> int:
        return step_of(self.step, self.traj.steps)

    def mb(self) -> np.ndarray:
        """(m, b) shown now: the trail's tip (a gdcore point at whole steps)."""
        return self.trail.head()

    def t_shown(self) -> int:
        """The step the counter shows: the step being taken (the next whole step as soon as the
        line and the point leave the last), so the counter moves with them."""
        s = self.step.get_value()
        return int(np.clip(np.ceil(s - 1e-9), 0, self.traj.steps))

    def mb_shown(self) -> np.ndarray:
        """(m, b) of the readouts: gdcore's point at the step the counter shows."""
        return self.traj.points[self.t_shown()]

    def j_shown(self) -> float:
        """J of the readout: gdcore's loss at the step the counter shows."""
        return float(self.traj.losses[self.t_shown()])

    # -- panels --------------------------------------------------------------------------

    def build_line_panel(self):
        t = self.theme
        ax = data_axes(t, LINE_WIDTH, PANEL_HEIGHT, y_range=LINE_Y_RANGE, y_ticks=LINE_Y_TICKS)
        ax.move_to(np.array([LINE_X, PANEL_Y, 0]))
        x0, x1 = views.X_RANGE
        y0, y1 = LINE_Y_RANGE

        def line():
            m, b = self.mb()
            # the part of f(x) = m x + b inside the panel's window
            lo, hi = x0, x1
            if abs(m) > 1e-12:
                a, c = sorted(((y0 - b) / m, (y1 - b) / m))
                lo, hi = max(lo, a), min(hi, c)
            if hi <= lo:
                return VGroup()
            return Line(ax.c2p(lo, m * lo + b), ax.c2p(hi, m * hi + b), color=t.model,
                        stroke_width=5)

        def bars():
            m, b = self.mb()
            # a residual that runs past the panel's edge is cut there, by the frame, without a
            # head (a head on the frame read as the residual's end)
            yhat = np.clip(regression.predict(m, b, self.x), y0, y1)
            return error_bars(t, ax, self.x, self.y, yhat)

        dots = data_dots(t, ax, self.x, self.y, radius=0.075).set_z_index(2)
        # the plot area closed by its top and right edges (the map's frame): a steep line and
        # its residuals are seen cut at the panel's edge, inside it, rather than running off
        # into the page
        frame = VMobject(stroke_color=t.muted, stroke_width=2).set_points_as_corners(
            [ax.c2p(x0, y1), ax.c2p(x1, y1), ax.c2p(x1, y0)])
        ax.add(frame)
        ax.frame = frame
        return ax, always_redraw(line), always_redraw(bars), dots

    def build_map_panel(self):
        t = self.theme
        ax = map_axes(t, [*views.M_RANGE, 1], [*views.B_RANGE, 2], MAP_WIDTH, PANEL_HEIGHT,
                      "m", "b")
        ax.move_to(np.array([MAP_X, PANEL_Y, 0]))
        # its b close beside its top number, in the map's own margin (at the house's distance
        # it stood by the line panel's frame, nearer that panel than its own numbers)
        top = next(m for m in ax.get_family() if getattr(m, "tex_string", None)
                   == f"{views.B_RANGE[1]:g}")
        ax.labels[-1].next_to(top, LEFT, buff=0.15).align_to(top, UP)
        M, B, J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                       views.GRID_SIZE)
        self.j_span = (float(J.min()), float(J.max()))
        img = contour_image(t, M, B, J, ax, levels=views.CONTOUR_LEVELS)
        # every mark is drawn through the map's window (the whole map but while it zooms)
        view = self.view = MapView(ax)
        self.trail = ClippedTrail(view, self.traj.points, self.step, color=t.accent,
                                  stroke_width=3.5)
        dot = head_dot(self.trail, t.role(MARKERS["current"].face), radius=HEAD_RADIUS)
        cased(dot.set_stroke(t.background, width=1.5), t)
        star = Star(outer_radius=0.16, color=t.mark_color("minimum"),
                    fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(4)
        pts = self.traj.points

        def step_dots():  # a dot at each of the first steps passed, on its casing
            n = min(self.k(), FIRST_DOTS)
            r = STEP_DOT + (STEP_DOT_ZOOMED - STEP_DOT) * self.dot_zoom.get_value()
            return VGroup(*(cased(Dot(view.c2p(*pts[i]), radius=r, color=t.accent), t)
                            .set_z_index(3) for i in range(1, n + 1)))

        self.step_dots = always_redraw(step_dots)
        start = Circle(radius=0.09, color=t.text, stroke_width=3).set_fill(t.background, 1)
        self.start = start.move_to(ax.c2p(*COST_DESCENT.start)).set_z_index(2)
        return ax, img, self.trail, dot, star

    def zoom_ticks(self) -> VGroup:
        """The map's ticks and numbers drawn from its window (map_axes' places: a mark 0.1
        long, its number 0.16 beyond it): the map's own (every 1 in m, 2 in b) and the zoom's
        (ZOOM_M_TICKS, ZOOM_B_TICKS, one decimal), each faded as it leaves the frame, the
        zoom's faded in as their spacing grows (FINE_ROOM) and the map's at the same values
        faded out for them, their numbers one after the other (never two numbers on one
        tick)."""
        t, view = self.theme, self.view
        fine = {"m": ZOOM_M_TICKS, "b": ZOOM_B_TICKS}
        ticks = []  # (axis, value, fine, mark, number)
        coarse = {"m": [], "b": []}
        for axis, (a0, a1), step in (("m", views.M_RANGE, 1), ("b", views.B_RANGE, 2)):
            for v in np.arange(a0, a1 + 1e-9, step):
                ticks.append((axis, float(v), False))
                coarse[axis].append(float(v))
            ticks += [(axis, float(v), True) for v in fine[axis]]
        items = []
        for axis, v, is_fine in ticks:
            mark = VMobject(stroke_color=t.muted, stroke_width=2)
            text = f"{v:.1f}" if is_fine else f"{round(v, 10) + 0.0:g}"
            items.append((axis, v, is_fine, mark, MathTex(text, font_size=TICK_SIZE,
                                                          color=t.text)))
        group = VGroup(*(m for *_, mark, num in items for m in (mark, num))).set_z_index(4)
        fade = TICK_FADE  # scene units past the frame's edge over which a tick fades
        letters = list(view.ax.labels)

        def clear(num):  # 0 on an axis letter, 1 from LABEL_ROOM away from every letter
            gaps = [max(lab.get_left()[0] - num.get_right()[0], num.get_left()[0]
                        - lab.get_right()[0], lab.get_bottom()[1] - num.get_top()[1],
                        num.get_bottom()[1] - lab.get_top()[1]) for lab in letters]
            return float(np.clip(min(gaps) / LABEL_ROOM, 0, 1)) if gaps else 1.0

        def retick(g):
            (m0, m1), (b0, b1) = view.window()
            room = {"m": 0.2 / (m1 - m0) * (view.hi[0] - view.lo[0]),
                    "b": 0.2 / (b1 - b0) * (view.hi[1] - view.lo[1])}
            lo, hi = FINE_ROOM
            shown = {a: float(np.clip((room[a] - lo) / (hi - lo), 0, 1)) for a in room}
            for axis, v, is_fine, mark, num in items:
                if axis == "m":
                    p = view.c2p(v, b0)
                    mark.set_points_as_corners([p, p + 0.1 * DOWN])
                    num.next_to(p + 0.1 * DOWN, DOWN, buff=0.06)
                else:
                    p = view.c2p(m0, v)
                    mark.set_points_as_corners([p, p + 0.1 * LEFT])
                    num.next_to(p + 0.1 * LEFT, LEFT, buff=0.06)
                o = float(np.clip(1 - view.outside(p) / fade, 0, 1))
                twin = any(abs(v - u) < 1e-9 for u in (coarse if is_fine else fine)[axis])
                f = shown[axis]
                # a twin tick's mark cross-faded; its two numbers one after the other, never
                # both drawn (one over the other they read as 11.0 or -4.4): the map's fades
                # out over the first half of the fine ticks' fade, the zoom's in over the second
                mark.set_stroke(opacity=o * (f if is_fine else 1 - f if twin else 1.0))
                num.set_opacity(o * clear(num) * (
                    float(np.clip(2 * f - 1, 0, 1)) if is_fine and twin
                    else f if is_fine
                    else float(np.clip(1 - 2 * f, 0, 1)) if twin else 1.0))

        retick(group)
        group.add_updater(retick)
        return group

    def zoom(self, s1: float, seconds: float = ZOOM_SECONDS, rate_func=linear):
        """The map's window moves to zoom_window s1 (0: the zoom, 1: the whole map) at an even
        pace (its level lines never sweeping faster than the mean): its picture repainted from
        gdcore's J on the window every frame (paint: the map's colours and levels), its
        ticks and numbers redrawn (zoom_ticks) in place of the map's own, the
        marks following through the view; the start and the minimum, which the zoom leaves
        out, fade as they leave the frame and come back as they enter it."""
        view = self.view
        ax, img, _, _, star = self.map_panel

        def follow(p):
            return lambda mob: self.place_mark(mob, p)

        own = getattr(ax, "own_ticks", None) or [
            m for m in ax.submobjects
            if not any(m is k for k in (ax.frame, ax.labels, *ax.labels, ax.x_axis, ax.y_axis))]
        ticks = self.zoom_ticks()
        ax.remove(*own)
        if getattr(self, "held_ticks", None) is not None:
            self.remove(self.held_ticks)
        self.add(ticks)
        img.add_updater(self.repaint)
        self.start.add_updater(follow(COST_DESCENT.start))
        star.add_updater(follow((self.m_star, self.b_star)))
        self.play(view.s.animate.set_value(s1), run_time=seconds, rate_func=rate_func)
        for mob in (img, self.start, star, ticks):
            mob.clear_updaters()
        self.remove(ticks)
        if s1 >= 1.0:  # the map's own ticks, drawn as the window's last frame drew them
            ax.add(*own)
            self.held_ticks = None
        else:  # the zoom's: the window's last frame, held
            self.held_ticks = ticks.copy()
            self.add(self.held_ticks)
            ax.own_ticks = own

    def repaint(self, mob):
        """The map's picture (paint) at the window and the level weight shown now (the view's
        s, dot_zoom), traced at the pixels it takes."""
        mob.pixel_array = self.paint(self.view.s.get_value(), self.dot_zoom.get_value(),
                                     map_pixels(MAP_WIDTH, PANEL_HEIGHT), line_pixels())
        mob.orig_alpha_pixel_array = mob.pixel_array[:, :, 3].copy()

    def paint(self, s: float, w: float, size, line_px: float) -> np.ndarray:
        """The map's picture through the window at zoom state s (MapView: 1 the whole map, 0
        the zoom): gdcore's J on the window in the map's colours over the map's span, its
        levels the map's (views.CONTOUR_LEVELS) blended into the zoom's ZOOM_LEVELS (the
        map's and ZOOM_SPLIT − 1 more in each of its bands) with weight w: at the map's 16 the
        zoom held three level lines and, on the dark page, whose fills keep nearly one
        lightness, its valley read flat. The scene blends them in once the window has closed
        and out before it opens (with the step dots' size, dot_zoom), so that the window
        moves with the map's levels alone: swept with it, the added lines cost the dark video
        0.45 of its ink from one frame to the next (0.37 with the map's)."""
        t = self.theme
        before = self.view.s.get_value()
        self.view.s.set_value(s)
        wm, wb = self.view.window()
        self.view.s.set_value(before)
        Z = regression.cost_grid(self.x, self.y, wm, wb, views.GRID_SIZE)[2]
        rgba = contour_rgba(t, Z, levels=views.CONTOUR_LEVELS, span=self.j_span, size=size,
                            line_px=line_px)
        w = min(max(w, 0.0), 1.0)
        if w <= 0.0:
            return rgba
        fine = contour_rgba(t, Z, levels=ZOOM_LEVELS, span=self.j_span, size=size,
                            line_px=line_px)
        return (rgba * (1.0 - w) + fine * w + 0.5).astype(np.uint8)

    def place_mark(self, mob, p):
        """A mark at (m, b) = p through the map's window, seen only while all of it lies inside
        the frame (faded out as its edge comes near the border: MARK_FADE, MARK_CLEAR)."""
        q = self.view.c2p(*p)
        mob.move_to(q)
        reach = max(mob.width, mob.height) / 2
        mob.set_opacity(float(np.clip((self.view.depth(q) - reach - MARK_CLEAR) / MARK_FADE,
                                      0, 1)))

    def zoom_box(self) -> VMobject:
        """The zoom's window on the map, in the frame's muted weight, drawn through the view:
        it grows to the frame as the window closes on it."""
        t, view = self.theme, self.view
        (m0, m1), (b0, b1) = ZOOM_M, ZOOM_B
        corners = ((m0, b0), (m1, b0), (m1, b1), (m0, b1), (m0, b0))
        box = VMobject(stroke_color=t.muted, stroke_width=2).set_z_index(4)
        box.add_updater(lambda mob: mob.set_points_as_corners([view.c2p(*c) for c in corners]))
        box.update()
        return box

    def step_numbers(self) -> VGroup:
        """The first NUMBERED steps numbered where they land in the zoom, NUMBER_BUFF from the
        dot on the side (of eight) farthest from the path and the other dots, on a halo; each
        seen once its step is taken."""
        t, view = self.theme, self.view
        before = view.s.get_value()
        view.s.set_value(0.0)
        path = np.array([view.c2p(*p) for p in self.traj.points[: ZOOM_STEPS + 1]])
        view.s.set_value(before)
        nums = VGroup()
        for i in range(1, NUMBERED + 1):
            p = path[i]

            def room(q):  # the least distance from q to the path's segments and the frame
                a, b = path[:-1], path[1:]
                ab = b - a
                u = np.clip(np.sum((q - a) * ab, axis=1) / np.maximum(
                    np.sum(ab * ab, axis=1), 1e-12), 0, 1)
                near = float(np.min(np.linalg.norm(a + u[:, None] * ab - q, axis=1)))
                edge = min(q[0] - view.lo[0], view.hi[0] - q[0], q[1] - view.lo[1],
                           view.hi[1] - q[1])
                return min(near, edge)

            ways = [np.array([np.cos(a), np.sin(a), 0.0]) for a in np.arange(8) * np.pi / 4]
            way = max(ways, key=lambda w: room(p + NUMBER_BUFF * w))
            num = cased(self.tex(str(i), TICK_SIZE, t.text), t, width=3)
            nums.add(num.move_to(p + NUMBER_BUFF * way).set_z_index(5))
        return nums

    def build_cost_panel(self):
        t = self.theme
        top = int(np.ceil(np.log10(self.traj.losses.max())))
        bottom = int(np.floor(np.log10(self.j_star)))
        # t is a count: its ticks thousands-separated (1,000) as the counter above shows it
        # PANEL_WIDTH: its decades' numbers as wide as they come, the panel with its
        # numbers as wide as before, clear of the map and of the frame's edge
        ax = loss_axes(t, (0, COST_DESCENT.steps), (bottom, top), PANEL_WIDTH, PANEL_HEIGHT,
                       x_label=None, y_label="J", log_t=True, counts=True, t_ticks=T_TICKS)
        # its decades (0.001 to 100) short to write: plain decimals at the tick size, every digit
        # full size (decade_label), never a power of ten's superscript at the floor
        labels = ax.y_axis.labels
        for i, num in enumerate(labels.submobjects):
            k = round(float(np.log10(ax.y_axis.p2n(num.get_center()))))
            labels.submobjects[i] = MathTex(decade_label(k), font_size=TICK_SIZE,
                                            color=t.text).move_to(num).align_to(num, RIGHT)
        plot = LossPlot(t, self.step, None, (bottom, top), PANEL_WIDTH, PANEL_HEIGHT, ax=ax,
                        log_t=True)
        plot.ax.move_to(np.array([COST_X, PANEL_Y, 0]))
        # the step axis is 0, then logarithmic: a gap in it at BREAK_U, crossed by two short
        # slanted strokes (the stills' break marks)
        at = plot.ax.c2p(BREAK_U, 10.0 ** bottom)  # (the log axis takes J itself)
        gap = Line(at + 0.05 * LEFT, at + 0.05 * RIGHT, color=t.background, stroke_width=6)
        d = BREAK_SIZE * np.array([0.5, 1.0, 0.0])
        marks = VGroup(*(Line(at + dx * RIGHT - d, at + dx * RIGHT + d, color=t.muted,
                              stroke_width=2) for dx in (-0.05, 0.05)))
        self.break_mark = VGroup(gap, marks)
        plot.ax.add(self.break_mark)
        # t at the axis's end, as in the other cost panels
        end = plot.c2p(COST_DESCENT.steps, 10.0 ** bottom)
        lt = self.tex("t", 30).next_to(end, RIGHT, buff=0.2)
        plot.ax.add(lt)
        curve = plot.curve(self.traj.losses, t.accent, stroke_width=4)
        dot = plot.dot(curve, t.role(MARKERS["current"].face))
        best = styled_line("reference", plot.c2p(0, self.j_star),
                           plot.c2p(COST_DESCENT.steps, self.j_star), t.least_cost, 3)
        return plot, curve, dot, best

    # -- sections ------------------------------------------------------------------------

    def section_setup(self):
        """Brief (about SETUP_SECONDS): the points and the model's line with its words; the map
        of J with its minimum and the start, and the cost panel; then the model's letters give
        way to the readouts of the line drawn (m, b over the line, J over its curve) as the
        path and the curve begin, with the rate and the step counter."""
        t = self.theme
        # every word is set as it comes on screen, so the captions follow the picture
        title = self.mixed("Gradient descent on the cost $J(m, b)$", 34).to_edge(UP, buff=0.42)
        # faded in whole: written stroke by stroke, its glyphs blot into one another
        self.play(FadeIn(title), run_time=0.6)
        ax_m, img, trail, dot, star = self.map_panel = self.build_map_panel()
        ax_l, line, bars, dots = self.line_panel = self.build_line_panel()
        plot, curve, jdot, best = self.cost_panel = self.build_cost_panel()

        # one row of panel headings: the line's model (then its readouts), the map's minimum
        # (at the end), the cost's readout
        heading_y = ax_m.get_top()[1] + HEADING_GAP
        # the readouts: gdcore's point and cost at the step the counter shows, changing with
        # the counter on whole steps only (never a value between two steps); in ink, as numbers
        m_read, m_num = live_readout("m", lambda: float(self.mb_shown()[0]), PLACES, 30, t.text)
        b_read, b_num = live_readout("b", lambda: float(self.mb_shown()[1]), PLACES, 30, t.text)
        mb = VGroup(m_read, b_read).arrange(RIGHT, buff=0.45)
        mb.move_to([0, heading_y, 0]).align_to(ax_l, LEFT)
        # laid out at its widest (J_PLACES decimals), then J_SIG significant figures throughout
        j_read, j_num = readout("J", self.j_shown(), J_PLACES, 30, t.text)
        j_num.add_updater(lambda d: set_sig_number(d, self.j_shown(), J_SIG, J_PLACES))
        set_sig_number(j_num, self.j_shown(), J_SIG, J_PLACES)
        j_read.move_to([0, heading_y, 0]).align_to(plot.ax, LEFT).shift(0.3 * RIGHT)
        it_group, it_num = live_readout("t", lambda: self.t_shown(), 0, 32, t.text)
        self.readouts = {"t": it_num, "m": m_num, "b": b_num, "J": j_num}
        self.j_read, self.mb_read = j_read, mb

        model = self.tex(r"f(x) = m\,x + b", 30)
        model.move_to([0, heading_y, 0]).align_to(ax_l, LEFT)
        # the panel's axes and frame first (all their parts at once: with Create's lag each
        # part would take its own turn over the whole play), then the first line and its
        # residuals, which run up to the frame's top: never seen running off a panel not yet
        # closed
        first, then = squish_rate_func(smooth, 0.0, 0.55), squish_rate_func(smooth, 0.55, 1.0)
        self.play(Create(ax_l, lag_ratio=0, rate_func=first), FadeIn(dots, rate_func=first),
                  FadeIn(model, rate_func=first), Create(line, rate_func=then),
                  FadeIn(bars, rate_func=then), run_time=0.8)
        self.heading_y = heading_y
        # one panel at a time: the map with its minimum and the start, then the cost panel
        # (faded in: its numbers, drawn stroke by stroke, read as blobs) with J*'s line
        self.play(FadeIn(img), Create(ax_m), FadeIn(star), FadeIn(self.start), run_time=0.7)
        self.play(FadeIn(plot.ax), FadeIn(best), run_time=0.6)
        # the model's letters give way to the line's numbers as the path and the curve begin
        # (one after the other: never words over words)
        self.play(FadeOut(model, shift=0.2 * UP), run_time=0.4)
        # the rate and the counter under the title
        alpha = self.tex(rf"\alpha = {COST_DESCENT.lr_good:g}", 32, t.accent)
        note = self.text("steps sped up, log-spaced", 24, t.muted)
        # room for the counter's widest value ("1,000"): it grows rightwards, towards the note
        wide, _ = live_readout("t", lambda: COST_DESCENT.steps, 0, 32)
        row = VGroup(alpha, wide, note).arrange(RIGHT, buff=0.8)
        row.next_to(title, DOWN, buff=0.2)
        it_group.move_to(wide, aligned_edge=LEFT)
        self.it_group, self.it_note = it_group, note
        # the line's readouts, the path, the rate and the counter; then the cost's readout and
        # its curve
        self.play(FadeIn(mb, shift=0.2 * UP), FadeIn(trail), FadeIn(dot),
                  FadeIn(self.step_dots), FadeIn(alpha), FadeIn(it_group), FadeIn(note),
                  run_time=0.6)
        self.play(FadeIn(j_read), FadeIn(curve), FadeIn(jdot), run_time=0.5)

    def advance_to(self, stops, seconds: float = STRETCH_SECONDS, rest: float = 0.4):
        for k in stops:
            self.play(self.step.animate.set_value(int(k)), run_time=seconds,
                      rate_func=linear)
            self.wait(rest)

    def section_big_steps_across_the_valley(self):
        """The first SLOW_STEPS steps are taken one at a time: the first, long on the map too;
        then the zoom's window is marked on the map and the map zooms onto it (one map whose
        window closes, zoom), so the swings across the valley fill its frame, each seen; on to
        the schedule's middle stop; then the numbers go and the map opens out again."""
        for k in range(1, SLOW_STEPS + 1):
            if k == ZOOM_AT + 1:
                box = self.box = self.zoom_box()
                self.play(Create(box), run_time=0.4)
                self.zoom(0.0)
                # the steps' numbers: the first's faded in, each other's as its step lands
                nums = self.numbers = self.step_numbers()
                # the zoom's levels come in with them, the window at rest
                img = self.map_panel[1]
                img.add_updater(self.repaint)
                self.play(FadeIn(nums[0]), self.dot_zoom.animate.set_value(1.0), run_time=0.3)
                img.remove_updater(self.repaint)
                self.remove(nums[0])
                self.add(nums.add_updater(lambda g: [n.set_opacity(float(np.clip(
                    2 * (self.step.get_value() - i) - 1, 0, 1)) if i else 1.0)
                    for i, n in enumerate(g)]))
            self.play(self.step.animate.set_value(k), run_time=STEP_SECONDS, rate_func=linear)
            self.wait(STEP_REST)
        self.advance_to([k for k in self.schedule[1:] if SLOW_STEPS < k <= self.mid_step()],
                        MID_SECONDS, rest=0.2)
        # the swings seen, their numbers go and the map opens out (the zoom's ticks held
        # since it closed give way to the ones drawn from the window)
        self.numbers.clear_updaters()
        img = self.map_panel[1]
        img.add_updater(self.repaint)
        self.play(FadeOut(self.numbers), self.dot_zoom.animate.set_value(0.0), run_time=0.4)
        img.remove_updater(self.repaint)
        self.zoom(1.0, ZOOM_OUT_SECONDS, rush_from)

    def section_small_steps_along_the_valley_floor(self):
        """The rest of the schedule: hundreds of small steps along the floor to the minimum (the
        zoom's window, back on the map, fades out as they begin)."""
        stops = [k for k in self.schedule[1:] if k > self.mid_step()]
        self.play(self.step.animate.set_value(int(stops[0])),
                  FadeOut(self.box, rate_func=squish_rate_func(smooth, 0.0, 0.4)),
                  run_time=FIRST_STRETCH_SECONDS, rate_func=linear)
        self.wait(0.4)
        self.advance_to(stops[1:])

    def mid_step(self) -> int:
        """The middle of the schedule: the last stop of big-steps-across-the-valley."""
        return int(self.schedule[len(self.schedule) // 2 - 1])

    def section_result(self):
        """The minimum named where the run ends: m*, b* (with the map's star) as the map's
        heading, then J* stands on its dotted line."""
        t = self.theme
        plot = self.cost_panel[0]
        key_star = Star(outer_radius=0.11, color=t.mark_color("minimum"),
                        fill_opacity=1, stroke_width=0)
        values = self.tex(rf"m^* = {nb.latex(self.m_star, places=PLACES)},\; "
                          rf"b^* = {nb.latex(self.b_star, places=PLACES)}", 28, t.good)
        star_label = VGroup(key_star, values).arrange(RIGHT, buff=0.12)
        star_label.move_to([0, self.heading_y, 0]).align_to(self.map_panel[0], LEFT)
        self.star_label = star_label
        self.play(FadeIn(star_label), run_time=0.8)
        label = self.tex(rf"J^* = {nb.cost(self.j_star, 'latex')}", 28, t.good)
        # under the dotted line near its left end, where no curve goes (the curve comes down
        # to the line at its right end and stays above it): clear of the axis's numbers, of
        # the step axis under it and of the curve
        label.next_to(plot.c2p(0, self.j_star), DOWN, buff=JSTAR_LIFT)
        label.align_to(plot.c2p(0, self.j_star), LEFT).shift(JSTAR_INSET * RIGHT)
        self.j_star_label = label
        self.play(FadeIn(label))
        self.wait(1.6)

    SECTIONS = sections(section_setup, section_big_steps_across_the_valley,
                        section_small_steps_along_the_valley_floor, section_result)
