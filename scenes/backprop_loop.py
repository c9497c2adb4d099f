"""One turn of the training loop on a 2-3-2 sigmoid network, every number from gdcore.

The network, input, target and learning rate of the still (gdcore.networks.BACKPROP, whose
run() runs gdcore.nn: forward, loss, backprop, sgd_step). Forward: activations appear left
to right. Error: outputs against targets, the loss. Backward: error terms δ flow right to
left, each edge's width grows with |∂L/∂w| and the gradients are shown as matrices. Update:
the edges change. Again: a second forward pass, the loss is lower (both losses shown).
Each step's equation (gdviz.equations) stands beside the network.
Render alone with: manim -ql scenes/backprop_loop.py BackpropLoop
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Create,
    DecimalMatrix,
    FadeIn,
    FadeOut,
    ReplacementTransform,
    VGroup,
    Write,
)

from gdcore.networks import BACKPROP
from gdviz import equations
from gdviz.colors import mix
from gdviz.manim_theme import ThemedScene, sections
from gdviz.network_mobject import NetworkMobject

EX = BACKPROP
SIZES, LR, X, Y = EX.sizes, EX.lr, EX.x, EX.y
#: The still's layout (layout units) at UNIT scene units per layout unit.
LAY_W, LAY_H, LAY_R, UNIT = 4.8, 3.5, 0.5, 1.2
NET_CENTER = np.array([-4.0, -0.45, 0.0])
PANEL_X = 3.85  # centre of the right-hand panel (equations, gradients)
W_LO, W_HI = 1.0, 10.0  # edge widths for |w| = 0 and the largest |w| (or |dL/dw|)


class BackpropLoop(ThemedScene):

    def setup(self):
        super().setup()
        self.r = EX.run()
        W0, W1 = self.r["net"].weights, self.r["new"].weights
        self.wtop = max(float(np.abs(m).max()) for m in (*W0, *W1))  # one scale, as the still

    # -- pieces ---------------------------------------------------------------------------------
    def weight_widths(self, mats):
        return self.net.widths(self.net.edge_values(mats), self.wtop, W_LO, W_HI)

    def show_equation(self, key, size=36, extra=None):
        """Swap the panel's equation for equations.tex(key) (with an optional line below)."""
        eq = self.tex(equations.tex(key), size)
        if eq.width > 6.2:
            eq.scale_to_fit_width(6.2)
        group = VGroup(eq) if extra is None else VGroup(eq, extra).arrange(DOWN, buff=0.3)
        group.move_to([PANEL_X, 1.55, 0])
        if getattr(self, "eq", None) is not None:  # one after the other: never two at once
            self.play(FadeOut(self.eq, shift=0.2 * UP), run_time=0.4)
        self.play(FadeIn(group, shift=0.2 * UP), run_time=0.6)
        self.eq = group

    def show_step(self, s):
        head = self.text(s, 30, self.theme.accent).move_to([PANEL_X, 2.75, 0])
        if getattr(self, "head", None) is not None:
            self.play(FadeOut(self.head), run_time=0.3)
        self.play(FadeIn(head), run_time=0.4)
        self.head = head

    def fill_layer(self, acts, l, run_time=0.5):
        net = self.net
        return net.transition(lambda n: n.set_activations(acts, layers=[l], strength=0.45),
                              run_time=run_time)

    def forward_pass(self, acts, per_layer=0.9, color=None):
        """Pulses left to right; each layer's activations appear as the pulse reaches it."""
        net = self.net
        for l in range(len(SIZES) - 1):
            self.play(net.layer_flow(l, color=color, run_time=per_layer))
            labels = net.add_values(acts, [l + 1], places=2, font_size=28)
            self.play(FadeIn(labels), self.fill_layer(acts, l + 1), run_time=0.6)
            self.wait(0.3)

    def grad_matrix(self, l, color):
        m = DecimalMatrix(self.r["grad_W"][l], element_to_mobject_config={
            "num_decimal_places": 3, "color": color, "font_size": 40},
            h_buff=1.7, v_buff=0.75, bracket_config={"color": self.theme.text})
        m.scale(0.7)
        lab = self.tex(rf"\frac{{\partial L}}{{\partial W^{{({l + 1})}}}} =", 32)
        return VGroup(lab, m).arrange(RIGHT, buff=0.2)

    # -- sections -------------------------------------------------------------------------------
    def section_forward(self):
        t, r = self.theme, self.r
        title = self.text("One turn of the training loop", 34).to_edge(UP, buff=0.3)
        net = NetworkMobject(t, SIZES, LAY_W, LAY_H, radius=LAY_R, unit=UNIT,
                             center=NET_CENTER, edge_color=mix(t.background, t.muted, 0.6))
        self.net = net
        net.set_edge_style(width=self.weight_widths(r["net"].weights))
        x_lab = self.tex("x", 34, t.muted).next_to(net.neuron(0, 0), UP, buff=0.2)
        width_note = self.text("edge width ∝ |w|", 24, t.muted)
        width_note.move_to([NET_CENTER[0], net.layer_bottom() - 0.35, 0])
        self.play(Write(title))
        self.play(Create(net.edge_group), FadeIn(net.neuron_group), FadeIn(width_note),
                  run_time=1.5)
        self.show_step("1  Forward pass")
        self.show_equation("sigmoid-neuron", 34)
        inputs = net.add_values(r["acts"], [0], places=2, font_size=28)
        self.play(FadeIn(inputs), FadeIn(x_lab), self.fill_layer(r["acts"], 0))
        self.forward_pass(r["acts"])
        self.title, self.width_note = title, width_note

    def section_error(self):
        t, r, net = self.theme, self.r, self.net
        self.show_step("2  Error at the output")
        out = len(SIZES) - 1
        targets = VGroup()
        for k in range(SIZES[-1]):
            lab = self.tex(rf"y_{k + 1} = {Y[k]:.2f}", 32, t.error)
            lab.next_to(net.point(out, k), RIGHT, buff=net.radius + 0.25)
            targets.add(lab)
        self.play(FadeIn(targets, shift=0.2 * LEFT),
                  net.transition(lambda n: n.set_neuron_style(n.layer_neurons(out),
                                                              stroke=t.error, stroke_width=4)))
        self.loss0 = self.tex(rf"L = {r['loss_before']:.3f}", 40, t.error)
        self.show_equation("half-mse-loss", 38, self.loss0)
        self.wait(1.5)
        self.targets = targets

    def section_backward(self):
        t, r, net = self.theme, self.r, self.net
        self.show_step("3  Backward pass")
        out = len(SIZES) - 1
        deltas = [None, *r["delta"]]
        acts_out = VGroup(*(net.values[n] for n in net.layer_neurons(out)))
        self.show_equation("backprop-delta", 36)
        d_out = net.add_values(deltas, [out], places=3, font_size=26, color=t.error)
        self.play(*map(ReplacementTransform, acts_out, d_out),
                  net.transition(lambda n: n.set_neuron_style(n.layer_neurons(out),
                                                              fill=t.background)))
        self.wait(0.8)
        self.show_equation("backprop-hidden", 36)
        for l in range(out - 1, 0, -1):
            self.play(net.layer_flow(l, backward=True, run_time=1.0))
            old = VGroup(*(net.values[n] for n in net.layer_neurons(l)))
            new = net.add_values(deltas, [l], places=3, font_size=26, color=t.error)
            self.play(*map(ReplacementTransform, old, new),
                      net.transition(lambda n, l=l: n.set_neuron_style(
                          n.layer_neurons(l), fill=t.background, stroke=t.error,
                          stroke_width=4)), run_time=0.8)
        self.wait(0.5)
        self.show_equation("backprop-grad", 40)
        gw = r["grad_W"]
        g_widths = net.widths(net.edge_values(gw), None, W_LO, W_HI)
        g_note = self.text("edge width ∝ |∂L/∂w|", 24, t.error).move_to(self.width_note)
        mats = VGroup(self.grad_matrix(0, t.error), self.grad_matrix(1, t.error))
        mats.arrange(DOWN, buff=0.35, aligned_edge=LEFT).move_to([PANEL_X, -1.55, 0])
        self.play(net.transition(lambda n: n.set_edge_style(color=t.error, width=g_widths),
                                 run_time=1.5),
                  ReplacementTransform(self.width_note, g_note), FadeIn(mats))
        self.play(net.backward_flow(pulse=False, per_layer=0.8))
        self.wait(1.5)
        self.mats, self.g_note = mats, g_note

    def section_update(self):
        t, r, net = self.theme, self.r, self.net
        self.show_step("4  Update the weights")
        alpha = self.tex(rf"\alpha = {LR:g}", 36, t.accent)
        self.show_equation("update-W", 40, alpha)
        note = self.text("edge width ∝ |w|, after the update", 24, t.accent)
        note.move_to(self.g_note)
        quiet = mix(t.background, t.muted, 0.6)
        self.play(FadeOut(self.mats), ReplacementTransform(self.g_note, note),
                  net.transition(lambda n: n.set_edge_style(
                      color=quiet, width=self.weight_widths(r["net"].weights)), run_time=1.0))
        self.wait(0.4)
        self.play(net.update_weights(r["new"].weights, self.wtop, t.accent, W_LO, W_HI,
                                     run_time=2.0))
        self.wait(1.0)
        self.note = note

    def section_again(self):
        t, r, net = self.theme, self.r, self.net
        self.show_step("5  Forward again")
        self.show_equation("half-mse-loss", 38)
        hidden_out = [n for n in net.neuron_ids if n[0] > 0]
        old = VGroup(*(net.values[n] for n in hidden_out))
        self.play(*map(FadeOut, old), net.transition(lambda n: n.set_neuron_style(
            hidden_out, fill=t.background, stroke=t.muted, stroke_width=2.5)), run_time=0.6)
        self.forward_pass(r["new_acts"], per_layer=0.8, color=t.data)
        loss1 = self.tex(rf"L = {r['loss_after']:.3f}", 40, t.good)
        arrow = Arrow(LEFT, RIGHT, color=t.good, buff=0).scale(0.6)
        before = self.tex(rf"L = {r['loss_before']:.3f}", 40, t.error)
        losses = VGroup(before, arrow, loss1).arrange(RIGHT, buff=0.3)
        losses.move_to([PANEL_X, -0.9, 0])
        was = VGroup(self.text("the loss fell: the outputs", 26, t.good),
                     self.text("moved towards the targets", 26, t.good)).arrange(DOWN, buff=0.12)
        was.next_to(losses, DOWN, buff=0.4)
        self.play(FadeIn(before), Create(arrow), Write(loss1))
        self.play(FadeIn(was))
        self.wait(2.0)

    SECTIONS = sections(
        section_forward, section_error, section_backward, section_update, section_again,
    )
