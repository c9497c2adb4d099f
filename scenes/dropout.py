"""Dropout: every training step trains a different thinned network.

The 4-6-6-2 network of the still (gdcore.networks.DROPOUT, the still's: same sizes, rate, steps,
seed and masks). The dense network comes in layer by layer, input to output, then the note beside
it. The first mask comes in one hidden layer at a time, input to output (the step's name, "step 1
of 4", coming in with the first layer's change), each change drawn as every
later one (dropped hidden neurons turn to a thin faded outline, as in the still, filled with the
page and drawn over the edges, so no line passes through them; their edges vanish; kept hidden ones
take the accent, then their edges are lit in it, at full strength, where they stay until the step
ends); a key says the orange is the hidden neurons kept this step and their edges. At each later
step the last mask turns into the
new one one thing at a time: the edges of the neurons dropped anew fade, then those neurons go out
as the ones restored come back, then the restored ones' edges come in, lit (never through the
quiet colour); neurons dropped at both steps keep their faded outline, neurons kept at
both their accent outline, throughout; the step number and the count of kept neurons turn in place
as the change begins, so they never name the mask that is going. The count of hidden neurons kept
comes in once the first mask has landed. Input and output neurons, never dropped, keep a solid
outline in the text colour throughout, as in the still; the note is set flush left, 36 px in.
After the last step the lesson as one picture:
the note, the big network (its edges, then its neurons) and the title leave one after the other,
each at an even pace (the title is known by then: the grid
takes the whole frame), then the four steps' thinned networks come in one after the other (the
counters leaving as the first comes in), in the order of the steps, two by two in reading order,
each the big network drawn anew, its layers spread sideways (each dropped neuron's outline as wide
as the others' and ringed by the page), its step over its count of hidden neurons kept on its
left, a clear line from it: four different thinned networks, held.
Render alone with: manim -ql scenes/dropout.py Dropout
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circle,
    FadeIn,
    FadeOut,
    Integer,
    LaggedStart,
    ManimColor,
    Succession,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    linear,
)

from gdcore.networks import DROPOUT
from gdviz import numbers
from gdviz.manim_blocks import set_number
from gdviz.manim_theme import Section, ThemedScene, sections
from gdviz.network_mobject import NetworkMobject
from gdviz.numbers import count, word

EX = DROPOUT
SIZES, P_DROP, STEPS = EX.sizes, EX.p_drop, EX.steps
#: The still's layout (layout units) at UNIT scene units per layout unit: the network is the
#: subject, so it takes the frame's height between the title and the 24 px margin (neurons
#: 44 px across at 480p), centred between the note and the counters.
LAY_W, LAY_H, LAY_R, UNIT = 4.4, 4.4, 0.26, 1.42
NET_CENTER = 0.27 * RIGHT + 0.35 * DOWN
N_HIDDEN = EX.n_hidden
#: A dropped neuron, as in the still: a thin outline (FADED_WIDTH, two thirds of the other
#: neurons' 3.0, as the still's 0.6 pt to 0.9 pt) in the still's faded colour (Theme.faded: the
#: muted grey towards the page to theme.FADED_CONTRAST, 4:1, in both themes), at FADED_OPACITY:
#: absent, not a difference (a dash is one, docs/STYLE.md).
FADED_WIDTH, FADED_OPACITY = 2.0, 1.0
#: Seconds of each change of the mask (the key moment: a change of a few neurons, slow enough
#: to follow), and the new thinned network's hold after a change (drops and returns in one
#: move, the step and count turning as it lands).
MASK_TIME, NEXT_TIME, HOLD = 1.0, 1.5, 1.8
#: The fraction of a change of the mask at which the step number and the count of kept neurons
#: turn: at its start, the counters leading (turned at its end, they named the old mask for the
#: 1.5 s the new one was being drawn).
COUNTERS_AT = 0.0
#: The share of a change of the mask its neurons take, between the edges going and the edges
#: coming (at once, a dropped neuron's grey edges still showed as it faded, and lit edges
#: touched neurons going grey).
MASK_SHARE = 0.35
#: The share of a change of the mask the edges of the neurons going out take to fade, before
#: the neurons change (the rest, after them, for the edges of the neurons restored).
EDGES_OUT = 0.35
#: The closing grid: the four steps' thinned networks two by two, in reading order (step 1 top
#: left, step 4 bottom right), each the big network drawn anew GRID_W by GRID_H (scene units,
#: rims included) with neurons GRID_R in radius (22 px across at 480p). The title has left by
#: then (kept, it left the rows 8 px between neurons, the steepest edges passing within a pixel
#: of the neurons beside the one they leave): the grid spans the frame's height inside its 24 px
#: margins, its rows 27 px apart, its neurons 14 px apart in a layer (36 px from centre to
#: centre); its layers spread sideways, 87 px apart, so that the steepest edge (a layer's top
#: neuron to the next one's bottom) passes 3 px and more clear of the neighbour it grazes, ink
#: to ink (GRID_CLEAR). The rows' centres at GRID_Y, the columns' at GRID_X: each heading (its
#: step over its count of hidden neurons kept, GRID_LINE_GAP apart: 12 px) on its network's left,
#: GRID_LABEL_GAP from it (24 px, the clear line a label keeps from its block), the left heading
#: and the right column 24 px in from the frame's edges, the networks 157 px apart across (the
#: right one's heading 77 px from the network before it: three times nearer its own).
GRID_W, GRID_H, GRID_R = 4.717, 3.37, 0.1835
GRID_Y, GRID_X = (1.91, -1.91), (-2.99, 4.35)
GRID_LABEL_GAP, GRID_LINE_GAP = 0.4, 0.2
#: The least clear gap (px at 480p) between a closing network's edge and a neuron it does not
#: join, ink to ink (the edge's and the outline's half widths off the centre lines' distance).
GRID_CLEAR = 3.0
#: The closing networks' edges at ROW_LINES of their width (2.4 px edges in a network half
#: as wide thicken it into a tangle); the neurons' outlines keep theirs.
ROW_LINES = 0.75
#: A dropped neuron's outline in the closing grid: as wide as the other neurons' (at the big
#: network's 2 px, two thirds of theirs, it all but vanished on the dark page at this size).
GRID_FADED_WIDTH = 3.0
#: The page ringing a dropped neuron in the closing grid (a stroke under its fill, ROW_HALO
#: wide, half of it outside: 3 px at 480p), so that a line passing beside it stops short of it.
ROW_HALO = 10.0
#: The size of each closing network's heading, "step 1" over "8 kept" (digits 15 px tall; "of
#: 12 hidden" is left out: the counter before it said there are 12 hidden neurons, and at 119 px
#: "8 of 12 kept" left the columns no room to spread the networks' layers).
ROW_COUNT_SIZE = 26
#: Seconds the page takes to clear before the grid comes in (the big network leaves whole
#: first: drawn over it, a network coming in was a tangle of circles and edges), its parts
#: going one after the other (the note, the edges, the neurons, the title), each starting when
#: the last is CLEAR_LAG gone, each at an even pace (the network in one eased fade of 0.75 s,
#: its thin lines and rings crossed out of sight within a frame or two: 42 % of the page's ink
#: lost in one frame, by pops.py's count).
CLEAR_TIME, CLEAR_LAG = 1.8, 0.3
#: Seconds each network of the closing grid takes to come in (one after the other, in the
#: order of the steps, each starting when the last is ROW_LAG in).
ROW_IN, ROW_LAG = 0.8, 0.75
#: Seconds the closing grid is held (a still picture: no longer than the rules allow).
FINAL_HOLD = 1.6


def _changed(gone: int, back: int) -> str:
    """How a new mask changes the hidden neurons: 'four out, two back'."""
    return f"{word(gone)} out, {word(back)} back"


class Dropout(ThemedScene):

    @classmethod
    def captions(cls):
        """Short sentences: a step plays in about 6 s."""
        masks, kept_counts = EX.masks(), EX.kept_counts()
        of = f"of {count(N_HIDDEN)} hidden neurons kept"
        out = {"network": f"A {'–'.join(count(n) for n in SIZES)} network appears; each hidden "
                          f"neuron drops out with probability {numbers.text(P_DROP)} at every "
                          f"step."}
        for t in range(STEPS):
            keep = EX.kept_neurons(masks[t])
            if t == 0:
                said = (f"Step 1: the dropped neurons turn to faint outlines; "
                        f"{count(kept_counts[t])} {of}.")
            else:
                before = EX.kept_neurons(masks[t - 1])
                changed = _changed(len(before - keep), len(keep - before))
                said = f"Step {t + 1}: a new mask, {changed}; {count(kept_counts[t])} {of}."
            out[f"step-{t + 1}"] = said
        last = f"step-{STEPS}"
        counts = [count(k) for k in kept_counts]
        out[last] = (out[last], f"The {word(STEPS)} steps' thinned networks, two by two: "
                                f"{word(STEPS)} different networks, keeping "
                                f"{', '.join(counts[:-1])} and {counts[-1]} hidden neurons.")
        return out

    def setup(self):
        super().setup()
        self.masks = EX.masks()
        self.kept_counts = EX.kept_counts()
        self.step = -1  # the step shown (0-based), -1 before the first
        self.snaps = []  # each finished step's thinned network (with its faded outlines), copied

    def kept(self, t: int) -> frozenset:
        """(layer, i) of the neurons taking part at step t (the still's kept_neurons)."""
        return EX.kept_neurons(self.masks[t])

    def dropped(self, t: int) -> list:
        keep = self.kept(t)
        return [n for n in self.net.neuron_ids if n not in keep]

    # -- sections -------------------------------------------------------------------------------
    def section_network(self):
        t = self.theme
        title = self.text("Dropout: a different thinned network at every step", 34)
        title.to_edge(UP, buff=0.42)
        net = NetworkMobject(t, SIZES, LAY_W, LAY_H, radius=LAY_R, unit=UNIT,
                             center=NET_CENTER, edge_width=2.4, neuron_stroke_width=3.0)
        self.net = net
        # the input and output neurons, never dropped, in the text colour, as in the still: a
        # plain grey ring beside the faded ones of the dropped neurons read as dropped too
        last = len(SIZES) - 1
        net.set_neuron_style([n for n in net.neuron_ids if n[0] in (0, last)], stroke=t.text)
        rate = self.tex(rf"p = {P_DROP:g}", 34, t.text)
        note = VGroup(self.text("each hidden neuron", 26),
                      self.text("is dropped with", 26),
                      VGroup(self.text("probability", 26), rate).arrange(RIGHT, buff=0.15),
                      self.text("anew at every step", 26))
        # four lines set flush left, 0.6 in from the frame's left edge (36 px at 480p)
        note.arrange(DOWN, buff=0.2, aligned_edge=LEFT).move_to([-5.0, -0.2, 0])
        note.align_to(np.array([-6.5, 0, 0]), LEFT)
        # a thin faded outline over every hidden neuron, unseen until the neuron is dropped;
        # filled with the page and drawn above the edges, so that nothing is seen passing
        # through a dropped neuron (it reads as cut off, not as still connected)
        faded = dropped_color(t)
        self.faded = {n: Circle(radius=net.radius).move_to(net.point(*n))
                      .set_stroke(faded, width=FADED_WIDTH, opacity=0.0)
                      .set_fill(t.background, opacity=0.0).set_z_index(2)
                      for n in net.neuron_ids if 0 < n[0] < last}
        self.play(Write(title), run_time=0.8)
        # layer by layer, input to output: each layer's neurons with the edges reaching them
        layers = [VGroup(*(net.edge(e) for e in (net.layout.edges_between(l - 1) if l else ())),
                         *(net.neuron(*n) for n in net.layer_neurons(l)))
                  for l in range(len(SIZES))]
        self.play(LaggedStart(*(FadeIn(g) for g in layers), lag_ratio=0.7), run_time=2.4)
        self.remove(*layers)
        self.add(net.edge_group, net.neuron_group)
        self.add(*self.faded.values())
        self.quiet = net.edge_rgb[0].copy()  # the edges' resting colour
        self.wait(0.6)  # the dense network alone, then the note beside it
        self.play(FadeIn(note))
        self.wait(0.8)

        step_word = self.text("step", 30)
        step_num = Integer(1, font_size=44, color=t.accent)
        of = self.text(f"of {STEPS}", 30)
        counter = VGroup(step_word, step_num, of).arrange(RIGHT, buff=0.2)
        counter.move_to([5.15, 0.6, 0])
        k_num = Integer(0, font_size=36, color=t.accent)
        kept = VGroup(VGroup(k_num, self.text(f"of {N_HIDDEN} hidden", 28)).arrange(RIGHT,
                                                                                   buff=0.15),
                      self.text("neurons kept", 28))
        kept.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        kept.next_to(counter, DOWN, buff=0.4, aligned_edge=LEFT)
        # the key of the sweep's colour (the input and output neurons, grey, are not in it)
        self.sweep_key = VGroup(self.text("orange: the", 26, t.accent),
                                self.text("hidden neurons", 26, t.accent),
                                self.text("kept this step", 26, t.accent),
                                self.text("and their edges", 26, t.accent))
        self.sweep_key.arrange(DOWN, buff=0.1, aligned_edge=LEFT)
        self.sweep_key.next_to(kept, DOWN, buff=0.45, aligned_edge=LEFT)
        right = 64 / 9 - 0.45  # 24 px (and a little) clear of the frame's right edge
        if self.sweep_key.get_right()[0] > right:
            self.sweep_key.shift((right - self.sweep_key.get_right()[0]) * RIGHT)
        self.title, self.note = title, note
        self.counter, self.step_num, self.kept_line, self.k_num = counter, step_num, kept, k_num

    def run_step(self, s: int):
        self.step = s
        n_kept = self.kept_counts[s]
        dropped = set(self.dropped(s))
        if s == 0:
            # the step's name comes in with the first layer's change (played alone before it,
            # it was 0.4 s in which only the counter moved)
            self.step_num.set_value(1)
            self.first_mask(dropped, n_kept, with_first=[FadeIn(self.counter)])
            self.wait(0.8)
        else:
            # the last mask turns into the new one in one move, the lit edges going straight
            # from the old thinned network to the new one; the step and the count turn as the
            # move begins, so that they never name the mask that is going
            self.next_mask(set(self.dropped(s - 1)), dropped, n_kept, s + 1)
            self.wait(HOLD)
        self.snaps.append(self.snap())
        if s == STEPS - 1:
            self.caption_next()
            self.side_by_side()

    def snap(self) -> VGroup:
        """The thinned network shown, drawn anew for the closing grid (_thumbnail)."""
        return _thumbnail(self.net, self.faded, self.theme)

    def first_mask(self, dropped: set, n_kept: int, with_first=()):
        """The first mask on the dense network, one hidden layer at a time, input to output,
        each change drawn as every later one: dropped neurons to a thin faded outline (their
        own hidden), their edges gone; kept hidden neurons in the accent, then their edges lit
        in it, at full strength (the layer's edges from the one before it; with the last hidden
        layer, those to the outputs too). The count of kept neurons and the key of the accent
        come in once the whole mask has landed; `with_first` plays with the first layer's
        change."""
        last = len(SIZES) - 1
        lay = self.net.layout
        for h in range(1, last):
            gone = {n for n in dropped if n[0] <= h}
            reach = lay.edges_between(h - 1) + (lay.edges_between(h) if h == last - 1 else ())
            light = [e for e in reach if e[0] not in gone and e[1] not in gone]
            self.play(self.mask_to(gone, {n for n in dropped if n[0] == h}, set(), light=light,
                                   upto=h), *(with_first if h == 1 else ()),
                      run_time=MASK_TIME)
        set_number(self.k_num, n_kept)
        self.play(FadeIn(self.kept_line), FadeIn(self.sweep_key), run_time=0.6)

    def next_mask(self, before: set, after: set, n_kept: int, step: int):
        """The last mask turns into the next in one move: the neurons dropped anew go out
        (accent outline to faded, their edges gone) as the ones restored come back (faded to
        the accent outline, their edges back in the accent, as the edges kept at both steps
        stay); the neurons dropped at both steps keep their faded outline throughout, those
        kept at both their accent one. The step number and the count of kept neurons turn as
        the move begins (turned when it ended, they named the old mask for the whole move while
        the new one was being drawn)."""
        self.play(self.mask_to(after, after - before, before - after),
                  _switch(self.step_num, step, at=COUNTERS_AT),
                  _switch(self.k_num, n_kept, at=COUNTERS_AT),
                  run_time=NEXT_TIME)

    def mask_to(self, dropped: set, out: set, back: set, light=None,
                upto: int | None = None) -> Succession:
        """One change of the mask, one thing at a time: first the edges of the neurons going
        out fade, then the neurons change (those of `out` taking their faded outline, those of
        `back` losing it; no other neuron changes look), then the edges of the restored ones
        come in, lit (at once, lit edges still touched neurons going grey). On the first mask
        the dense network's quiet edges are shown: the edges `light` take the accent in that
        last part; later, every edge shown is lit already. With `upto`, the neurons of later
        layers keep their look (the first mask, a layer at a time: a layer not yet masked is
        not yet kept)."""
        t, net = self.theme, self.net
        last = len(SIZES) - 1
        if light is None:  # every edge shown is lit already: the hidden ones take the accent unseen
            net.set_edge_style(color=t.accent)
            light = []
        shown = {n for n in net.neuron_ids if n not in dropped and n not in out}

        def neurons(n):
            for nid in n.neuron_ids:
                if upto is not None and nid[0] > upto:
                    continue
                kept = nid not in dropped
                stroke = t.accent if 0 < nid[0] < last else t.text
                n.set_neuron_style([nid], fill=t.background, stroke=stroke,
                                   stroke_opacity=1.0 if kept else 0.0, apply=False)

        def edges(alive, lit=()):
            def change(n):
                n.set_edge_style(opacity=[1.0 if (a in alive and b in alive) else 0.0
                                          for a, b in n.edge_ids], apply=False)
                if lit:
                    n.set_edge_style(lit, color=t.accent, apply=False)
            return change

        # the edges of the neurons going out, then the neurons, then the restored ones' edges
        before = shown - back
        faded = [self.faded[n].animate.set_stroke(opacity=FADED_OPACITY).set_fill(opacity=1.0)
                 for n in out]
        faded += [self.faded[n].animate.set_stroke(opacity=0.0).set_fill(opacity=0.0)
                  for n in back]
        # each part starts from the look the last one leaves (made from the look on screen, the
        # last part faded the edges of the neurons going out in again, and out once more)
        now = net.style_state()
        parts = [net.transition(edges(before), run_time=EDGES_OUT)]
        edges(before)(net)
        parts.append(AnimationGroup(net.transition(neurons), *faded, run_time=MASK_SHARE))
        neurons(net)
        if back or light:
            parts.append(net.transition(edges(shown, light),
                                        run_time=1.0 - MASK_SHARE - EDGES_OUT))
        else:  # nothing comes back: the neurons take the rest
            parts[1].run_time = 1.0 - EDGES_OUT
        net.load_state(now)
        return Succession(*parts)

    def row_place(self, s: int) -> np.ndarray:
        """The centre of step s's network in the closing grid (reading order, two by two)."""
        return np.array([GRID_X[s % 2], GRID_Y[s // 2], 0])

    def row_label(self, s: int) -> VGroup:
        """Step s's heading in the closing grid, on its network's left: its step over its count
        of hidden neurons kept."""
        label = VGroup(self.text(f"step {s + 1}", ROW_COUNT_SIZE),
                       self.text(f"{self.kept_counts[s]} kept", ROW_COUNT_SIZE))
        label.arrange(DOWN, buff=GRID_LINE_GAP, aligned_edge=RIGHT)
        return label.next_to(self.snaps[s], LEFT, buff=GRID_LABEL_GAP)

    def side_by_side(self):
        """The four thinned networks two by two: the note, the big network and the title leave
        together, then steps 1, 2, 3 and 4 come in, in that order, in reading order, the grid
        taking the whole frame (the counters leave, on the right, as step 1 comes in on the
        left)."""
        for s, snap in enumerate(self.snaps):
            snap.move_to(self.row_place(s))
        self.row_labels = [self.row_label(s) for s in range(STEPS)]
        # the page clears one part after another (all at once, the thin lines crossed out of
        # sight together and the screen lost most of its ink from one frame to the next): the
        # note, the network's edges, its neurons (their rings and faded outlines: layer by
        # layer, its output neurons stood solid after the rest had dimmed, then went at once;
        # lines and rings in one fade crossed out of sight within a frame or two, 42 % of the
        # page's ink lost in one frame), then the title, known by then (the grid needs its room;
        # fading with the network, the two crossed out of sight in one frame, 51 % of the
        # page's ink); the counters go as step 1 comes in on the other side of the frame (gone
        # before it, the page stood empty for 0.4 s, its last ink lost in one frame)
        net = self.net
        rings = VGroup(net.neuron_group, *self.faded.values())
        self.remove(net, *self.faded.values())
        self.add(net.edge_group, rings)
        parts = [self.note, net.edge_group, rings, self.title]
        self.play(LaggedStart(*(FadeOut(g, rate_func=linear) for g in parts),
                              lag_ratio=CLEAR_LAG), run_time=CLEAR_TIME)
        counters = VGroup(self.counter, self.kept_line, self.sweep_key)
        # one play per step (each starting as the last is mostly in): the grid fills in the
        # order of the steps
        for s, snap in enumerate(self.snaps):
            self.play(FadeIn(VGroup(snap, self.row_labels[s])),
                      *([FadeOut(counters)] if s == 0 else []),
                      run_time=ROW_IN if s == STEPS - 1 else ROW_LAG)
        self.wait(FINAL_HOLD)

    #: the network, then one section step-1 … step-STEPS per training step, run_step(t).
    SECTIONS = sections(section_network, *Section.numbered("step", run_step, STEPS))


def _thumbnail(net: NetworkMobject, faded: dict, theme) -> VGroup:
    """A step's thinned network for the closing grid, at the origin: the network drawn anew
    GRID_W by GRID_H with neurons GRID_R in radius, in the look `net` has now (its edges
    ROW_LINES as wide), and a faded outline per hidden neuron as `faded` shows it, GRID_FADED_WIDTH
    wide and ringed by ROW_HALO of the page, so that a line passing beside one stops short
    of it. VGroup(network, *outlines in `faded`'s order)."""
    page = theme.background
    small = NetworkMobject(theme, SIZES, GRID_W, GRID_H, radius=GRID_R, unit=1.0)
    small.load_state(net.style_state(), apply=False)
    small.edge_width *= ROW_LINES
    small.apply_style()
    rings = []
    for n, ring in faded.items():
        on = ring.get_fill_opacity()
        rings.append(Circle(radius=small.radius).move_to(small.point(*n))
                     .set_fill(page, opacity=on)
                     .set_stroke(ring.get_stroke_color(), width=GRID_FADED_WIDTH,
                                 opacity=ring.get_stroke_opacity())
                     .set_stroke(page, width=ROW_HALO, opacity=on, background=True)
                     .set_z_index(ring.z_index))
    return VGroup(small, *rings)


def dropped_color(theme) -> ManimColor:
    """A dropped neuron's outline: the still's faded colour (Theme.faded)."""
    return ManimColor.from_rgb(theme.faded())


def _switch(number: Integer, value: int, at: float = 0.5) -> UpdateFromAlphaFunc:
    """The counter `number` reads `value` from fraction `at` of the animation on (no count
    through the values between, no old digits sliding over new ones)."""
    old = int(number.get_value())
    return UpdateFromAlphaFunc(number, lambda m, a: set_number(m, value if a >= at else old))
