"""Sampling two weights on a grid: 10 bins per axis (100 guesses) beside 100 (10,000 guesses).

The two squares are the same [0, 1]² at the same size, on one baseline: only the guesses differ.
Each square fills the same way, one change at a time: the guesses of its first row appear one by
one while the panel's title counts them, then copies of the row rise out of it, one row after
another, the count following (bins per row times rows), then the count is written as bins² (the
power growing into the room the count leaves). The coarse square is the brisk set-up; the fine
square is the moment of the scene and the slower: before its row starts, its corner cell (one
coarse cell) is outlined and magnified in the still empty square, and the magnified cell fills
as the square does: its first 10 guesses slowly, one by one, as the row starts, then its 10 rows
as the square's rows rise (the cell's rows slowly, the other 90 briskly: only the count and the
tint change then). Once the square is full, the magnified cell becomes the fine panel's view
(at 480p the 10,000 guesses, 3 px apart, blur into a flat tint): it grows over the whole
square, the axes' numbers now 0.05 and 0.1, so its 100 guesses read as dots. At the end the
coarse grid's cells are ruled over the coarse square, and under the fine one, inside the
page's margin and held: one coarse cell holds 10 × 10 = 100 of the guesses.

The points come from gdcore.sampling.grid_points, the counts from guess_count. Each row is ONE
VMobject (a path of one small disc per guess), so the 10,000 fine guesses are 100 mobjects.
Render alone with: manim -ql scenes/sampling_grid_2d.py SamplingGrid2d
"""

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Integer,
    Line,
    MathTex,
    Rectangle,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
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
#: scene length of both squares' sides (the same space, the same size); the fine cell is 0.05
#: units, 3 px at 480p, and every edge lies on a whole pixel (60 px per unit): the 10,000 guesses
#: draw as an even screen, without moiré bands
SIDE = 5.0
#: the squares' centres: the left one as far right as its w2 label (left of its top tick number)
#: needs to keep its margin
CENTRE_X = {BINS[0]: -3.05, BINS[1]: 3.5}
TOP = 2.4  # both squares' top edge (so both bottoms and tick rows on one line)
#: from the squares' top edge to the top of their count lines: the count lines as high as the
#: title above them allows, so they stand clear of the squares' top tick numbers (1.0)
TITLE_GAP = 0.7
#: the least gap (scene units) between a count line and the top tick number under it
HEAD_CLEARANCE = 0.2
#: seconds of each stage: the coarse square is the set-up, filled briskly; the fine square is
#: the moment of the scene: its first row takes longer than the coarse one's (its first guesses,
#: one coarse cell wide, slowly: FIRST_SHARE of the row's time), and its rows rise longer, while
#: the magnifier shows its corner cell filling, row by row, with 10 × 10 of its guesses
ROW_SECONDS = {BINS[0]: 0.8, BINS[1]: 2.4}
ROWS_SECONDS = {BINS[0]: 1.8, BINS[1]: 3.8}
#: of the fine rows' stage, the share the magnified cell's rows take (slowly); the other rows
#: rise in the rest (under 2 s: only the count and the tint change then)
CELL_ROWS_SHARE = 0.55
POWER_SECONDS = 0.8  # the count written as bins^dims
FIRST_SHARE = 0.45  # of the fine row's time, its guesses in the magnified corner cell
COARSE_RADIUS = 0.065  # a coarse guess: a dot
FINE_SHARE = 0.6  # a fine guess: a dot whose diameter is this share of its cell
ZOOM = 5  # the magnification of the fine square's corner cell (one coarse cell)
#: the magnified cell's centre in the fine square's weights: up and right of the corner cell,
#: clear of the square's edges, with room above it for its words
ZOOM_AT = (0.6, 0.52)
W2_GAP = 0.2  # from w2's label to its axis's last tick number
NOTE_GAP = 0.22  # from the fine square's tick numbers down to the closing note (13 px)
NOTE_HOLD = 3.5  # seconds the closing note is held
VIEW_SECONDS = 1.2  # the magnified cell growing into the fine panel's view
WORDS_FADE = 0.12  # of the fine rows' stage, the magnified cell's words fading out


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
            "fine": (f"In the right square, its corner cell magnified, a row of {count(fine)} "
                     f"guesses: one coarse cell's width holds {side} of them.",
                     f"Rows rise, the magnified cell filling with {side} × {side} of them, "
                     f"until {_times(fine)} = {n[fine]} guesses fill the square; the "
                     f"magnified cell grows to fill the right panel."),
            "cells": f"The coarse grid ruled over the left square; the right one shows one "
                     f"coarse cell, magnified: each coarse cell holds {per_cell} fine guesses.",
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
        # w1 right of its axis's end, w2 at its axis's top, left of its last tick number (the
        # space under the squares is the closing note's, above them the count lines'), the one
        # 0 of both axes at their corner
        w1 = MathTex("w_1", font_size=32, color=t.text).next_to(ax.c2p(HIGH, LOW), RIGHT,
                                                                buff=0.2)
        w2 = MathTex("w_2", font_size=32, color=t.text).next_to(ax.y_axis.numbers[-1], LEFT,
                                                                buff=W2_GAP)
        zero = origin_zero(t, ax)
        ax.labels.add(w1, w2)
        ax.add(w1, w2, zero)
        ax.shift(np.array([CENTRE_X[bins], TOP, 0]) - ax.c2p(0.5, HIGH))
        ax.set_z_index(1)  # the axis lines over the guesses
        frame = VMobject(color=t.muted, stroke_width=2).set_points_as_corners(
            [ax.c2p(LOW, HIGH), ax.c2p(HIGH, HIGH), ax.c2p(HIGH, LOW)])
        counter = Integer(0, font_size=30, color=t.data)
        title = CountLine(self.text(f"{bins} bins per axis:", 26), counter,
                          self.text("guesses", 26), CENTRE_X[bins], TOP + TITLE_GAP,
                          tail_one=self.text("guess", 26))
        rows = self.rows(bins, ax).set_z_index(2)  # over the axis lines: the first row lies on one
        self.panels[bins] = {"ax": ax, "frame": frame, "counter": counter, "title": title,
                             "rows": rows}
        return ax, frame, title

    def rows(self, bins: int, ax) -> GuessRows:
        """The guesses as rows of constant w2 (bottom to top), w1 ascending in each: dots."""
        radius = COARSE_RADIUS if bins == BINS[0] else \
            FINE_SHARE / 2 * (HIGH - LOW) / bins * ax.x_axis.unit_size
        unit = Circle(radius=radius).points
        pts = self.points[bins]
        # grid_points has w2 fastest: row j (w2 at its j-th value) is every bins-th point
        rows = np.array([[ax.c2p(*p) for p in pts[j::bins]] for j in range(bins)])
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
        self.play(*title.open_with(self.tex(rf"{bins}^{{{DIMS}}} =", 30, self.theme.data)),
                  run_time=POWER_SECONDS)
        self.fill_seconds[bins] = self.time - start

    # -- sections ------------------------------------------------------------------

    def section_coarse(self):
        title = self.text("Brute force: one guess per grid cell", 30).to_edge(UP, buff=0.42)
        self.play(Write(title))
        heads = [self.build_panel(b) for b in BINS]
        self.play(*(Create(ax) for ax, _, _ in heads), *(Create(f) for _, f, _ in heads),
                  *(FadeIn(h) for _, _, h in heads), run_time=1.5)
        coarse = BINS[0]
        self.fill(coarse, lambda a: a * coarse, lambda a: stepwise(a, coarse - 1))
        self.wait(0.5)

    def magnifier(self, bins: int):
        """The fine square's corner cell (one coarse cell: bins / coarse bins guesses a side)
        outlined, and magnified ZOOM times in the still empty square, on the theme's
        background, joined to it by two lines: its guesses, drawn as the square's own (GuessRows
        of the cell's rows, magnified), fill it as the square's do."""
        t = self.theme
        ax, rows = self.panels[bins]["ax"], self.panels[bins]["rows"]
        side = bins // BINS[0]
        cell = ax.x_axis.unit_size / BINS[0]
        small = Rectangle(width=cell, height=cell, stroke_color=t.text, stroke_width=1.5)
        small.align_to(ax.c2p(LOW, LOW), DL)
        centre = ax.c2p(*ZOOM_AT)
        frame = Rectangle(width=ZOOM * cell, height=ZOOM * cell, stroke_color=t.text,
                          stroke_width=1.5, fill_color=t.background, fill_opacity=1.0)
        frame.move_to(centre)
        here = small.get_center()
        shapes = rows.shapes[:side, :side]
        dots = GuessRows(centre + ZOOM * (rows.centres[:side, :side] - here),
                         ZOOM * (shapes[0, 0] - rows.centres[0, 0]), t.data,
                         ZOOM * rows.step)
        lines = VGroup(*(Line(small.get_corner(c), frame.get_corner(c), stroke_width=1,
                              stroke_color=t.muted) for c in (UL, DR)))
        words = self.text(f"{side} of the row\u2019s {bins} guesses", 24)
        words.next_to(frame, UP, buff=0.2)
        VGroup(small, lines).set_z_index(3)
        frame.set_z_index(4)
        dots.set_z_index(5)
        words.set_z_index(5)
        self.zoom = {"small": small, "frame": frame, "dots": dots, "lines": lines,
                     "words": words, "here": here, "centre": centre}
        return self.zoom

    def open_magnifier(self, bins: int):
        """The corner cell outlined, then magnified: the frame grows out of it, empty."""
        z = self.magnifier(bins)
        self.play(Create(z["small"]), run_time=0.5)
        grown = z["frame"].copy()
        z["frame"].replace(z["small"], stretch=True)
        self.play(Transform(z["frame"], grown), Create(z["lines"]), run_time=1.0)
        self.add(z["dots"].show_first(0))

    def magnified(self, stage: str):
        """The magnified cell following the square: its first row's guesses as the square's
        first (the first `side`), then its rows as the square's (the first `side`)."""
        dots = self.zoom["dots"]
        side = len(dots)
        if stage == "row":
            return [UpdateFromAlphaFunc(dots, lambda m, a: m.show_first(
                min(self.fine_row(a), side)))]
        rate = self.fine_rows
        # the words gone as the rows start to rise, before any reaches them
        return [UpdateFromAlphaFunc(dots, lambda m, a: m.rise(min(1 + rate(a), side))),
                UpdateFromAlphaFunc(self.zoom["words"], lambda m, a: m.set_opacity(
                    float(np.clip(1 - a / WORDS_FADE, 0, 1))))]

    def after_fine_row(self, bins: int):
        """The magnified row's words, then the caption of the rows rising."""
        self.play(FadeIn(self.zoom["words"]), run_time=0.6)
        self.wait(0.8)
        self.caption_next()

    def close_magnifier(self, bins: int):
        """The magnified cell, full, becomes the panel's view: its outline in the square and
        its leaders fade, and it grows over the whole square (the 10,000 guesses blur into a
        tint at 480p: the cell's 100 read as dots), the axes' numbers then written for the
        cell (0.05 and 0.1, one coarse cell's width)."""
        self.record_zoom()
        z, t = self.zoom, self.theme
        ax = self.panels[bins]["ax"]
        ax.set_z_index(6)  # the axes' lines over the view's edge
        self.remove(z["words"])
        z["inset"] = z["frame"].copy()  # where the magnified cell stood, for the record
        view = VGroup(z["frame"], z["dots"])
        k = ax.x_axis.unit_size / z["frame"].width
        old = VGroup(*ax.x_axis.numbers, *ax.y_axis.numbers)
        cell = (HIGH - LOW) / BINS[0]
        new = VGroup()
        for num in old:
            v = float(num.get_value()) * cell
            new.add(MathTex(f"{v:g}", font_size=num.font_size, color=t.text).move_to(num))
        self.view_numbers = new
        self.play(FadeOut(z["small"]), FadeOut(z["lines"]), FadeOut(old),
                  view.animate.scale(k).move_to(ax.c2p(0.5 * (LOW + HIGH), 0.5 * (LOW + HIGH))),
                  run_time=VIEW_SECONDS)
        self.play(FadeIn(new), run_time=0.6)

    def record_zoom(self):
        """The guesses drawn in the magnified cell, read back as (w1, w2) of the square."""
        p = self.panels[BINS[1]]
        z = self.zoom
        drawn = z["here"] + (z["dots"].drawn() - z["centre"]) / ZOOM
        self.zoom_drawn = np.array([p["ax"].p2c(c) for c in drawn]).reshape(-1, 2)

    def fine_row(self, a: float) -> float:
        """Guesses of the fine row shown at alpha a of its stage: the magnified cell's first
        (bins / coarse bins) over FIRST_SHARE of the time, one by one, then the rest."""
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
        self.wait(0.8)

    def section_cells(self):
        """The coarse grid's cells ruled over the coarse square: one coarse guess per cell; the
        fine panel shows one such cell, magnified, with its (bins_fine / bins_coarse)² fine
        guesses, said under it."""
        t = self.theme
        coarse, fine = BINS
        lines = VGroup()
        for bins in BINS[:1]:
            ax = self.panels[bins]["ax"]
            edges = np.linspace(LOW, HIGH, coarse + 1)[1:-1]
            for e in edges:
                lines.add(VMobject(stroke_color=t.muted, stroke_width=1.5).set_points_as_corners(
                    [ax.c2p(e, LOW), ax.c2p(e, HIGH)]))
                lines.add(VMobject(stroke_color=t.muted, stroke_width=1.5).set_points_as_corners(
                    [ax.c2p(LOW, e), ax.c2p(HIGH, e)]))
        lines.set_z_index(3)
        per_cell = self.counts[fine] // self.counts[coarse]
        side = fine // coarse
        note = self.mixed(f"one coarse cell: ${side} \\times {side} = {per_cell}$ fine guesses",
                          24)
        ax = self.panels[fine]["ax"]
        # well under the tick numbers: a note, not an axis label
        note.next_to(ax.x_axis.numbers, DOWN, buff=NOTE_GAP).set_x(CENTRE_X[fine])
        self.note = note
        self.play(Create(lines, lag_ratio=0.05), run_time=2.0)
        self.play(FadeIn(note), run_time=1.0)
        self.wait(NOTE_HOLD)

    SECTIONS = sections(section_coarse, section_fine, section_cells)
