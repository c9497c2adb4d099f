"""Gradient descent on J(m, b): the line over the points, the path over the contours of J and
J per step, all three driven by one ValueTracker of the step index.

The run is gdcore's COST_DESCENT.run() (plain SGD on the raw data at the good rate), the same
as figures/gd_regression.py. The data panel is the chapter's one view of the seven points
(gdviz.views, as the stills). The steps are played on the log-spaced schedule
COST_DESCENT.schedule(), but for its first steps, the swings across the valley (the path
folds back and forth along one line, each step shorter than the last), which are taken one at a
time and followed in a magnified inset of the start in the map's empty corner: on the whole
map they fit in a few pixels. The set-up before them is brief and staged, one panel at a time.
The first FIRST_DOTS steps leave a dot each, on its casing, on the map and in the inset; the
current point is the house's current mark, twice a step dot and on its casing, small enough
not to hide the steps round it. The step axis of the cost panel is 0, then logarithmic: a break
mark on it says so. Each panel has one heading at a
time: the line's f(x) = m x + b, which becomes its live m and b; the map's, at the end, the
minimum m*, b* (its axes' unequal scales are said by their numbered ticks); the cost's live J.
The data panel is a window closed by a frame: the first steps' steep lines and their residuals
are cut at its edge, and each residual cut there ends in a small head on the frame pointing on.
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
    Group,
    Line,
    MathTex,
    Polygon,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
    linear,
    smooth,
    squish_rate_func,
)

from gdcore import data, descent, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import numbers as nb
from gdviz import views
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    cased,
    contour_image,
    head_dot,
    live_readout,
    loss_axes,
    map_axes,
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
from gdviz.theme import MARKERS, RESIDUAL

#: Seconds per stretch of the log-spaced schedule after the first steps (which are taken one at
#: a time: SLOW_STEPS below). The set-up is brief (about SETUP_SECONDS), shorter than the swings.
STRETCH_SECONDS = 2.2
SETUP_SECONDS = 4.2
#: Decimals of m and b (and m*, b*) on screen.
PLACES = 3
#: J's readout: J_SIG significant figures at every step (gdviz.numbers.sig_places), at most
#: J_PLACES decimals, as the chapter's other readouts and stills write a cost: 13.9, 0.716,
#: 0.00909 at the end (learning-rates' good run, the same run); J* 0.00903.
J_SIG, J_PLACES = nb.COST_SIG, 5
#: J*'s label hangs under its dotted line, JSTAR_LIFT below it, its left end JSTAR_INSET right
#: of the panel's left edge (clear of the 10⁻² tick's number), where no curve goes.
JSTAR_LIFT, JSTAR_INSET = 0.12, 0.2
#: The current point on the map: this radius (the step dots' twice), on its casing; small, so
#: that it never hides the first steps it sits among.
HEAD_RADIUS = 0.08
#: A residual clipped at the data panel's frame ends in a head (width, depth; scene units: 10 and
#: 8 px at 480p) pointing on, past the frame.
CLIP_HEAD = (0.17, 0.14)
#: The first steps marked with a dot each on the map (the swings across the valley, up to the
#: schedule's middle stop), each on its casing so that it reads as a bead on the path, which
#: runs back and forth along one line under them.
FIRST_DOTS = 15
STEP_DOT = 0.04
#: The first steps, which swing back and forth across the valley within a few pixels of the
#: whole map, are followed in a magnified inset (the map's upper right corner, far from the
#: path): the window ZOOM_M × ZOOM_B of (m, b) round the first ZOOM_STEPS steps (about three
#: times the map's scale in m, seven in b), the path entering it from the start on its right
#: edge, drawn INSET_SIZE (scene units) with its top right corner INSET_MARGIN inside the map's,
#: and marked on the map by a box with one leader line to the inset (clear of the path).
ZOOM_M, ZOOM_B = (1.0, 2.05), (-4.65, -3.95)
ZOOM_STEPS = 15
#: While the first steps swing, the inset is larger, INSET_BIG (the map's upper part, wide and
#: low: it and its tick numbers stand over the minimum's star, which is never hidden, as the
#: path runs far below it), with its own ticks (INSET_M_TICKS, INSET_B_TICKS) numbered; it
#: shrinks to INSET_SIZE (its shape) in SHRINK_SECONDS once they are done.
INSET_BIG = (3.4, 1.35)
INSET_SIZE, INSET_MARGIN = (2.2, 2.2 * INSET_BIG[1] / INSET_BIG[0]), 0.12
#: The least room (scene units) between the large inset's tick numbers and the star under it.
STAR_CLEAR = 0.1
#: The inset comes in once INSET_AT steps are taken: the first step, from the start outside its
#: window, is long on the map itself; the current point then lies inside the inset with room
#: (at the start it would sit on the inset's edge, where the path enters the window).
INSET_AT = 1
INSET_M_TICKS, INSET_B_TICKS = (1.2, 1.4, 1.6, 1.8), (-4.6, -4.4, -4.2, -4.0)
SHRINK_SECONDS = 0.8
#: A step's number in the inset stands NUMBER_BUFF from its dot's centre (clear of the
#: current point on it).
NUMBER_BUFF = 0.17
#: The inset's layer: over everything on the map.
INSET_Z = 5
#: The first SLOW_STEPS steps are taken one at a time, STEP_SECONDS each (a move, then a rest of
#: STEP_REST), so each swing is seen; then on to the schedule's middle stop in MID_SECONDS.
SLOW_STEPS, STEP_SECONDS, STEP_REST, MID_SECONDS = 5, 0.8, 0.2, 2.6
#: The first NUMBERED steps are numbered in the inset (the fifth lands between the third and
#: the fourth, its number would touch theirs).
NUMBERED = 4
#: The three panels' height and centre: as tall as the two rows of words above them allow
#: (the frame's foot holds their tick numbers and axis letters).
PANEL_HEIGHT = 4.2
PANEL_Y = -0.95
#: The panels' widths and centres (scene units): the map, where the descent is followed, takes
#: the most room; the line's panel and the cost panel beside it are narrower, each panel's tick
#: numbers clear of its neighbour.
LINE_X, LINE_WIDTH = -5.0, 2.6
MAP_X, MAP_WIDTH = -0.28, 5.0
COST_X, PANEL_WIDTH = 4.9, 2.2
#: The step axis is 0, then logarithmic (log10(t + 1)): two short slanted strokes across a gap
#: in it at BREAK_U (between the 0 and the 10 ticks) say so, as the stills' break marks do.
BREAK_U, BREAK_SIZE = 0.52, 0.09
#: From the map's top to the row of panel headings: clear of the axes' letters y, b and J.
HEADING_GAP = 0.5
#: The numbered steps of the cost panel's log axis: t = 1 is left out, its number would touch
#: 0's on the narrow panel (they are 0.3 decades apart).
T_TICKS = (0, 10, 100, 1000)


def clip_head(tip, direction, color) -> Polygon:
    """The head of a residual clipped by the data panel's frame: a small filled triangle
    (CLIP_HEAD wide and deep) whose tip is on the frame, pointing where the residual goes on."""
    w, d = CLIP_HEAD
    base = np.asarray(tip) - d * np.asarray(direction)
    side = np.array([w / 2, 0.0, 0.0])
    return Polygon(tip, base + side, base - side, color=color, fill_opacity=1.0,
                   stroke_width=0).set_z_index(1)


def run() -> descent.Trajectory:
    """The descent of the scene (and of figures/gd_regression.py)."""
    return COST_DESCENT.run()


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
        ax = data_axes(t, LINE_WIDTH, PANEL_HEIGHT)
        ax.move_to(np.array([LINE_X, PANEL_Y, 0]))
        x0, x1 = views.X_RANGE
        y0, y1 = views.Y_RANGE

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
            raw = regression.predict(m, b, self.x)
            yhat = np.clip(raw, y0, y1)
            out = error_bars(t, ax, self.x, self.y, yhat)
            # a residual that runs past the panel's edge ends there in a head pointing on: it
            # is clipped by the frame on purpose, and goes on beyond it
            for xi, r in zip(self.x, raw):
                if r > y1 or r < y0:
                    out.add(clip_head(ax.c2p(xi, y1 if r > y1 else y0), UP if r > y1 else DOWN,
                                      t.role(RESIDUAL["role"])))
            return out

        dots = data_dots(t, ax, self.x, self.y, radius=0.075).set_z_index(2)
        # the plot area closed by its top and right edges (the map's frame): a steep line is
        # seen cut at the panel's edge, inside it, rather than running off into the page, and a
        # residual cut there ends in a head (clip_head) that says it goes on
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
        img = contour_image(t, M, B, J, ax, levels=views.CONTOUR_LEVELS)
        self.trail = Trail(ax, self.traj.points, self.step, color=t.accent, stroke_width=3.5)
        dot = head_dot(self.trail, t.role(MARKERS["current"].face), radius=HEAD_RADIUS)
        cased(dot.set_stroke(t.background, width=1.5), t)
        star = Star(outer_radius=0.16, color=t.mark_color("minimum"),
                    fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(4)
        pts = self.traj.points

        def step_dots():  # a dot at each of the first steps passed, on its casing
            n = min(self.k(), FIRST_DOTS)
            return VGroup(*(cased(Dot(ax.c2p(*pts[i]), radius=STEP_DOT, color=t.accent), t)
                            .set_z_index(3) for i in range(1, n + 1)))

        self.step_dots = always_redraw(step_dots)
        start = Circle(radius=0.09, color=t.text, stroke_width=3).set_fill(t.background, 1)
        self.start = start.move_to(ax.c2p(*COST_DESCENT.start)).set_z_index(2)
        self.inset = self.build_inset(ax, J)
        return ax, img, self.trail, dot, star

    def build_inset(self, ax, J_full) -> Group:
        """The magnified first steps (ZOOM_M × ZOOM_B) in the map's upper right corner: its own
        contours (the map's colours for the same costs), the first ZOOM_STEPS steps' path (from
        where the first enters the window) with a dot at each step and the current point while
        it is inside, in a frame; the window marked on the map by a box, and a leader line from
        the box to the inset."""
        t = self.theme
        w, h = INSET_BIG
        iax = Axes(x_range=[*ZOOM_M, 1], y_range=[*ZOOM_B, 1], x_length=w, y_length=h,
                   tips=False, axis_config={"stroke_opacity": 0, "include_ticks": False,
                                            "include_numbers": False})
        corner = ax.c2p(views.M_RANGE[1], views.B_RANGE[1])
        self.inset_corner = corner - np.array([INSET_MARGIN, INSET_MARGIN, 0])
        iax.move_to(corner - np.array([w / 2 + INSET_MARGIN, h / 2 + INSET_MARGIN, 0]))
        M, B, J = regression.cost_grid(self.x, self.y, ZOOM_M, ZOOM_B, views.GRID_SIZE)
        img = contour_image(t, M, B, J, iax, levels=views.CONTOUR_LEVELS,
                            span=(float(J_full.min()), float(J_full.max())))
        img.set_z_index(INSET_Z)
        (m0, m1), (b0, b1) = ZOOM_M, ZOOM_B

        def box(a):
            return VMobject(stroke_color=t.muted, stroke_width=2).set_points_as_corners(
                [a.c2p(m0, b0), a.c2p(m1, b0), a.c2p(m1, b1), a.c2p(m0, b1), a.c2p(m0, b0)])

        frame = cased(box(iax), t).set_z_index(INSET_Z + 1)
        window = box(ax).set_stroke(width=1.5).set_z_index(2)
        # from the box's top right corner to the inset's bottom right one (clear of the inset's
        # m numbers and of the path), following the inset as it shrinks
        leader = always_redraw(lambda: Line(ax.c2p(m1, b1), iax.c2p(m1, b0), color=t.muted,
                                            stroke_width=1.5))
        # the inset's own ticks, numbered on a halo over the map while it is large
        ticks = VGroup()
        for axis, values in (("m", INSET_M_TICKS), ("b", INSET_B_TICKS)):
            for v in values:
                p = iax.c2p(v, b0) if axis == "m" else iax.c2p(m0, v)
                way = DOWN if axis == "m" else LEFT
                mark = Line(p, p + 0.08 * way, color=t.muted, stroke_width=2)
                num = cased(MathTex(nb.latex(v, places=1), font_size=TICK_SIZE, color=t.text),
                            t, width=3).next_to(p + 0.08 * way, way, buff=0.06)
                ticks.add(mark, num)
        self.inset_ticks = ticks.set_z_index(INSET_Z + 2)
        # gdcore's first steps; the start lies right of the window: the first step enters it
        # where it crosses the window's right edge
        pts = self.traj.points[: ZOOM_STEPS + 1].copy()
        f = (m1 - pts[1, 0]) / (pts[0, 0] - pts[1, 0])
        pts[0] = pts[1] + f * (pts[0] - pts[1])
        trail = cased(Trail(iax, pts, self.step, color=t.accent, stroke_width=3), t)
        trail.set_z_index(INSET_Z + 1)

        def step_dots():
            n = min(self.k(), ZOOM_STEPS)
            return VGroup(*(cased(Dot(iax.c2p(*pts[i]), radius=STEP_DOT, color=t.accent), t)
                            .set_z_index(INSET_Z + 2) for i in range(1, n + 1)))

        # the first steps numbered where they land, each under its dot (over it where it
        # would reach the frame), on a halo clear of the current point, so the swings back and
        # forth along one line are read in order
        nums = VGroup()
        for i in range(1, NUMBERED + 1):
            num = cased(self.tex(str(i), TICK_SIZE, t.text), t, width=3)
            p = iax.c2p(*pts[i])
            num.next_to(p, DOWN, buff=NUMBER_BUFF)
            if num.get_bottom()[1] < iax.c2p(m0, b0)[1] + 0.08:
                num.next_to(p, UP, buff=NUMBER_BUFF)
            # never on the frame: 0.1 or more inside its left edge
            num.shift(max(0.0, iax.c2p(m0, b0)[0] + 0.1 - num.get_left()[0]) * RIGHT)
            nums.add(num.set_z_index(INSET_Z + 2))
        nums.add_updater(lambda g: [n.set_opacity(1.0 if self.k() > i else 0.0)
                                    for i, n in enumerate(g)])
        self.step_numbers = nums
        head = head_dot(trail, t.role(MARKERS["current"].face), radius=HEAD_RADIUS)
        cased(head.set_stroke(t.background, width=1.5), t).set_z_index(INSET_Z + 3)
        self.inset_axes, self.inset_trail, self.inset_head = iax, trail, head
        # what shrinks with the inset (its invisible axes with it: the trail, the dots, the
        # current point and the leader are drawn from them)
        self.inset_body = Group(iax, img, frame, trail)
        return Group(self.inset_body, window, leader, always_redraw(step_dots), nums)

    def build_cost_panel(self):
        t = self.theme
        top = int(np.ceil(np.log10(self.traj.losses.max())))
        bottom = int(np.floor(np.log10(self.j_star)))
        # t is a count: its ticks thousands-separated (1,000) as the counter above shows it
        # PANEL_WIDTH: its powers of ten (power_tick) as wide as they come, the panel with its
        # numbers as wide as before, clear of the map and of the frame's edge
        ax = loss_axes(t, (0, COST_DESCENT.steps), (bottom, top), PANEL_WIDTH, PANEL_HEIGHT,
                       x_label=None, y_label="J", log_t=True, counts=True, t_ticks=T_TICKS)
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
        # (faded in: its powers of ten, drawn stroke by stroke, read as blobs) with J*'s line
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

    def advance_to(self, stops, seconds: float = STRETCH_SECONDS):
        for k in stops:
            self.play(self.step.animate.set_value(int(k)), run_time=seconds,
                      rate_func=linear)
            self.wait(0.4)

    def section_big_steps_across_the_valley(self):
        """The first SLOW_STEPS steps are taken one at a time: the first, long on the map too,
        before the magnified start comes in (its current point then well inside the inset, not
        on its edge where the path enters it), the rest each a swing across the valley seen in
        it; then on to the schedule's middle stop."""
        for k in range(1, SLOW_STEPS + 1):
            if k == INSET_AT + 1:
                # drawn as they stand now (the steps taken while they were off screen); the step
                # numbers' own updater, which sets each one's opacity, held while they fade in
                # with the rest (it would set the first's whole from the fade's first frame)
                for mob in (self.inset, self.inset_head, self.inset_ticks):
                    mob.update(0)
                nums = self.step_numbers
                shown = nums.get_updaters()
                nums.clear_updaters()
                self.play(FadeIn(self.inset), FadeIn(self.inset_head),
                          FadeIn(self.inset_ticks), run_time=0.6)
                for f in shown:
                    nums.add_updater(f)
            self.play(self.step.animate.set_value(k), run_time=STEP_SECONDS, rate_func=linear)
            self.wait(STEP_REST)
        self.advance_to([k for k in self.schedule[1:] if SLOW_STEPS < k <= self.mid_step()],
                        MID_SECONDS)
        # the swings seen, the inset shrinks into the corner (its ticks and numbers gone first)
        # and leaves the map's middle, where the run goes on, to the map
        nums = self.step_numbers.clear_updaters()
        early = squish_rate_func(smooth, 0.0, 0.4)
        self.play(self.inset_body.animate.scale(INSET_SIZE[0] / INSET_BIG[0],
                                                about_point=self.inset_corner),
                  FadeOut(self.inset_ticks, rate_func=early), FadeOut(nums, rate_func=early),
                  run_time=SHRINK_SECONDS)

    def section_small_steps_along_the_valley_floor(self):
        """The rest of the schedule: hundreds of small steps along the floor to the minimum (the
        inset's current point, whose steps have left its window, fades out as they begin)."""
        stops = [k for k in self.schedule[1:] if k > self.mid_step()]
        self.play(self.step.animate.set_value(int(stops[0])), FadeOut(self.inset_head),
                  run_time=STRETCH_SECONDS, rate_func=linear)
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
