"""One weight touches everything after it: a first-layer weight changes, its cone lights up.

The 10-8-8-5 network of the still (gdcore.networks.CONNECTION_TWEAK, the still's: same sizes, seed,
input, connection and nudge). A ValueTracker holds the weight W[0][J, I]; an updater asks gdcore for
|Δa| of every neuron (nn.activation_changes on the fixed input) and fills each neuron, and
tints the edges leaving it, by that change (log scale, as in the still). Neurons outside the
cone have |Δa| = 0 and do not change. The outputs' activations are shown live.
Render alone with: manim -ql scenes/connection_tweak.py ConnectionTweak
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DecimalNumber,
    FadeIn,
    Line,
    ValueTracker,
    VGroup,
    Write,
    smooth,
    there_and_back,
)

from gdcore import nn
from gdcore.networks import CONNECTION_TWEAK
from gdviz.colors import mix
from gdviz.manim_theme import ThemedScene, readout, sections
from gdviz.network_mobject import NetworkMobject

EX = CONNECTION_TWEAK
SIZES, SEED, LAYER, J, I, DELTA = EX.sizes, EX.seed, EX.layer, EX.j, EX.i, EX.delta
X_INPUT, LAYER_NAMES = EX.x_input, EX.layer_names
#: The still's layout (layout units), drawn at UNIT scene units per layout unit.
LAY_W, LAY_H, UNIT = 12.5, 5.6, 0.84
#: The strongest fill of a changed neuron (mix of background -> accent).
STRENGTH = 0.85


class ConnectionTweak(ThemedScene):

    def setup(self):
        super().setup()
        self.base = nn.init_mlp(SIZES, seed=SEED)
        self.w0 = float(self.base.weights[LAYER][J, I])
        self.w = ValueTracker(self.w0)
        self.connection = ((LAYER, I), (LAYER + 1, J))
        self.downstream = nn.downstream(SIZES, LAYER, J, I)
        full = nn.activation_changes(self.base, X_INPUT, LAYER, J, I, DELTA)
        moved = np.concatenate(full)
        moved = moved[moved > 0]
        #: log scale of the fills: eps sets where it starts, top is the largest change at w0+Δ
        self.eps, self.top = 0.3 * float(moved.min()), float(moved.max())

    # -- numbers from gdcore -------------------------------------------------------------------
    def changes(self) -> list[np.ndarray]:
        """|Δa| per layer for the tracker's weight (gdcore.nn.activation_changes)."""
        return nn.activation_changes(self.base, X_INPUT, LAYER, J, I,
                                     self.w.get_value() - self.w0)

    def outputs(self) -> np.ndarray:
        tweaked = self.base.with_weight(LAYER, J, I, self.w.get_value())
        return nn.forward(tweaked, X_INPUT)[-1][0]

    def brightness(self, changes) -> np.ndarray:
        """Per drawn neuron, 0 for no change up to 1 for the largest (log of |Δa|)."""
        d = self.net.neuron_values(changes)
        return np.log1p(d / self.eps) / np.log1p(self.top / self.eps)

    # -- pieces ---------------------------------------------------------------------------------
    def build_net(self):
        t = self.theme
        net = NetworkMobject(t, SIZES, LAY_W, LAY_H, unit=UNIT, center=0.25 * DOWN + 0.5 * LEFT,
                             edge_color=mix(t.background, t.muted, 0.4), edge_width=1.2)
        self.net = net
        names = VGroup()
        for l, n in enumerate(SIZES):
            lab = self.text(f"{n} {LAYER_NAMES[l]}", 24, t.muted)
            lab.move_to([net.point(l, 0)[0], net.layer_bottom() - 0.3, 0])
            names.add(lab)
        return net, names

    def cone_updater(self, net):
        """Fill each neuron (and tint the edges leaving it) by its |Δa| from gdcore."""
        t = self.theme
        b = self.brightness(self.changes())
        net.fill_rgb[:] = mix(t.background, t.accent, STRENGTH * b)
        src = np.array([net._n_index[a] for a, _ in net.edge_ids])
        carry = self.carry_mask
        eb = b[src]
        net.edge_rgb[carry] = mix(self.cone_edge_rgb, t.accent, eb[carry])
        net.edge_width[carry] = self.cone_edge_width + 2.0 * eb[carry]
        net.apply_style()

    # -- sections -------------------------------------------------------------------------------
    def section_network(self):
        t = self.theme
        title = self.text("One weight touches everything after it", 34).to_edge(UP, buff=0.3)
        net, names = self.build_net()
        self.play(Write(title))
        self.play(Create(net.edge_group, lag_ratio=0.002), FadeIn(net.neuron_group), run_time=2)
        self.play(FadeIn(names))
        self.play(net.forward_flow(per_layer=0.6, pulse=False, color=t.muted))
        self.title, self.names = title, names

    def section_highlight(self):
        t, net = self.theme, self.net
        self.play(net.highlight_cone(self.connection, self.downstream, run_time=1.5))
        self.carry_mask = np.array([e in set(net.cone(self.downstream, self.connection[0])[1])
                                    and e != self.connection for e in net.edge_ids])
        self.cone_edge_rgb = net.edge_rgb[self.carry_mask][0].copy()
        self.cone_edge_width = float(net.edge_width[self.carry_mask][0])

        (x0, y0, _), (x1, y1, _) = net.edge(self.connection).get_start_and_end()
        tip = np.array([0.45 * x0 + 0.55 * x1, 0.45 * y0 + 0.55 * y1, 0])
        w_read, w_num = readout("w", self.w0, 3, 32, color=t.accent)
        w_read.next_to(self.title, DOWN, buff=0.25).align_to(net, LEFT).shift(0.6 * RIGHT)
        pointer = Line(w_read.get_bottom() + 0.08 * DOWN, tip, color=t.accent, stroke_width=2)
        w_num.add_updater(lambda d: d.set_value(self.w.get_value()))
        note = self.text("changes: this neuron and every later one", 24, t.accent)
        note.next_to(w_read, RIGHT, buff=0.8)

        outs = VGroup()
        for k in range(SIZES[-1]):
            num = DecimalNumber(self.outputs()[k], num_decimal_places=3, font_size=26,
                                color=t.text)
            num.next_to(net.point(len(SIZES) - 1, k), RIGHT, buff=net.radius + 0.15)
            num.add_updater(lambda d, k=k: d.set_value(self.outputs()[k]))
            outs.add(num)
        a_head = self.tex("a", 30, t.muted).next_to(outs, UP, buff=0.25)
        self.play(Create(pointer), FadeIn(w_read), FadeIn(outs), FadeIn(a_head))
        self.play(FadeIn(note, shift=0.2 * DOWN))
        self.wait(1.0)
        self.w_read, self.outs, self.note = w_read, outs, note

    def section_tweak(self):
        t, net = self.theme, self.net
        net.add_updater(self.cone_updater)
        caption = self.text("fill: how far each activation moved, |Δa| (real forward pass)",
                            24, t.muted)
        caption.to_edge(DOWN, buff=0.2)
        self.play(FadeIn(caption))
        # nudge up and back, then to w + Δ and hold
        self.play(self.w.animate.set_value(self.w0 + 0.5 * DELTA), run_time=2.0,
                  rate_func=there_and_back)
        self.play(self.w.animate.set_value(self.w0 + DELTA), run_time=3.0, rate_func=smooth)
        self.wait(2.0)
        net.remove_updater(self.cone_updater)
        self.cone_updater(net)

    SECTIONS = sections(section_network, section_highlight, section_tweak)
