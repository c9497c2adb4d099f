"""Local minima on a bumpy 1-D cost J(w): balls rolled by plain gradient descent settle in the
minimum of their own basin; from the start that stalls in the shallow trough, momentum
rolls on through.

Every number is gdcore's (gdcore.local_minima.LOCAL_MINIMA, the still's experiment):
the curve is surfaces.bumpy, the balls ride the runs local_minima.run_plain and
local_minima.run_momentum, driven by one ValueTracker of the step index. At a whole step a
ball sits at (w_t, J(w_t)) of the run; between two steps it slides along the curve from w_t
towards w_{t+1}. The key moment, the momentum ball's escape over the two humps
(local_minima.escape), is played slowly on the plot drawn large from the start.
Render alone with: manim -ql scenes/local_minima.py LocalMinima
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    linear,
)

from gdcore import local_minima
from gdviz import equations, numbers
from gdviz.manim_blocks import live_readout, map_axes, step_of
from gdviz.manim_theme import ThemedScene, sections

EXP = local_minima.LOCAL_MINIMA
#: The loss window of the picture: ticks 0 … 6 (the cost is positive), room below the deepest
#: minimum (J ≈ 0.10) for its depth label, clear of the momentum ball's swings and 12 px or
#: more above the plot's foot (at -0.8 it stood 10 px above it).
F_RANGE = (-0.9, 6.0)
#: Samples of the drawn curve (gdcore's surface at each).
W_SAMPLES = np.linspace(*EXP.surface.window[0], 600)
#: The plain runs are played to PLAIN_SHOWN steps (by then every step is under 0.01 in w, under a
#: pixel), then on to their end quickly; the momentum run likewise to MOMENTUM_SHOWN (its swings
#: about the deepest minimum are under 0.1 in w by then).
PLAIN_SHOWN = 24
MOMENTUM_SHOWN = 60
BALL_RADIUS = 0.13
#: The momentum ball (and its legend dot) is larger than plain descent's: the two read apart by
#: size as well as colour.
MOMENTUM_BALL = 1.6 * BALL_RADIUS
#: The momentum ball, the video's subject, is drawn over every plain ball (their layer is 4) all
#: along its run: over those it passes and over the two grey ones where it stops (under them,
#: it ended as a blue rim round a grey dot; the count over the spot says three balls lie there).
MOMENTUM_Z = 4.2
#: Tick numbers at least 12 px tall at 480p.
TICK_SIZE = 34
#: The plot's size and centre (Manim units): as large as the title, equation and a 0.4-unit margin
#: leave, so that the escape needs no zoom.
PLOT_SIZE = (11.6, 4.5)
PLOT_AT = np.array([0.6, -0.5, 0.0])
#: The escape's steps (from two before to six after) take ESCAPE_TIME s, the set-up's 1.6 s.
ESCAPE_TIME = 7.0
#: The room between the legend's rows (Manim units).
KEY_GAP = 0.16
#: The step counter stands on the legend's first row, COUNTER_GAP (Manim units) left of it as
#: it reads t = 0 (its number grows rightwards: at t = 200, COUNTER_APART from the legend, so
#: the two read apart): its line ("momentum step t = 200" in the momentum act) lies over the
#: plot's empty upper middle, COUNTER_CLEAR or more from the curve, the start rings and the balls
#: (2.0 left of the legend it sat on the curve and on the start ring at w = -3.5, and the ball
#: covered it as it set off).
COUNTER_GAP, COUNTER_APART, COUNTER_CLEAR = 1.3, 0.6, 0.3
#: Size of the legend's maths and of the momentum equation (the key idea: never smaller).
LEGEND_TEX = 30
EQUATION_TEX = 36
#: How far under its minimum a depth label stands: clear of the ring round the momentum ball.
DEPTH_BUFF = 0.3
#: The room (Manim units) between the momentum ball's arrival ring and the deepest minimum's
#: depth label, which stands beside it.
DEEP_GAP = 0.2
#: ... its top PATH_CLEAR under the lowest reach of the momentum ball over its width: the ball
#: swings either side of the minimum before it settles, and with the label's top just under its
#: resting centre it rolled over the label. The reach is taken from the run at PATH_SAMPLES
#: points per step (the ball slides along the curve between two steps).
PATH_CLEAR, PATH_SAMPLES = 0.1, 20
#: The count of the balls sharing the deepest minimum, over it, stands COUNT_CLEAR (Manim
#: units) or more from the momentum ball all along its run (its swings into that valley pass
#: under the count's lower left corner: at the ring's clearance alone they came 0.5 px from it).
COUNT_CLEAR = 0.15
#: The ring that marks the momentum ball's arrival: a little wider than the ball, never grown
#: over the depth label under it or the count over it.
RING_GAP = 0.07
#: Seconds a sentence stays on screen, fully shown, before anything else changes.
READ_HOLD = 1.8
#: The title, and the line that extends it in the momentum act: the claim, then its exception.
TITLE = "Local minima: where a ball starts decides where it stops"
MOMENTUM_TITLE = "unless momentum carries it on"
#: The takeaway of the plain act, in ink, and the size of its words.
NOTE_SIZE = 28


def ball_point(traj, s: float) -> np.ndarray:
    """(w, J) of a run's ball at tracker value s: gdcore's (w_t, J(w_t)) at a whole step t,
    between steps the point of the curve at w between w_t and w_{t+1}."""
    last = traj.steps
    s = float(np.clip(s, 0, last))
    k = int(np.floor(s + 1e-9))
    frac = s - k
    if k >= last or frac < 1e-9:
        return np.array([traj.points[k, 0], traj.losses[k]])
    w = traj.points[k, 0] + frac * (traj.points[k + 1, 0] - traj.points[k, 0])
    return np.array([w, EXP.surface.value([w])])


class StepMarks(VGroup):
    """Small dots at every visited (w_t, J(w_t)) of a run up to the tracker's step (made once,
    shown by opacity)."""

    def __init__(self, ax, traj, tracker, color, radius=0.045, opacity=0.55):
        super().__init__(*(Dot(ax.c2p(w, f), radius=radius, color=color)
                           for w, f in zip(traj.points[:, 0], traj.losses)))
        self.tracker, self.opacity, self.shown = tracker, opacity, None
        self._update()
        self.add_updater(lambda m: m._update())

    def _update(self):
        k = step_of(self.tracker, len(self.submobjects) - 1)
        if k != self.shown:
            for i, d in enumerate(self.submobjects):
                d.set_fill(opacity=self.opacity if i <= k else 0.0)
            self.shown = k
        return self


class LocalMinima(ThemedScene):

    @classmethod
    def captions(cls):
        minima = local_minima.minima(EXP)
        depths = [numbers.text(f, 2) for f in EXP.surface(minima)]
        (lo, hi), = EXP.surface.window
        starts = [numbers.text(w) for w in EXP.starts]
        rolling = local_minima.run_momentum(EXP)
        stalled = local_minima.run_plain(EXP)[EXP.stalled_start]
        deep = int(np.argmin(EXP.surface(minima)))
        return {
            "curve": f"A bumpy cost curve J(w), for w from {numbers.text(lo)} to "
                     f"{numbers.text(hi)}: {numbers.word(len(minima))} valleys of different "
                     f"depths.",
            "plain": (f"{numbers.word(len(starts)).capitalize()} balls start at w = "
                      f"{', '.join(starts[:-1])} and {starts[-1]} and roll downhill by plain "
                      f"gradient descent, α = {numbers.text(EXP.lr)}, for {EXP.steps} steps.",
                      f"Each ball stops in its own valley, at J = {', '.join(depths[:-1])} or "
                      f"{depths[-1]}."),
            "momentum": (f"The ball that started at w = {numbers.text(EXP.stalled_start)} "
                         f"stalled in a shallow valley, at J = "
                         f"{numbers.text(stalled.losses[-1], 2)}. A ball with momentum, "
                         f"β = {numbers.text(EXP.beta)}, starts from the same place.",
                         f"It gathers speed down the slope, rolls over both humps and settles "
                         f"in the deepest valley, at w = {numbers.text(rolling.final[0], 2)}, "
                         f"J = {depths[deep]}."),
        }

    def setup(self):
        super().setup()
        self.surface = EXP.surface
        self.minima = local_minima.minima(EXP)
        self.depths = self.surface(self.minima)
        self.plain = local_minima.run_plain(EXP)
        self.rolling = local_minima.run_momentum(EXP)
        self.step = ValueTracker(0)
        self.mstep = ValueTracker(0)

    # -- pieces --------------------------------------------------------------------

    def ball(self, traj, tracker, color, radius: float = BALL_RADIUS) -> Dot:
        ax = self.ax
        d = Dot(ax.c2p(*ball_point(traj, 0)), radius=radius, color=color)
        d.set_stroke(self.theme.background, width=2, background=False)
        d.add_updater(lambda m: m.move_to(ax.c2p(*ball_point(traj, tracker.get_value()))))
        d.set_z_index(4)
        return d

    def path_floor(self, x0: float, x1: float) -> float:
        """The lowest point (scene y) the momentum ball reaches over the scene's x0 … x1, from
        its run (PATH_SAMPLES points per step)."""
        return self.path_reach(x0, x1)

    def path_reach(self, x0: float, x1: float, clear: float = 0.0, above: bool = False) -> float:
        """The lowest (or, `above`, the highest) scene y a level edge over the scene's x0 … x1
        may take to stay `clear` from the momentum ball all along its run (PATH_SAMPLES points
        per step): with `clear` 0, the lowest (highest) point the ball reaches over the span."""
        s = np.linspace(0, EXP.momentum_steps, EXP.momentum_steps * PATH_SAMPLES + 1)
        wf = np.array([ball_point(self.rolling, v) for v in s])
        c = np.array(self.ax.c2p(wf[:, 0], wf[:, 1]), dtype=np.float64).reshape(3, -1).T
        d = np.maximum(np.maximum(x0 - c[:, 0], c[:, 0] - x1), 0.0)  # to the span
        reach = MOMENTUM_BALL + clear
        near = d < reach
        rise = np.sqrt(reach ** 2 - d[near] ** 2)
        if above:
            return float(np.max(c[near, 1] + rise))
        return float(np.min(c[near, 1] - rise))

    def start_ring(self, w0, f0) -> Circle:
        ring = Circle(radius=0.11, color=self.theme.text, stroke_width=2.5)
        return ring.move_to(self.ax.c2p(w0, f0)).set_z_index(3)

    # -- sections ------------------------------------------------------------------

    def section_curve(self):
        t = self.theme
        title = self.text(TITLE, 32)
        title.to_edge(UP, buff=0.4)
        (lo, hi), = EXP.surface.window
        ax = map_axes(t, [lo, hi, 1], [*F_RANGE, 1], *PLOT_SIZE, "w", "J(w)",
                      tick_size=TICK_SIZE)
        ax.shift(PLOT_AT - ax.c2p(0, (F_RANGE[0] + F_RANGE[1]) / 2))
        # The curve in the muted ink, so that the descent's dots on it stand apart in both themes.
        # thinner than the balls' dots, so the descent colour never reads as the curve's
        curve = VMobject(stroke_color=t.muted, stroke_width=2.5)
        curve.set_points_as_corners([ax.c2p(w, f) for w, f in
                                     zip(W_SAMPLES, self.surface(W_SAMPLES))])
        self.ax, self.curve, self.title = ax, curve, title
        # the title and the axes come in together: no opening of letters alone
        self.play(FadeIn(title), Create(ax), run_time=1.2)
        self.play(Create(curve), run_time=1.8)
        self.wait(0.4)

    def section_plain(self):
        t = self.theme
        # plain descent in the accent, as in every figure; momentum in its optimizer colour
        ax, c = self.ax, t.accent
        self.balls, self.rings, self.marks = {}, VGroup(), VGroup()
        for w0, tr in self.plain.items():
            self.rings.add(self.start_ring(w0, tr.losses[0]))
            self.marks.add(StepMarks(ax, tr, self.step, c))
            self.balls[w0] = self.ball(tr, self.step, c)
        key = VGroup(Dot(radius=BALL_RADIUS, color=c),
                     self.text("plain gradient descent", 26),
                     self.tex(rf"\alpha = {EXP.lr:g}", LEGEND_TEX)).arrange(RIGHT, buff=0.2)
        c_m = t.opt("Momentum")
        mkey = VGroup(Dot(radius=MOMENTUM_BALL, color=c_m), self.text("momentum", 26),
                      self.tex(rf"\alpha = {EXP.lr:g},\; \beta = {EXP.beta:g}", LEGEND_TEX))
        mkey.arrange(RIGHT, buff=0.2)
        # the plain balls that settled elsewhere turn grey when momentum's act begins: the key
        # says so (a grey ball under the plain one), so that it stays true of every ball
        settled = VGroup(Dot(radius=BALL_RADIUS, color=t.muted),
                         self.text("plain descent, settled", 26)).arrange(RIGHT, buff=0.2)
        keys = VGroup(key, settled, mkey).arrange(DOWN, buff=KEY_GAP, aligned_edge=LEFT)
        keys.next_to(ax.c2p(EXP.surface.window[0][1], F_RANGE[1]), DOWN + LEFT, buff=0.3)
        self.mkey, self.settled_key = mkey, settled
        # one step counter throughout: plain descent's steps, then (reset in place) momentum's
        self.momentum_on = False
        step_read, _ = live_readout("t", lambda: (
            step_of(self.mstep, EXP.momentum_steps) if self.momentum_on
            else step_of(self.step, EXP.steps)), 0, 30)
        step_read.next_to(keys, LEFT, buff=COUNTER_GAP).match_y(key)
        self.key, self.step_read = key, step_read
        self.play(FadeIn(self.rings), *(FadeIn(b) for b in self.balls.values()), FadeIn(key),
                  FadeIn(step_read))
        self.add(*self.marks)
        self.wait(0.5)
        self.play(self.step.animate.set_value(PLAIN_SHOWN), run_time=4.0, rate_func=linear)
        self.play(self.step.animate.set_value(EXP.steps), run_time=0.6, rate_func=linear)
        # Each local minimum labelled with its depth J(w*), in the colour of the balls that
        # stop there.
        self.min_labels = VGroup()
        deep = int(np.argmin(self.depths))
        for k, (m, f) in enumerate(zip(self.minima, self.depths)):
            lab = self.tex(rf"J = {numbers.latex(f, 2)}", 30, c)
            lab.next_to(ax.c2p(m, f), DOWN, buff=DEPTH_BUFF)
            if k == deep:
                # the deepest lies low in the plot: under it the label sat on the plot's foot;
                # beside the ball instead, right of the momentum ball's arrival ring, under
                # the curve, which rises away from it, and clear of the ball's swings there
                spot = ax.c2p(m, f)
                lab.next_to(spot, RIGHT, buff=MOMENTUM_BALL + RING_GAP + DEEP_GAP)
                floor = self.path_floor(lab.get_left()[0], lab.get_right()[0])
                lab.shift((floor - PATH_CLEAR - lab.get_top()[1]) * UP)
            self.min_labels.add(lab)
        note = VGroup(self.text("each ball stops in", NOTE_SIZE, t.text),
                      self.text("the minimum of its basin", NOTE_SIZE, t.text))
        note.arrange(DOWN, buff=0.08)
        note.move_to(ax.c2p(-2.15, 0.15))
        self.note = note
        # balls that stop on one spot read as one: the spot says how many stopped there, in
        # words, over it (clear of the larger momentum ball that arrives there later)
        self.shared = VGroup()
        finals = np.array([tr.final[0] for tr in self.plain.values()])
        for m, f in zip(self.minima, self.depths):
            n = int(np.sum(np.abs(finals - m) < 1e-6))
            if n > 1:
                lab = self.text(f"{numbers.count(n)} balls", 24, c)
                lab.next_to(ax.c2p(m, f), UP, buff=MOMENTUM_BALL + RING_GAP + 0.1)
                # and COUNT_CLEAR over the momentum ball all along its way in (it came down
                # the slope 0.5 px under the count's lower left corner)
                lift = self.path_reach(lab.get_left()[0], lab.get_right()[0], COUNT_CLEAR,
                                       above=True)
                lab.shift(max(lift - lab.get_bottom()[1], 0.0) * UP)
                self.shared.add(lab)
        # one change at a time: the depths, then the sentence, held to be read
        self.caption_next()
        self.play(FadeIn(self.min_labels, shift=0.15 * UP), FadeIn(self.shared))
        self.play(FadeIn(note))
        self.wait(READ_HOLD)

    def section_momentum(self):
        t = self.theme
        ax, c = self.ax, t.opt("Momentum")
        stalled = EXP.stalled_start
        others = [b for w0, b in self.balls.items() if w0 != stalled]
        others_marks = [m for w0, m in zip(self.plain, self.marks) if w0 != stalled]
        keep = self.balls[stalled]
        rings = [r for w0, r in zip(self.plain, self.rings) if w0 != stalled]
        stall_note = VGroup(self.text("plain descent", 24), self.text("stalls here", 24))
        # under the ball that stalled, below its depth label
        keep_w = self.plain[stalled].final[0]
        own = int(np.argmin(np.abs(self.minima - keep_w)))
        stall_note.arrange(DOWN, buff=0.08).next_to(self.min_labels[own], DOWN, buff=0.15)
        stall_note.set_x(keep.get_x())
        # one change at a time, the sentence still read meanwhile: the other balls' trails go;
        # the other balls and the depths of their minima dim to ghosts (towards the muted ink,
        # text at full opacity, legible on either page); the sentence leaves; then the stalled
        # ball is pointed out
        dim = [lab for k, lab in enumerate(self.min_labels) if k != own] + [*self.shared]
        for m in others_marks:
            m.clear_updaters()
        self.play(*(FadeOut(m) for m in others_marks), run_time=0.6)
        self.play(*(b.animate.set_fill(t.muted) for b in others),
                  FadeIn(self.settled_key),
                  *(r.animate.set_stroke(opacity=0.25) for r in rings),
                  *(lab.animate.set_color(t.muted) for lab in dim), run_time=0.8)
        self.play(FadeOut(self.note), run_time=0.6)
        self.play(Indicate(keep, color=t.accent, scale_factor=1.4), run_time=1.0)
        self.play(FadeIn(stall_note), run_time=0.8)
        marks = StepMarks(ax, self.rolling, self.mstep, c)
        # over the plain balls, those it passes and those where it stops
        ball = self.ball(self.rolling, self.mstep, c, MOMENTUM_BALL).set_z_index(MOMENTUM_Z)
        key = self.mkey
        # gₜ defined where it is first shown, on the update's own line
        eq = self.tex(rf"{equations.tex('gradient')}, \quad "
                      rf"{equations.tex('momentum')}", EQUATION_TEX, t.text)
        # the title extended by its exception, on a line under it, the claim kept
        more = self.text(MOMENTUM_TITLE, 30).next_to(self.title, DOWN, buff=0.1)
        eq.next_to(more, DOWN, buff=0.2)
        self.momentum_eq, self.title_more = eq, more
        # the counter counts momentum's steps from here, and says so
        whose = self.text("momentum step", 26).next_to(self.step_read, LEFT, buff=0.2)
        whose.align_to(self.step_read, DOWN)
        self.step_whose = whose
        # then the legend, the formula, the ball and the counter reset in place, one at a time
        self.play(Write(more), run_time=1.0)
        self.play(FadeIn(key), run_time=0.6)
        self.play(FadeIn(eq), run_time=0.8)
        self.momentum_on = True
        # the stalled run's step dots give way to momentum's, which take the same slope (one
        # on the other they read as neither); the stalled ball stays
        stalled_marks = self.marks[list(self.plain).index(stalled)]
        stalled_marks.clear_updaters()
        self.play(FadeIn(ball), FadeOut(stalled_marks), FadeIn(whose), run_time=0.8)
        self.add(marks)
        first, last = local_minima.escape(self.rolling, EXP)
        self.escape_steps = (first - 2, last + 6)
        # Set-up: the ball gathers speed down the long left slope.
        self.caption_next()
        self.play(self.mstep.animate.set_value(first - 2), run_time=1.6, rate_func=linear)
        # Key moment: the escape over both humps, played slowly.
        self.play(self.mstep.animate.set_value(self.escape_steps[1]), run_time=ESCAPE_TIME,
                  rate_func=linear)
        # Then the swings about the deepest minimum die down.
        self.play(self.mstep.animate.set_value(MOMENTUM_SHOWN), run_time=2.5, rate_func=linear)
        self.play(self.mstep.animate.set_value(EXP.momentum_steps), run_time=0.5,
                  rate_func=linear)
        end = self.rolling.final[0]
        roll_note = VGroup(self.text("momentum rolls on", 24, c),
                           self.text("to the deepest minimum", 24, c)).arrange(DOWN, buff=0.08)
        roll_note.move_to(ax.c2p(end - 0.45, self.rolling.losses[-1] + 2.7))
        # a ring round the ball (a pulse that grew the ball covered the depth under it and the
        # count over it), the count now true (the momentum ball lies over the two plain balls
        # there); the depth stays in the muted ink of the other settled depths (no new
        # minimum: the plain balls' own); then the sentence
        deep = int(np.argmin(self.depths))
        ring = Circle(radius=MOMENTUM_BALL + RING_GAP, color=c, stroke_width=3)
        ring.move_to(ball).set_z_index(5)
        self.arrival_ring = ring
        n = sum(local_minima.settled_in(tr, EXP) == deep
                for tr in [*self.plain.values(), self.rolling])
        count = self.shared[0]
        new = self.text(f"{numbers.count(n)} balls", 24, t.muted).move_to(count)
        self.play(FadeIn(ring), FadeOut(count), FadeIn(new), run_time=0.5)
        self.shared = VGroup(new)
        self.play(FadeOut(ring), run_time=0.5)
        self.play(FadeIn(roll_note, shift=0.2 * DOWN), run_time=0.8)
        self.wait(1.4)
        self.momentum_ball, self.momentum_marks = ball, marks
        self.stall_note, self.roll_note = stall_note, roll_note

    SECTIONS = sections(section_curve, section_plain, section_momentum)


__all__ = ["LocalMinima", "ball_point", "EXP"]
