"""One turn of the training loop on a 2-3-2 sigmoid network, every number from gdcore.

The network, input, target and learning rate of the still (gdcore.networks.BACKPROP, whose run()
runs gdcore.nn: forward, cost, backprop, sgd_step). Edge width grows with |w| and its colour says
the sign of w; the edges show one quantity at a time, in the sign colours (blue plus, rust minus),
and the key below always names it, swapped by a fade in the play that changes them (w; none while
the edges rest; ∂J/∂w; Δw; w). Forward: an
ink front runs along the edges (keyed "forward pass" beside the sign key while the forward passes
run), and activations a appear left to right, each circle filled by its a (ACT_FILL_VALUED), each
layer's label (x, a⁽ˡ⁾, then δ⁽ˡ⁾) over its column, clear of its top circle. Error: outputs against
targets (in ink: red is the error's), the cost in its one form, J = ½‖a⁽²⁾ − y‖² (one example,
so the equations sheet's per-example cost Cᵢ is J: the video writes J only, its equations with Cᵢ
written J, and their last layer L written (2), as the layers are labelled). The cost J, in ink,
then leaves
the panel and comes back (fade out, then in: slid, it would cross the layers' labels) parked in the
top left corner until the update's panel leaves. Backward: as the step is named the weights leave
the edges with their key and note, the edges resting (thin, muted: no quantity, no key); the
outputs' error terms δ⁽²⁾ (in the error's red) replace their activations (the key moment: a slow
swap, held DELTA_HOLD s; the label above each layer says which the circles show); the chain rule
∂J/∂w = a·δ is worked on one edge with its numbers (in ink), and that edge takes its gradient
(width ∝ |∂J/∂w|, blue for ∂J/∂w > 0, rust below: the first gradient drawn, its sign key and the
note under the network in the same play) and keeps it; δ flows back to the hidden layer (its rule
set under the worked numbers) behind an ink front keyed "backward pass", the edges it passes
taking their gradients; the front goes on over the first layer's edges as the worked numbers and
that rule give way to every gradient as matrices (in ink, their signs written), while the rule
∂J/∂w = a·δ stays above them until the update: nothing leaves and comes back. Update: as it is
named, the neurons' δ, their labels and red rings and the front's key leave (the update uses the
gradients, not δ); the matrices turn into the changes ΔW⁽ˡ⁾ = −α ∂J/∂W⁽ˡ⁾ (in ink, their signs
written), each with its layer's bias changes Δb⁽ˡ⁾ = −αδ⁽ˡ⁾ set apart under it, under a name of its
own, as the equations write them (never one augmented matrix), one layer's pair at a time in one
place, in the right-hand text column under the worked line (the worked weight's layer first, the
other's after); as the first pair comes the edges turn from the gradients to the changes
themselves: Δw = −α ∂J/∂w, so each keeps its width (∝ |Δw|, the largest change the widest) and its
colour turns to its change's sign, the opposite of its gradient's, the key of ∂J/∂w swapped for Δw
> 0, Δw < 0 in the same play (each edge that changes colour passes through the resting muted grey
at the play's middle, as the keys do through none, never through a mix of blue and rust); the
worked edge is labelled with its w, set in the clear room over
its output neuron, under the layer's heading, a short leader pointing to the edge. Then the weights
after at the weights' scale, where they look much as before (the note gives the largest |Δw|,
0.19), the worked edge's label turned from w into w + Δw in one frame as they start, both written
as in the worked
update. Again: the update's panel and the parked cost fade out piece by piece
(PANEL_OUT); a second forward pass into the empty circles; the cost is lower, both values under
one J (J = 0.543 → 0.340).
Each step's heading (neutral ink) and first equation (gdviz.equations) stand beside the network and
fade into the next step's. The neurons' values, the worked numbers and the gradient matrices carry
WORK_PLACES decimals, so each product or update printed adds up from its printed operands (tested).
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
    LaggedStart,
    Line,
    VGroup,
    Write,
    linear,
)
from manim.utils.color import ManimColor
from manim.utils.rate_functions import smooth, squish_rate_func
from matplotlib.colors import to_hex

from gdcore.networks import BACKPROP
from gdviz import equations, numbers
from gdviz.colors import ACT_FILL_VALUED, mix
from gdviz.manim_theme import TICK_SIZE, ThemedScene, sections
from gdviz.network_layout import LOOP_LAYOUT, sign_color
from gdviz.network_mobject import NetworkMobject
from gdviz.numbers import latex
from gdviz.staging import eased_part, swap
from gdviz.theme import contrast

EX = BACKPROP
SIZES, LR, X, Y = EX.sizes, EX.lr, EX.x, EX.y
#: The network's layout (layout units, the still's: network_layout.LOOP_LAYOUT) at UNIT scene
#: units per layout unit: circles wide enough for a signed value at WORK_PLACES ("−0.142") with
#: VALUE_CLEAR_PX to spare inside the outline (tested).
LAY_W, LAY_H, LAY_R = LOOP_LAYOUT["width"], LOOP_LAYOUT["height"], LOOP_LAYOUT["radius"]
#: The network is the subject: as large as the frame's height allows under the title (its
#: heads, its note and key included, 24 px clear of the frame's bottom), its left edge on the
#: frame's 24 px margin (at 1.0 it took a third of the frame's width, the side panel the rest).
UNIT = 1.22
#: The least room (pixels at 480p) between a neuron's value and the inside of its outline.
VALUE_CLEAR_PX = 2.0
NET_CENTER = np.array([-6.7 + LAY_W * UNIT / 2, -0.2, 0.0])
#: The note under the network and the key under the note: their centres' depth under the
#: lowest circle's bottom (scene units), the two lines close enough for the network to take
#: the frame's height.
NOTE_DROP, KEY_DROP = 0.33, 0.78
#: The furthest right a note may end (scene units: under the gap between the hidden and output
#: columns), a long one set flush left under the network instead of centred.
NOTE_RIGHT = -1.3
#: The right-hand panel (equations, gradients): its centre, and the widest a line of it may
#: be (0.4 clear of the frame's right edge; its left edge 24 px clear of the targets' labels,
#: which the network, drawn large, sets far right).
PANEL_X = 3.9
PANEL_W = 5.5
#: Decimals of every value in the neurons, the worked numbers and the gradient matrices: a
#: product or update written with them gives its printed result (tested), the changes
#: ΔW = −α ∂J/∂W and Δb = −αδ too.
WORK_PLACES = 3
#: A neuron's fill for its activation a: gdviz.colors.ACT_FILL_VALUED. The value's colour is
#: whichever of text and page contrasts more with its fill, at least 7:1 (tested).
W_LO, W_HI = 1.0, 10.0  # edge widths for |w| = 0 and the largest |w| (or |dJ/dw|)
#: An edge's width at rest (muted, no quantity): between the weights and the gradients.
REST_WIDTH = 1.5
#: The output error terms δ⁽²⁾, the backward pass's key moment: seconds of their swap for the
#: activations, and of the hold after it (readable, and slower than the set-up's plays).
DELTA_SWAP, DELTA_HOLD = 1.6, 1.9
#: Seconds in which the edges take their new widths: the changes are small (the largest |Δw| is
#: 0.19), so a longer play would show nothing moving for over 2 s.
UPDATE_TIME = 1.8
#: The change itself drawn on the edges (width ∝ |Δw|, its sign's colour): seconds of the
#: turn from the weights before, and of the hold on it (the update's key moment, read).
CHANGE_TIME, CHANGE_HOLD = 1.5, 1.8
#: The worked update, w := w − α ∂J/∂w on one edge with its numbers, the update's key moment:
#: its size (the largest maths beside the network but the step's first equation: digits 16 px
#: tall at 480p, the matrices' 14; at 40 it overran the frame's margin) and the seconds in
#: which it is written, left to right (slow: a longer hold after it, still, would be dead time,
#: over the video check's 2 s).
WORKED_SIZE, WORKED_IN = 38, 2.0
#: The worked line is wider than the panel on one line (5.8 units, its right end 24 px from
#: the frame's edge and its left end 13 px from y₁'s label): it is broken before its result, one
#: relation a line, the = under the :=, its right end WORKED_EDGE (33 px at 480p) or more in
#: from the frame's.
WORKED_EDGE = 0.55
#: The least size of the panel's maths in the forward and backward passes (the step's rules,
#: the chain rule's numbers): the worked update's, WORKED_SIZE. Set smaller (the forward pass's
#: a = σ(Σ wⱼxⱼ + b), σ(z) = 1/(1 + e⁻ᶻ) shrunk to the panel's width, 29.5), its digits were
#: 11 px tall at 480p and its lower-case letters 8 px. An equation wider than the panel at its
#: size is broken at LINE_BREAK into one relation a line instead of being shrunk.
PANEL_MATHS, LINE_BREAK = WORKED_SIZE, r", \quad "
#: Where the hidden layer's rule δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ σ′(z⁽ˡ⁾) is broken, before its ⊙.
HIDDEN_BREAK = r"\odot "
#: The chain rule ∂J/∂w⁽ˡ⁾ⱼₖ = a⁽ˡ⁻¹⁾ₖ δ⁽ˡ⁾ⱼ, the backward pass's rule, is set at RULE_SIZE: its
#: layer superscripts (l − 1) and (l), set by TeX at SCRIPT of it, have digits 12 px tall at
#: 480p (at 38 they were 11 px, and l and its brackets read as specks beside δ).
RULE_SIZE, SCRIPT = 42, 0.7
#: Seconds of the hidden layer's swap of its activations for its error terms δ: each value fades
#: out, then its δ in, in its place, and the label a⁽¹⁾ likewise into δ⁽¹⁾, while the fills fade
#: to the page (never two numbers in one circle at once).
HIDDEN_SWAP = 1.6
#: Seconds of each layer's backward front, the gradient flowing right to left: the output
#: layer's edges turn to their gradients first, the first layer's after δ⁽¹⁾ is made.
BACK_FLOW = 1.5
#: Seconds in which the update's panel (its equations, the worked line, ΔW and Δb) leaves
#: before the second forward pass: one piece after another, each fading evenly.
PANEL_OUT = 1.2
WORKED = EX.worked  # the edge whose gradient a·δ and update are worked with numbers
#: The page between the sign key and a key right of it (the forward pass's ink front): the sign
#: key's own gap between its items.
FLOW_KEY_GAP = 0.4
#: The labels over the layers (x, a⁽ˡ⁾, then δ⁽ˡ⁾): their size, and the height of their centre
#: over the tallest column's top neuron, so that a⁽¹⁾ stands clear of the circle under it.
HEAD_SIZE, HEAD_GAP = 38, 0.5
#: The least page (scene units; 0.2 = 12 px at 480p) between the worked edge's label and the
#: ink of its edge, drawn at its widest (W_HI), and of its neurons' outlines.
EDGE_LABEL_GAP = 0.2
#: The worked edge's label stands in the clear room over its output neuron, right of the
#: layer's heading column and under it (set in the fan of edges just above the edge, it read as
#: crossed by them): its lower left corner LABEL_AT (scene units) from that neuron's centre, a
#: short leader from its left end to the edge at LEADER_AT of its length, stopping LEADER_GAP
#: short of the label and of the edge's ink.
LABEL_AT, LEADER_AT, LEADER_GAP = np.array([-0.15, 0.9, 0.0]), 0.7, 0.08
#: Cairo's stroke width unit, in scene units.
STROKE_UNIT = 0.01
#: The number of the last layer: the equations' L, written as the layers are labelled.
OUT = len(SIZES) - 1
#: The gradient and update matrices are set at this scale, their entries at MATRIX_FONT once
#: scaled: digits 14.6 px tall at 480p (TICK_SIZE's 12.9 px read as small print beside the
#: equations, the numbers the matrices are there to show; larger, the update's two rows no
#: longer fit between the targets' labels and the frame's edge).
MATRIX_SCALE, MATRIX_FONT = 0.7, 34
#: Distance between the centres of the gradient matrices' columns (before MATRIX_SCALE): the
#: wider one within PANEL_W, its signed entries 16 px apart.
GRAD_H_BUFF = 1.75
#: Distance between the centres of the ΔW matrices' columns (before MATRIX_SCALE): signed
#: entries ("−0.183 −0.092") a clear space apart (tested).
DW_H_BUFF = 1.72
#: The update's pairs: the size of their names (ΔW⁽ˡ⁾ =, Δb⁽ˡ⁾ =), the page between each ΔW and
#: its Δb under it (set apart, each under a name of its own, the = signs on one vertical: the
#: two never read as one augmented matrix [ΔW | Δb]), and their right edge's least distance
#: from the frame's (33 px at 480p, as the worked line's: at 0.405 a few pixels of the column
#: reached 24 px from the edge).
DW_LABEL, DW_DB_GAP, DW_EDGE = 28, 0.3, 0.55
#: The update's matrices are set at this scale (their entries at DW_FONT once scaled: digits
#: 14.1 px tall at 480p): one layer's row, ΔW and Δb with their names, is shown at a time (two
#: rows with the equations, the worked line, the network and its key were too much at once),
#: each in the same place beside the network.
DW_SCALE, DW_FONT = 0.66, 33
#: The distance between the centres of the update matrices' rows (before DW_SCALE).
DW_V_BUFF = 0.55
#: The page between an output's circle and its target's label.
TARGET_GAP = 0.2
#: The parked cost's distance from the frame's top and left edges (36 px at 480p).
PARK_BUFF = 0.6
#: The least page (scene units; 0.4 = 24 px at 480p, a line of the notes' text) between the
#: update's pairs and the words around them: the worked update line above, the targets' labels
#: left of them (the pairs stand in the right-hand text column; set under y₂, wider, a row's
#: name began 10 px after the end of the note under the network).
ROW_CLEAR = 0.4
#: The part of a play between an old label or number fading out and its replacement fading in,
#: in one place (the note under the network, the layers' labels, the hidden values turning into
#: their δ): the old one is gone before the new one shows (swapped at the middle, both were
#: seen faintly in one frame; rolled over, in the same circle for a third of a second).
OUT_IN_GAP = 0.1
#: The gradient's symbol, as its sign key and the note write it.
GRAD = r"\partial J/\partial w"


def activation_look(theme, a) -> tuple[list[str], list[str]]:
    """(fills, value colours) of neurons showing activations a (ACT_FILL_VALUED), as hex
    strings."""
    lo, hi = ACT_FILL_VALUED[theme.name]
    fills = [to_hex(c) for c in mix(theme.background, theme.text,
                                    lo + (hi - lo) * np.clip(np.ravel(a), 0.0, 1.0))]
    inks = [max((theme.text, theme.background), key=lambda c, f=f: contrast(c, f))
            for f in fills]
    return fills, inks


def out_then_in(old, new, gap: float = OUT_IN_GAP) -> list:
    """`old` fades out over the first part of a play, `new` fades in over the last, the
    middle `gap` of it between them: never two words or numbers seen in one place at once."""
    mid = 0.5
    return [FadeOut(old, rate_func=eased_part(0.0, mid - gap / 2)),
            FadeIn(new, rate_func=eased_part(mid + gap / 2, 1.0))]


class BackpropLoop(ThemedScene):

    @classmethod
    def captions(cls):
        r = EX.run()
        p = WORK_PLACES

        def t(v, places=p):
            return numbers.text(float(v), places)

        def pair(values, places=p):
            return " and ".join(t(v, places) for v in values)

        (la, ka), (ld, jd) = WORKED
        a, d = r["acts"][la][ka], r["delta"][ld - 1][jd]
        g = r["grad_W"][la][jd, ka]
        w0, w1 = r["net"].weights[la][jd, ka], r["new"].weights[la][jd, ka]
        dw = max(float(np.abs(new - old).max())
                 for old, new in zip(r["net"].weights, r["new"].weights))
        sizes = "–".join(numbers.count(n) for n in SIZES)
        return {
            "forward": f"A {sizes} network, edges as wide as their weights. Forward pass: the "
                       f"inputs {pair(r['acts'][0], None)} flow through to the outputs, "
                       f"{pair(r['acts'][-1])}.",
            "error": f"Against the targets {pair(Y, 2)}, the cost is J = "
                     f"{t(r['loss_before'])}.",
            "backward": (f"Backward pass: the outputs' error terms δ, {pair(r['delta'][-1])}; "
                         f"one edge's gradient is {t(a)} × {t(d)} = {t(g)}.",
                         "The error terms flow back to the hidden layer; every edge takes "
                         "its gradient, as wide as it is large, blue where it is positive, "
                         "rust where negative."),
            "update": f"Update: each weight moves by minus α = {numbers.text(LR)} times its "
                      f"gradient, the worked one from {t(w0)} to {t(w1)}. The edges show the "
                      f"changes, the largest {numbers.text(dw, 2)}, then the new weights.",
            "again": f"Forward again with the new weights: the outputs, "
                     f"{pair(r['new_acts'][-1])}, move towards the targets, and J falls from "
                     f"{t(r['loss_before'])} to {t(r['loss_after'])}.",
        }

    def setup(self):
        super().setup()
        self.r = EX.run()
        W0, W1 = self.r["net"].weights, self.r["new"].weights
        self.wtop = max(float(np.abs(m).max()) for m in (*W0, *W1))  # one scale, as the still
        self.delta_W = [b - a for a, b in zip(W0, W1)]  # gdcore's update, w_new - w
        #: the largest change, written for people (the note after the update says it)
        self.dw_top = latex(max(float(np.abs(d).max()) for d in self.delta_W), 2)
        self.eq = self.head = None

    # -- pieces ---------------------------------------------------------------------------------
    def sign_colours(self, values):
        return [ManimColor.from_rgb(sign_color(self.theme, v)) for v in values]

    def rest_style(self):
        """Every edge at rest, showing no quantity (between the weights and the gradients): a
        thin line in the muted grey, REST_WIDTH wide."""
        return dict(width=REST_WIDTH, color=self.theme.muted)

    def weight_style(self, mats):
        """Edge widths ∝ |w| (one scale before and after) and colours by the sign of w."""
        v = self.net.edge_values(mats)
        return dict(width=self.net.widths(v, self.wtop, W_LO, W_HI), color=self.sign_colours(v))

    def equation(self, key, size=36, extra=None, one_example=True) -> VGroup:
        """The equation `key` (with an optional line below), placed under the step's heading:
        its last layer L written OUT, as the layers are labelled, and (`one_example`, once the
        video has said n = 1, so J = Cᵢ) its per-example cost Cᵢ written J."""
        latex_ = equations.tex_numbered(key, OUT, one_example)
        eq = self.tex(latex_, size)
        if eq.width > PANEL_W and LINE_BREAK in latex_:
            # too wide at its size: one relation a line, each left-aligned, never shrunk
            eq = VGroup(*(self.tex(part, size) for part in latex_.split(LINE_BREAK)))
            eq.arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        if eq.width > PANEL_W:
            eq.scale_to_fit_width(PANEL_W)
        group = VGroup(eq) if extra is None else VGroup(eq, extra).arrange(DOWN, buff=0.3)
        group.move_to([PANEL_X, 1.55, 0])
        if group.get_top()[1] > 2.3:  # a tall group hangs from below the step's heading
            group.shift((2.3 - group.get_top()[1]) * UP)
        return group

    def show_equation(self, key, size=36, extra=None):
        """Swap the panel's equation for the equation `key` (with an optional line below)."""
        group = self.equation(key, size, extra)
        if self.eq is not None:  # one after the other: never two at once
            self.play(FadeOut(self.eq, shift=0.2 * UP), run_time=0.4)
        self.play(FadeIn(group, shift=0.2 * UP), run_time=0.6)
        self.eq = group

    def show_step(self, s, *also, eq=None, anims=()):
        """The step's heading (neutral ink) with its first equation (`eq`: the arguments of
        equation()): the previous heading, its equation and `also` fade out over the first
        0.6 s and the new ones fade in over the next 0.6 s of one play (with `anims`), so the
        panel is never left empty and no heading is ever drawn over a formula."""
        head = self.text(s, 30).move_to([PANEL_X, 2.75, 0])
        old = [m for m in (self.head, self.eq, *also) if m is not None]
        self.eq = None if eq is None else self.equation(*eq)
        new = VGroup(head, *([] if self.eq is None else [self.eq]))
        if old:
            self.play(*swap(VGroup(*old), new), *anims, run_time=1.2)
        else:
            self.play(FadeIn(new), *anims, run_time=0.6)
        self.head = head

    def set_note(self, words, color):
        """The line under the network saying what the edges show (the old one out, then the
        new one in)."""
        note = self.mixed(words, 24, color)
        note.move_to([NET_CENTER[0], self.net.layer_bottom() - NOTE_DROP, 0])
        # centred under the network; a long note set flush with its left edge instead, so that
        # it ends under the network's middle, clear of the update's rows beside it
        if note.get_right()[0] > NOTE_RIGHT:
            note.align_to(self.net.neuron_group, LEFT)
        old, self.note = getattr(self, "note", None), note
        return [FadeIn(note)] if old is None else out_then_in(old, note)

    def set_head(self, l, s, color):
        """The label above layer l saying what its circles show (a, then δ)."""
        head = self.tex(s, HEAD_SIZE, color).move_to([self.net.point(l, 0)[0], self.head_y, 0])
        old = self.heads.get(l)
        self.heads[l] = head
        if old is None:
            return [FadeIn(head, shift=0.15 * DOWN)]
        return out_then_in(old, head)

    def morph_head(self, l, s, color):
        """The label above layer l turned into `s` (a⁽ˡ⁾ into δ⁽ˡ⁾): the old one fades out
        whole, then the new one in (out_then_in)."""
        head = self.tex(s, HEAD_SIZE, color).move_to([self.net.point(l, 0)[0], self.head_y, 0])
        old, self.heads[l] = self.heads[l], head
        return out_then_in(old, head)

    def morph_values(self, per_layer, l, places, color=None):
        """Each number in layer l's circles turned into its replacement: the old one fades out
        whole, then the new one in, in its place (out_then_in: rolled over, the two were seen
        together in the same circle)."""
        old = [self.net.values[n] for n in self.net.layer_neurons(l)]
        new = self.net.add_values(per_layer, [l], places=places, color=color)
        return [anim for a, b in zip(old, new) for anim in out_then_in(a, b)]

    def swap_values(self, per_layer, l, places, color=None):
        """The numbers in layer l's circles replaced (old ones fade out, new ones in)."""
        old = VGroup(*(self.net.values[n] for n in self.net.layer_neurons(l)))
        new = self.net.add_values(per_layer, [l], places=places, color=color)
        return swap(old, new)

    def input_values(self, x) -> VGroup:
        """The inputs written in their circles as people write them (1 and 0.5, not 1.000 and
        0.500): each with the decimals numbers.latex gives it, no more."""
        net, out = self.net, VGroup()
        for n, v in zip(net.layer_neurons(0), np.ravel(x)):
            s = latex(float(v))
            per_layer = [[float(v)] * SIZES[0]] + [None] * (len(SIZES) - 1)
            # the whole layer written at this value's decimals, this neuron's label kept
            net.add_values(per_layer, [0], places=len(s.split(".")[1]) if "." in s else 0)
            out.add(net.values[n])
        for n, num in zip(net.layer_neurons(0), out):
            net.value_group.remove(net.values[n])
            net.values[n] = num
            net.value_group.add(num)
        return out

    def fill_layer(self, acts, l, run_time=0.5, **kwargs):
        fills, _ = activation_look(self.theme, acts[l])
        return self.net.transition(lambda n: n.set_neuron_style(n.layer_neurons(l), fill=fills,
                                                                apply=False), run_time=run_time,
                                   **kwargs)

    def act_values(self, acts, l) -> VGroup:
        """Layer l's activations written in its circles, each in the ink its fill needs."""
        labels = self.net.add_values(acts, [l], places=WORK_PLACES)
        for num, ink in zip(labels, activation_look(self.theme, acts[l])[1]):
            num.set_color(ink)
        return labels

    def beside_sign_key(self, key: VGroup, symbol: str = "w") -> VGroup:
        """`key` (a swatch and its name) on the line of the sign key of `symbol`, right of it
        (under the sign key there is no room above the frame's margin), swatches on one
        line."""
        sign = self.sign_key(symbol)
        key.next_to(sign, RIGHT, buff=FLOW_KEY_GAP)
        return key.shift((sign[0][0].get_y() - key[0].get_y()) * UP)

    def flow_key(self, words: str = "forward pass", symbol: str = "w") -> VGroup:
        """The key of a pass's ink front, beside the sign key of `symbol`: a swatch of the
        front's colour and its name."""
        t = self.theme
        key = VGroup(Line(LEFT, RIGHT, stroke_width=6, color=t.text).scale(0.22),
                     self.text(words, 26, t.muted)).arrange(RIGHT, buff=0.12)
        return self.beside_sign_key(key, symbol)

    def forward_pass(self, acts, per_layer=0.9):
        """A wave left to right in ink, keyed as it first runs (self.fkey, beside the sign
        key); each layer's activations appear as the wave reaches it."""
        t, net = self.theme, self.net
        self.fkey = self.flow_key()
        for l in range(len(SIZES) - 1):
            self.play(net.layer_flow(l, color=t.text, run_time=per_layer),
                      *([FadeIn(self.fkey)] if l == 0 else []))
            labels = self.act_values(acts, l + 1)
            # the fills come first, then the numbers in the ink each fill needs: never dark
            # numerals half faded in over a disc still near the page's colour
            self.play(FadeIn(labels, rate_func=squish_rate_func(smooth, 0.4, 1.0)),
                      self.fill_layer(acts, l + 1, rate_func=squish_rate_func(smooth, 0.0, 0.6)),
                      *self.set_head(l + 1, rf"a^{{({l + 1})}}", t.text), run_time=0.6)
            self.wait(0.3)

    def matrix(self, l, values, label, colours, places=WORK_PLACES, h_buff=GRAD_H_BUFF,
               v_buff=0.75, label_size=32, scale=MATRIX_SCALE, font=MATRIX_FONT):
        """label = [values], entries coloured (at `font` once set at `scale`)."""
        m = DecimalMatrix(values, element_to_mobject_config={
            "num_decimal_places": places, "font_size": font / scale},
            h_buff=h_buff, v_buff=v_buff, bracket_config={"color": self.theme.text})
        for entry, c in zip(m.get_entries(), colours):
            entry.set_color(c)
        m.scale(scale)
        lab = self.tex(label, label_size)
        return VGroup(lab, m).arrange(RIGHT, buff=0.2)

    # -- sections -------------------------------------------------------------------------------
    def section_forward(self):
        t, r = self.theme, self.r
        title = self.text("One turn of the training loop", 34).to_edge(UP, buff=0.42)
        net = NetworkMobject(t, SIZES, LAY_W, LAY_H, radius=LAY_R, unit=UNIT,
                             center=NET_CENTER)
        self.net = net
        net.set_edge_style(**self.weight_style(r["net"].weights))
        top = max(float(net.neuron(l, 0).get_top()[1]) for l in range(len(SIZES)))
        self.head_y, self.heads = top + HEAD_GAP, {}
        key = self.key = self.sign_key("w")
        self.play(Write(title), run_time=0.8)
        self.play(Create(net.edge_group), FadeIn(net.neuron_group), FadeIn(key),
                  *self.set_note(r"edge width $\propto |w|$", t.muted), run_time=1.5)
        self.show_step("1  Forward pass", eq=("sigmoid-neuron", PANEL_MATHS))
        inputs = self.input_values(r["acts"][0])
        self.play(FadeIn(inputs), *self.set_head(0, "x", t.muted))
        self.forward_pass(r["acts"])
        self.title = title

    def section_error(self):
        t, r, net = self.theme, self.r, self.net
        # one example (n = 1): the equations sheet's per-example cost Cᵢ is J itself, written
        # J only, in its one form J = ½‖a⁽²⁾ − y‖², here as in the second forward pass
        self.loss0 = self.tex(rf"J = {r['loss_before']:.3f}", 40, t.text)
        self.show_step("2  Error at the output", self.fkey,
                       eq=("per-example-cost", 38, self.loss0))
        out = len(SIZES) - 1
        targets = VGroup()
        for k in range(SIZES[-1]):
            # a target is a label, written as one (0, 1), not as a measurement (0.00, 1.00)
            lab = self.tex(rf"y_{k + 1} = {numbers.latex(float(Y[k]))}", 32, t.text)
            lab.next_to(net.point(out, k), RIGHT, buff=net.radius + TARGET_GAP)
            targets.add(lab)
        self.play(FadeIn(targets, shift=0.2 * LEFT),
                  net.transition(lambda n: n.set_neuron_style(n.layer_neurons(out),
                                                              stroke=t.error, stroke_width=4)))
        self.wait(1.5)
        self.targets = targets

    def section_backward(self):
        t, r, net = self.theme, self.r, self.net
        # the cost stays in view, parked in the top left corner, until the second pass
        # the cost leaves the panel and comes back in the corner, one after the other: slid
        # there, it would pass over the layers' labels and the title
        self.eq.remove(self.loss0)
        parked = self.loss0.copy().scale(0.8).to_corner(UP + LEFT, buff=PARK_BUFF)
        self.play(*swap(self.loss0, parked), run_time=0.8)
        self.loss0 = parked
        # the weights leave the edges with their key and note as the step is named: the edges
        # rest (no quantity) until each takes its gradient, never a weight beside a gradient
        self.show_step("3  Backward pass", self.key, self.note, eq=("backprop-delta", 40),
                       anims=[net.transition(lambda n: n.set_edge_style(**self.rest_style()))])
        self.key = self.note = None
        out = OUT
        deltas = [None, *r["delta"]]
        # the key moment: the outputs' error terms δ⁽²⁾ take the place of their activations,
        # slower than the set-up and held to be read
        self.play(*self.swap_values(deltas, out, 3, t.error),
                  *self.set_head(out, rf"\delta^{{({out})}}", t.error),
                  net.transition(lambda n: n.set_neuron_style(n.layer_neurons(out),
                                                              fill=t.background)),
                  run_time=DELTA_SWAP)
        self.wait(DELTA_HOLD)
        # the chain rule on one edge; its formula stays until the update, its numbers until
        # every gradient is made, and the worked edge stays red: it is the first gradient drawn
        self.worked_edge(deltas)
        self.caption_next()
        # at the panel's least size, in two lines broken before its ⊙ (on one line, at this
        # size, it is wider than the panel and reaches left onto y₂'s line, 10 px from its label)
        first, rest = equations.tex("backprop-hidden").split(HIDDEN_BREAK)
        # ({} before the ⊙ keeps a binary operator's spaces round it at the line's start)
        hidden = VGroup(self.tex(first, PANEL_MATHS),
                        self.tex("{}" + HIDDEN_BREAK + rest, PANEL_MATHS))
        hidden.arrange(DOWN, buff=0.2, aligned_edge=RIGHT)
        hidden.next_to(self.eq, DOWN, buff=0.4).set_x(PANEL_X)
        self.hidden_rule = hidden
        self.play(FadeIn(hidden, shift=0.2 * UP), run_time=0.8)
        gw = r["grad_W"]
        g_widths = net.widths(net.edge_values(gw), None, W_LO, W_HI)
        # the backward front runs in ink as the forward one did (red is the error terms', and
        # a red front over a rust edge read as a third colour), keyed beside the sign key
        self.bkey = self.flow_key("backward pass", GRAD)
        for l in range(out - 1, 0, -1):
            # the gradient flows right to left: each edge takes its gradient (width ∝
            # |∂J/∂w|, its sign's colour) as the front passes over it
            self.play(net.layer_flow(l, backward=True, color=t.text, run_time=BACK_FLOW),
                      self.grad_edges(l, g_widths),
                      *([FadeIn(self.bkey)] if l == out - 1 else []), run_time=BACK_FLOW)
            # each activation gives way to its δ, a⁽ˡ⁾ to δ⁽ˡ⁾, in one play: out, then in
            self.hidden_morph = [*self.morph_values(deltas, l, WORK_PLACES, t.error),
                                 *self.morph_head(l, rf"\delta^{{({l})}}", t.error)]
            self.play(*self.hidden_morph,
                      net.transition(lambda n, l=l: n.set_neuron_style(
                          n.layer_neurons(l), fill=t.background, stroke=t.error,
                          stroke_width=4)), run_time=HIDDEN_SWAP)
        self.wait(0.8)
        mats = VGroup(*(self.matrix(l, gw[l], rf"\frac{{\partial J}}{{\partial W^{{({l + 1})}}}} =",
                                    [t.text] * gw[l].size) for l in range(len(gw))))
        mats.arrange(DOWN, buff=0.35, aligned_edge=LEFT).move_to([PANEL_X, -1.55, 0])
        # the one worked gradient and the hidden layer's rule give way to every gradient, under
        # the rule that made them (kept: it is one formula for all of them)
        worked = self.eq[1]
        self.eq.remove(worked)
        mats.shift((self.eq.get_bottom()[1] - 0.35 - mats.get_top()[1]) * UP)
        # the front goes on to the first layer's edges, which take their gradients' widths
        self.play(net.layer_flow(0, backward=True, color=t.text, run_time=BACK_FLOW),
                  self.grad_edges(0, g_widths),
                  *swap(VGroup(hidden, worked), mats), run_time=BACK_FLOW)
        self.wait(1.5)
        self.mats = mats

    def grad_edges(self, l, g_widths):
        """The edges from layer l to l + 1 turn from rest to their gradients (width ∝
        |∂J/∂w|, the colour of its sign) behind a backward front of the same play
        (layer_flow): still while the front nears them, then in step with the lit tail
        passing over them."""
        net = self.net
        ids = net.layout.edges_between(l)
        k = [net._e_index[e] for e in ids]
        widths = [g_widths[i] for i in k]
        colours = self.sign_colours(net.edge_values(self.r["grad_W"])[k])
        return net.transition(lambda n: n.set_edge_style(ids, color=colours,
                                                         width=widths, apply=False),
                              rate_func=squish_rate_func(smooth, 1 / 3, 1.0))

    def worked_edge(self, deltas):
        """The chain rule on one edge: ∂J/∂w = a·δ with the numbers of the two circles. The
        edge takes its gradient (as every edge will: width ∝ |∂J/∂w|, the colour of its sign)
        and keeps it; the neuron whose a it uses is ringed until its own δ replaces that a."""
        t, r, net = self.theme, self.r, self.net
        (la, ka), (ld, jd) = WORKED
        a, d = float(r["acts"][la][ka]), float(deltas[ld][jd])
        g = float(r["grad_W"][la][jd, ka])
        p = WORK_PLACES
        work = VGroup(
            self.tex(rf"\frac{{\partial J}}{{\partial w^{{({ld})}}_{{{jd + 1}{ka + 1}}}}}"
                     rf" = a^{{({la})}}_{{{ka + 1}}}\,\delta^{{({ld})}}_{{{jd + 1}}}", PANEL_MATHS,
                     t.text),
            self.tex(rf"= {a:.{p}f} \times {d:.{p}f} = {g:.{p}f}", PANEL_MATHS, t.text),
        ).arrange(DOWN, buff=0.15)
        work[1].align_to(work[0][0], LEFT).shift(0.6 * RIGHT)
        self.work = work
        self.show_equation("backprop-grad", RULE_SIZE, work)
        # the first gradient on the edges, drawn as all will be (width ∝ |∂J/∂w|, blue plus,
        # rust minus): its sign key and the note come with it, in the same play
        self.key = self.sign_key(GRAD)
        g_width = net.widths(net.edge_values(r["grad_W"]), None, W_LO, W_HI)[
            net._e_index[WORKED]]
        self.play(net.transition(lambda n: (
            n.set_edge_style([WORKED], color=self.sign_colours([g]), width=[g_width],
                             apply=False),
            n.set_neuron_style([WORKED[0]], stroke=t.text, stroke_width=5, apply=False)),
            run_time=1.0), FadeIn(self.key),
            *self.set_note(r"edge width $\propto |\partial J/\partial w|$", t.muted),
            run_time=1.0)
        self.wait(1.6)

    def section_update(self):
        t, r, net = self.theme, self.r, self.net
        # the changes as written: −α times the gradients and error terms as printed, so that
        # each entry is the product of the numbers on screen (the exact −0.1833 printed −0.183
        # beside −2 × 0.092)
        dW, db = EX.printed_update(WORK_PLACES)
        alpha = self.tex(rf"\Delta W = -\alpha\, \delta\, a^\top, \quad \Delta b = -\alpha\,"
                         rf" \delta, \quad \alpha = {LR:g}", 32)
        # the error terms δ have made the gradients: they leave with their labels and the
        # neurons' red rings as the update is named (the update uses the gradients on the edges
        # and in the matrices, not the δ, which would stand in the circles meaning nothing)
        hidden_out = [n for n in net.neuron_ids if n[0] > 0]
        spent = VGroup(*(net.values.pop(n) for n in hidden_out),
                       *(self.heads.pop(l) for l in range(1, len(SIZES))))
        for n in spent[:len(hidden_out)]:
            net.value_group.remove(n)
        self.show_step("4  Update weights and biases", spent, self.bkey, eq=("update-w", 40, alpha),
                       anims=[net.transition(lambda n: n.set_neuron_style(
                           hidden_out, fill=t.background, stroke=t.muted, stroke_width=2.5))])
        # the gradients turn into the changes they cause, each layer's bias changes Δb = −αδ
        # beside its ΔW: in ink, their signs written (the sign colours are the weights' own)
        # each named as the equations write it, ΔW⁽ˡ⁾ = … and Δb⁽ˡ⁾ = …, set apart
        new_mats = VGroup()
        look = dict(v_buff=DW_V_BUFF, label_size=DW_LABEL, scale=DW_SCALE, font=DW_FONT)
        for l in range(len(dW)):
            row = VGroup(self.matrix(l, dW[l], rf"\Delta W^{{({l + 1})}} =",
                                     [t.text] * dW[l].size, h_buff=DW_H_BUFF, **look),
                         self.matrix(l, db[l][:, None], rf"\Delta b^{{({l + 1})}} =",
                                     [t.text] * db[l].size, **look))
            # Δb under ΔW, a clear gap between, their names' = signs on one vertical
            row[1].next_to(row[0], DOWN, buff=DW_DB_GAP)
            row[1].shift((row[0][0].get_right()[0] - row[1][0].get_right()[0]) * RIGHT)
            new_mats.add(row)
        # one layer's pair at a time, each in the same place: in the right-hand text column,
        # a clear line (ROW_CLEAR) under the worked update line and right of the targets'
        # labels, far from the note under the network (beside it, under y₂, the row's name
        # began 10 px after the note's end); its right edge DW_EDGE in from the frame's, as
        # far from y₂'s label as it goes, the ΔW names on one line (tested)
        (la, ka), (_, jd) = WORKED
        line = self.worked_line()
        for row in new_mats:
            row.shift((7.111 - DW_EDGE - row.get_right()[0]) * RIGHT)
        ceiling = line.get_bottom()[1] - ROW_CLEAR
        names_y = min(ceiling - (row.get_top()[1] - row[0][0].get_y()) for row in new_mats)
        for row in new_mats:
            row.shift((names_y - row[0][0].get_y()) * UP)
        # the worked weight's layer first, with its worked line; the other layer's after. The
        # edges turn from the gradients to the changes in the same play: Δw = −α ∂J/∂w, so each
        # keeps its width (∝ |Δw|, the largest change the widest) and takes the colour of its
        # change's sign (blue plus, rust minus), the key of ∂J/∂w giving way to the key of Δw
        # (the sign key's colours, so never beside the key of w)
        order = [la, *(l for l in range(len(dW)) if l != la)]
        old, self.key = self.key, self.sign_key(r"\Delta w")
        self.play(*swap(self.mats, new_mats[order[0]], shift=0.2 * DOWN),
                  net.transition(lambda n: n.set_edge_style(**self.change_style()),
                                 via=t.muted, run_time=CHANGE_TIME),
                  *swap(old, self.key),
                  *self.set_note(r"edge width $\propto |\Delta w|$", t.text),
                  run_time=CHANGE_TIME)
        self.dmats, self.dmat_shown = new_mats, new_mats[order[0]]
        # the worked edge: its weight, its change, its new weight
        w0, w1 = float(r["net"].weights[la][jd, ka]), float(r["new"].weights[la][jd, ka])
        a, b = net.edge(WORKED).get_start_and_end()
        mark = Line(a, b, color=t.text, stroke_width=1.5).set_z_index(0.6)
        tag = self.edge_label(w0)
        self.play(Write(line), FadeIn(mark), FadeIn(tag), FadeIn(self.leader),
                  run_time=WORKED_IN)
        self.wait(CHANGE_HOLD)
        # every other weight likewise: the other layers' changes take the row's place in turn
        for l in order[1:]:
            self.play(*swap(self.dmat_shown, new_mats[l], shift=0.2 * DOWN), run_time=1.0)
            self.dmat_shown = new_mats[l]
            self.wait(0.8)
        # then the weights after, at the scale of the weights before (the changes are small),
        # the key of w back with them; the worked edge's label turns from w into w + Δw
        # (written as in the worked line) in one frame as they start: never a label without
        # its number, nor the note "after" beside the old weight
        new_num = self.place_number(w1, tag[0])
        self.remove(tag[1])
        self.add(new_num)
        self.tag_before, tag = tag[1], VGroup(tag[0], new_num)
        old, self.key = self.key, self.sign_key("w")
        self.play(net.transition(lambda n: n.set_edge_style(
            **self.weight_style(r["new"].weights)), via=t.muted, run_time=UPDATE_TIME),
            *swap(old, self.key),
            *self.set_note(rf"after: $w + \Delta w$, the largest $|\Delta w| = {self.dw_top}$",
                           t.text))
        self.wait(1.5)
        self.w_line, self.mark, self.tag = line, mark, tag

    def worked_line(self):
        """The worked update, w := w − α ∂J/∂w on the worked edge with its numbers, under the
        update's equations, in two lines (the result under the rule: one line was wider than
        the panel), its right end no nearer the frame's edge than WORKED_EDGE."""
        r, p = self.r, WORK_PLACES
        (la, ka), (_, jd) = WORKED
        w0, w1 = float(r["net"].weights[la][jd, ka]), float(r["new"].weights[la][jd, ka])
        g = float(r["grad_W"][la][jd, ka])
        line = self.tex(rf"w^{{({la + 1})}}_{{{jd + 1}{ka + 1}}} &:= {latex(w0, p)} - {LR:g}"
                        rf" \times {latex(g, p)} \\ &= {latex(w1, p)}", WORKED_SIZE)
        line.next_to(self.eq, DOWN, buff=0.3)
        return line.shift(min(0.0, 7.111 - WORKED_EDGE - line.get_right()[0]) * RIGHT)

    def change_style(self):
        """Edge widths ∝ |Δw| (W_LO for none, W_HI for the largest change), coloured by the sign
        of Δw in the sign colours (one colour, one sign: blue plus, rust minus), keyed Δw."""
        v = self.net.edge_values(self.delta_W)
        return dict(width=self.net.widths(v, None, W_LO, W_HI), color=self.sign_colours(v))

    def sign_key(self, symbol: str) -> VGroup:
        """The key of the edges' colours: a swatch each for symbol > 0 and symbol < 0."""
        t = self.theme
        key = VGroup(*(VGroup(Line(LEFT, RIGHT, stroke_width=6,
                                   color=self.sign_colours([s])[0]).scale(0.22),
                              self.tex(rf"{symbol} {w}", 30, t.muted)).arrange(RIGHT, buff=0.12)
                       for s, w in ((1.0, "> 0"), (-1.0, "< 0"))))
        key.arrange(RIGHT, buff=0.4)
        return key.move_to([NET_CENTER[0], self.net.layer_bottom() - KEY_DROP, 0])

    def place_number(self, w: float, sym):
        """w at WORK_PLACES (as in the worked line) after 'w = ', on the symbol's baseline."""
        num = self.tex(latex(w, WORK_PLACES), TICK_SIZE, self.theme.text)
        return num.next_to(sym, RIGHT, buff=0.12).align_to(sym[0][0], DOWN)

    def edge_label(self, w: float) -> VGroup:
        """'w = value' (the value written as in the worked line) for the worked edge, in the
        clear room over its output neuron (LABEL_AT), with its leader (self.leader): a thin
        line in the muted grey from the label's left end down to the edge, LEADER_GAP short of
        both, crossing nothing."""
        t, net = self.theme, self.net
        (la, ka), (_, jd) = WORKED
        sym = self.tex(rf"w^{{({la + 1})}}_{{{jd + 1}{ka + 1}}} =", TICK_SIZE, t.text)
        tag = VGroup(sym, self.place_number(w, sym))
        tag.move_to(net.point(*WORKED[1]) + LABEL_AT, aligned_edge=DOWN + LEFT)
        a, b = (np.asarray(p) for p in net.edge(WORKED).get_start_and_end())
        tip = a + LEADER_AT * (b - a)
        start = tag.get_left() + LEADER_GAP * LEFT
        way = (start - tip) / np.linalg.norm(start - tip)
        # the leader's end LEADER_GAP clear of the edge's ink at its widest
        tip = tip + way * (0.5 * STROKE_UNIT * W_HI + LEADER_GAP)
        self.leader = Line(start, tip, color=t.muted, stroke_width=1.5)
        return tag

    def section_again(self):
        t, r = self.theme, self.r
        # the update's panel leaves one piece after another, top to bottom, each fading evenly
        # (never all of it in one frame), with the worked edge's mark and label; the parked
        # cost of the old weights too: the new pass has its own
        pieces = [self.eq, self.w_line, *self.dmat_shown, self.loss0]
        self.play(LaggedStart(*(FadeOut(m, rate_func=linear) for m in pieces), lag_ratio=0.2),
                  FadeOut(self.mark), FadeOut(self.tag), FadeOut(self.leader),
                  *self.set_note(r"edge width $\propto |w|$", t.muted), run_time=PANEL_OUT)
        self.eq = None
        self.show_step("5  Forward again", eq=("per-example-cost", 38))  # J = ½‖a⁽²⁾ − y‖²
        self.forward_pass(r["new_acts"], per_layer=0.8)
        # one J: the cost before (the parked value's) and after, J = 0.543 → 0.340
        loss1 = self.tex(rf"{r['loss_after']:.3f}", 40, t.good)
        arrow = Arrow(LEFT, RIGHT, color=t.good, buff=0).scale(0.6)
        before = self.tex(rf"J = {r['loss_before']:.3f}", 40, t.text)
        losses = VGroup(before, arrow, loss1).arrange(RIGHT, buff=0.3)
        # between the targets' labels' lines: on y₂'s line it read as that label's next words
        losses.move_to([PANEL_X, np.mean([lab.get_y() for lab in self.targets]), 0])
        was = VGroup(self.text("the cost fell: the outputs", 26, t.good),
                     self.text("moved towards the targets", 26, t.good)).arrange(DOWN, buff=0.12)
        was.next_to(losses, DOWN, buff=0.4)
        # the front's key leaves with the forward pass it keyed
        self.play(FadeIn(before), Create(arrow), FadeIn(loss1), FadeOut(self.fkey))
        self.play(FadeIn(was))
        self.wait(1.5)

    SECTIONS = sections(
        section_forward, section_error, section_backward, section_update, section_again,
    )
