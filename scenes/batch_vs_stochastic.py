"""Full-batch, mini-batch and single-sample descent: three paths over the contours of J and their
cost per step, all driven by one ValueTracker of the step index.

The runs are gdcore's races.run_batch_race(races.BATCH_RACE) (the same start, rate, steps and seed
for the three batch sizes), the same as figures/batch_vs_stochastic.py, and in the same colours
(that figure's colors()). The first steps are played slowly, so that single jumps of the sampled
paths can be followed; the rest faster. All three paths are drawn whole for the whole run: the full
batch's thick, on top of the others with a halo; the two sampled paths thin under it, each in its
own hue on a thin casing (opaque: a see-through colour would lose its 3:1 over the dark map), so
that they stay visibly noisy without burying the full-batch path. In the cost panel the sampled
runs' J at each step is drawn faint, under gdcore's running mean J̄ of their last
races.BATCH_WINDOW steps (races.running_costs) for seed 0, the full batch's smooth J on top. The
readouts show J̄ (the mean of the steps so far until BATCH_WINDOW steps exist) and the step at a
readable pace: every step while the steps are slow, every READ_EVERY steps after. At the end the J̄
readouts give way to one column, headed by its definition: gdcore's fair comparison
(races.settled_costs), J averaged over the last steps of each run and over several seeds (one
change at a time: the readouts out, the column in, then the key under the legend says it speaks of
the curves alone: J̄ over the faint J of the run whose seed the info row names).
Render alone with: manim -ql scenes/batch_vs_stochastic.py BatchVsStochastic
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Line,
    Star,
    ValueTracker,
    VGroup,
    Write,
    config,
    linear,
)

from gdcore import data, races, regression
from gdviz import numbers
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    cased,
    contour_image,
    head_dot,
    live_readout,
    map_axes,
    step_of,
)
from gdviz.manim_theme import ThemedScene, sections
from gdviz.race_plot import BATCH_J_PLACES, batch_colors
from gdviz.staging import swap

RACE = races.BATCH_RACE
#: Where the step tracker pauses, and the seconds each stretch takes.
STOPS = ((12, 5.0), (RACE.steps, 9.0))
#: Decades of the cost axis: J* ≈ 0.009 at the bottom, the largest sampled jump (≈ 4) inside.
Y_EXP = (-3, 1)
#: Stroke widths: the smooth full-batch path on top and thickest; the sampled paths thin
#: (1.8 is about 1 px at 480p), the single sample's widest throws finest, so that their hatch
#: leaves the contours and the valley floor under them readable.
WIDTHS = (4.5, 1.8, 1.2)
#: The casing (stroke units each side, manim_blocks.cased) of each sampled path on the map,
#: under the full-batch path: thinner than a path's, so the single sample's crossings leave
#: the valley floor seen (the full batch lies on its wider halo).
SAMPLED_CASING = 1.0
#: Decimals of every cost on screen (J̄, the seed means, J*): the still's
#: (race_plot.BATCH_J_PLACES).
PLACES = BATCH_J_PLACES
#: Opacity and width of the sampled runs' per-step cost, under their running means.
RAW_OPACITY, RAW_WIDTH = 0.35, 1.2
#: The readouts follow every step of the slow first stretch, then every READ_EVERY steps.
READ_EVERY = 20
#: Extra width of the background-coloured halo under the full-batch path and cost.
HALO = 5.0
#: Room kept between the seeds' column and the frame's right edge (the house's 24 px).
MARGIN = 0.45


class BatchVsStochastic(ThemedScene):

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.runs = races.run_batch_race(RACE)
        self.running = races.running_costs(RACE, races.BATCH_WINDOW)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.step = ValueTracker(0)
        self.colors = dict(zip(self.runs, batch_colors(self.theme), strict=True))

    def k(self) -> int:
        return step_of(self.step, RACE.steps)

    def read_k(self) -> int:
        """The step the readouts show: every step of the slow first stretch, then the last
        multiple of READ_EVERY reached."""
        k, slow = self.k(), STOPS[0][0]
        return k if k <= slow else max(slow, k - k % READ_EVERY)

    # -- panels ------------------------------------------------------------------------

    def build_map(self):
        t = self.theme
        (m0, m1), (b0, b1) = RACE.window
        ax = map_axes(t, [m0, m1, 0.5], [b0, b1, 1], 4.4, 5.3, "m", "b", places=1,
                      tick_size=30, corner_y=False)
        ax.move_to(np.array([-3.85, -0.5, 0]))
        M, B, J = regression.cost_grid(self.x, self.y, (m0, m1), (b0, b1), size=300)
        img = contour_image(t, M, B, J, ax)
        star = Star(outer_radius=0.17, color=t.good, fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(8)
        start = Circle(radius=0.1, color=t.text, stroke_width=3, fill_color=t.background,
                      fill_opacity=1).move_to(ax.c2p(*RACE.start)).set_z_index(4)
        self.trails, self.dots = {}, {}
        for i, (name, tr) in enumerate(self.runs.items()):
            c = self.colors[name]
            sampled = i > 0
            trail = Trail(ax, tr.points, self.step, color=c, stroke_width=WIDTHS[i])
            if sampled:  # on a thin casing, so the valley floor under the hatch still shows
                cased(trail, t, SAMPLED_CASING)
            trail.set_z_index(3 - i if sampled else 5)
            if not sampled:  # the smooth path on top of the others, on a halo
                self.halo_trail = Trail(ax, tr.points, self.step, color=t.background,
                                        stroke_width=WIDTHS[0] + HALO).set_z_index(4)
            self.trails[name] = trail
            self.dots[name] = cased(head_dot(trail, c, radius=0.085), t)
            self.dots[name].set_stroke(t.background, width=1.5).set_z_index(7 - i)
        return ax, img, star, start

    def build_cost(self):
        t = self.theme
        plot = LossPlot(t, self.step, (0, RACE.steps, 50), Y_EXP, 6.0, 2.05, x_label=None,
                        y_label="J")
        plot.ax.move_to(np.array([3.0, -2.1, 0]))
        lt = self.tex("t", 30).next_to(plot.c2p(RACE.steps, 10.0 ** Y_EXP[0]), RIGHT, buff=0.2)
        plot.ax.add(lt)
        # J at each step: the full batch's smooth curve on a halo, on top; the sampled runs'
        # faint, under their running means J̄ (self.smooth)
        self.curves, self.smooth = {}, {}
        for i, (name, tr) in enumerate(self.runs.items()):
            c = self.colors[name]
            if i == 0:
                curve = plot.curve(tr.losses, c, stroke_width=3.5).set_z_index(6)
                self.halo_curve = plot.curve(tr.losses, self.theme.background,
                                             stroke_width=3.5 + HALO).set_z_index(5)
            else:
                curve = plot.curve(tr.losses, c, stroke_width=RAW_WIDTH).set_z_index(1)
                curve.set_stroke(opacity=RAW_OPACITY)
                self.smooth[name] = plot.curve(self.running[name], c,
                                               stroke_width=3.0).set_z_index(5 - i)
            self.curves[name] = curve
        best = DashedLine(plot.c2p(0, self.j_star), plot.c2p(RACE.steps, self.j_star),
                          color=t.good, stroke_width=3, dash_length=0.1)
        # the minimum's name off the map: the map's star beside J* under the dashed line
        star = Star(outer_radius=0.11, color=t.good, fill_opacity=1, stroke_width=0)
        words = self.mixed(f"minimum, $J^* = {numbers.latex(self.j_star, PLACES)}$", 24, t.good)
        self.j_label = VGroup(star, words).arrange(RIGHT, buff=0.12)
        p = plot.c2p(8, self.j_star)
        self.j_label.next_to(p, DOWN, buff=0.12).align_to(p, LEFT)
        return plot, VGroup(best, self.j_label)

    def build_legend(self):
        """One row per run: a swatch, its label and its J̄ on all seven points (the running
        mean, gdcore's), at the step the counter shows."""
        rows = VGroup()
        for name in self.runs:
            c = self.colors[name]
            swatch = Line(ORIGIN, 0.5 * RIGHT, color=c, stroke_width=6)
            # the name and its J̄ in ink: the swatch is the colour's key
            label = self.text(name, 24, self.theme.text)
            run = self.running[name]
            j_read, _ = live_readout(r"\bar J", lambda run=run: float(run[self.read_k()]),
                                     PLACES, 28, self.theme.text)
            rows.add(VGroup(swatch, label, j_read))
        for row in rows:
            row[1].next_to(row[0], RIGHT, buff=0.2)
        rows.arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        col = max(row[1].get_right()[0] for row in rows) + 0.45
        for row in rows:
            row[2].next_to(row[1], RIGHT).set_x(col, direction=LEFT)
        return rows

    @staticmethod
    def key_words() -> str:
        """The key under the legend while it shows the J̄ readouts (and the curves)."""
        return (f"$\\bar J$: seed {RACE.seed}, mean of up to the last {races.BATCH_WINDOW} "
                "steps; faint: $J$")

    @staticmethod
    def curves_words() -> str:
        """The key once the readouts have given way to the seeds' column: it speaks of the
        cost panel's curves alone (the run of the info row's seed: its running mean over the
        faint J)."""
        return (f"curves: $\\bar J$, mean of up to the last {races.BATCH_WINDOW} steps; "
                "faint: $J$")

    # -- sections ----------------------------------------------------------------------

    def section_setup(self):
        t = self.theme
        title = self.text("Full batch, mini-batch, single sample", 34).to_edge(UP, buff=0.4)
        n = self.x.size
        sub = self.text(f"each step’s gradient from all {n} points, "
                        f"{RACE.batch_sizes[1]} of them, or just one", 24, t.muted)
        sub.next_to(title, DOWN, buff=0.12)
        self.sub = sub
        ax, img, star, start = self.map = self.build_map()
        plot, best = self.cost = self.build_cost()
        legend = self.legend = self.build_legend()
        # the header stack: a clear gap under the subtitle (room for the two-line head of the
        # seeds' column, right of the info row, at the end), then the info row and the legend
        legend.set_x(-0.9, direction=LEFT)
        step_read, _ = live_readout("t", lambda: self.read_k(), 0, 30)
        rate = self.tex(rf"\alpha = {RACE.lr:g}", 30)
        seed = self.text(f"seed {RACE.seed}", 24, t.muted)
        info = VGroup(rate, seed, step_read).arrange(RIGHT, buff=0.6)
        info.next_to(sub, DOWN, buff=0.52).align_to(legend, LEFT)
        legend.next_to(info, DOWN, buff=0.2).align_to(info, LEFT)
        self.step_read, self.info = step_read, info
        # before step BATCH_WINDOW fewer steps exist: J̄ is then the mean of all steps so far
        key = self.mixed(self.key_words(), 24, t.muted)
        key.next_to(legend, DOWN, buff=0.17).align_to(legend, LEFT)
        self.key = key

        self.play(Write(title), FadeIn(sub))
        self.play(FadeIn(img), Create(ax), FadeIn(star), FadeIn(start))
        # one beat each: the cost plot with its minimum, the legend and its key, the step row,
        # then the runs' starts
        self.play(Create(plot.ax), FadeIn(best), run_time=1.0)
        self.play(FadeIn(legend), FadeIn(key), run_time=0.8)
        self.play(FadeIn(info), run_time=0.6)
        self.play(*(FadeIn(m) for d in (self.trails, self.dots, self.curves, self.smooth)
                    for m in d.values()), FadeIn(self.halo_trail), FadeIn(self.halo_curve))
        self.wait(0.6)

    def section_descent(self):
        for k, seconds in STOPS:
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)
            self.wait(0.5)

    def section_compare(self):
        t = self.theme
        # The fair comparison: one seed's last J is luck; gdcore's mean over the last steps and
        # over several seeds ranks the runs as the paths do. It replaces the J̄ readouts (seed
        # 0's running mean, which keeps its meaning in the curves), headed by what it averages.
        summary = races.BATCH_SUMMARY
        self.settled = races.settled_costs(RACE, summary)
        head = VGroup(self.text(f"mean of {len(summary.seeds)} seeds,", 24, t.muted),
                      self.text(f"last {summary.last_steps} steps", 24, t.muted))
        head.arrange(DOWN, buff=0.04, aligned_edge=RIGHT)
        # right-aligned at the frame's margin: its lower line level with the info row
        right = config.frame_width / 2 - MARGIN
        head.align_to(self.info, DOWN).set_x(right, direction=RIGHT)
        means = VGroup()
        for row, name in zip(self.legend, self.runs, strict=True):
            mean = self.tex(numbers.latex(self.settled[name], PLACES), 28, t.text)
            means.add(mean.move_to(row[2][1]).set_x(right, direction=RIGHT))
        self.means, self.means_head = means, head
        # one column at the end, with one definition, one change at a time: seed 0's J̄
        # readouts leave, the column comes in under its head, and the key under the legend,
        # which spoke of those readouts, now names what it still describes: the curves
        self.play(*(FadeOut(row[2]) for row in self.legend), run_time=0.6)
        self.play(FadeIn(head), FadeIn(means), run_time=0.8)
        curves_key = self.mixed(self.curves_words(), 24, t.muted)
        curves_key.move_to(self.key, aligned_edge=LEFT)
        self.play(*swap(self.key, curves_key), run_time=1.0)
        self.key = curves_key
        # the conclusion in ink, where the keys are muted: it is what the video says
        note = self.mixed("smaller batches: noisier steps and a higher mean $J$", 24, t.text)
        note.next_to(self.key, DOWN, buff=0.14).align_to(self.key, LEFT)
        self.note = note
        self.play(FadeIn(note, shift=0.2 * UP))
        self.wait(1.4)

    SECTIONS = sections(section_setup, section_descent, section_compare)

