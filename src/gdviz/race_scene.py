"""The optimizer races as Manim scenes: one base class, one class attribute per race.

All seven optimizers (gdcore.optimizers.NAMES order) run from one start on one surface, each a
dot in its colour with a fading trail over the surface's contours, all driven by ONE ValueTracker
of the step index, after Alec Radford's optimizer animations. The race (surface, start, steps,
every hyper-parameter, window) is gdcore.races' RACE, the same as the still figures/race_*.py;
the trajectories are races.run_race(RACE): the scene computes no number itself.

A run that leaves the window (on the saddle: every run but SGD's, stopped by descent.run as
diverged soon after) is drawn up to where it crosses the window's edge (races.visible_path),
where a small × replaces its dot and its legend entry says at which step it left.

    class RaceBeale(RaceScene):
        RACE = races.BEALE
        TITLE = "Beale's function"
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Square,
    Star,
    ValueTracker,
    VGroup,
    Write,
    config,
    linear,
)

from gdcore import races
from gdcore.optimizers import NAMES

from . import numbers
from .manim_blocks import Trail, contour_image, head_dot, live_readout, map_axes, step_of
from .manim_theme import ThemedScene, sections
from .race_plot import stacking

#: Opacity of each path's full history under its bright fading tail (during the race, at the end:
#: full, so each colour shows pure where the paths are stacked).
HISTORY_OPACITY = (0.35, 1.0)
#: Stroke width of the path on top, and the extra width of each path beneath it (the stills'
#: stacking, race_plot.stacking): where runs share a stretch, each shows as a band along the
#: others, so no path hides under another.
HISTORY_WIDTH, WIDTH_STEP = 2.4, 1.5
#: Nothing closer than this (scene units, about 27 px at 480p) to the frame's edge.
EDGE = 0.45
#: Steps over which an exit's × and legend note fade in (and the dot out).
EXIT_FADE_STEPS = 1.0

GREEK = {"beta": "β", "beta1": "β₁", "beta2": "β₂", "rho": "ρ", "eps": "ε", "alpha": "α"}


def _num(v: float) -> str:
    """A hyper-parameter in plain decimals for people: 0.9, 0.01, 0.0001 (never 1e-4)."""
    return np.format_float_positional(v, trim="-")


def extra_settings(race: races.Race) -> str:
    """The race's hyper-parameters beyond the learning rates, optimizers with the same ones
    together, e.g. 'Momentum, NAG: β = 0.9    Adadelta: ρ = 0.9, ε = 0.01'."""
    groups: dict[str, list[str]] = {}
    for name in NAMES:
        extra = ", ".join(f"{GREEK.get(k, k)} = {_num(v)}" for k, v in race.hyper[name].items()
                          if k != "lr")
        if extra:
            groups.setdefault(extra, []).append(name)
    return "   ".join(f"{', '.join(names)}: {extra}" for extra, names in groups.items())


def _distance(d: float) -> str:
    return "< 0.001" if d < 1e-3 else f"{d:.3f}" if d < 0.1 else f"{d:.2f}"


class RaceScene(ThemedScene):
    """One optimizer race. Variants by class attributes: RACE (a gdcore.races.Race), TITLE, the
    race's time plan STAGES ((step, seconds), …: the tracker runs linearly to each step in turn),
    TAIL (steps in each fading tail), MAP_MAX_W / MAP_MAX_H (the map's box; it keeps the
    window's aspect), START_LABEL (UP or DOWN of the start)."""

    RACE: races.Race = races.LONG_VALLEY
    TITLE = "Seven optimizers"
    STAGES: tuple[tuple[float, float], ...] = ((80, 12.0),)
    TAIL = 12
    MAP_MAX_W = 8.4
    MAP_MAX_H = 5.2
    MAP_TOP = 2.7
    MAP_LEFT = -6.25
    START_LABEL = UP
    X_TICK = 1.0
    Y_TICK = 1.0

    def setup(self):
        super().setup()
        r = self.RACE
        self.trajectories = races.run_race(r)
        self.outcomes = races.outcomes(r, self.trajectories)
        #: name -> the path drawn in the window (the whole run, or up to its exit)
        self.paths = {n: races.visible_path(tr.points, r.window)
                      for n, tr in self.trajectories.items()}
        self.exits = {n: o.exit for n, o in self.outcomes.items()}
        self.step = ValueTracker(0)

    def k(self) -> int:
        return step_of(self.step, self.RACE.steps)

    def exit_ramp(self, name: str) -> float:
        """0 before optimizer `name` reaches the window's edge, rising to 1 after it."""
        ex = self.exits[name]
        if ex is None:
            return 0.0
        return float(np.clip((self.step.get_value() - ex.step) / EXIT_FADE_STEPS + 1, 0, 1))

    # -- pieces --------------------------------------------------------------------------

    def build_map(self):
        t, r = self.theme, self.RACE
        (x0, x1), (y0, y1) = r.window
        scale = min(self.MAP_MAX_W / (x1 - x0), self.MAP_MAX_H / (y1 - y0))
        ax = map_axes(t, [x0, x1, self.X_TICK], [y0, y1, self.Y_TICK], scale * (x1 - x0),
                      scale * (y1 - y0), "x", "y")
        ax.shift(np.array([self.MAP_LEFT, self.MAP_TOP, 0]) - ax.c2p(x0, y1))
        ax.shift(max(0.0, EDGE - config.frame_x_radius - ax.get_left()[0]) * RIGHT)
        X, Y, Z = races.surface_grid(r)
        img = contour_image(t, X, Y, Z, ax, log=bool(np.all(Z > 0)))  # the house cost map
        return ax, img

    def marker_start(self):
        t = self.theme
        ring = Circle(radius=0.1, stroke_color=t.text, stroke_width=3, fill_color=t.background,
                      fill_opacity=1).move_to(self.ax.c2p(*self.RACE.start))
        label = self.text("start", 24).next_to(ring, self.START_LABEL, buff=0.14)
        return VGroup(ring, label).set_z_index(6)

    def marker_target(self):
        """The minimum (a star), or the saddle point where the surface has none."""
        t, s = self.theme, self.RACE.surface
        if s.minimum is not None:
            star = Star(outer_radius=0.17, color=t.good, fill_opacity=1, stroke_width=1.5)
            star.set_stroke(t.background).move_to(self.ax.c2p(*s.minimum))
            text = "minimum (" + ", ".join(numbers.text(c) for c in s.minimum) + ")"
            return star.set_z_index(5), star.copy(), text
        mark = Square(side_length=0.17, color=t.good, fill_opacity=1, stroke_width=1.5)
        mark.rotate(np.pi / 4).set_stroke(t.background).move_to(self.ax.c2p(0, 0))
        return mark.set_z_index(5), mark.copy(), "saddle point (0, 0)"

    def cross(self, name: str) -> VGroup:
        """A small × at the point where optimizer `name` leaves the window (fades in then)."""
        t, c = self.theme, self.theme.opt(name)
        p = self.ax.c2p(*self.exits[name].point)
        d = 0.11
        legs = [(p + d * (UP + LEFT), p + d * (DOWN + RIGHT)),
                (p + d * (UP + RIGHT), p + d * (DOWN + LEFT))]
        x = VGroup(*(Line(a, b, color=t.background, stroke_width=9) for a, b in legs),
                   *(Line(a, b, color=c, stroke_width=5) for a, b in legs)).set_z_index(4)
        x.add_updater(lambda m: m.set_stroke(opacity=self.exit_ramp(name)))
        return x

    def legend_row(self, name: str):
        """The swatch and label (name and learning rate) of optimizer `name`, and its status:
        where it left the frame, or (shown at the end) how far from the target it ended."""
        t = self.theme
        c = t.opt(name)
        swatch = Dot(radius=0.1, color=c)
        label = self.text(f"{name}  α = {_num(self.RACE.hyper[name]['lr'])}", 24)
        line = VGroup(swatch, label).arrange(RIGHT, buff=0.22)
        ex = self.exits[name]
        note = f"left at step {ex.step}" if ex is not None else self.finish_note(name)
        return line, self.text(note, 24, t.text)

    def finish_note(self, name: str) -> str:
        """What the legend says at the end of a run that stayed in the window."""
        o, tr = self.outcomes[name], self.trajectories[name]
        if tr.diverged:  # stopped inside the window (none of gdcore's races does)
            return f"diverged at step {tr.diverged_at}"
        if o.distance is not None:
            return _distance(o.distance)
        return f"lingers, |y| = {abs(o.final[1]):.3f}"

    def finish_header(self) -> str | None:
        """The heading of the statuses shown at the end (None: they explain themselves)."""
        return "distance to the minimum" if self.RACE.surface.minimum else None

    def build_legend(self, target_key, target_text: str) -> VGroup:
        """The legend table: a row per optimizer (swatch, label, status), the target's key."""
        lines, statuses = {}, {}
        for name in NAMES:
            lines[name], statuses[name] = self.legend_row(name)
        rows = VGroup(*lines.values()).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        col = max(m.get_right()[0] for m in lines.values()) + 0.4
        for name, status in statuses.items():
            status.move_to(lines[name]).align_to(np.array([col, 0, 0]), LEFT)
            rows.add(status)
        r, t = self.RACE, self.theme
        ring = Circle(radius=0.1, stroke_color=t.text, stroke_width=3, fill_color=t.background,
                      fill_opacity=1)
        start = ", ".join(numbers.text(c) for c in r.start)
        keys = [(ring, f"start ({start})"), (target_key, target_text)]
        key = VGroup(*(VGroup(m.move_to(ORIGIN), self.text(s, 24)).arrange(RIGHT, buff=0.3)
                       for m, s in keys)).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        key.next_to(rows, DOWN, buff=0.3).align_to(rows, LEFT)
        legend = VGroup(rows, key)
        header = self.finish_header()
        self.header = None
        if header:
            self.header = self.text(header, 22, self.theme.muted)
            self.header.next_to(rows, UP, buff=0.2).align_to(rows, RIGHT)
            legend.add(self.header)
            self.header.set_opacity(0)
        for name, status in statuses.items():
            if self.exits[name] is not None:
                status.add_updater(lambda m, n=name: m.set_opacity(self.exit_ramp(n)))
            else:
                status.set_opacity(0)
        self.statuses = statuses
        return legend

    # -- sections ------------------------------------------------------------------------

    def section_setup(self):
        t, r = self.theme, self.RACE
        title = VGroup(self.text(self.TITLE + ":", 30),
                       self.tex("f(x, y) = " + r.surface.formula, 32)).arrange(RIGHT, buff=0.3)
        title.scale_to_fit_width(min(title.width, config.frame_width - 2 * EDGE))
        title.to_edge(UP, buff=EDGE)
        self.ax, img = self.build_map()
        start = self.marker_start()
        target, target_key, target_text = self.marker_target()

        self.history, self.tails, self.dots, self.crosses = {}, {}, {}, {}
        order = stacking(r, self.outcomes)
        for name in NAMES:
            c = t.opt(name)
            path = self.paths[name]
            rank = order.index(name)
            width = HISTORY_WIDTH + WIDTH_STEP * rank
            self.history[name] = Trail(self.ax, path, self.step, color=c, stroke_width=width,
                                       stroke_opacity=HISTORY_OPACITY[0])
            self.history[name].set_z_index(1 - 0.01 * rank)
            self.tails[name] = Trail(self.ax, path, self.step, color=c, stroke_width=width + 2,
                                     tail=self.TAIL, fade_tail=True)
            self.tails[name].set_z_index(2 - 0.01 * rank)
            dot = head_dot(self.tails[name], c, radius=0.085)
            dot.set_stroke(t.background, 1.5)
            if self.exits[name] is not None:
                self.crosses[name] = self.cross(name)
                dot.add_updater(lambda d, n=name: d.set_opacity(1 - self.exit_ramp(n)))
            self.dots[name] = dot
        self.legend = self.build_legend(target_key, target_text)

        steps, _ = live_readout(r"\text{step}", lambda: self.k(), 0, 30)
        of = self.tex(rf"/\ {r.steps}", 30)
        of.add_updater(lambda m: m.next_to(steps, RIGHT, buff=0.15))
        counter = VGroup(steps, of)
        x_right = self.ax.c2p(r.window[0][1], 0)[0]
        column = VGroup(counter, self.legend).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        left = min(x_right + 0.6, config.frame_x_radius - EDGE - column.width)
        column.next_to(np.array([left, self.MAP_TOP + 0.15, 0]), DOWN + RIGHT, buff=0)
        of.update()
        settings = self.text(extra_settings(r) + "   otherwise PyTorch's defaults", 22, t.muted)
        settings.to_edge(DOWN, buff=EDGE).align_to(self.ax.c2p(r.window[0][0], 0), LEFT)
        self.settings = settings

        self.play(Write(title))
        self.play(FadeIn(img), Create(self.ax), run_time=1.5)
        self.play(FadeIn(target), FadeIn(start), FadeIn(self.legend), FadeIn(counter),
                  FadeIn(settings))
        self.add(*self.history.values(), *self.tails.values(), *self.crosses.values())
        self.play(*(FadeIn(d, scale=0.5) for d in self.dots.values()))
        self.wait(0.6)

    def section_race(self):
        for k, seconds in self.STAGES:
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)
        self.wait(0.4)

    def section_finish(self):
        """The whole of every path, and how each run ended, in the legend; the dots of the runs
        that stayed in the frame fade, so no pile of marks hides the minimum."""
        for name in NAMES:
            if self.exits[name] is None:
                self.dots[name].clear_updaters()
        self.play(*(h.animate.set_stroke(opacity=HISTORY_OPACITY[1])
                    for h in self.history.values()),
                  *(self.dots[n].animate.set_opacity(0) for n in NAMES if self.exits[n] is None),
                  *(FadeOut(self.tails[n]) for n in NAMES if self.exits[n] is None),
                  *(FadeIn(s.set_opacity(1)) for n, s in self.statuses.items()
                    if self.exits[n] is None),
                  *([FadeIn(self.header.set_opacity(1))] if self.header else []), run_time=1.2)
        self.wait(2.5)

    SECTIONS = sections(section_setup, section_race, section_finish)


__all__ = ["RaceScene", "extra_settings"]
