"""Sampling two weights on a grid: 10 bins per axis (100 guesses) beside 100 (10,000 guesses).

The two squares are the same [0, 1]² at the same size, on one baseline: only the guesses differ.
Each square fills the same way, one change at a time: the guesses of its first row appear one by
one while the panel's title counts them, then copies of the row rise out of it, one row after
another, the count following (bins per row times rows), then the count is written as bins² (the
count moving aside as the power is written). The fine square is the moment of the scene and the
slower: its 100-guess row alone takes longer than the coarse grid's row, and its first 10 guesses
(one coarse cell wide) are shown magnified before the rows rise. At the end the coarse grid's
cells are ruled over both squares, and under the fine square: each coarse cell holds
10 × 10 = 100 of its guesses.

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
    UR,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Integer,
    Line,
    MathTex,
    Rectangle,
    Transform,
    VGroup,
    VMobject,
    Write,
    linear,
    rate_functions,
)

from gdcore import sampling
from gdviz.manim_theme import ThemedScene, sections, themed_axes
from gdviz.numbers import count
from gdviz.staging import CountLine, GuessRows, counted, stepwise

BINS = sampling.SAMPLING_GRID_2D.bins
(DIMS,) = sampling.SAMPLING_GRID_2D.dims
LOW, HIGH = 0.0, 1.0
#: scene length of both squares' sides (the same space, the same size); the fine cell is 0.05
#: units, 3 px at 480p, and every edge lies on a whole pixel (60 px per unit): the 10,000 guesses
#: draw as an even screen, without moiré bands
SIDE = 5.0
CENTRE_X = {BINS[0]: -3.4, BINS[1]: 3.5}
TOP = 2.4  # both squares' top edge (so both bottoms and tick rows on one line)
#: from the squares' top edge to the top of their count lines: the count lines as high as the
#: title above them allows, so they stand clear of the squares' top tick numbers (1.0)
TITLE_GAP = 0.7
#: the least gap (scene units) between a count line and the top tick number under it
HEAD_CLEARANCE = 0.2
#: seconds of each stage: the fine square's first row takes longer than the coarse one's (but no
#: more than 1.5 s: its 100 dots are a thin dotted line until the magnifier opens on it), and
#: its whole fill (row, magnified start, rows) longer than the coarse square's; its rows rise in
#: about 3 s (a longer rise would be a stretch where only the count changes)
ROW_SECONDS = {BINS[0]: 1.2, BINS[1]: 1.5}
ROWS_SECONDS = {BINS[0]: 3.6, BINS[1]: 3.0}
COARSE_RADIUS = 0.065  # a coarse guess: a dot
FINE_SHARE = 0.6  # a fine guess: a dot whose diameter is this share of its cell
ZOOM = 8  # the magnification of the fine row's start
ZOOM_ROWS = 2  # fine rows' height of the magnified strip
NOTE_GAP = 0.23  # from the fine square's tick numbers down to the closing note
INSET_FADE = 0.8  # seconds the magnified inset takes to fade out


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
            "fine": (f"In the right square a row of {count(fine)} guesses; magnified, one "
                     f"coarse cell's width holds {side} of them.",
                     f"Rows rise until {_times(fine)} = {n[fine]} guesses fill the square."),
            "cells": f"The coarse grid ruled over both: each coarse cell holds {per_cell} fine "
                     f"guesses.",
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
        # w1 right of its axis's end, w2 left of its axis between the ticks 0.5 and 1.0: the
        # space under the squares is the closing note's, the space above the titles
        w1 = MathTex("w_1", font_size=32, color=t.text).next_to(ax.c2p(HIGH, LOW), RIGHT,
                                                                buff=0.2)
        w2 = MathTex("w_2", font_size=32, color=t.text).next_to(ax.c2p(LOW, 0.75), LEFT,
                                                                buff=0.2)
        ax.labels.add(w1, w2)
        ax.add(w1, w2)
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

    def fill(self, bins: int, rows_rate, after_row=None):
        """The first row's guesses one by one, each growing from a point, counted; then copies
        of the row rising out of it until the square is full, the count bins per row times the
        rows that have (half) risen; then the count written as bins^dims."""
        rows, title = self.panels[bins]["rows"], self.panels[bins]["title"]
        start = self.time
        self.add(rows.show_first(0))
        self.play(*counted(rows, lambda m, a: m.show_first(a * bins), title,
                           lambda a: int(round(a * bins))),
                  run_time=ROW_SECONDS[bins], rate_func=linear)
        self.record(bins, "row")
        if after_row:
            after_row(bins)
        else:
            self.wait(0.4)

        self.play(*counted(rows, lambda m, a: m.rise(1 + rows_rate(a)), title,
                           lambda a: bins * int(round(1 + rows_rate(a)))),
                  run_time=ROWS_SECONDS[bins], rate_func=linear)
        self.record(bins, "rows")
        self.play(*title.open_with(self.tex(rf"{bins}^{{{DIMS}}} =", 30, self.theme.data)),
                  run_time=1.0)
        self.fill_seconds[bins] = self.time - start

    # -- sections ------------------------------------------------------------------

    def section_coarse(self):
        title = self.text("Brute force: one guess per grid cell", 30).to_edge(UP, buff=0.42)
        self.play(Write(title))
        heads = [self.build_panel(b) for b in BINS]
        self.play(*(Create(ax) for ax, _, _ in heads), *(Create(f) for _, f, _ in heads),
                  *(FadeIn(h) for _, _, h in heads), run_time=1.5)
        coarse = BINS[0]
        self.fill(coarse, lambda a: stepwise(a, coarse - 1))
        self.wait(0.5)

    def zoom_on_row(self, bins: int):
        """The start of the finished row magnified in the still empty square: the width of one
        coarse cell holds bins / coarse bins of its guesses (the row's first few, of bins)."""
        t = self.theme
        p = self.panels[bins]
        ax, rows = p["ax"], p["rows"]
        per_cell = bins // BINS[0]
        small = Rectangle(width=ax.x_axis.unit_size / BINS[0],
                          height=ZOOM_ROWS * ax.y_axis.unit_size / bins,
                          stroke_color=t.text, stroke_width=1.5)
        small.align_to(ax.c2p(LOW, LOW), DL)
        first = VMobject(stroke_width=0, fill_color=t.data, fill_opacity=1)
        first.points = rows.shapes[0, :per_cell].reshape(-1, 3)
        zoom = VGroup(small.copy(), first).set_z_index(4)
        target = zoom.copy().scale(ZOOM, about_point=small.get_center())
        target.move_to(ax.c2p(0.5, 0.4))
        lines = VGroup(*(Line(small.get_corner(a), target[0].get_corner(b), stroke_width=1,
                              stroke_color=t.muted) for a, b in ((UL, DL), (UR, DR))))
        words = self.text(f"{per_cell} of the row\u2019s {bins} guesses", 26)
        words.next_to(target, UP, buff=0.3)
        self.play(Create(small), run_time=0.6)
        self.play(Transform(zoom, target), Create(lines), run_time=1.5)
        self.play(FadeIn(words), run_time=0.8)
        self.wait(1.5)
        self.play(*(FadeOut(m) for m in (small, zoom, lines, words)), run_time=INSET_FADE,
                  rate_func=linear)

    def zoom_then_rows(self, bins: int):
        """The magnified row, then the caption of the rows rising."""
        self.zoom_on_row(bins)
        self.caption_next()

    def section_fine(self):
        fine = BINS[1]
        self.fill(fine, lambda a: (fine - 1) * rate_functions.ease_in_quad(a),
                  after_row=self.zoom_then_rows)
        self.wait(0.8)

    def section_cells(self):
        """The coarse grid's cells ruled over both squares: one coarse guess per cell, and
        (bins_fine / bins_coarse)² fine guesses in each, said under the fine square."""
        t = self.theme
        coarse, fine = BINS
        lines = VGroup()
        for bins in BINS:
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
        note = self.mixed(f"each coarse cell: ${side} \\times {side} = {per_cell}$ fine guesses",
                          24)
        ax = self.panels[fine]["ax"]
        # well under the tick numbers: a note, not an axis label
        note.next_to(ax.x_axis.numbers, DOWN, buff=NOTE_GAP).set_x(CENTRE_X[fine])
        self.note = note
        self.play(Create(lines, lag_ratio=0.05), run_time=2.0)
        self.play(FadeIn(note), run_time=1.0)
        self.wait(1.5)

    SECTIONS = sections(section_coarse, section_fine, section_cells)
