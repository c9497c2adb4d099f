"""Residuals: each error of a candidate line becomes a square, half of each square is that
example's cost C_i, and the mean of the C_i is J.

The middle candidate f(x) = −0.11 x + 2.5 over the 7 points, on a plot drawn large so that the
shortest errors read. Each error f(x_i) − y_i is drawn as a red dashed segment; a square of
that side is built where it covers no data: the segment's length, a red side, slides down to
the square's place in a row along the plot's foot, under every point and the line, and the
square comes in on it, square on screen from its first frame (the panel has one scale on x and
y, so the square's area is the squared error; never a morph of the thin segment, which would
pass through tall thin rectangles). The
plot keeps its size until it fades; then the
squares line up in one row in the middle of the page, grown by one uniform scale, each area
written under its square, and the key moment runs one change at a time, each
with its number, in one notation for the error, r_i = f(x_i) − y_i, defined on the plot as
its segments appear (the still's notation): every
square is halved, the half kept being the example's cost C_i = ½ r_i² (the other half
a ghost), the costs' formula on screen to the end: once the halves have their numbers it moves
up beside J's, named "the cost of example i", and stays there while the strip's sum and J
write C_i; the row rises and, in one move, the halves
drop into a lane below it and run on, reshaped, together into one strip of height √J and the
same area, so the strip's area is Σ C_i; the strip is cut into 7
equal squares, each the mean of the C_i; the row above fades and the seven squares move apart
to the middle of the page at the same scale as every square before them (one area per unit of
r² or C_i from the stage on: grown, a mean square read as three times J and the seven as three
times the strip): J, written large under them. Every number comes
from gdcore.
Render alone with: manim -ql scenes/residuals.py Residuals
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    Rectangle,
    ReplacementTransform,
    Square,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    linear,
    smooth,
)

from gdcore import data, regression
from gdviz import equations, numbers, views
from gdviz.manim_theme import (
    ThemedScene,
    data_axes,
    data_dots,
    error_bars,
    sections,
)

#: The plot is the chapter's one view of the seven points (gdviz.views, as the stills).
X_RANGE, Y_RANGE = views.X_RANGE, views.Y_RANGE
#: Scene units per axis unit, the same on x and y: a square of side |r| has area r². The plot
#: is drawn large, alone on the page, so that its shortest errors and their squares read; it
#: keeps that size until it fades.
UNIT_BIG = 2.0
#: Where the large plot's corner (x0, y0) lies on the page, and the gap between the y axis's
#: numbers and its label.
BIG_ORIGIN, Y_LABEL_GAP = (-3.0, -2.85), 0.3
#: A square whose side on the large plot is under TINY (scene units: 12 px at 480p) is a speck:
#: it stays beside its point, unlabelled on the plot (its area, negligible, is written in the
#: row).
TINY = 0.2
#: A speck comes in beside its segment, SIDE_GAP axis units off it: clear of the segment, its
#: point and its prediction's ring.
SIDE_GAP = 0.06
#: Each square (but a speck) is built in one row along the foot of the large plot, its bottom
#: BAND_Y (axis units) and under its own point where it can, BAND_GAP apart: clear of the
#: points, the line and every other square (beside their segments the squares covered the line,
#: the next points and each other, and the last ran past the x axis's end).
BAND_Y, BAND_GAP = 1.05, 0.06
#: Fill opacity of the squares (and the kept halves, pieces and parts): on the dark page the
#: error red at 0.45 was a muddy maroon on near-black, hardly told from its ghost; there it is
#: filled nearly whole (SQUARE_OPACITY_DARK), a bright coral.
SQUARE_OPACITY, SQUARE_OPACITY_DARK = 0.45, 0.8
#: The squares' layers on the plot: under the line, the segments (1), the rings (2) and the
#: points (3); a speck over the full squares, so that one reaching over it leaves it in sight.
SQUARE_Z, SPECK_Z = -2, -1
#: The key moment is drawn this many times larger than the plot (one uniform scale of the row,
#: so the squares keep their areas' ratios).
STAGE = 1.125
#: Where the row of squares rests on the stage (its bottom), and the strip's centre below it.
ROW_BOTTOM = -0.75
#: While the row alone is on the stage (before the strip), it and its heading stand this much
#: lower, so the picture is centred on the page; they rise to ROW_BOTTOM to make room for the
#: strip.
STAGE_DROP = 1.2
STRIP_CENTER = (1.3, -1.55)
#: Decimal places of the squares and the costs and of their sum: the shown costs add up to the
#: shown sum. J, their mean, is written as every cost is (numbers.cost), as the still writes it.
PLACES = 3
#: The size of the numbers set beside one square or segment (the longest error, each square's
#: area, each example's cost): digits 14 px tall at 480p. At the house floor (TICK_SIZE, 12.9
#: px, drawn 12 px) seven of them in a row read as specks beside the squares.
LABEL_SIZE = 34
#: The gap between neighbouring slots of the row on the stage.
ROW_GAP = 0.3
#: The least gap between the costs' heading and the numbers under it (10 px at 480p and more).
HEAD_GAP = 0.25
#: The halves' move into the strip (seconds), and the share of it spent dropping into the lane
#: under the row before running on to their pieces.
MERGE_SECONDS, LANE_SHARE = 2.2, 0.35
#: The gap between the strip's equal parts once cut apart: room for their numbers.
PART_GAP = 0.28
#: The payoff: once the strip is cut, the row above fades and the seven equal squares move to
#: the middle of the page at their size (side √J on the stage's scale, 38 px at 480p: grown to
#: the set-up's 66 px, each read as an area of 0.24, not J), centred at PARTS_Y and spread so
#: that their numbers stand PAYOFF_APART or more apart; the sum of the costs above them at
#: SUM_Y; the line of J under them at EQ_Y, at J_SIZE: the largest text of the scene.
PARTS_Y, SUM_Y, PAYOFF_APART = -0.3, 1.3, 0.35
#: The sum of the costs moves over the parts as they grow: up in the first SUM_RISE of the
#: play, across from SUM_ACROSS on (so it is above them before it is over them).
SUM_RISE, SUM_ACROSS = 0.5, 0.3
EQ_Y, J_SIZE = -2.45, 56
#: A half narrower than this (scene units: 6 px at 480p) is too small to be seen in flight: it
#: stays in its square, and its piece (a sliver) comes with the strip.
FLY_MIN = 0.1
#: A ghost (a square's discarded half, the parts other than J's): a faint fill (GHOST_OPACITY;
#: on the dark page, GHOST_OPACITY_DARK, nearly an outline: dark red on darker red was hardly
#: told from the kept half) inside an outline that stays clear (GHOST_STROKE of the error
#: red: 3:1 or more against the page in both themes).
GHOST_OPACITY, GHOST_OPACITY_DARK, GHOST_STROKE = 0.12, 0.05, 0.85
#: The six parts other than J fade to ghosts over this many seconds, one after another.
GHOST_SECONDS = 1.6
#: C_i's definition, once the costs' heading leaves: DEF_X right of J's formula (at the top,
#: beside it, for the rest of the video: the strip's sum and J's payoff write C_i), its words
#: at DEF_WORDS under the formula, DEF_GAP apart.
DEF_X, DEF_WORDS, DEF_GAP = 0.6, 26, 0.12
#: The error of example i, defined once, on the plot where its segments first appear (as the
#: still's key defines it), in the error red under the line's name; then its square and the
#: example's cost as the headings write them (the chapter's notation, gdviz.equations:
#: C_i = ½ r_i², J the mean of the C_i).
ERROR_TEX = r"r_i = f(x_i) - y_i"
SQUARE_TEX = r"r_i^2"
COST_TEX = r"C_i = \frac{1}{2}\,r_i^2"
#: Where (axis units) the error's definition starts, left-aligned with the line's name over it:
#: centred between the y ticks 2.5 and 3 (under the name at 3.0 it touched 3's tick).
ERROR_DEF_AT = (2.1, 2.8)
#: The cost J written with the same error f(x_i) − y_i (the still's form, f(x_i) = m x_i + b):
#: one notation for the error on screen.
HEADER_TEX = equations.tex("cost").replace(r"m\,x_i + b", "f(x_i)")
assert "f(x_i)" in HEADER_TEX


class Residuals(ThemedScene):

    @classmethod
    def captions(cls):
        x, y = data.regression_points()
        e = regression.line_errors(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], x, y)
        costs = e.squares / 2
        n = len(x)
        worst = int(np.argmax(np.abs(e.residuals)))
        sign = "−" if e.b < 0 else "+"
        line = f"f(x) = {numbers.text(e.m)} x {sign} {numbers.text(abs(e.b))}"
        p = PLACES
        specks = int(np.sum(np.abs(e.residuals) * UNIT_BIG < TINY))
        return {
            "points": f"The {numbers.word(n)} points and a candidate line, {line}, its "
                      f"predictions ringed.",
            "errors": f"Each error rᵢ = f(xᵢ) − yᵢ becomes a red dashed segment; the longest is "
                      f"{numbers.text(abs(e.residuals[worst]), 2)}.",
            "squares": f"Each segment's length slides down below the points and a square with "
                       f"that side comes in on it; the {numbers.word(specks)} shortest, specks, "
                       f"stay beside their points.",
            "stage": "The plot fades; the squares line up in a row, larger: the squared "
                     "errors rᵢ², each area written under its square.",
            "costs": f"Each square is halved: the half kept is one example's cost "
                     f"Cᵢ = ½ rᵢ², up to "
                     f"{numbers.text(costs.max(), p)}.",
            "mean": (f"The {numbers.word(n)} halves slide together into one strip of the same "
                     f"area, their sum, {numbers.text(costs.sum(), p)}.",
                     f"The strip is cut into {numbers.word(n)} equal squares, each the mean of "
                     f"the costs: J = {numbers.cost(e.cost)}."),
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        e = regression.line_errors(*data.CANDIDATES[data.RESIDUALS_CANDIDATE], self.x, self.y)
        self.m, self.b, self.pred, self.r, self.sq = e.m, e.b, e.pred, e.residuals, e.squares
        self.mean, self.j, self.total = e.mean, e.cost, e.total
        self.costs = self.sq / 2  # C_i, the examples' costs: J is their mean

    # -- pieces --------------------------------------------------------------------

    def build_axes(self):
        """The plot's axes (UNIT_BIG, alone on the page, its corner at BIG_ORIGIN)."""
        t = self.theme
        (x0, x1), (y0, y1) = X_RANGE, Y_RANGE
        ax = data_axes(t, UNIT_BIG * (x1 - x0), UNIT_BIG * (y1 - y0))
        ax.shift(np.array([*BIG_ORIGIN, 0]) - ax.c2p(x0, y0))
        # the y label left of the tick numbers, at mid-height: raised at the axis's top it
        # stood level with the heading's J and read as part of it ("y J(m, b) = …")
        ly = ax.labels[-1]
        left = min(n.get_left()[0] for n in ax.y_axis.numbers)
        ly.move_to([left - Y_LABEL_GAP - ly.width / 2, ax.c2p(x0, (y0 + y1) / 2)[1], 0])
        return ax

    def square_for(self, i: int) -> Square:
        """The square on error i: side |r_i| in axes units, built at its place in the row at the
        plot's foot (band_slots), clear of every point, the line and the other squares; a speck
        beside its dashed segment (SIDE_GAP off it), its bottom level with the segment's."""
        t = self.theme
        ax = self.ax
        side = abs(self.r[i]) * ax.x_axis.unit_size
        sq = Square(side, color=t.error, stroke_width=2, fill_color=t.error,
                    fill_opacity=self.fill)
        # under the line, the segments, the rings and the points (should a square ever reach
        # one, it reads through); a speck over the squares
        sq.set_z_index(SPECK_Z if side < TINY else SQUARE_Z)
        slots = self.band_slots()
        if i in slots:
            return sq.move_to(ax.c2p(slots[i], BAND_Y), aligned_edge=DOWN + LEFT)
        lo, hi = sorted((self.y[i], self.pred[i]))
        right = self.x[i] + SIDE_GAP + abs(self.r[i]) <= X_RANGE[1]
        off = SIDE_GAP if right else -SIDE_GAP
        sq.move_to(ax.c2p(self.x[i] + off, lo), aligned_edge=DOWN + (LEFT if right else RIGHT))
        return sq

    def band_slots(self) -> dict[int, float]:
        """The left edge (axis units) of each square's place in the row at the large plot's
        foot (specks keep their place on their segments): under its own point where the square
        before it leaves room, else BAND_GAP right of it, and inside the plot."""
        slots, right = {}, X_RANGE[0] + BAND_GAP
        for i in np.argsort(self.x):
            side = abs(self.r[i])
            if side * UNIT_BIG < TINY:
                continue
            left = min(max(self.x[i] - side / 2, right + BAND_GAP), X_RANGE[1] - BAND_GAP - side)
            slots[int(i)], right = left, left + side
        return slots

    @staticmethod
    def box(mob) -> np.ndarray:
        """mob's box on the page: (left, bottom, right, top)."""
        return np.array([*mob.get_corner(DOWN + LEFT)[:2], *mob.get_corner(UP + RIGHT)[:2]])

    @staticmethod
    def merge_box(path, alpha: float) -> np.ndarray:
        """A half's box (left, bottom, right, top) at `alpha` of the move into the strip: eased
        at both ends, straight down from its square (start) into the lane (for LANE_SHARE of
        the move), then on to its piece of the strip (end), its sides changing evenly."""
        u = smooth(alpha)
        start, lane, end = path
        if u < LANE_SHARE:
            return start + (lane - start) * (u / LANE_SHARE)
        return lane + (end - lane) * ((u - LANE_SHARE) / (1.0 - LANE_SHARE))

    @staticmethod
    def leave(home, alpha: float):
        """The half a copy leaves at `alpha` of the move into the strip: hidden from the first
        frame, under its copy, which covers it exactly there (one half-shape, never one over
        the other, out of register); its outline back as a ghost's once the copy has dropped out
        of the square into the lane (LANE_SHARE of the move), fully by twice that."""
        k = float(np.clip(smooth(alpha) / LANE_SHARE - 1.0, 0.0, 1.0))
        return home.set_fill(opacity=0.0).set_stroke(opacity=GHOST_STROKE * k)

    @property
    def fill(self) -> float:
        """The squares' fill opacity on this theme's page."""
        return SQUARE_OPACITY_DARK if self.theme.name == "dark" else SQUARE_OPACITY

    def ghost(self, mob):
        """mob (or its .animate) as a ghost: the faint fill of the theme, a clear outline."""
        fill = GHOST_OPACITY_DARK if self.theme.name == "dark" else GHOST_OPACITY
        return mob.set_fill(opacity=fill).set_stroke(opacity=GHOST_STROKE)

    def definition(self, formula) -> VGroup:
        """C_i's definition as it stays on screen once the costs' heading leaves: the formula
        (a copy of `formula`, the heading's) over its words, "the cost of example i", left-aligned
        in the room right of J's formula (cost_eq), its top on J's."""
        words = self.mixed("the cost of example $i$", DEF_WORDS)
        block = VGroup(formula.copy(), words).arrange(DOWN, buff=DEF_GAP, aligned_edge=LEFT)
        return block.move_to([self.cost_eq.get_right()[0] + DEF_X, self.cost_eq.get_top()[1], 0],
                             aligned_edge=UP + LEFT)

    # -- sections ------------------------------------------------------------------

    def section_points(self):
        t = self.theme
        title = self.text("Errors become squares, squares become the cost", 32)
        title.to_edge(UP, buff=0.42)  # the house margin: 24 px at 480p
        self.cost_eq = self.tex(HEADER_TEX, 32).next_to(title, DOWN, buff=0.25)
        # drawn large first; section_squares shrinks it to self.build_axes()
        self.ax = ax = self.build_axes()
        x0, x1 = X_RANGE
        self.line = Line(ax.c2p(x0, regression.predict(self.m, self.b, x0)),
                         ax.c2p(x1, regression.predict(self.m, self.b, x1)),
                         color=t.model, stroke_width=4)
        sign = "-" if self.b < 0 else "+"
        self.line_label = self.tex(rf"f(x) = {self.m:g}\,x {sign} {abs(self.b):g}", 30, t.model)
        self.line_label.move_to(ax.c2p(2.1, 3.25), aligned_edge=LEFT)
        self.dots = data_dots(t, ax, self.x, self.y).set_z_index(3)
        self.marks = VGroup(*(
            Circle(0.065, color=t.model, stroke_width=2.5, fill_color=t.background,
                   fill_opacity=1).move_to(ax.c2p(xi, pi))
            for xi, pi in zip(self.x, self.pred)
        )).set_z_index(2)
        # one thing at a time: the axes (ticks and titles), then the points, then the line,
        # then its predictions
        self.play(Write(title), FadeIn(self.cost_eq))
        self.play(Create(ax), run_time=1.2)
        self.play(FadeIn(self.dots), run_time=0.6)
        self.play(Create(self.line), FadeIn(self.line_label), run_time=0.8)
        self.play(FadeIn(self.marks, lag_ratio=0.15), run_time=1.2)

    def section_errors(self):
        self.bars = error_bars(self.theme, self.ax, self.x, self.y, self.pred).set_z_index(1)
        for bar in self.bars:
            self.play(Create(bar), run_time=0.45)
        # the longest error's length, which the caption gives, on screen beside its segment
        t, worst = self.theme, int(np.argmax(np.abs(self.r)))
        self.longest = self.tex(f"{abs(self.r[worst]):.2f}", LABEL_SIZE, t.error)
        self.longest.next_to(self.bars[worst], RIGHT, buff=0.12)
        # the segments' name, r_i, defined where they are drawn (its one definition)
        self.error_def = self.tex(ERROR_TEX, 30, t.error)
        self.error_def.move_to(self.ax.c2p(*ERROR_DEF_AT), aligned_edge=LEFT)
        self.play(FadeIn(self.longest), FadeIn(self.error_def), run_time=0.5)
        self.wait(0.3)

    def section_squares(self):
        # each error becomes its square where it covers nothing: the segment's length, a red
        # side, slides down out of the points to its place at the plot's foot, and the square
        # on that side comes in there, square from its first frame at its full side (never
        # morphed from the thin segment), clear of every point, ring, the line and the other
        # squares; a speck stays beside its point
        t = self.theme
        squares = [self.square_for(i) for i in range(len(self.r))]
        slots = self.band_slots()
        for i, sq in enumerate(squares):
            if i not in slots:
                self.play(FadeIn(sq), run_time=0.4)
                continue
            bar = self.bars[i]
            side = Line(bar.get_start(), bar.get_end(), color=t.error, stroke_width=3)
            side.set_z_index(SPECK_Z)
            self.play(side.animate.put_start_and_end_on(sq.get_corner(DOWN + LEFT),
                                                        sq.get_corner(UP + LEFT)),
                      run_time=0.45)
            self.play(FadeIn(sq), FadeOut(side), run_time=0.35)
        self.row = VGroup(*squares)
        self.wait(0.5)

    def section_stage(self):
        """The plot has done its work: it fades out at its full size (its squares stay), then
        the squares line up in one row in the middle of the page, grown by STAGE (one uniform
        scale, so every area keeps its ratio to the others), then each square's area comes
        under it and the row's heading over it: one change at a time."""
        t = self.theme
        plot = VGroup(self.ax, self.dots, self.line, self.line_label, self.marks, self.bars,
                      self.longest, self.error_def)
        self.play(FadeOut(plot), run_time=0.8)
        u = self.ax.x_axis.unit_size * STAGE
        areas = [self.tex(f"{q:.{PLACES}f}", LABEL_SIZE) for q in self.sq]
        probes = [self.tex(f"{c:.{PLACES}f}", LABEL_SIZE) for c in self.costs]
        slots = [max(abs(ri) * u, lab.width, a.width) for ri, lab, a in zip(self.r, probes, areas)]
        left = -(sum(slots) + ROW_GAP * (len(slots) - 1)) / 2
        centres = left + np.cumsum(slots) - np.asarray(slots) / 2 + ROW_GAP * np.arange(len(slots))
        bottom = ROW_BOTTOM - STAGE_DROP
        # all together, each straight to its slot, in the points' order (as they lie at the
        # plot's foot): none passes over another
        self.play(*(sq.animate.scale(STAGE).move_to([c, bottom, 0], aligned_edge=DOWN)
                    for sq, c in zip(self.row, centres)), run_time=1.2, rate_func=smooth)
        below = bottom - 0.12
        for a, c in zip(areas, centres):
            a.move_to([c, below - a.height / 2, 0])
        words = self.text("squared errors", 28)
        maths = self.tex(SQUARE_TEX, 28, t.error)
        heading = VGroup(words, maths).arrange(RIGHT, buff=0.3).move_to([0.0, 1.75 - STAGE_DROP, 0])
        self.play(FadeIn(VGroup(*areas), lag_ratio=0.1), FadeIn(heading), run_time=0.8)
        self.areas = VGroup(*areas)
        self.slot_centres = centres
        self.heading = heading
        self.wait(1.2)  # the areas read before the costs' heading takes their place

    def section_costs(self):
        """Each square halved: the half that stays is the example's cost C_i = ½ r_i²,
        its number above it, the other half a faint ghost. The heading names the costs first and
        stays while the squares are halved and their numbers come (read time)."""
        t = self.theme
        cuts = VGroup(*(Line(sq.get_top(), sq.get_bottom(), color=t.text, stroke_width=1.5)
                        for sq in self.row))
        halves = VGroup(*(
            Rectangle(width=sq.width / 2, height=sq.height, stroke_width=1.5, color=t.error,
                      fill_color=t.error, fill_opacity=self.fill)
            .move_to(sq, aligned_edge=LEFT) for sq in self.row))
        label_y = self.row.get_top()[1] + 0.3
        self.row_labels = VGroup(*(self.tex(f"{c:.{PLACES}f}", LABEL_SIZE)
                                   .move_to([sq.get_x(), label_y, 0])
                                   for c, sq in zip(self.costs, self.row)))
        words = self.text("the examples’ costs", 28)
        maths = self.tex(COST_TEX, 28)  # a cost, in ink (the red is the errors')
        named = VGroup(words, maths).arrange(RIGHT, buff=0.3).move_to(self.heading)
        # clear of the numbers under it (the ½'s denominator reaches low)
        named.shift(max(0.0, self.row_labels.get_top()[1] + HEAD_GAP - named.get_bottom()[1])
                    * UP)
        # the old heading (and the squares' areas) go before the new come: never words over
        # words
        self.play(FadeOut(self.heading, shift=0.2 * UP), FadeOut(self.areas), run_time=0.5)
        self.play(FadeIn(named, shift=0.2 * UP), run_time=1.0)
        self.named_at = float(self.time)  # the costs' formula whole on screen from here
        self.play(Create(cuts), run_time=0.8)
        self.play(FadeIn(halves), *(self.ghost(sq.animate) for sq in self.row),
                  FadeOut(cuts), run_time=1.2)
        self.play(FadeIn(self.row_labels, lag_ratio=0.1), run_time=1.2)
        self.heading, self.halves = named, halves
        self.wait(0.8)

    def section_mean(self):
        """The key moment, one change at a time, each with its number: the seven halves (the
        C_i) become one strip of height √J (its area is Σ C_i), and the strip is cut into seven
        equal squares, each of area the mean of the C_i: J."""
        t = self.theme
        n = len(self.x)
        u = self.ax.x_axis.unit_size * STAGE  # scene units per axis unit on the stage
        side = np.sqrt(self.j) * u  # the strip's height and each equal part's side
        left = STRIP_CENTER[0] - n * side / 2
        y = STRIP_CENTER[1]
        # 1. each half becomes a piece of the strip of the same area (width C_i / height)
        widths = self.costs * u * u / side
        edges = left + np.concatenate([[0.0], np.cumsum(widths)])
        pieces = VGroup(*(
            Rectangle(width=w, height=side, color=t.error, stroke_width=1.5, fill_color=t.error,
                      fill_opacity=self.fill).move_to([(a + c) / 2, y, 0])
            for w, a, c in zip(widths, edges[:-1], edges[1:])
        ))
        p = PLACES
        # the costs' heading has said its piece, but C_i is written on to the end (the strip's
        # sum, J's): its formula moves up beside J's (risen with the row it would meet J's
        # formula over it), named there as what it is, and stays; then the row rises to make
        # room for the strip under it
        # (copies move: the heading keeps its place over the numbers)
        self.unnamed_at = float(self.time)  # the formula leaves the row from here
        self.cost_def = self.definition(self.heading[1])
        words, formula = self.heading[0].copy(), self.heading[1].copy()
        self.remove(self.heading)
        self.add(words, formula)
        self.play(FadeOut(words), ReplacementTransform(formula, self.cost_def[0]),
                  FadeIn(self.cost_def[1]), run_time=1.0)
        self.add(self.cost_def)
        self.defined_at = float(self.time)  # C_i's definition beside J's from here to the end
        self.play(VGroup(self.row, self.halves, self.row_labels).animate
                  .shift(STAGE_DROP * UP), run_time=0.8)
        # one move: each half's copy drops straight down out of its square into the lane under
        # the row, then runs on, reshaped as it goes, to its piece of the strip (same area). The
        # copies keep the row's order and the pieces the strip's, so no two ever meet; the lane
        # and the strip lie under the row, so none passes over a square
        below = self.row.get_bottom()[1] - 0.1
        copies = [h.copy() for h in self.halves]
        self.merge_paths = [(self.box(h), self.box(h) + [0, -(h.get_top()[1] - below)] * 2,
                             self.box(q)) for h, q in zip(self.halves, pieces)]

        def slide(mob, alpha, path, home):
            (x0, y0, x1, y1) = self.merge_box(path, alpha)
            mob.stretch_to_fit_width(x1 - x0).stretch_to_fit_height(y1 - y0)
            mob.move_to([(x0 + x1) / 2, (y0 + y1) / 2, 0])
            self.leave(home, alpha)

        # a half too narrow to be seen stays in its square (flown, it is a speck that reads as
        # a stray mark); its piece, a sliver, comes with the strip
        flying = [(c, path, h) for c, path, h in zip(copies, self.merge_paths, self.halves)
                  if c.width >= FLY_MIN]
        self.add(*(c for c, _, _ in flying))
        self.play(*(UpdateFromAlphaFunc(c, lambda m, al, path=path, h=h: slide(m, al, path, h),
                                        rate_func=linear)
                    for c, path, h in flying), run_time=MERGE_SECONDS)
        self.remove(*(c for c, _, _ in flying))
        self.add(pieces)
        strip = Rectangle(width=n * side, height=side, color=t.error, stroke_width=2,
                          fill_color=t.error, fill_opacity=self.fill)
        strip.move_to([STRIP_CENTER[0], y, 0])
        # each equation is set as it comes on screen, so the captions follow the picture
        sum_eq = self.tex(rf"\sum_{{i=1}}^{{{n}}} C_i = {self.costs.sum():.{p}f}", 30)
        sum_eq.next_to([left, y, 0], LEFT, buff=0.5)
        # (no "area" word over the strip: between the row and the strip it had no room)
        self.sum_at = float(self.time)  # the first C_i written after the costs' heading
        self.play(FadeIn(strip), FadeOut(pieces), Write(sum_eq), run_time=1.2)
        self.wait(0.5)
        # 2. the strip cut into n equal parts: each part is the mean of the C_i, J
        self.caption_next()
        cuts = VGroup(*(Line([left + k * side, y - side / 2, 0], [left + k * side, y + side / 2, 0],
                             color=t.text, stroke_width=2) for k in range(1, n)))
        self.play(Create(cuts, lag_ratio=0.2), run_time=1.2)
        parts = VGroup(*(
            Square(side, color=t.error, stroke_width=2, fill_color=t.error,
                   fill_opacity=self.fill).move_to([left + (k + 0.5) * side, y, 0])
            for k in range(n)
        ))
        # cut apart rightwards, the strip's left end kept (Σ C_i stands left of it)
        parts.arrange(RIGHT, buff=PART_GAP).move_to(strip, aligned_edge=LEFT)
        self.play(FadeOut(strip), FadeOut(cuts), FadeIn(parts), run_time=1.2)
        # the payoff: the row of halves has done its work and leaves; the seven squares move
        # apart to the middle of the page, at the one scale of every square before them (never
        # grown: each would read as more than J), the sum of the costs they share above them
        # (the sum moves there as they do, in one move: up first, out of the parts' way, then
        # across, so it never crosses them; faded out and in, it left the page)
        self.play(FadeOut(self.row), FadeOut(self.halves), FadeOut(self.row_labels),
                  run_time=0.8)
        start, end = sum_eq.get_center(), np.array([0.0, SUM_Y, 0])

        def lift(mob, alpha):
            up = smooth(min(alpha / SUM_RISE, 1.0))
            across = smooth(float(np.clip((alpha - SUM_ACROSS) / (1.0 - SUM_ACROSS), 0, 1)))
            mob.move_to([start[0] + (end[0] - start[0]) * across,
                         start[1] + (end[1] - start[1]) * up, 0])

        j_text = numbers.cost(self.j, "latex")  # as the still writes J
        part_labels = VGroup(*(self.tex(j_text, 30) for _ in parts))
        spread = max(PART_GAP, part_labels[0].width + PAYOFF_APART - side)
        self.play(parts.animate.arrange(RIGHT, buff=spread).move_to([0.0, PARTS_Y, 0]),
                  UpdateFromAlphaFunc(sum_eq, lift, rate_func=linear), run_time=1.2)
        for lab, q in zip(part_labels, parts):
            lab.next_to(q, DOWN, buff=0.15)
        self.play(FadeIn(part_labels, lag_ratio=0.1), run_time=1.0)
        self.wait(0.4)
        # 3. one part is J (the others stay as faint ghosts, their numbers muted and readable)
        # the six others fade to ghosts one after another over GHOST_SECONDS (together, they
        # dropped most of the picture's ink in a few frames)
        self.play(AnimationGroup(*(AnimationGroup(self.ghost(q.animate), lab.animate
                                                  .set_color(t.muted))
                                   for q, lab in zip(parts[1:], part_labels[1:])),
                                 lag_ratio=0.25),
                  parts[0].animate.set_fill(opacity=0.9), run_time=GHOST_SECONDS,
                  rate_func=linear)
        j_lab = self.tex("J", 40).move_to(part_labels[0])
        # the payoff, larger than anything of the set-up, in the middle of the page
        j_eq = self.tex(rf"J = \frac{{1}}{{{n}}} \sum_{{i=1}}^{{{n}}} C_i = {j_text}", J_SIZE)
        j_eq.move_to([0.0, EQ_Y, 0])
        # the number goes before its name comes: never words over words; the formula fades in
        # (Write's outline pass blots a sum's small limits into each other)
        self.play(FadeOut(part_labels[0]), run_time=0.5)
        self.play(FadeIn(j_lab), FadeIn(j_eq), run_time=1.2)
        self.play(Indicate(self.cost_eq, color=t.accent, scale_factor=1.05), run_time=1.2)
        self.pieces, self.strip, self.parts = pieces, strip, parts
        self.part_labels = part_labels
        self.sum_eq, self.j_eq, self.mean_square = sum_eq, j_eq, parts[0]
        self.wait(1.9)  # the hold on J (longer reads as dead time)

    SECTIONS = sections(section_points, section_errors, section_squares, section_stage,
                        section_costs, section_mean)
