"""Residuals: each error of a candidate line becomes a square, and the squares' mean becomes J.

The middle candidate f(x) = -0.11 x + 2.5 over the 7 points. Each error y_i - f(x_i) is drawn as
a red dashed segment, turns into a square of that side (the panel has one scale on x and y, so
the square's area is the squared error), and the squares line up beside the plot, filling the
row from the right so that no square flies over another; their sum follows, then the seven
squares nested on one corner merge into the mean square, and half of it is J = 1/(2n) Σ r².
Every number comes from gdcore.
Render alone with: manim -ql scenes/residuals.py Residuals
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    FadeIn,
    Indicate,
    Line,
    ReplacementTransform,
    Square,
    VGroup,
    Write,
    smooth,
)

from gdcore import data, regression
from gdviz import equations, views
from gdviz.manim_theme import (
    TICK_SIZE,
    ThemedScene,
    data_dots,
    error_bars,
    sections,
    themed_axes,
)

X_RANGE = views.X_RANGE
Y_RANGE = (1.2, 3.2)
#: Scene units per axis unit, the same on x and y: a square of side |r| has area r².
UNIT = 1.5
#: Fill opacity of the squares.
SQUARE_OPACITY = 0.45


class Residuals(ThemedScene):

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        e = regression.line_errors(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], self.x, self.y)
        self.m, self.b, self.pred, self.r, self.sq = e.m, e.b, e.pred, e.residuals, e.squares
        self.mean, self.j, self.total = e.mean, e.cost, e.total

    # -- pieces --------------------------------------------------------------------

    def build_axes(self):
        t = self.theme
        (x0, x1), (y0, y1) = X_RANGE, Y_RANGE
        ax = themed_axes(t, [x0, x1, 1], [y0, y1, 0.4], UNIT * (x1 - x0), UNIT * (y1 - y0),
                         "x", "y", places=0)
        # y ticks need one decimal, x ticks none: renumber the y axis
        ax.y_axis.remove(ax.y_axis.numbers)
        ax.y_axis.add_numbers(np.arange(y0, y1 + 1e-9, 0.4), num_decimal_places=1,
                              font_size=TICK_SIZE, color=t.text)
        ax.to_edge(LEFT, buff=0.9).shift(0.9 * DOWN)
        return ax

    def square_for(self, i: int) -> Square:
        """The square on error i: side |r_i| in axes units, one side on the dashed segment."""
        t = self.theme
        ax = self.ax
        side = abs(self.r[i]) * ax.x_axis.unit_size
        sq = Square(side, color=t.error, stroke_width=2, fill_color=t.error,
                    fill_opacity=SQUARE_OPACITY)
        lo, hi = sorted((self.y[i], self.pred[i]))
        right = self.x[i] + abs(self.r[i]) <= X_RANGE[1]
        seg_bottom = ax.c2p(self.x[i], lo)
        sq.move_to(seg_bottom, aligned_edge=DOWN + (LEFT if right else RIGHT))
        return sq

    # -- sections ------------------------------------------------------------------

    def section_points(self):
        t = self.theme
        title = self.text("Errors become squares, squares become the cost", 32)
        title.to_edge(UP, buff=0.4)
        self.cost_eq = self.tex(equations.tex("cost"), 32).next_to(title, DOWN, buff=0.25)
        self.ax = ax = self.build_axes()
        x0, x1 = X_RANGE
        self.line = Line(ax.c2p(x0, regression.predict(self.m, self.b, x0)),
                         ax.c2p(x1, regression.predict(self.m, self.b, x1)),
                         color=t.accent, stroke_width=4)
        sign = "-" if self.b < 0 else "+"
        self.line_label = self.tex(rf"f(x) = {self.m:g}\,x {sign} {abs(self.b):g}", 30, t.accent)
        self.line_label.move_to(ax.c2p(2.1, 3.0), aligned_edge=LEFT)
        self.dots = data_dots(t, ax, self.x, self.y).set_z_index(3)
        self.marks = VGroup(*(
            Circle(0.065, color=t.accent, stroke_width=2.5, fill_color=t.background,
                   fill_opacity=1).move_to(ax.c2p(xi, pi))
            for xi, pi in zip(self.x, self.pred)
        )).set_z_index(2)
        self.play(Write(title), FadeIn(self.cost_eq))
        self.play(Create(ax), FadeIn(self.dots))
        self.play(Create(self.line), Write(self.line_label))
        self.play(FadeIn(self.marks, lag_ratio=0.15), run_time=1.2)

    def section_errors(self):
        self.bars = error_bars(self.theme, self.ax, self.x, self.y, self.pred).set_z_index(1)
        for bar in self.bars:
            self.play(Create(bar), run_time=0.45)
        self.wait(0.5)

    def section_squares(self):
        t = self.theme
        u = self.ax.x_axis.unit_size
        # the row of squares beside the plot: bottoms on one baseline, r_i^2 below each
        heading = self.text("squared errors", 28).move_to([3.6, 1.65, 0])
        heading_sub = self.tex(r"r_i^2 = \left(y_i - f(x_i)\right)^2", 28, t.error)
        heading = VGroup(heading, heading_sub).arrange(RIGHT, buff=0.3).move_to([3.6, 1.7, 0])
        labels = [self.tex(f"{v:.3f}", 24) for v in self.sq]
        slots = [max(abs(ri) * u, lab.width) for ri, lab in zip(self.r, labels)]
        gap = 0.15
        left = 3.5 - (sum(slots) + gap * (len(slots) - 1)) / 2
        centres = left + np.cumsum(slots) - np.asarray(slots) / 2 + gap * np.arange(len(slots))
        base_y = 0.1
        squares, self.row_labels = [None] * len(labels), VGroup(*labels)
        self.play(FadeIn(heading))
        # the row fills from the right: each square flies straight to a slot left of those
        # already placed, so it never passes over another square or its number
        for i in reversed(range(len(labels))):
            cx, lab = centres[i], labels[i]
            target = self.square_for(i)
            ghost = self.bars[i].copy()
            self.play(ReplacementTransform(ghost, target), run_time=0.7)
            self.play(target.animate.move_to([cx, base_y, 0], aligned_edge=DOWN), run_time=0.8,
                      rate_func=smooth)
            lab.next_to(target, DOWN, buff=0.15).set_x(cx)
            self.play(FadeIn(lab, shift=0.1 * UP), run_time=0.35)
            squares[i] = target
        self.row = VGroup(*squares)
        self.slot_centres = centres
        self.heading = heading
        self.wait(0.5)

    def section_mean(self):
        t = self.theme
        u = self.ax.x_axis.unit_size
        n = len(self.x)
        total = self.total
        sum_eq = self.tex(rf"\sum_{{i=1}}^{{{n}}} r_i^2 = {total:.4f}", 30)
        mean_eq = self.tex(rf"\frac{{1}}{{{n}}} \sum_{{i=1}}^{{{n}}} r_i^2 = {self.mean:.4f}", 30)
        j_eq = self.tex(rf"J = \frac{{1}}{{2}} \cdot {self.mean:.4f} = {self.j:.4f}", 34, t.error)
        col = VGroup(sum_eq, mean_eq, j_eq).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        col.move_to([2.2, -2.0, 0])
        # the mean square: area = mean of the r_i^2, beside the equations
        side = np.sqrt(self.mean) * u
        mean_sq = Square(side, color=t.error, stroke_width=2, fill_color=t.error,
                         fill_opacity=SQUARE_OPACITY)
        mean_sq.move_to([5.4, -2.0, 0])
        mean_lab = self.tex(r"\mathrm{mean}", 26).next_to(mean_sq, UP, buff=0.15)
        self.play(Write(sum_eq))
        # the seven squares again, nested on the mean square's corner (faint: they overlap), and
        # merging into it there: nothing travels over the row, its numbers or the equations
        corner = mean_sq.get_corner(DOWN + LEFT)
        self.nest = VGroup(*(sq.copy().set_fill(opacity=0.12).move_to(corner,
                                                                      aligned_edge=DOWN + LEFT)
                             for sq in self.row))
        self.play(FadeIn(self.nest, lag_ratio=0.15), run_time=1.2)
        self.play(ReplacementTransform(self.nest, mean_sq), run_time=1.4)
        self.play(Write(mean_eq), FadeIn(mean_lab))
        self.wait(0.5)
        # J is half the mean: half of the mean square, split down the middle
        half = Square(side, stroke_width=0, fill_color=t.error, fill_opacity=0.9)
        half.stretch(0.5, 0).move_to(mean_sq, aligned_edge=LEFT)
        cut = Line(mean_sq.get_top(), mean_sq.get_bottom(), color=t.text, stroke_width=2)
        j_lab = self.tex("J", 30, t.error).next_to(half, DOWN, buff=0.15)
        self.play(Create(cut))
        self.play(FadeIn(half), Write(j_eq), FadeIn(j_lab))
        self.play(Indicate(self.cost_eq, color=t.error, scale_factor=1.05), run_time=1.2)
        self.mean_square = mean_sq
        self.j_eq = j_eq
        self.wait(2.0)

    SECTIONS = sections(section_points, section_errors, section_squares, section_mean)
