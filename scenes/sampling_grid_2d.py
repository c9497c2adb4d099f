"""Sampling two weights on a grid: 10 bins per axis (100 guesses) beside 100 (10,000 guesses).

The two squares are the same [0, 1]² at the same size, on one baseline: only the guesses differ.
Each square fills the same way, one change at a time: the guesses of its first row appear one by
one while the panel's title counts them (the title starts at the panel's left, the coarse one over
its w2 label, the fine one over its square's left edge, and grows to the right, so the two titles
stand well apart), then copies of the row rise out of it, one row after another, the count
following (bins per row times rows), then the count is written as bins² (the power growing into the
room the count leaves). The coarse square is the brisk set-up; the fine square is the moment of the
scene and the slower: before its row starts, its bottom-right cell (one coarse cell) is outlined
and magnified in a titled inset right of the square (outside it: the square's fill is never
covered), and the inset fills as the square does. The fine row starts in that cell and runs right
to left, so the count is seen: its first 10 guesses appear slowly, one by one, in the inset, then
the rest of the row briskly; then the inset's 10 rows fill as the square's rows rise (the cell's
rows slowly, the other 90 steadily). The fine guesses, 2 px apart at 480p (every edge on a whole
pixel, and a 2 × 2 block of the video's colour samples per cell), draw as an even, dense screen of
dots 1.5 px wide: the fine square reads fuller than the coarse one at a glance, the inset shows its
points one by one. At the end the coarse grid's cells are ruled over the coarse square and the
inset says what it holds: one coarse cell holds 10 × 10 = 100 of the fine guesses.

The points come from gdcore.sampling.grid_points, the counts from guess_count. Each row is ONE
VMobject (a path of one small disc per guess), so the 10,000 fine guesses are 100 mobjects.
Render alone with: manim -ql scenes/sampling_grid_2d.py SamplingGrid2d
"""

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    RIGHT,
    UL,
    UP,
    UR,
    Circle,
    Create,
    FadeIn,
    Integer,
    Line,
    MathTex,
    Rectangle,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
    rate_functions,
)

from gdcore import sampling
from gdviz.manim_theme import ThemedScene, origin_zero, sections, themed_axes
from gdviz.numbers import count
from gdviz.staging import CountLine, GuessRows, counted, stepwise

BINS = sampling.SAMPLING_GRID_2D.bins
(DIMS,) = sampling.SAMPLING_GRID_2D.dims
LOW, HIGH = 0.0, 1.0
#: scene length of both squares' sides (the same space, the same size); the fine cell is 1/30
#: units, 2 px at 480p, and the fine square's edges lie half a pixel off the pixel grid, so each
#: guess's centre is a pixel's centre: the 10,000 guesses draw as an even screen of dots, one
#: per 2 × 2 block of the video's colour samples (a 3 px cell beats against those blocks into
#: moiré bands; a centre on a pixel's edge smears its dot into the next row's, into stripes)
SIDE = 10.0 / 3.0
#: the squares' centres: the right one clear of the left one's w1 label, with room right of it
#: for the magnified cell's inset; the group (the left square's w2 label to the inset's note)
#: centred in the frame, 36 px or more inside both its edges at 480p (a whole number of pixels
#: from where the fine square's guesses fall on pixels' centres)
CENTRE_X = {BINS[0]: -3.58, BINS[1]: 1.825}
#: both squares' top edge (so both bottoms and tick rows on one line), half a pixel (480p)
#: off the grid; the composition as low as centres it under the title
TOP = 0.9 - 0.5 / 60
TITLE_BUFF = 1.1  # the scene's title down from the frame's top
#: the inset of the magnified cell, right of the fine square (outside it): its left edge, side
#: and its bottom's height over the square's bottom. The inset is the moment's point, so it
#: takes the room there is: from 20 px right of the square, over the square's w1 label (24 px
#: above it), to 36 px or more inside the frame's right edge, its title 12 px or more under the
#: count line (at 2.1 units, right of the w1 label, it was small)
INSET_LEFT, INSET_SIDE, INSET_RISE = 3.85, 2.5, 0.5
#: a magnified guess: a dot whose diameter is this share of its (magnified) cell: at 480p the
#: fine square reads as a screen of points only up close, so the inset carries the idea, its
#: dots bold
INSET_DOT = 0.55
#: the outline of the magnified cell, of the inset and of their leaders (Manim stroke widths):
#: the inset, the scene's key, drawn firmer than the axes' ticks
ZOOM_STROKE, LEADER_STROKE = 2.5, 1.5
#: from the squares' top edge to the top of their count lines: the count lines as high as the
#: title above them allows, so they stand clear of the squares' top tick numbers (1.0)
TITLE_GAP = 0.7
#: the least gap (scene units) between a count line and the top tick number under it
HEAD_CLEARANCE = 0.2
#: seconds of each stage: the coarse square is the set-up, filled briskly; the fine square is
#: the moment of the scene: its first row takes longer than the coarse one's (its first guesses,
#: one coarse cell wide, slowly: FIRST_SHARE of the row's time), and its rows rise longer, while
#: the magnifier shows its corner cell filling, row by row, with 10 × 10 of its guesses
ROW_SECONDS = {BINS[0]: 0.8, BINS[1]: 2.6}
ROWS_SECONDS = {BINS[0]: 1.8, BINS[1]: 4.0}
#: of the fine rows' stage, the share the magnified cell's rows take (slowly: the inset carries
#: the fill); the other rows rise in the rest, quickly (1.4 s: over 2.5 s, the square's rising
#: tint and its count were all that moved)
CELL_ROWS_SHARE = 0.65
POWER_SECONDS = 0.8  # the count written as bins^dims
FIRST_SHARE = 0.6  # of the fine row's time, its first guesses: those in the magnified cell
COARSE_RADIUS = 0.065  # a coarse guess: a dot
#: a fine guess: a dot whose diameter is this share of its cell (1.5 px at 480p, on a pixel's
#: centre: a dense screen of points, the square clearly fuller than the coarse one; at 1 px,
#: a fifth of the square inked, the 10,000 read at 480p as a flat pale wash, fainter than the
#: 100 coarse dots; up close the inset shows them one by one)
FINE_SHARE = 0.75
#: the magnification of the fine square's bottom-right cell (one coarse cell) in its inset
ZOOM = INSET_SIDE / (SIDE / BINS[0])
#: w2's label left of its axis's numbers' column, W2_GAP from it, at this w2, between its 0.5
#: and its 1: on no number's row (beside its 1, "w2 1" read as one token); out of the column, so
#: the coarse count line, starting over it, stands TITLES_APART from the fine one
W2_AT, W2_GAP = 0.75, 0.2
#: the least gap between the two count lines at their widest, in ems of their type (at one
#: em, 23 px at 480p, they read as one line running on)
TITLES_APART = 3
NOTE_GAP = 0.2  # from the inset down to the closing note
#: seconds of the close, after the fine count is written: a breath, the coarse grid ruled,
#: then the note (brisk: the closing hold, ThemedScene's, follows; with a pause of their own
#: the close stood near still for 6 s)
CLOSE_BREATH, RULE_SECONDS, NOTE_SECONDS = 0.3, 0.9, 0.6


def _times(bins: int) -> str:
    """bins × bins (× …), one factor per weight."""
    return " × ".join([count(bins)] * DIMS)


class SamplingGrid2d(ThemedScene):

    @classmethod
    def captions(cls):
        coarse, fine = BINS
        n = {b: count(sampling.guess_count(b, DIMS)) for b in BINS}
        per_cell = count(sampling.guess_count(fine, DIMS) // sampling.guess_count(coarse, DIMS))
        side = count(fine // coarse)
        return {
            "coarse": f"Two empty squares: the pairs of weights w₁, w₂. In the left one, rows of "
                      f"{count(coarse)} guesses fill it: {_times(coarse)} = {n[coarse]}.",
            "fine": (f"In the right square, one coarse cell magnified beside it, a row of "
                     f"{count(fine)} guesses starts in that cell and runs left: one coarse "
                     f"cell's width holds {side} of them.",
                     f"Rows rise, the magnified cell filling with {side} × {side} of them, "
                     f"until {_times(fine)} = {n[fine]} guesses fill the square."),
            "cells": f"The coarse grid ruled over the left square; beside the right one, one "
                     f"coarse cell magnified: each coarse cell holds {per_cell} fine guesses.",
        }

    def setup(self):
        super().setup()
        self.points = {b: sampling.grid_points(b, DIMS, LOW, HIGH) for b in BINS}
        self.counts = {b: sampling.guess_count(b, DIMS) for b in BINS}
        self.panels = {}
        #: (bins, stage, count shown in the title, the guesses drawn then, in (w1, w2))
        self.stages = []
        self.fill_seconds = {}  # bins → scene seconds its square took to fill

    # -- pieces --------------------------------------------------------------------

    def build_panel(self, bins: int):
        t = self.theme
        ax = themed_axes(t, [LOW, HIGH, 0.5], [LOW, HIGH, 0.5], SIDE, SIDE)
        # w1 right of its axis's end, w2 left of its numbers between its 0.5 and 1 (W2_AT; the
        # space under the squares is the closing note's, above them the count lines'), the one
        # 0 of both axes at their corner
        w1 = MathTex("w_1", font_size=32, color=t.text).next_to(ax.c2p(HIGH, LOW), RIGHT,
                                                                buff=0.2)
        column = min(n.get_left()[0] for n in ax.y_axis.numbers)
        w2 = MathTex("w_2", font_size=32, color=t.text).move_to(ax.c2p(LOW, W2_AT))
        w2.shift((column - W2_GAP - w2.get_right()[0]) * RIGHT)
        zero = origin_zero(t, ax)
        ax.labels.add(w1, w2)
        ax.add(w1, w2, zero)
        ax.shift(np.array([CENTRE_X[bins], TOP, 0]) - ax.c2p(0.5, HIGH))
        ax.set_z_index(1)  # the axis lines over the guesses
        frame = VMobject(color=t.muted, stroke_width=2).set_points_as_corners(
            [ax.c2p(LOW, HIGH), ax.c2p(HIGH, HIGH), ax.c2p(HIGH, LOW)])
        counter = Integer(0, font_size=30, color=t.data)
        # each title starts at its panel's left and grows right (centred, the two wide titles
        # ran together between the squares): the coarse one over its w2 label, so that at its
        # widest it spans its panel's ink, w2 to w1, and stands TITLES_APART from the fine
        # one, which starts over its square's left edge and spans the square and its inset
        left = w2.get_left()[0] if bins == BINS[0] else ax.c2p(LOW, HIGH)[0]
        title = CountLine(self.text(f"{bins} bins per axis:", 24), counter,
                          self.text("guesses", 24), CENTRE_X[bins], TOP + TITLE_GAP,
                          tail_one=self.text("guess", 24), left=left)
        rows = self.rows(bins, ax).set_z_index(2)  # over the axis lines: the first row lies on one
        self.panels[bins] = {"ax": ax, "frame": frame, "counter": counter, "title": title,
                             "rows": rows}
        return ax, frame, title

    def rows(self, bins: int, ax) -> GuessRows:
        """The guesses as rows of constant w2 (bottom to top), w1 ascending in each (descending
        in the fine square's: its row starts in the magnified cell, at the right): dots."""
        radius = COARSE_RADIUS if bins == BINS[0] else \
            FINE_SHARE / 2 * (HIGH - LOW) / bins * ax.x_axis.unit_size
        unit = Circle(radius=radius).points
        pts = self.points[bins]
        # grid_points has w2 fastest: row j (w2 at its j-th value) is every bins-th point
        rows = np.array([[ax.c2p(*p) for p in pts[j::bins]] for j in range(bins)])
        if bins == BINS[1]:
            rows = rows[:, ::-1]
        return GuessRows(rows, unit, self.theme.data, rows[1, 0] - rows[0, 0])

    def drawn(self, bins: int) -> np.ndarray:
        """The guesses drawn now in the square of `bins`, read back from the rows as (w1, w2)."""
        p = self.panels[bins]
        return np.array([p["ax"].p2c(c) for c in p["rows"].drawn()]).reshape(-1, 2)

    def record(self, bins: int, stage: str):
        self.stages.append((bins, stage, self.panels[bins]["counter"].get_value(),
                            self.drawn(bins)))

    def fill(self, bins: int, row_rate, rows_rate, after_row=None, with_rows=(),
             after_rows=None):
        """The first row's guesses one by one (row_rate(alpha) of them), each growing from a
        point, counted; then copies of the row rising out of it until the square is full, the
        count bins per row times the rows that have (half) risen; then the count written as
        bins^dims. `with_rows` are animations played with the row's and the rows' stages."""
        rows, title = self.panels[bins]["rows"], self.panels[bins]["title"]
        start = self.time
        self.add(rows.show_first(0))
        self.play(*counted(rows, lambda m, a: m.show_first(row_rate(a)), title,
                           lambda a: int(round(row_rate(a)))),
                  *(a for w in with_rows for a in w("row")), run_time=ROW_SECONDS[bins],
                  rate_func=linear)
        self.record(bins, "row")
        if after_row:
            after_row(bins)
        else:
            self.wait(0.2)

        self.play(*counted(rows, lambda m, a: m.rise(1 + rows_rate(a)), title,
                           lambda a: bins * int(round(1 + rows_rate(a)))),
                  *(a for w in with_rows for a in w("rows")), run_time=ROWS_SECONDS[bins],
                  rate_func=linear)
        self.record(bins, "rows")
        if after_rows:
            after_rows(bins)
        self.play(*title.open_with(self.tex(rf"{bins}^{{{DIMS}}} =", 28, self.theme.data)),
                  run_time=POWER_SECONDS)
        self.fill_seconds[bins] = self.time - start

    # -- sections ------------------------------------------------------------------

    def section_coarse(self):
        title = self.text("Brute force: one guess per grid cell", 30).to_edge(UP, buff=TITLE_BUFF)
        self.play(FadeIn(title), run_time=0.6)
        heads = [self.build_panel(b) for b in BINS]
        # one change at a time: the axes (with their numbers) and frames, then the titles
        self.play(*(Create(ax) for ax, _, _ in heads), *(Create(f) for _, f, _ in heads),
                  run_time=1.0)
        self.play(*(FadeIn(h) for _, _, h in heads), run_time=0.5)
        coarse = BINS[0]
        self.fill(coarse, lambda a: a * coarse, lambda a: stepwise(a, coarse - 1))
        self.wait(0.5)

    def magnifier(self, bins: int):
        """The fine square's bottom-right cell (one coarse cell: bins / coarse bins guesses a
        side) outlined, and magnified ZOOM times in an inset right of the square, titled and
        joined to the cell by two leaders: its guesses, drawn as the square's own (GuessRows of
        the cell's rows, magnified), fill it as the square's do."""
        t = self.theme
        ax, rows = self.panels[bins]["ax"], self.panels[bins]["rows"]
        side = bins // BINS[0]
        cell = ax.x_axis.unit_size / BINS[0]
        small = Rectangle(width=cell, height=cell, stroke_color=t.text,
                          stroke_width=ZOOM_STROKE)
        small.align_to(ax.c2p(HIGH, LOW), DR)
        frame = Rectangle(width=INSET_SIDE, height=INSET_SIDE, stroke_color=t.text,
                          stroke_width=ZOOM_STROKE)
        frame.align_to(np.array([INSET_LEFT, ax.c2p(LOW, LOW)[1] + INSET_RISE, 0]), DL)
        centre = frame.get_center()
        here = small.get_center()
        cells = rows.centres[:side, :side]  # the row's first: it runs right to left
        dots = GuessRows(centre + ZOOM * (cells - here),
                         Circle(radius=INSET_DOT / 2 * INSET_SIDE / side).points, t.data,
                         ZOOM * rows.step)
        # the leaders from the cell's right corners: never over the square's fill; the lower
        # one above the w1 label right of the axis's end
        lines = VGroup(*(Line(small.get_corner(a), frame.get_corner(b),
                              stroke_width=LEADER_STROKE, stroke_color=t.muted)
                         for a, b in ((UR, UL), (DR, DL))))
        title = self.text("one coarse cell", 24).next_to(frame, UP, buff=0.2)
        VGroup(small, lines, frame).set_z_index(3)
        dots.set_z_index(5)
        self.zoom = {"small": small, "frame": frame, "dots": dots, "lines": lines,
                     "title": title, "here": here, "centre": centre}
        return self.zoom

    def open_magnifier(self, bins: int):
        """The cell outlined, then magnified: the inset grows out of it, empty, and titled."""
        z = self.magnifier(bins)
        self.play(Create(z["small"]), run_time=0.5)
        grown = z["frame"].copy()
        z["frame"].replace(z["small"], stretch=True)
        self.play(Transform(z["frame"], grown), Create(z["lines"]), FadeIn(z["title"]),
                  run_time=1.0)
        self.add(z["dots"].show_first(0))

    def magnified(self, stage: str):
        """The magnified cell following the square: its row's guesses as the square's row
        reaches them (its first `side`), then its rows as the square's (the first `side`)."""
        dots = self.zoom["dots"]
        side = len(dots)
        if stage == "row":
            return [UpdateFromAlphaFunc(dots, lambda m, a: m.show_first(
                float(np.clip(self.fine_row(a), 0, side))))]
        rate = self.fine_rows
        return [UpdateFromAlphaFunc(dots, lambda m, a: m.rise(min(1 + rate(a), side)))]

    def after_fine_row(self, bins: int):
        """A breath on the full row, then the caption of the rows rising."""
        self.wait(0.6)
        self.caption_next()

    def close_magnifier(self, bins: int):
        """What the inset shows, recorded once the square is full."""
        self.record_zoom()

    def record_zoom(self):
        """The guesses drawn in the magnified cell, read back as (w1, w2) of the square."""
        p = self.panels[BINS[1]]
        z = self.zoom
        drawn = z["here"] + (z["dots"].drawn() - z["centre"]) / ZOOM
        self.zoom_drawn = np.array([p["ax"].p2c(c) for c in drawn]).reshape(-1, 2)

    def fine_row(self, a: float) -> float:
        """Guesses of the fine row shown at alpha a of its stage: the magnified cell's (its
        first bins / coarse bins) one by one over FIRST_SHARE of the time, then the rest
        briskly."""
        fine = BINS[1]
        side = fine // BINS[0]
        if a < FIRST_SHARE:
            return side * a / FIRST_SHARE
        return side + (fine - side) * (a - FIRST_SHARE) / (1 - FIRST_SHARE)

    @staticmethod
    def fine_rows(a: float) -> float:
        """Rows risen at alpha a of the fine rows' stage: the magnified cell's first (its side
        − 1 rows over CELL_ROWS_SHARE of the time, eased in), then the other rows briskly."""
        fine, side = BINS[1], BINS[1] // BINS[0]
        if a < CELL_ROWS_SHARE:
            return (side - 1) * rate_functions.ease_in_quad(a / CELL_ROWS_SHARE)
        return (side - 1) + (fine - side) * (a - CELL_ROWS_SHARE) / (1 - CELL_ROWS_SHARE)

    def section_fine(self):
        fine = BINS[1]
        self.open_magnifier(fine)
        self.fill(fine, self.fine_row, self.fine_rows, after_row=self.after_fine_row,
                  with_rows=(self.magnified,), after_rows=self.close_magnifier)
        self.wait(CLOSE_BREATH)

    def section_cells(self):
        """The coarse grid's cells ruled over the coarse square: one coarse guess per cell; the
        inset shows one such cell of the fine square, magnified, with its
        (bins_fine / bins_coarse)² fine guesses, said under it."""
        t = self.theme
        coarse, fine = BINS
        lines = VGroup()
        ax = self.panels[coarse]["ax"]
        for e in np.linspace(LOW, HIGH, coarse + 1)[1:-1]:
            lines.add(VMobject(stroke_color=t.muted, stroke_width=1.5).set_points_as_corners(
                [ax.c2p(e, LOW), ax.c2p(e, HIGH)]))
            lines.add(VMobject(stroke_color=t.muted, stroke_width=1.5).set_points_as_corners(
                [ax.c2p(LOW, e), ax.c2p(HIGH, e)]))
        lines.set_z_index(3)
        per_cell = self.counts[fine] // self.counts[coarse]
        side = fine // coarse
        note = VGroup(self.tex(rf"{side} \times {side} = {per_cell}", 26),
                      self.text("fine guesses", 24)).arrange(DOWN, buff=0.12)
        # under the inset, at its right edge: as far as it goes from the w1 label on its row
        note.next_to(self.zoom["frame"], DOWN, buff=NOTE_GAP, aligned_edge=RIGHT)
        self.note = note
        self.play(Create(lines, lag_ratio=0.05), run_time=RULE_SECONDS)
        self.play(FadeIn(note), run_time=NOTE_SECONDS)

    SECTIONS = sections(section_coarse, section_fine, section_cells)
