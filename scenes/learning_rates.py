"""Three learning rates, one start: the paths over the contours of J and J per step, all driven
by one ValueTracker of the step index.

The rates are COST_DESCENT.learning_rates (too small, good, too large > the stability limit);
the runs are gdcore's COST_DESCENT.run_learning_rates(), the still's. The run with
the large rate zig-zags ever wider: its path is drawn up to where it leaves the map for good
(races.visible_path) and a label gives the step at which gdcore stopped it as diverged.
Render alone with: manim -ql scenes/learning_rates.py LearningRates
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Star,
    ValueTracker,
    VGroup,
    Write,
    linear,
)

from gdcore import data, descent, races, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import views
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    contour_image,
    head_dot,
    live_readout,
    map_axes,
    step_of,
)
from gdviz.manim_theme import ThemedScene, sections

WINDOW = (views.M_RANGE, views.B_RANGE)
#: Where the tracker pauses (the large run's exit from the map and its divergence are added).
STOPS = (3, 1000)
STRETCH_SECONDS = 2.4


def drawn_path(points) -> np.ndarray:
    """The part of a path drawn on the map: all of it if it stays inside, else up to its FIRST
    exit, ending on the map's edge (the first piece of races.clip_polyline; paths start
    inside the map)."""
    return races.clip_polyline(points, WINDOW)[0]


def runs() -> dict[str, descent.Trajectory]:
    """label -> the descent with that rate (COST_DESCENT.learning_rates order)."""
    return COST_DESCENT.run_learning_rates()


class LearningRates(ThemedScene):

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.runs = runs()
        self.large = self.runs[COST_DESCENT.learning_rates[-1][0]]
        self.exit_step = len(drawn_path(self.large.points)) - 1
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.step = ValueTracker(0)
        t = self.theme
        self.colors = dict(zip(self.runs, (t.data, t.accent, t.error)))

    def k(self) -> int:
        return step_of(self.step, COST_DESCENT.steps)

    def section_setup(self):
        t = self.theme
        title = self.text("Three learning rates, one start", 34).to_edge(UP, buff=0.25)
        ax = map_axes(t, [*views.M_RANGE, 1], [*views.B_RANGE, 2], 4.1, 5.2, "m", "b")
        ax.move_to(np.array([-3.4, -0.75, 0]))
        M, B, J = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                       views.GRID_SIZE)
        img = contour_image(t, M, B, J, ax, levels=views.CONTOUR_LEVELS)
        star = Star(outer_radius=0.16, color=t.good, fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(4)

        top = 3
        plot = LossPlot(t, self.step, (0, COST_DESCENT.steps), (-3, top), 4.6, 3.6, x_label="t",
                        y_label="J", log_t=True)
        plot.ax.move_to(np.array([3.7, -1.7, 0]))
        best = DashedLine(plot.c2p(0, self.j_star), plot.c2p(COST_DESCENT.steps, self.j_star),
                          color=t.good, stroke_width=3, dash_length=0.1)

        self.trails, self.dots, self.curves, self.j_reads, legend = {}, {}, {}, {}, VGroup()
        for (label, lr), (name, tr) in zip(COST_DESCENT.learning_rates, self.runs.items()):
            c = self.colors[name]
            pts = drawn_path(tr.points)
            trail = Trail(ax, pts, self.step, color=c, stroke_width=3.5 if tr is not self.large
                          else 2.0)
            self.trails[name] = trail
            self.dots[name] = head_dot(trail, c, radius=0.08)
            self.curves[name] = plot.curve(tr.losses, c, stroke_width=4)
            row = VGroup(self.text(label, 24, c), self.tex(rf"\alpha = {lr:g}", 28, c))
            row.arrange(RIGHT, buff=0.25)
            j_read, _ = live_readout(
                "J", lambda tr=tr: float(tr.losses[min(self.k(), tr.steps)]), 4, 26, c)
            row.add(j_read)
            self.j_reads[name] = j_read
            legend.add(row)
        legend.arrange(DOWN, buff=0.22, aligned_edge=LEFT)
        for row in legend:
            row[2].shift((legend.get_left()[0] + 3.3 - row[2].get_left()[0]) * RIGHT)
        legend.next_to(plot.ax, UP, buff=0.95).align_to(plot.ax, LEFT).shift(0.5 * LEFT)
        limit = self.text(f"(descent is stable below α = {COST_DESCENT.max_stable_rate:.4f})", 24,
                          t.muted)
        limit.next_to(legend, DOWN, buff=0.18).align_to(legend, LEFT)
        it_group, _ = live_readout("t", lambda: self.k(), 0, 30)
        it_group.next_to(ax, UP, buff=0.3).align_to(ax, LEFT)
        info = VGroup(it_group, limit)
        self.ax, self.plot, self.legend = ax, plot, legend

        self.play(Write(title))
        self.play(FadeIn(img), Create(ax), FadeIn(star))
        self.play(Create(plot.ax), FadeIn(best), FadeIn(legend), FadeIn(info))
        self.play(*(FadeIn(m) for d in (self.trails, self.dots, self.curves) for m in d.values()))
        self.wait(0.6)

    def advance(self, stops):
        for k in stops:
            self.play(self.step.animate.set_value(int(k)), run_time=STRETCH_SECONDS,
                      rate_func=linear)
            self.wait(0.3)

    def section_descent_start(self):
        """Until the large rate's path leaves the map."""
        self.advance([STOPS[0], self.exit_step])
        name = COST_DESCENT.learning_rates[-1][0]
        self.remove(self.dots[name])
        read = self.j_reads[name]
        note = self.text(f"off the map (t = {self.exit_step})", 22, self.colors[name])
        note.move_to(read, aligned_edge=LEFT)
        self.play(FadeOut(read), FadeIn(note))
        self.wait(0.6)

    def section_descent_rest(self):
        name = COST_DESCENT.learning_rates[-1][0]
        self.advance([self.large.diverged_at])
        c = self.colors[name]
        at = VGroup(self.text("diverged", 26, c),
                    self.text(f"at step {self.large.diverged_at}", 26, c))
        at.arrange(DOWN, buff=0.1, aligned_edge=RIGHT)
        corner = self.plot.c2p(COST_DESCENT.steps, 10.0 ** 3)
        at.next_to(corner, DOWN + LEFT, buff=0.1)
        self.play(Write(at))
        self.advance([STOPS[1]])

    def section_result(self):
        t = self.theme
        label = self.tex(rf"J^* = {self.j_star:.4f}", 28, t.good)
        label.next_to(self.plot.c2p(30, self.j_star), DOWN, buff=0.12)
        self.play(Write(label))
        self.wait(2.0)

    SECTIONS = sections(section_setup, section_descent_start, section_descent_rest, section_result)
