"""Dropout: every training step trains a different thinned network.

The 4-6-6-2 network of the still (gdcore.networks.DROPOUT, the still's: same sizes, rate, steps,
seed and masks). The dense network comes first, then the note beside it. At each step, one
change at a time: the last step's thinned network goes grey (its lit edges and kept neurons
back to the quiet colours), the new mask comes in (dropped hidden neurons turn to a faint
dashed outline and their edges vanish; kept hidden ones take the accent), and the forward
sweep lights the kept edges layer by layer, input to output, where they stay until the step
ends. Two counters say which step it is (in with the first mask) and how many hidden neurons
take part (once the mask has landed). Input and output neurons keep their solid muted
outline throughout; the note is set flush left.
Render alone with: manim -ql scenes/dropout.py Dropout
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    DashedVMobject,
    FadeIn,
    Integer,
    Succession,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
)

from gdcore.networks import DROPOUT
from gdviz.manim_theme import Section, ThemedScene, sections
from gdviz.network_mobject import NetworkMobject

EX = DROPOUT
SIZES, P_DROP, STEPS = EX.sizes, EX.p_drop, EX.steps
#: The still's layout (layout units) at UNIT scene units per layout unit: the network is the
#: subject, so it takes the frame's height between the title and the 24 px margin (neurons
#: 44 px across at 480p), centred between the note and the counters.
LAY_W, LAY_H, LAY_R, UNIT = 4.4, 4.4, 0.26, 1.42
NET_CENTER = 0.27 * RIGHT + 0.35 * DOWN
N_HIDDEN = EX.n_hidden
#: A dropped neuron: a dashed outline (DASHES dashes) in the muted colour at DASH_OPACITY, so
#: it reads as absent beside the solid outlines of the neurons always present.
DASHES, DASH_OPACITY = 12, 0.6
#: Seconds the forward sweep takes per layer of edges.
SWEEP_PER_LAYER = 0.7


class Dropout(ThemedScene):
    def setup(self):
        super().setup()
        self.masks = EX.masks()
        self.kept_counts = EX.kept_counts()
        self.step = -1  # the step shown (0-based), -1 before the first

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
        rate = self.tex(rf"p = {P_DROP:g}", 34, t.muted)
        note = VGroup(self.text("each hidden neuron", 26, t.muted),
                      self.text("is dropped with", 26, t.muted),
                      VGroup(self.text("probability", 26, t.muted), rate).arrange(RIGHT,
                                                                                 buff=0.15),
                      self.text("anew at every step", 26, t.muted))
        # four lines set flush left, 0.4 in from the frame's left edge
        note.arrange(DOWN, buff=0.2, aligned_edge=LEFT).move_to([-5.0, -0.2, 0])
        note.align_to(np.array([-6.7, 0, 0]), LEFT)
        # a dashed outline over every hidden neuron, unseen until the neuron is dropped
        last = len(SIZES) - 1
        self.dashes = {n: DashedVMobject(Circle(radius=net.radius).move_to(net.point(*n)),
                                         num_dashes=DASHES)
                       .set_stroke(t.muted, width=3.0, opacity=0.0).set_z_index(2)
                       for n in net.neuron_ids if 0 < n[0] < last}
        self.play(Write(title))
        self.play(Create(net.edge_group), FadeIn(net.neuron_group), run_time=1.5)
        self.add(*self.dashes.values())
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
        self.title, self.note = title, note
        self.counter, self.step_num, self.kept_line, self.k_num = counter, step_num, kept, k_num

    def run_step(self, s: int):
        t, net = self.theme, self.net
        self.step = s
        n_kept = self.kept_counts[s]
        dropped = set(self.dropped(s))
        if s > 0:  # the last step's network goes grey first: its lit edges and kept neurons
            self.play(net.transition(lambda n: (
                n.set_edge_style(color=self.quiet, apply=False),
                n.set_neuron_style(stroke=t.muted, apply=False))), run_time=0.6)
        # the new mask: dropped neurons to a faint dashed outline (their solid one hidden),
        # their edges gone; kept hidden neurons in the accent
        drop = net.drop(dropped, live_stroke=t.accent, dropped_opacity=0.0, run_time=1.0)
        dashes = [d.animate(run_time=1.0).set_stroke(opacity=DASH_OPACITY if n in dropped
                                                     else 0.0)
                  for n, d in self.dashes.items()]
        if s == 0:  # the step counter comes in with the first mask; its count once it has landed
            self.step_num.set_value(1)
            self.k_num.set_value(n_kept)
            self.play(drop, *dashes, FadeIn(self.counter))
            self.play(FadeIn(self.kept_line), run_time=0.6)
        else:  # the counts change as the new mask lands
            self.play(drop, *dashes, _switch(self.step_num, s + 1),
                      _switch(self.k_num, n_kept, 0.9))
        self.play(self.sweep())
        self.wait(0.8)

    def sweep(self):
        """The forward pass: the kept edges light up in the accent layer by layer, from the
        inputs through both hidden layers to the outputs, and stay lit."""
        net, gone = self.net, set(self.dropped(self.step))
        parts = []
        for layer in range(len(SIZES) - 1):
            live = [e for e in net.layout.edges_between(layer)
                    if e[0] not in gone and e[1] not in gone]
            parts.append(net.transition(lambda n, live=live: n.set_edge_style(
                live, color=self.theme.accent, apply=False), run_time=SWEEP_PER_LAYER))
        return Succession(*parts)

    #: the network, then one section step-1 … step-STEPS per training step, run_step(t).
    SECTIONS = sections(section_network, *Section.numbered("step", run_step, STEPS))


def _switch(number: Integer, value: int, at: float = 0.5) -> UpdateFromAlphaFunc:
    """The counter `number` reads `value` from fraction `at` of the animation on (no count
    through the values between, no old digits sliding over new ones)."""
    old = int(number.get_value())
    return UpdateFromAlphaFunc(number, lambda m, a: m.set_value(value if a >= at else old))
