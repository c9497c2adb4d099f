"""Gradient descent on J(m, b): the line over the points, the path over the contours of J and
J per step, all three driven by one ValueTracker of the step index.

The run is gdcore's COST_DESCENT.run() (plain SGD on the raw data at the good rate), the same
as figures/gd_regression.py. The data panel is the chapter's one view of the seven points
(gdviz.views, as the stills). The steps are played on the log-spaced schedule
COST_DESCENT.schedule(): each stretch of it takes the same time, so the first few big steps are
as slow to watch as the last few hundred small ones, but for the first stretches, the swings
across the valley, which take longer still; the set-up before them is brief. The first
FIRST_DOTS steps leave a dot each on the map, on its casing, so the swings back and forth
across the valley (the path folds along one line, each step shorter than the last) can be
followed step by step; the current point is the house's current mark, larger than the step dots
and on its casing, so it reads over the start ring and the map. Each panel has one heading at a
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
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Polygon,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
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
    ThemedScene,
    data_axes,
    data_dots,
    error_bars,
    readout,
    sections,
    styled_line,
)
from gdviz.theme import MARKERS, RESIDUAL

#: Seconds per stretch of the log-spaced schedule; the first stretches (the big swings across
#: the valley, the key moment) take BIG_STRETCH_SECONDS each, so that each swing can be
#: followed on the path. The set-up is brief (about SETUP_SECONDS), shorter than the swings.
STRETCH_SECONDS = 2.2
BIG_STRETCH_SECONDS = 4.2
SETUP_SECONDS = 4.2
#: Decimals of m and b (and m*, b*) on screen.
PLACES = 3
#: J's readout: J_SIG significant figures at every step (gdviz.numbers.sig_places), at most
#: J_PLACES decimals, as the chapter's other readouts: 13.9, 0.716, 0.0091; J* = 0.0090.
J_SIG, J_PLACES = 3, 4
#: J*'s label stands on its dotted line, JSTAR_LIFT above it, its left end JSTAR_INSET right
#: of the panel's left edge (clear of the 10⁻² tick's number), under the curve's fall (decades
#: above there).
JSTAR_LIFT, JSTAR_INSET = 0.2, 0.2
#: The current point on the map: this radius (the step dots' twice), on its casing.
HEAD_RADIUS = 0.11
#: A residual clipped at the data panel's frame ends in a head (width, depth; scene units: 10 and
#: 8 px at 480p) pointing on, past the frame.
CLIP_HEAD = (0.17, 0.14)
#: The first steps marked with a dot each on the map (the swings across the valley, up to the
#: schedule's middle stop), each on its casing so that it reads as a bead on the path, which
#: runs back and forth along one line under them.
FIRST_DOTS = 15
STEP_DOT = 0.05
#: The three panels' height and centre: as tall as the two rows of words above them allow
#: (the frame's foot holds their tick numbers and axis letters).
PANEL_HEIGHT = 4.2
PANEL_Y = -0.95
#: The cost panel's width: 0.17 narrower than the 2.8 it was when its powers of ten were
#: smaller (manim_theme.power_tick), so that with them it keeps its place.
PANEL_WIDTH = 2.63
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
                      f"{nb.text(regression.cost(m_star, b_star, x, y), J_PLACES)}.",
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
        ax = data_axes(t, 3.4, PANEL_HEIGHT)
        ax.move_to(np.array([-4.5, PANEL_Y, 0]))
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
        ax = map_axes(t, [*views.M_RANGE, 1], [*views.B_RANGE, 2], 3.5, PANEL_HEIGHT, "m", "b")
        ax.move_to(np.array([0.0, PANEL_Y, 0]))
        M, B, J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                       views.GRID_SIZE)
        img = contour_image(t, M, B, J, ax, levels=views.CONTOUR_LEVELS)
        self.trail = Trail(ax, self.traj.points, self.step, color=t.accent, stroke_width=3.5)
        dot = head_dot(self.trail, t.role(MARKERS["current"].face), radius=HEAD_RADIUS)
        cased(dot.set_stroke(t.background, width=1.5), t)
        star = Star(outer_radius=0.16, color=t.good, fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(4)
        pts = self.traj.points

        def step_dots():  # a dot at each of the first steps passed, on its casing
            n = min(self.k(), FIRST_DOTS)
            return VGroup(*(cased(Dot(ax.c2p(*pts[i]), radius=STEP_DOT, color=t.accent), t)
                            .set_z_index(3) for i in range(1, n + 1)))

        self.step_dots = always_redraw(step_dots)
        start = Circle(radius=0.09, color=t.text, stroke_width=3).set_fill(t.background, 1)
        self.start = start.move_to(ax.c2p(*COST_DESCENT.start)).set_z_index(2)
        return ax, img, self.trail, dot, star

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
        plot.ax.move_to(np.array([4.65, PANEL_Y, 0]))
        # t at the axis's end, as in the other cost panels
        end = plot.c2p(COST_DESCENT.steps, 10.0 ** bottom)
        lt = self.tex("t", 30).next_to(end, RIGHT, buff=0.2)
        plot.ax.add(lt)
        curve = plot.curve(self.traj.losses, t.accent, stroke_width=4)
        dot = plot.dot(curve, t.role(MARKERS["current"].face))
        best = styled_line("reference", plot.c2p(0, self.j_star),
                           plot.c2p(COST_DESCENT.steps, self.j_star), t.good, 3)
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
        self.play(Write(title), run_time=0.8)
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
        self.play(Create(ax_l), FadeIn(dots), FadeIn(model), Create(line), FadeIn(bars),
                  run_time=1.0)
        self.heading_y = heading_y
        # the cost panel fades in (its powers of ten, drawn stroke by stroke, read as blobs)
        self.play(FadeIn(img), Create(ax_m), FadeIn(star), FadeIn(self.start),
                  FadeIn(plot.ax), FadeIn(best), run_time=1.0)
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
        # the readouts, the path and the curve, the rate and the counter: one play
        self.play(FadeIn(mb, shift=0.2 * UP), FadeIn(trail), FadeIn(dot),
                  FadeIn(self.step_dots), FadeIn(j_read), FadeIn(curve), FadeIn(jdot),
                  FadeIn(alpha), FadeIn(it_group), FadeIn(note), run_time=0.7)
        self.wait(0.3)

    def advance_to(self, stops, seconds: float = STRETCH_SECONDS):
        for k in stops:
            self.play(self.step.animate.set_value(int(k)), run_time=seconds,
                      rate_func=linear)
            self.wait(0.4)

    def section_big_steps_across_the_valley(self):
        """The schedule's first stretches: the big steps across the valley, slower."""
        self.advance_to([k for k in self.schedule[1:] if k <= self.mid_step()],
                        BIG_STRETCH_SECONDS)

    def section_small_steps_along_the_valley_floor(self):
        """The rest of the schedule: hundreds of small steps along the floor to the minimum."""
        self.advance_to([k for k in self.schedule[1:] if k > self.mid_step()])

    def mid_step(self) -> int:
        """The middle of the schedule: the last stop of big-steps-across-the-valley."""
        return int(self.schedule[len(self.schedule) // 2 - 1])

    def section_result(self):
        """The minimum named where the run ends: m*, b* (with the map's star) as the map's
        heading, then J* stands on its dotted line."""
        t = self.theme
        plot = self.cost_panel[0]
        key_star = Star(outer_radius=0.11, color=t.good, fill_opacity=1, stroke_width=0)
        values = self.tex(rf"m^* = {nb.latex(self.m_star, places=PLACES)},\; "
                          rf"b^* = {nb.latex(self.b_star, places=PLACES)}", 28, t.good)
        star_label = VGroup(key_star, values).arrange(RIGHT, buff=0.12)
        star_label.move_to([0, self.heading_y, 0]).align_to(self.map_panel[0], LEFT)
        self.star_label = star_label
        self.play(FadeIn(star_label), run_time=0.8)
        label = self.tex(rf"J^* = {nb.latex(self.j_star, places=J_PLACES)}", 28, t.good)
        # above the dotted line near its left end, under the curve's fall there: clear of the
        # axis's numbers, of its letter and of the curve's end
        label.next_to(plot.c2p(0, self.j_star), UP, buff=JSTAR_LIFT)
        label.align_to(plot.c2p(0, self.j_star), LEFT).shift(JSTAR_INSET * RIGHT)
        self.j_star_label = label
        self.play(Write(label))
        self.wait(1.6)

    SECTIONS = sections(section_setup, section_big_steps_across_the_valley,
                        section_small_steps_along_the_valley_floor, section_result)
