"""Sampling two weights on a grid: 10 bins per axis (100 guesses) beside 100 (10,000 guesses).

The guesses, from gdcore.sampling.grid_points, sweep across each square column by column while
the panel's title counts them. The 10,000 fine guesses are 100 mobjects (one per column), each a
single path of 100 small squares, so the scene renders quickly.
Render alone with: manim -ql scenes/sampling_grid_2d.py SamplingGrid2d
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
    Integer,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    Write,
    linear,
)

from gdcore import sampling
from gdviz.manim_theme import ThemedScene, sections, themed_axes

BINS = sampling.SAMPLING_GRID_2D.bins
(DIMS,) = sampling.SAMPLING_GRID_2D.dims
LOW, HIGH = 0.0, 1.0
SIDE = 4.0  # scene units of each square panel
FILL_SECONDS = {10: 4.0, 100: 6.0}


def columns(points: np.ndarray, bins: int) -> list[np.ndarray]:
    """grid_points (row-major, w2 fastest) cut into its `bins` columns of constant w1."""
    return [points[k * bins:(k + 1) * bins] for k in range(bins)]


class SamplingGrid2d(ThemedScene):

    def setup(self):
        super().setup()
        self.points = {b: sampling.grid_points(b, DIMS, LOW, HIGH) for b in BINS}
        self.counts = {b: sampling.guess_count(b, DIMS) for b in BINS}
        self.panels = {}

    # -- pieces --------------------------------------------------------------------

    def build_panel(self, bins: int, side):
        t = self.theme
        ax = themed_axes(t, [LOW, HIGH, 0.5], [LOW, HIGH, 0.5], SIDE, SIDE, "w_1", "w_2")
        ax.shift(np.array([3.3 * side[0], -0.2, 0]) - ax.c2p(0.5, 0.5))
        ax.set_z_index(1)  # the axis lines over the guesses
        # close the square: the top and right edges
        o, tr = ax.c2p(LOW, HIGH), ax.c2p(HIGH, HIGH)
        frame = VMobject(color=t.muted, stroke_width=2).set_points_as_corners(
            [o, tr, ax.c2p(HIGH, LOW)])
        counter = Integer(0, font_size=36, color=t.data)
        title = VGroup(self.text(f"{bins} bins per axis:", 26), counter,
                       self.text("guesses", 26)).arrange(RIGHT, buff=0.18)
        self.panels[bins] = {"ax": ax, "frame": frame, "counter": counter, "title": title}
        self.layout_title(bins)
        return ax, frame, title

    def layout_title(self, bins: int):
        """Keep 'N bins per axis: <count> guesses' centred over its square as the count grows."""
        p = self.panels[bins]
        words, counter, tail = p["title"]
        counter.next_to(words, RIGHT, buff=0.18)
        counter.align_to(words[2], DOWN)  # the baseline of the 'b' of 'bins'
        tail.next_to(counter, RIGHT, buff=0.18)
        tail.align_to(words, DOWN)
        p["title"].next_to(p["ax"], UP, buff=0.35).set_x(p["ax"].c2p(0.5, 0)[0])

    def coarse_guesses(self, ax) -> VGroup:
        """One Dot per guess, column by column."""
        return VGroup(*(
            VGroup(*(Dot(ax.c2p(*p), radius=0.065, color=self.theme.data) for p in col))
            for col in columns(self.points[BINS[0]], BINS[0])
        ))

    def fine_guesses(self, ax) -> VGroup:
        """One VMobject per column: a single path made of one small square per guess."""
        bins = BINS[1]
        half = 0.35 * (HIGH - LOW) / bins * ax.x_axis.unit_size
        corners = np.array([[-half, -half, 0], [half, -half, 0], [half, half, 0],
                            [-half, half, 0], [-half, -half, 0]])
        group = VGroup()
        for col in columns(self.points[bins], bins):
            path = VMobject(stroke_width=0, fill_color=self.theme.data, fill_opacity=1)
            for p in col:
                c = ax.c2p(*p)
                path.start_new_path(c + corners[0])
                path.add_points_as_corners(c + corners[1:])
            group.add(path)
        return group

    def fill(self, bins: int, guesses: VGroup, seconds: float):
        """Columns fade in left to right while the counter counts the guesses shown."""
        counter = self.panels[bins]["counter"]
        n_cols = len(guesses)
        per_col = self.counts[bins] // n_cols
        for col in guesses:
            col.set_opacity(0)
        self.add(guesses)

        def update(group, alpha):
            k = alpha * n_cols
            for i, col in enumerate(group):
                a = float(np.clip(k - i, 0.0, 1.0))
                if isinstance(col, VMobject) and not col.submobjects:
                    col.set_fill(opacity=a)
                else:
                    for dot in col:
                        dot.set_fill(opacity=a)

        def count(title, alpha):
            counter.set_value(int(round(alpha * n_cols * per_col)))
            self.layout_title(bins)

        self.play(UpdateFromAlphaFunc(guesses, update),
                  UpdateFromAlphaFunc(self.panels[bins]["title"], count),
                  run_time=seconds, rate_func=linear)
        counter.set_value(self.counts[bins])
        self.layout_title(bins)

    # -- sections ------------------------------------------------------------------

    def section_coarse(self):
        title = self.text("Brute force: one guess per grid cell", 32).to_edge(UP, buff=0.4)
        self.play(Write(title))
        for bins, side in zip(BINS, (LEFT, RIGHT)):
            ax, frame, head = self.build_panel(bins, side)
            self.play(Create(ax), Create(frame), FadeIn(head), run_time=1.2)
        ax = self.panels[BINS[0]]["ax"]
        self.coarse = self.coarse_guesses(ax)
        self.fill(BINS[0], self.coarse, FILL_SECONDS[BINS[0]])
        self.wait(0.5)

    def section_fine(self):
        ax = self.panels[BINS[1]]["ax"]
        self.fine = self.fine_guesses(ax)
        self.fill(BINS[1], self.fine, FILL_SECONDS[BINS[1]])
        self.wait(0.5)

    def section_counts(self):
        t = self.theme
        for bins in BINS:
            p = self.panels[bins]
            eq = self.tex(rf"{bins}^{DIMS} = {self.counts[bins]:,}".replace(",", "{,}"), 32,
                          t.data)
            eq.move_to(p["ax"].c2p(0.5, 0) + 1.15 * DOWN)
            p["eq"] = eq
        self.play(*(Write(self.panels[b]["eq"]) for b in BINS))
        self.wait(2.0)

    SECTIONS = sections(section_coarse, section_fine, section_counts)

