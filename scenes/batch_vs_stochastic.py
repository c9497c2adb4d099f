"""Full-batch, mini-batch and single-sample descent as small multiples: three maps of the same
cost J side by side, each with its own run only, over one chart of J per step, all driven by one
ValueTracker of the step index.

The runs are gdcore's races.run_batch_race(races.BATCH_RACE) (the same start, rate, steps and seed
for the three batch sizes), the paths of figures/batch_vs_stochastic.py, in the same colours
(theme.batch). The three runs step together: the first steps one at a time at a readable pace,
then faster. The full-batch path, smooth, is drawn whole in its colour, wider, on a casing; on the
two sampled maps the run's last TAIL steps are drawn in its colour on a casing and its older steps,
thinner, fade towards the page with their age, so the direction and the progress of the moment
read while the whole path stays seen. The chart draws gdcore's J at each step averaged over the
seeds of races.BATCH_SUMMARY (races.seed_mean_costs): every seed starts at one point, so the three
curves start at one J. At the end, that mean over the last steps (races.settled_costs) is drawn as
a dotted level in ink over them and written in ink at the right of the chart (three significant
figures, as the still writes them), each number tied to its run's level by a short line in the
run's colour, the words that say what they are under them (said once). The chart's cost axis is
named J, as every video's curve of J per step.
Render alone with: manim -ql scenes/batch_vs_stochastic.py BatchVsStochastic
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
    Line,
    ManimColor,
    Star,
    ValueTracker,
    VGroup,
    Write,
    linear,
)

from gdcore import data, races, regression
from gdviz import numbers
from gdviz.colors import mix
from gdviz.manim_blocks import (
    LossPlot,
    Trail,
    Trails,
    cased,
    contour_image,
    head_dot,
    live_readout,
    map_axes,
    step_of,
)
from gdviz.manim_theme import ThemedScene, sections, styled_line
from gdviz.race_plot import BATCH_J_PLACES, batch_colors

RACE = races.BATCH_RACE
SUMMARY = races.BATCH_SUMMARY
#: Where the step tracker pauses, and the seconds each stretch takes: the first steps one at a
#: time (0.6 s each, a jump of the sampled runs can be followed), then faster, then fastest.
STOPS = ((10, 6.0), (60, 6.0), (RACE.steps, 9.0))
#: Decades of the cost axis: J* ≈ 0.009 at the bottom, the seeds' largest mean (≈ 1.8) inside.
Y_EXP = (-3, 1)
#: Stroke width of the sampled runs' recent steps (about 1.5 px at 480p): thin, the same for
#: the two; their older steps thinner still (OLD_WIDTH, under a pixel), so that hundreds of
#: jumps on the valley floor stay a web of lines, never a blot over the moment's steps.
WIDTH = 2.5
OLD_WIDTH = 1.3
#: The full-batch path, smooth, is drawn whole in its colour, wider (about 2.4 px at 480p), on a
#: casing: it would fade into the map's level lines, and nothing on it needs the fade's age.
FULL_WIDTH = 4.0
#: The run's last TAIL steps in its full colour; older steps fade towards the page in FADE
#: layers: the steps older than the i-th layer's age AGES[i] drawn FADE[i] of the way from the
#: page to the run's colour (all opaque: a see-through colour loses its contrast with the map).
TAIL = 8
AGES = (30, 0)
FADE = (0.6, 0.35)
#: Decimals of J* on screen: the still's (race_plot.BATCH_J_PLACES). The settled costs, which
#: span a decade, are written as the still writes them, to three significant figures
#: (settled_text: 0.133, 0.0736, 0.0235).
PLACES = BATCH_J_PLACES
#: The house margin: nothing closer to the frame's edge (24 px at 480p).
MARGIN = 0.4
#: The least gap between two end values written at the right of the chart.
VALUE_GAP = 0.12
#: How far right of the chart's last step the end values stand: clear of the t axis label, which
#: their head (under them) would otherwise touch.
VALUE_X = 0.7
#: Map size (scene units) and the x of each map's centre: the three paths side by side are what
#: the video compares, so the maps take most of the frame, the chart under them the rest.
MAP_W, MAP_H = 3.45, 2.7
MAP_X = (-4.02, 0.42, 4.86)
MAP_Y = 1.3
#: The chart's size and centre.
CHART_W, CHART_H = 8.6, 2.0
CHART_X, CHART_Y = -1.35, -2.2


def settled_text(v: float, medium: str = "latex") -> str:
    """A settled cost (the mean over the last steps) as the still writes it: three significant
    figures, at most four places (0.133, 0.0736, 0.0235), in `medium` (text or latex)."""
    places = numbers.sig_places(v)
    return numbers.text(v, places) if medium == "text" else numbers.latex(v, places)


class BatchVsStochastic(ThemedScene):

    @classmethod
    def captions(cls):
        """Short sentences: the setup and the comparison play in under 4 s."""
        x, y = data.regression_points()
        j_star = regression.cost(*regression.least_squares(x, y), x, y)
        levels = [settled_text(v, "text") for v in races.settled_costs(RACE, SUMMARY).values()]
        return {
            "setup": "Three maps of the cost J, one run each, all from one start.",
            "descent": ("Full batch, mini-batch and single sample step together: the "
                        "full-batch path runs smoothly, the other two jitter.",
                        f"Faster, to step {numbers.count(RACE.steps)}: all three reach the "
                        f"valley floor, the sampled runs still jumping about on it. The chart "
                        f"shows J per step, averaged over {numbers.count(len(SUMMARY.seeds))} "
                        f"seeds."),
            "compare": f"Mean J of the last {numbers.count(SUMMARY.last_steps)} steps: "
                       f"{', '.join(levels)}; minimum {numbers.text(j_star, PLACES)}.",
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.runs = races.run_batch_race(RACE)
        self.means = races.seed_mean_costs(RACE, SUMMARY)
        self.settled = races.settled_costs(RACE, SUMMARY)
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.step = ValueTracker(0)
        self.colors = dict(zip(self.runs, batch_colors(self.theme), strict=True))

    def k(self) -> int:
        return step_of(self.step, RACE.steps)

    # -- panels ------------------------------------------------------------------------

    def build_map(self, i: int, name: str):
        """Map i: the cost map, the start, the minimum and run `name`'s path alone."""
        t = self.theme
        (m0, m1), (b0, b1) = RACE.window
        ax = map_axes(t, [m0, m1, 1], [b0, b1, 2], MAP_W, MAP_H, "m", "b", places=0,
                      tick_size=30)
        # the map's window (not its box with the tick numbers) centred on its place
        ax.shift(np.array([MAP_X[i], MAP_Y, 0]) - ax.c2p(0.5 * (m0 + m1), 0.5 * (b0 + b1)))
        img = contour_image(t, self.grid[0], self.grid[1], self.grid[2], ax)
        star = Star(outer_radius=0.15, color=t.good, fill_opacity=1, stroke_width=1.5)
        star.set_stroke(t.background).move_to(ax.c2p(self.m_star, self.b_star)).set_z_index(8)
        start = Circle(radius=0.09, color=t.text, stroke_width=3, fill_color=t.background,
                       fill_opacity=1).move_to(ax.c2p(*RACE.start))
        start.set_z_index(4.5)  # over the path (its throws cross it), under the moving dot
        c = self.colors[name]
        pts = self.runs[name].points
        if i == 0:
            # the full batch: its whole path solid in its colour, on a casing over the map
            layers = Trails(cased(Trail(ax, pts, self.step, color=c, stroke_width=FULL_WIDTH),
                                  t, 1.0).set_z_index(3))
            # its last TAIL steps lie on it, alike (no casing: it would cut the path)
            tail = Trail(ax, pts, self.step, color=c, stroke_width=FULL_WIDTH, tail=TAIL)
        else:
            # the older steps in layers fading with age (solid colours between page and run):
            # the whole path faintest, its last AGES[0] steps less faint over it
            layers = Trails(*(
                Trail(ax, pts, self.step, color=ManimColor(mix(t.background, c, f)),
                      stroke_width=OLD_WIDTH, tail=age or None).set_z_index(3 + 0.1 * j)
                for j, (age, f) in enumerate(zip(AGES[::-1], FADE[::-1]))))
            # the last TAIL steps in the run's colour, on a casing
            tail = cased(Trail(ax, pts, self.step, color=c, stroke_width=WIDTH, tail=TAIL), t,
                         1.0)
        tail.set_z_index(4)
        dot = cased(head_dot(tail, c, radius=0.08), t).set_stroke(t.background, width=1.5)
        dot.set_z_index(5)
        label = self.text(name, 24, t.text).next_to(img, UP, buff=0.14)
        return {"ax": ax, "img": img, "star": star, "start": start, "layers": layers,
                "tail": tail, "dot": dot, "label": label}

    def build_cost(self):
        t = self.theme
        plot = LossPlot(t, self.step, (0, RACE.steps, 50), Y_EXP, CHART_W, CHART_H,
                        x_label=None, y_label=None)
        plot.ax.move_to(np.array([CHART_X, CHART_Y, 0]))
        # the cost axis named J (the symbol, as every video's curve of J per step), set once
        # the chart is placed (centred with it, the label would move the chart down): over the
        # column of its tick numbers, clear of the map above (right of the axis, as loss_axes
        # sets it, it would stand under the map's tick number −1 or touch 10¹); the key in
        # the chart's corner says what is averaged
        top = max(plot.ax.y_axis.labels, key=lambda m: m.get_y())
        name = self.tex("J", 30).next_to(top, UP, buff=0.1)
        plot.ax.labels = VGroup(name)
        plot.ax.add(plot.ax.labels)
        lt = self.tex("t", 30).next_to(plot.c2p(RACE.steps, 10.0 ** Y_EXP[0]), RIGHT, buff=0.2)
        plot.ax.add(lt)
        self.curves = {}
        for i, (name, mean) in enumerate(self.means.items()):
            c = self.colors[name]
            curve = plot.curve(mean, c, stroke_width=3.0 if i == 0 else 2.2)
            # the full batch's smooth curve on top, on a casing of the page colour
            self.curves[name] = cased(curve, t, 1.5 if i == 0 else 0.8).set_z_index(6 - i)
        best = styled_line("reference", plot.c2p(0, self.j_star),
                           plot.c2p(RACE.steps, self.j_star), t.good, 3)
        star = Star(outer_radius=0.1, color=t.good, fill_opacity=1, stroke_width=0)
        words = self.mixed(f"minimum, $J^* = {numbers.latex(self.j_star, PLACES)}$", 24, t.good)
        self.j_label = VGroup(star, words).arrange(RIGHT, buff=0.12)
        p = plot.c2p(8, self.j_star)
        # under its dotted level, in the chart's empty bottom decade: over it, the curves
        # falling towards J* would cross it
        self.j_label.next_to(p, DOWN, buff=0.08).align_to(p, LEFT)
        # what the curves are, once, in the chart's top right corner (the top decade is
        # empty there: the curves have fallen below J = 1 by then)
        key = self.mixed(f"$J$ at each step, mean of {len(SUMMARY.seeds)} seeds", 24, t.muted)
        corner = plot.c2p(RACE.steps, 10.0 ** Y_EXP[1])
        key.next_to(corner, DOWN + LEFT, buff=0.08)
        self.key = key
        return plot, VGroup(best, self.j_label)

    # -- sections ----------------------------------------------------------------------

    def section_setup(self):
        t = self.theme
        (m0, m1), (b0, b1) = RACE.window
        self.grid = regression.cost_grid(self.x, self.y, (m0, m1), (b0, b1), size=300)
        title = self.text("Full batch, mini-batch, single sample", 32)
        title.to_corner(UP + LEFT, buff=MARGIN)
        rate = self.tex(rf"\alpha = {RACE.lr:g}", 30)
        seed = self.text(f"paths: seed {RACE.seed}", 24, t.muted)
        info = VGroup(rate, seed).arrange(RIGHT, buff=0.45)
        info.to_corner(UP + RIGHT, buff=MARGIN).align_to(title, DOWN)
        # the step counter left of them, room kept for its widest number (it grows rightwards)
        step_read, _ = live_readout("t", lambda: self.k(), 0, 30)
        room = self.tex(str(RACE.steps), 30).width - step_read[1].width
        step_read.next_to(rate, LEFT, buff=0.45 + room).align_to(rate, DOWN)
        info.add_to_back(step_read)
        self.title, self.info, self.step_read = title, info, step_read
        self.maps = [self.build_map(i, name) for i, name in enumerate(self.runs)]
        plot, best = self.cost = self.build_cost()

        self.play(Write(title), FadeIn(info), run_time=1.0)
        self.play(*(FadeIn(m[k]) for m in self.maps
                    for k in ("img", "ax", "label", "star", "start")), run_time=1.2)
        self.play(Create(plot.ax), FadeIn(best), FadeIn(self.key), run_time=1.0)
        self.play(*(FadeIn(m[k]) for m in self.maps for k in ("layers", "tail", "dot")),
                  *(FadeIn(c) for c in self.curves.values()), run_time=0.6)

    def section_descent(self):
        for i, (k, seconds) in enumerate(STOPS):
            if i == 1:  # the caption's next sentence: the faster steps
                self.caption_next()
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)
            self.wait(0.4 if k < RACE.steps else 0.6)

    def section_compare(self):
        t = self.theme
        plot = self.cost[0]
        # the fair comparison, stated once: the seeds' mean over the last steps, a dotted level
        # over them and its number right of the chart, both in ink
        t0 = RACE.steps - SUMMARY.last_steps
        self.levels, self.values = VGroup(), VGroup()
        right = plot.c2p(RACE.steps, 1.0)[0]
        for v in self.settled.values():
            # in ink: a level in its run's colour would vanish in the run's own jumps
            level = styled_line("reference", plot.c2p(t0, v), plot.c2p(RACE.steps, v), t.text,
                                2.5).set_z_index(9)
            cased(level, t, 1.0)
            num = self.tex(settled_text(v, "latex"), 28, t.text)
            num.move_to(plot.c2p(RACE.steps, v)).set_x(right + VALUE_X, direction=LEFT)
            self.levels.add(level)
            self.values.add(num)
        # numbers too close to read apart are pushed apart (in their order), each tied to its
        # level by a short line in its run's colour
        order = np.argsort([n.get_y() for n in self.values])
        for lo, hi in zip(order, order[1:]):
            low, high = self.values[lo], self.values[hi]
            gap = high.get_bottom()[1] - low.get_top()[1]
            if gap < VALUE_GAP:
                high.shift((VALUE_GAP - gap) * UP)
        self.leaders = VGroup(*(
            Line(plot.c2p(RACE.steps, v) + 0.06 * RIGHT, num.get_left() + 0.06 * LEFT,
                 color=self.colors[name], stroke_width=2)
            for (name, v), num in zip(self.settled.items(), self.values, strict=True)))
        # what they are, under them (over them the map's tick numbers are near)
        head = VGroup(self.text("mean of the", 24, t.muted),
                      self.text(f"last {SUMMARY.last_steps} steps", 24, t.muted))
        head.arrange(DOWN, buff=0.04, aligned_edge=LEFT)
        head.next_to(self.values, DOWN, buff=0.18).align_to(self.values, LEFT)
        self.values_head = head
        self.play(FadeIn(self.levels), run_time=0.8)
        self.play(FadeIn(self.values), FadeIn(self.leaders), FadeIn(head), run_time=0.8)
        self.wait(2.0)

    SECTIONS = sections(section_setup, section_descent, section_compare)

