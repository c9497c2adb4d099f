"""Sweeping the slope: the line turns about b = b* while J(m, b*) is traced beside it.

Both panels follow one ValueTracker for the slope m; every number comes from gdcore. The
readouts stand on one line under the title: m and b over the data (PLACES decimals), J over the
curve (in the colour of the curve's dot), J there and J* = 0.00903 at the minimum written as
gdviz.numbers.cost writes every cost of the chapter (three significant figures).
The line turns about the pivot (0, b*), a dot on the y axis labelled b*, in the green of the
best values (the orange is the cost curve's). The
curve of J is traced as the dot goes: it grows with the slope, never ahead of the dot, and
stays where the dot has been, so that once the sweep has reached its steepest slope the whole
parabola stands and the dot runs back down it to the bottom, where the minimum's star (the
house mark, landing as the dot fades under it), a dotted guide up from it, m* and J* over the
guide and the note over them close the scene on the whole story, each in turn once the dot
rests: the live J drops into its place as J* as the live m fades, then m* comes in (both in the
minimum's green), so the minimum's numbers are written once; b = b* stays alone over the data.
The data panel's y range runs from 0, where the line turns about b*, to Y_TOP, over the
sweep's steepest line at the last point: every error bar runs from its point to the line (the
line alone is cut at the top, past the points), and every tick is numbered. The key moment,
the slope settling at the bottom of the curve, is slower than the sweep before it; m*, J* and
the note come in after the dot rests, and m* and J* stay at least PAYOFF_SECONDS.
Render alone with: manim -ql scenes/slope_sweep.py SlopeSweep
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    FadeTransform,
    Indicate,
    Line,
    Star,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
    linear,
    rate_functions,
)

from gdcore import data, regression
from gdviz import numbers, views
from gdviz.manim_blocks import play_axes_in, scene_points, set_number, set_sig_number
from gdviz.manim_theme import (
    TICK_SIZE,
    ThemedScene,
    data_dots,
    error_bars,
    origin_zero,
    readout,
    sections,
    styled_line,
    themed_axes,
)

#: The sweep: from a slope too shallow to one too steep (J back up to about two thirds of its
#: start), then back to the best slope.
M_FROM, M_TO = 0.0, 0.6
#: The data panel's x range: from the pivot, on the y axis at x = 0, to a quarter of a tick
#: past the last point (x = 5): no empty stretch at the right, the points and their error bars
#: as wide as the panel allows with the pivot in it.
X_RANGE = (0.0, 5.25)
X_STEP = 1.0
#: The data panel's y range: from 0 (the line turns about x = 0, b* ≈ 0.8) to Y_TOP, half a
#: tick of the chapter's data view (gdviz.views) over its top, so that the steepest line
#: reaches the last point (x = 5) inside the panel (0.6 · 5 + 0.805 = 3.8): every error bar ends
#: on the line. The points (1.7 to 2.7) stay in its middle. Its ticks are the whole numbers, as
#: on x, each numbered, and the corner's 0 where the axes meet (gdviz.manim_theme.origin_zero):
#: no number stands beside b* (0.805) but its own label, so that "b*" never reads as the name of
#: a tick (at the data view's 0.5 it stood beside "0.5").
Y_TOP = views.Y_RANGE[1] + (views.Y_TICKS[1] - views.Y_TICKS[0])
Y_STEP = 1.0
Y_TICKS = tuple(float(v) for v in np.arange(Y_STEP, Y_TOP + Y_STEP / 2, Y_STEP))
#: Slopes at which J(m, b*) is sampled for the traced curve (drawn, never computed here).
M_SAMPLES = np.linspace(M_FROM, M_TO, 241)
#: The key moment's pace (seconds), one change at a time so that nothing gives the answer away
#: while the dot still moves: the return to m* (slower than the sweep on average, eased in and
#: out by a sine, whose ends are short: `smooth` over 4.6 s left its last 3 s with only J's
#: last digits moving); once the dot rests, the minimum's star and the dotted guide up from it
#: (GUIDE_SECONDS), then m* and J*
#: over the guide (LABEL_SECONDS), then the note that the bottom is the best slope over them
#: (NOTE_SECONDS); the points the best line runs through pulse (POINTS_SECONDS), and the hold on
#: the settled picture (the last still stretch no longer than the rules allow). m* and J* stay
#: whole PAYOFF_SECONDS or more.
SETTLE_SECONDS, GUIDE_SECONDS, LABEL_SECONDS, NOTE_SECONDS = 3.7, 0.8, 0.8, 0.8
POINTS_SECONDS, HOLD_SECONDS = 1.4, 1.8
PAYOFF_SECONDS = 4.0
#: each step of the set-up (title, data, line, cost panel, curve): brisk, the sweep is the
#: event (the video, once 22.6 s, back under 20 s)
SETUP_SECONDS = 0.6
#: m and b (0.1 to 1 where they are read) take PLACES decimals: three significant figures
#: (gdviz.numbers.sig_places). The live J readout, as the least cost J* = 0.00903 at the
#: minimum, is written as every cost of the chapter is (numbers.cost, J_SIG significant
#: figures: 0.777 ... 0.0903 ... 0.00903): one precision for J in the picture.
SIG = 3
PLACES = numbers.sig_places(0.5, SIG)
J_SIG = numbers.COST_SIG
#: the most decimals the live J takes (its least value, J* = 0.00903, needs five)
J_MOST = 5
#: the readouts' line: its centre this far under the title's foot
READOUT_DROP = 0.4
#: The panels (scene units): the data panel wider than the cost panel, whose slopes span only
#: 0 to 0.6, so that the points and their error bars near m* are drawn large; both as tall as
#: the rows above them and the frame's margin under their numbers allow.
LEFT_SIZE, RIGHT_SIZE = (6.3, 4.4), (4.5, 4.4)
PANEL_DROP = 0.62
#: Each x axis's letter stands right of its end, on its line (as the races' panels): under the
#: end it stood under the last tick's number ("m" under "0.6").
X_LABEL_BUFF = 0.15
#: The guide's top (a share of the cost panel's height): m*, J* and the note stand over it, in
#: the bowl of the curve, the guide their leader down to the minimum.
GUIDE_TOP = 0.45
#: The cost panel's m axis stands AXIS_GAP (scene units, 15 px at 480p) below J = 0, as an
#: offset spine: the curve's bottom (J* = 0.009, on 0), the dot and the star keep clear of it.
AXIS_GAP = 0.25
#: The minimum's star (outer radius, scene units): larger than the dot (0.09), drawn over it.
STAR_RADIUS = 0.16


def j_text(v: float) -> str:
    """A cost as the scene's readout writes it: numbers.cost (0.760, 0.00903)."""
    return numbers.cost(v)


class SlopeSweep(ThemedScene):
    #: the sweep, the main event: slower than the set-up's steps, every error bar followed
    sweep_seconds = 6.5

    @classmethod
    def captions(cls):
        x, y = data.regression_points()
        m_star, b_star = regression.least_squares(x, y)

        def j(m):
            return j_text(regression.cost(m, b_star, x, y))

        return {
            "setup": f"The points and a flat line through b* = {numbers.text(b_star, PLACES)}, "
                     f"the point it turns about; right, the cost J against its slope m.",
            "sweep": f"The line steepens to slope {numbers.text(M_TO)}: the errors shrink, then "
                     f"grow, and J traces a curve from {j(M_FROM)} down and up to {j(M_TO)}.",
            "settle": f"The slope swings back and settles at the bottom of the curve, the best "
                      f"slope m* = {numbers.text(m_star, PLACES)}, where J = {j(m_star)} and "
                      f"the line runs through the middle of the points.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_curve = regression.cost(M_SAMPLES, self.b_star, self.x, self.y)
        self.m = ValueTracker(M_FROM)
        #: the steepest slope the dot has reached: the curve is traced from M_FROM up to it
        self.traced_to = M_FROM

    # -- pieces --------------------------------------------------------------------

    def j_of(self, m: float) -> float:
        return regression.cost(m, self.b_star, self.x, self.y)

    def build_left(self):
        t = self.theme
        ax = themed_axes(t, [*X_RANGE, X_STEP], [0, Y_TOP, Y_STEP], *LEFT_SIZE, "x", "y",
                         ticks=False)
        # whole numbers on x and y (every tick), and the 0 of the corner where they meet
        ax.x_axis.add_numbers(list(range(1, 6)), num_decimal_places=0, font_size=TICK_SIZE,
                              color=t.text)
        ax.y_axis.add_numbers(list(Y_TICKS), num_decimal_places=0, font_size=TICK_SIZE,
                              color=t.text)
        ax.labels[0].next_to(ax.x_axis.get_end(), RIGHT, buff=X_LABEL_BUFF)
        ax.to_edge(LEFT, buff=0.8).shift(PANEL_DROP * DOWN)
        self.zero = origin_zero(t, ax)
        ax.add(self.zero)

        def line():
            m = self.m.get_value()
            x1 = X_RANGE[1] if m <= 0 else min(X_RANGE[1], (Y_TOP - self.b_star) / m)
            return Line(ax.c2p(X_RANGE[0], self.b_star), ax.c2p(x1, m * x1 + self.b_star),
                        color=t.model, stroke_width=4)  # the model's line, in its ink

        def bars():
            m = self.m.get_value()
            # from each point to the line: the steepest line is under Y_TOP at every point
            pred = regression.predict(m, self.b_star, self.x)
            return error_bars(t, ax, self.x, self.y, pred)

        dots = data_dots(t, ax, self.x, self.y).set_z_index(2)
        # the pivot the line turns about: (0, b*), on the y axis, labelled beside it under the
        # line (the line turns up from it, never down), between the 0 and the 1 on y; in the
        # green of the best values (m* and J*): the orange is the cost curve's
        pivot = Dot(ax.c2p(0, self.b_star), radius=0.08, color=t.good).set_z_index(3)
        label = self.tex("b^*", 30, t.good).next_to(pivot, RIGHT, buff=0.08)
        label.align_to(pivot.get_center() + 0.06 * DOWN, UP)
        self.pivot = VGroup(pivot, label)
        return ax, always_redraw(line), always_redraw(bars), dots

    def build_right(self):
        t = self.theme
        j_top = float(np.ceil(self.j_curve.max() * 2) / 2)
        ax = themed_axes(t, [M_FROM, M_TO, 0.2], [0, j_top, 0.5], *RIGHT_SIZE, "m", r"J(m, b^*)")
        # its letter right of the axis's end, on its line, clear of the last number (0.6)
        ax.labels[0].next_to(ax.x_axis.get_end(), RIGHT, buff=X_LABEL_BUFF)
        ax.to_edge(RIGHT, buff=0.5).shift(PANEL_DROP * DOWN)
        # the curve starts at m = 0 and ends near J = 0: number both (Manim leaves the
        # origin's out), in the house's tick form as the others (0, never 0.0)
        for axis, v in ((ax.x_axis, M_FROM), (ax.y_axis, 0.0)):
            axis.numbers.add(axis.get_number_mobject(v, num_decimal_places=numbers.tick_places(v)))
        # the m axis (its numbers and letter) set AXIS_GAP below J = 0: coordinates are
        # unchanged (c2p takes the axes' crossing with the m axis), and the curve's bottom, on
        # J* = 0.009, the dot and the star there stand clear of the axis line
        ax.x_axis.shift(AXIS_GAP * DOWN)
        ax.labels[0].shift(AXIS_GAP * DOWN)  # with its axis

        def curve():
            # traced where the dot has been: up to the steepest slope it has reached, never
            # beyond it
            self.traced_to = end = max(self.traced_to, self.m.get_value())
            keep = M_SAMPLES < end - 1e-12
            # (at the start a point drawn twice: a path of no length, never one of no points)
            xs = np.append(M_SAMPLES[keep], [end] * (1 + (not keep.any())))
            ys = np.append(self.j_curve[keep], [self.j_of(end)] * (1 + (not keep.any())))
            path = VMobject(color=t.accent, stroke_width=4)
            return path.set_points_as_corners(scene_points(ax, xs, ys))

        def dot():
            m = self.m.get_value()
            return Dot(ax.c2p(m, self.j_of(m)), radius=0.09, color=t.error)

        return ax, always_redraw(curve), always_redraw(dot)

    # -- sections ------------------------------------------------------------------

    def section_setup(self):
        t = self.theme
        title = self.mixed("Sweeping the slope, intercept held at $b^*$", 32).to_edge(UP, buff=0.42)
        self.title = title
        self.left = self.build_left()
        self.right = self.build_right()
        ax_l, line, bars, dots = self.left
        ax_r, curve, dot = self.right
        m_read, m_num = readout("m", M_FROM, PLACES, 30)
        j0 = self.j_of(M_FROM)
        # J as every cost of the chapter (numbers.cost: J_SIG significant figures, 0.777 ...
        # 0.0903 ... 0.00903), laid out at its widest (J_MOST decimals), centred over the cost
        # panel: its left end stays put as it grows
        j_read, j_num = readout("J", j0, J_MOST, 30, color=t.error)
        m_num.add_updater(lambda d: set_number(d, self.m.get_value()))
        j_num.add_updater(lambda d: set_sig_number(d, self.j_of(self.m.get_value()), J_SIG,
                                                   J_MOST))
        b_read = self.tex(rf"b = b^* = {numbers.latex(self.b_star, PLACES)}", 30)
        panel = VGroup(m_read, b_read).arrange(RIGHT, buff=0.6)
        # one line under the title: m and b over the data panel, J over the cost panel (the
        # cost's definition is not set: its sum's limits would be too small to read, and the
        # cost panel's label names J(m, b*))
        y_row = title.get_bottom()[1] - READOUT_DROP
        panel.move_to(np.array([ax_l.get_center()[0], 0, 0])).set_y(y_row)
        j_read.set_x(ax_r.get_center()[0]).set_y(y_row)  # at its widest, centred over its panel
        set_sig_number(j_num, j0, J_SIG, J_MOST)
        self.readouts = VGroup(panel, j_read)
        # one thing at a time: the title (faded in whole: written stroke by stroke its glyphs
        # blot), the data, the line with its readouts, then the cost panel with its J; each
        # panel's frame drawn with its tick numbers and labels faded in whole (a number drawn
        # stroke by stroke reads "1." for a moment)
        self.play(FadeIn(title), run_time=SETUP_SECONDS)
        play_axes_in(self, (ax_l,), FadeIn(dots), run_time=SETUP_SECONDS)
        self.play(Create(line), FadeIn(self.pivot), FadeIn(bars), FadeIn(panel),
                  run_time=SETUP_SECONDS)
        play_axes_in(self, (ax_r,), run_time=SETUP_SECONDS)
        self.play(FadeIn(curve), FadeIn(dot), FadeIn(j_read), run_time=SETUP_SECONDS)

    def section_sweep(self):
        self.play(self.m.animate.set_value(M_TO), run_time=self.sweep_seconds, rate_func=linear)

    def section_settle(self):
        t = self.theme
        ax_r = self.right[0]
        top = ax_r.y_range[1]
        j_star = self.j_of(self.m_star)
        # the minimum: the house star at the bottom of the curve, where the dot rests, and the
        # dotted guide up from it into the bowl
        star = Star(outer_radius=STAR_RADIUS, color=t.mark_color("minimum"),
                    fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax_r.c2p(self.m_star, j_star))
        self.star = star
        drop = styled_line("reference", ax_r.c2p(self.m_star, GUIDE_TOP * top),
                           ax_r.c2p(self.m_star, 0), t.good, 3)
        # over the guide: m* and J* (the least cost, written as every cost: numbers.cost), and
        # over them the note; the guide is their leader down to the minimum
        label = VGroup(self.tex(rf"m^* = {numbers.latex(self.m_star, PLACES)}", 32, t.good),
                       self.tex(rf"J^* = {numbers.cost(j_star, 'latex')}", 32, t.good))
        label.arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        label.next_to(drop, UP, buff=0.15)
        note = VGroup(self.text("the bottom of the curve", 24, t.text),
                      self.text("is the best slope", 24, t.text)).arrange(DOWN, buff=0.1)
        note.next_to(label, UP, buff=0.25)
        self.label, self.note, self.guide = label, note, drop
        # one change at a time: the dot settles, then the star and the guide, then m* and J*,
        # then the note
        self.play(self.m.animate.set_value(self.m_star), run_time=SETTLE_SECONDS,
                  rate_func=rate_functions.ease_in_out_sine)
        # the dot fades as the star lands on it (kept under the star, its pink showed between
        # the star's points as a fringe)
        self.play(FadeIn(star, scale=0.5), Create(drop), FadeOut(self.right[2]),
                  run_time=GUIDE_SECONDS)
        # the live readouts, at rest on the minimum, give way to m* and J* over the guide, in
        # the minimum's green (kept beside them, they said the same numbers twice, J in the
        # dot's pink as if still live): in the play's first half J drops into its place as J*
        # (straight down over the empty bowl) as m fades where it stands (flown there, it
        # crossed the cost panel's words), in its second half m* comes in over J* (together,
        # the falling J crossed it); b = b* stays where it stood, alone over the data panel
        (m_read, b_read), j_read = self.readouts
        for num in (m_read[-1], j_read[-1]):
            num.clear_updaters()
        self.remove(self.readouts[0])  # the pair parted: m goes, b stays
        self.add(m_read, b_read)
        self.live = VGroup(m_read, j_read)

        def first(t):
            return rate_functions.smooth(min(1.0, 2 * t))

        def second(t):
            return rate_functions.smooth(max(0.0, 2 * t - 1))

        self.play(FadeOut(m_read, rate_func=first),
                  FadeTransform(j_read, label[1], rate_func=first),
                  FadeIn(label[0], shift=0.15 * UP, rate_func=second), run_time=LABEL_SECONDS)
        self.play(FadeIn(note, shift=0.15 * UP), run_time=NOTE_SECONDS)
        # the best line runs through the middle of the points
        self.play(*(Indicate(d, color=t.data, scale_factor=1.5) for d in self.left[3]),
                  run_time=POINTS_SECONDS)
        self.wait(HOLD_SECONDS)

    SECTIONS = sections(section_setup, section_sweep, section_settle)
