"""Staged reveals for counting scenes: guesses that appear one at a time, copies that rise out of
the row (or plane) before them, and a title line whose count follows what is shown.

Pure layout: the points and the counts come from the scene (gdcore); these pieces only decide how
much of them is shown at a moment of an animation.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Mobject,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    smooth,
)


def grown(shapes: np.ndarray, centres: np.ndarray, k: float) -> np.ndarray:
    """The first k of n shapes: shapes (n, m, 3) are the outlines' points, centres (n, 3) their
    centres; the first floor(k) whole, the next scaled about its centre by the fraction of k
    (it grows from a point), the rest absent. Returns the points to draw, (j·m, 3)."""
    n = len(shapes)
    k = float(np.clip(k, 0.0, n))
    whole = int(k)
    out = shapes[:whole]
    if whole < n and k > whole:
        part = centres[whole] + (k - whole) * (shapes[whole] - centres[whole])
        out = np.concatenate([out, part[None]])
    return out.reshape(-1, 3)


def rising_slots(index: np.ndarray, p: float) -> tuple[np.ndarray, np.ndarray]:
    """Copies that rise one after another out of the copy before: with p (1..n) copies shown,
    copy i is shown when i < p, at slot min(i, p − 1) (copy i rises from slot i − 1 to slot i
    while p goes from i to i + 1). Returns (shown mask, slot) for each index."""
    index = np.asarray(index, dtype=np.float64)
    return index < p, np.minimum(index, max(p - 1.0, 0.0))


def eased_part(lo: float, hi: float):
    """A rate function that runs (smoothly) only over the part lo..hi of a play: at rest
    before and after it."""
    return lambda a: smooth(float(np.clip((a - lo) / (hi - lo), 0.0, 1.0)))


def swap(old: Mobject, new: Mobject, within=(0.0, 1.0), **kw) -> list:
    """`old` fades out in the first half of `within` (a part of the play), `new` fades in in
    the second: one after the other in one play, so no word or number is ever drawn over
    another (keywords such as shift go to both fades)."""
    a0, a1 = within
    mid = 0.5 * (a0 + a1)
    return [FadeOut(old, rate_func=eased_part(a0, mid), **kw),
            FadeIn(new, rate_func=eased_part(mid, a1), **kw)]


#: roll: how far (scene units) a number rises as it rolls over, and the part of the play in
#: which both are seen (the old one leaving above, the new one arriving from below).
ROLL_RISE, ROLL_OVERLAP = 0.14, 0.2


def roll(old: Mobject, new: Mobject, rise: float = ROLL_RISE) -> list:
    """`old` rolls over into `new` in place, as a counter's digits do: the old one rises and
    fades out, the new one rises into place from below and fades in, the two seen together
    only in the middle ROLL_OVERLAP of the play, apart by `rise` and both faint, so the place is
    never blank and no glyph is ever drawn through another (a Transform of one number into
    another blends their glyphs into shapes that are neither)."""
    half = 0.5 * (1.0 + ROLL_OVERLAP)
    return [FadeOut(old, shift=rise * UP, rate_func=eased_part(0.0, half)),
            FadeIn(new, shift=rise * UP, rate_func=eased_part(1.0 - half, 1.0))]


def stepwise(alpha: float, steps: int) -> float:
    """0..1 → 0..steps in `steps` eased steps: each step starts and ends at rest (smooth), so
    each new copy arrives and settles before the next leaves."""
    x = float(np.clip(alpha, 0.0, 1.0)) * steps
    whole = min(int(x), steps - 1)
    return whole + smooth(x - whole)


#: how fast a prefix growing into its room (CountLine.open_with) darkens: its opacity is this
#: many times its share of its full size (solid from the first third on), so the room never
#: reads as a hole
OPEN_INK = 3.0


class CountLine(VGroup):
    """'<words> [<prefix>] <count> <tail>' centred over `centre_x` with its top at `top`: the
    count (an Integer), the optional prefix (maths such as 10² =) and the tail sit on the
    baseline of `words`, read from words[0] (a digit: no descender). Call layout() after the
    count changes: the line stays centred as it grows (or, with `left` (a scene x), starts
    there and grows to the right). With `tail_one` (the singular, "guess") that tail shows in
    place of `tail` while the count is 1."""

    def __init__(self, words: Mobject, count: Mobject, tail: Mobject, centre_x: float,
                 top: float, buff: float = 0.18, tail_one: Mobject | None = None,
                 left: float | None = None):
        super().__init__(words, count, tail, *([tail_one] if tail_one else []))
        self.left = left
        self.words, self.count, self.tail, self.tail_one = words, count, tail, tail_one
        self.prefix: Mobject | None = None
        self.dropped: list[Mobject] = []
        self.centre_x, self.top, self.buff = centre_x, top, buff
        self.layout()

    def parts(self) -> list[Mobject]:
        return [self.words, *([self.prefix] if self.prefix else []), self.count, self.tail]

    def layout(self) -> CountLine:
        baseline = self.words[0].get_bottom()[1]
        parts = self.parts()
        for before, part in zip(parts, parts[1:]):
            part.next_to(before, RIGHT, buff=self.buff)
        for part in parts[1:]:
            foot = part[0] if part is self.count else part
            part.shift((baseline - foot.get_bottom()[1]) * np.array([0, 1, 0]))
        self.tail.align_to(self.words, DOWN)  # words and tail both with a descender
        line = VGroup(*parts)  # what is shown (not what swap_words is fading out)
        dx = self.centre_x - line.get_center()[0] if self.left is None else \
            self.left - line.get_left()[0]
        line.shift([dx, self.top - line.get_top()[1], 0])
        if self.tail_one is not None:
            one = self.count.get_value() == 1
            self.tail_one.align_to(self.tail, LEFT).align_to(self.tail, DOWN)
            self.tail_one.set_opacity(1.0 if one else 0.0)
            self.tail.set_opacity(0.0 if one else 1.0)
        return self

    def show_count(self, n: int) -> CountLine:
        self.count.set_value(n)
        return self.layout()

    def make_room(self, prefix: Mobject) -> list:
        """Put `prefix` between the words and the count, invisible; returns the animations that
        move the other parts to make room for it (open_with plays them with the prefix)."""
        parts = self.parts()
        before = [m.get_center().copy() for m in parts]
        self.prefix = prefix.set_opacity(0.0)
        self.add(prefix)
        self.layout()
        after = [m.get_center().copy() for m in parts]
        for m, c in zip(parts, before):
            m.move_to(c)
        return [m.animate.move_to(c) for m, c in zip(parts, after)]

    def open_with(self, prefix: Mobject) -> list:
        """Room for `prefix` opened and the prefix grown into it in one change: the animations
        that move the other parts to make room (make_room) while the prefix, on the line's
        baseline, is scaled every frame to fill the room opened so far, centred in it (solid
        from OPEN_INK⁻¹ of its size on): no frame shows the prefix over another part, nor a
        hole between the words and the count, nor one of its glyphs alone beside the count (a
        lone "1" read with the count's digits)."""
        moves = self.make_room(prefix)
        parts = self.parts()
        before, after = (parts[parts.index(prefix) + k] for k in (-1, 1))
        full, base = prefix.width, prefix.get_bottom()[1]

        def write(m, alpha):
            # the gap, one buff at first, is the prefix and its two buffs at last: the share
            # of the prefix's width grown so far, the prefix centred in the gap
            left, gap = before.get_right()[0], after.get_left()[0] - before.get_right()[0]
            share = 1.0 if alpha >= 1 else float(np.clip(
                (gap - self.buff) / (full + self.buff), 0.0, 1.0))
            m.scale(max(share, 1e-3) * full / m.width)
            m.shift([left + gap / 2 - m.get_center()[0], base - m.get_bottom()[1], 0])
            m.set_opacity(min(1.0, OPEN_INK * share))

        return [*moves, UpdateFromAlphaFunc(prefix, write)]

    def hide_prefix(self):
        """The animation fading the prefix out (play it before swap_words)."""
        return self.prefix.animate.set_opacity(0.0)

    def swap_words(self, words: Mobject) -> list:
        """New words in place of the old, and no prefix (faded out by hide_prefix): the
        animations that fade the old words out, then the new in, and move the count and tail
        to their new places (the old words and prefix stay in the line, invisible, until
        drop() removes them)."""
        self.dropped = [self.words, *([self.prefix] if self.prefix else [])]
        before = [m.get_center().copy() for m in (self.count, self.tail)]
        self.words, self.prefix = words.set_opacity(0.0), None
        self.add(words)
        self.layout()
        after = [m.get_center().copy() for m in (self.count, self.tail)]
        for m, c in zip((self.count, self.tail), before):
            m.move_to(c)
        # the old words gone before the new come: the two never drawn over each other
        return [self.dropped[0].animate(rate_func=lambda t: smooth(min(2 * t, 1.0)))
                .set_opacity(0.0),
                words.animate(rate_func=lambda t: smooth(max(2 * t - 1, 0.0))).set_opacity(1.0),
                *(m.animate.move_to(c) for m, c in zip((self.count, self.tail), after))]

    def drop(self):
        """Remove what swap_words replaced."""
        self.remove(*self.dropped)
        self.dropped = []


def counted(mob: Mobject, show, line: CountLine, count) -> list:
    """The animations of one counted stage: show(mob, alpha) draws it while the line shows
    count(alpha). The line is animated too, so it is redrawn every frame (a mobject that no
    animation names may be drawn from the scene's still background, its count frozen)."""
    return [UpdateFromAlphaFunc(mob, show),
            UpdateFromAlphaFunc(line, lambda m, a: m.show_count(count(a)))]


#: the share of its way over which a copy rising out of the row before (GuessRows.rise) fades in
RISE_INK = 0.6


class GuessRows(VGroup):
    """A grid of guesses drawn as rows, each row ONE VMobject (a path of one shape per guess),
    shown in stages: the first row's guesses one by one (show_first), then copies of the row
    rising out of it to their places (rise).

    rows: the scene points of each row's guesses (rows × n × 3), first row first; unit: the
    outline of one guess about the origin (m × 3); `step` is the scene vector from a row to the
    next."""

    def __init__(self, rows: np.ndarray, unit: np.ndarray, color, step: np.ndarray):
        super().__init__()
        rows = np.asarray(rows, dtype=np.float64)
        self.centres = rows
        self.shapes = rows[:, :, None, :] + np.asarray(unit)[None, None, :, :]
        self.step = np.asarray(step, dtype=np.float64)
        for _ in range(len(rows)):
            self.add(VMobject(stroke_width=0, fill_color=color, fill_opacity=1))
        self.rise(len(rows))

    def show_first(self, k: float) -> GuessRows:
        """The first k guesses of the first row (the next growing from a point); no other row."""
        for i, row in enumerate(self):
            row.points = grown(self.shapes[0], self.centres[0], k) if i == 0 else \
                self.shapes[0, :0].reshape(-1, 3)
            row.set_fill(opacity=1.0)
        return self

    def rise(self, p: float) -> GuessRows:
        """p (1..rows) rows shown, the later ones rising out of the row before (rising_slots),
        each rising copy fading in over the first RISE_INK of its way: never a second solid
        dot drawn over, or half over, the one it leaves."""
        shown, slot = rising_slots(np.arange(len(self)), p)
        for i, row in enumerate(self):
            pts = self.shapes[0] + slot[i] * self.step if shown[i] else self.shapes[0, :0]
            row.points = pts.reshape(-1, 3)
            out = 1.0 if i == 0 else float(np.clip((slot[i] - (i - 1)) / RISE_INK, 0.0, 1.0))
            row.set_fill(opacity=smooth(out))
        return self

    def drawn(self) -> np.ndarray:
        """The centres of the guesses drawn now (scene points, k × 3), read from the rows."""
        m = self.shapes.shape[2]
        pts = [row.points for row in self if len(row.points)]
        if not pts:
            return np.zeros((0, 3))
        return np.concatenate(pts).reshape(-1, m, 3).mean(axis=1)
