"""One weight touches everything after it: a first-layer weight changes, its cone lights up.

The 10-8-8-5 network of the still (gdcore.networks.CONNECTION_TWEAK, the still's: same sizes, seed,
input, connection and nudge). A ValueTracker holds the weight W[0][J, I]; everything else on screen
is gdcore's forward pass with the weight the tracker holds, in the same frame: its readout and its
edge, |Δa| of every neuron (nn.activation_changes on the fixed input), which fills each neuron and
tints the edges leaving it (log scale, as in the still), the largest |Δa| of each hidden layer
written over it (on one line), and the outputs' a and Δa. Neurons outside the cone have |Δa| = 0
and do not change. The layers are named with their kind (gdcore's network: sigmoid hidden layers, a
linear output layer, so outputs may leave (0, 1)). The set-up is brief (under 12 s): a wave runs
forward along the edges, said on screen, one layer after the other: a thin pulse along the layer's
edges, then its neurons filled by their activations a from gdcore on a continuous grey ramp (page
to text grey, gdviz.colors.activation_fill), one scale for every layer, its ends at the network's
least and largest a (−1.165 … 1.000, ticked at the round values −1.0 … 1.0): one grey is one value
of a wherever it is seen, and no grey is spent on values no neuron has (on a round −1.5 … 1.0 the
sigmoid hidden layers' a, 0.32 … 0.74, took a sixth of the ramp and read as one grey), said on the
key under the network, the outputs' a written at the end. Then the fills change meaning, before
anything is picked out, in one beat (SWITCH_TIME): the words fade out as the fills fade to the page
at an even pace, layer by layer, while the activations' key gives way to the |Δa| key: a colour bar
(one smooth gradient over a log scale of |Δa|, said on the key, from D_LOW, its left end, written
there, to the largest change) ticked at round powers of ten, gives the fills' scale; a neuron that
does not change stays the page's colour. Then, one readout at a time, the weight w (its edge drawn
on top of all others), the outputs' changes Δa (both columns lined up on the decimal point, the
changes, the key moment's numbers, set larger than the a beside them; a change that rounds to
nothing reads 0.000, unsigned) and a note that the neuron it feeds and every later one change, said
as those neurons and the cone's edges light up, and the hidden layers' largest |Δa|. The weight
then moves one tweak at a time (CONNECTION_TWEAK.tweaks: +0.5, back, +1.0), each said before it is
made: the weight, its edge (whose width follows |w|, seen to grow), every fill and every number
move together, the slowest play of the video (NUDGE_TIME), and nothing else moves (a pulse run
along the cone's edges meanwhile, never named on screen, read as a dark wedge sweeping over
fills that had already changed: the forward pass is instant, every layer follows w at once).
What the outputs did (their largest change, from gdcore) is said after. As the larger nudge
after the first is said, the first nudge's Δa column fades in, in grey beside the live one under
its nudge (at the way back it only repeated the live column); the larger nudge plays quicker
(AGAIN_TIME): its staging is the first's, what is new is its changes beside the first's, and its
words give both largest changes.
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
    FadeOut,
    LaggedStart,
    Line,
    Rectangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    linear,
    smooth,
)
from manim.utils.color import ManimColor

from gdcore import nn
from gdcore.networks import CONNECTION_TWEAK
from gdviz import numbers
from gdviz.colors import activation_fill, mix
from gdviz.manim_blocks import set_number
from gdviz.manim_theme import TICK_SIZE, ThemedScene, readout, sections
from gdviz.network_mobject import NetworkMobject
from gdviz.staging import swap
from gdviz.theme import contrast_mix

EX = CONNECTION_TWEAK
SIZES, SEED, LAYER, J, I, DELTA = EX.sizes, EX.seed, EX.layer, EX.j, EX.i, EX.delta
X_INPUT, LAYER_NAMES = EX.x_input, EX.layer_names
#: The still's layout (layout units), drawn at UNIT scene units per layout unit: three
#: columns of numbers stand right of the outputs (a, Δa, then the first nudge's Δa kept, under
#: its w), each right-aligned (three decimals each: lined up on the decimal point),
#: COLUMN_PITCH and GHOST_PITCH apart: the widest numbers ("−1.165", "+0.020") a clear
#: 24 px and more from the next column (at 1.3 they stood 12 px apart, nearly touching). The
#: network and the table are centred as one group from the first frame (the room on the right
#: is the table's before it comes), the inputs' name and the kept column as far from the
#: frame's edges (more than 24 px at 480p).
LAY_W, LAY_H, UNIT = 12.0, 5.6, 0.66
NET_CENTER = 0.2 * UP + 2.11 * LEFT
A_RIGHT, COLUMN_PITCH, GHOST_PITCH = 1.35, 1.60, 1.60
#: The outputs' table in one size: its numbers all at TABLE_SIZE (digits 16 px tall at 480p),
#: the heads a and Δa at HEAD_SIZE (their letters at least 12 px tall): colour,
#: not size, marks the changes (the accent) and the kept nudge (grey). The hidden layers'
#: largest |Δa| (at TICK_SIZE their digits stood about 10 px tall at 480p, under the 12 px a
#: number read must have).
TABLE_SIZE, HEAD_SIZE, HIDDEN_SIZE = 38, 44, 34
#: The hidden layers' largest |Δa| stand NUM_CLEAR (scene units, 12 px at 480p) above their
#: layers' top neurons (at 0.12 the digits nearly touched the rim).
NUM_CLEAR = 0.2
#: Each hidden layer's "max |Δa| = value" on one line, its centre HIDDEN_SHIFT (scene units,
#: per hidden layer) right of its layer, so the two lines stand a clear 24 px and more apart
#: (centred on their layers, they nearly touched; set in two lines, the value stood alone
#: under its name), the first clear of the weight's pointer at its left
HIDDEN_SHIFT = (0.35, 0.85)
#: The weight's readout (and the tweaks' words beside it) under the title, W_BUFF below it:
#: near the title, leaving the hidden layers' readouts room under it.
W_BUFF = 0.15
A_SIZE = DELTA_SIZE = TABLE_SIZE
#: The kept column's head, w + 0.5, at the other heads' size (its w, like their a, 12 px tall
#: at 480p; at the numbers' size it stood under 11 px), in grey as its column.
GHOST_HEAD_SIZE = HEAD_SIZE
#: The strongest fill of a changed neuron (mix of background -> accent).
STRENGTH = 0.85
#: The forward pass fills a neuron by its a on a continuous grey ramp
#: (gdviz.colors.activation_fill) whose ends are the least and the largest a of the network
#: (a_range), ticked at the round multiples of A_TICK between them, each written as every
#: tick of the book is, in its shortest form (numbers.tick: −1, −0.5, 0, 0.5, 1; the ends once
#: written with three decimals, −1.165 and 1.000, beside a 0.0).
#: Spread over the values shown: on a round −1.5 … 1.0 the sigmoid hidden layers' a (0.32 …
#: 0.74) took a sixth of the ramp and read as one grey. Continuous: in flat bins they fell into
#: two. One scale for every layer: the hidden layers once had a key row of their own under the
#: same greys (0.3 … 0.8), so one grey read as two values.
A_TICK = 0.5
#: The |Δa| scale is logarithmic from D_LOW (its left end, written there; a smaller change, and
#: no change, is the page's colour) to the largest change.
D_LOW = 1e-4
#: Seconds of the fills' change of meaning, one beat: the activations' fills fading to the
#: page at an even pace while the activations' key gives way to the |Δa| key (the one out
#: in the play's first half, the other in in its second: the key is swapped as the fills
#: clear, never left naming fills that have gone).
SWITCH_TIME = 1.8
#: The fills clear layer by layer, input to output, each layer starting CLEAR_LAG of the way
#: into the last one's fade (all at once, the greys, alike, crossed out of sight within two
#: frames).
CLEAR_LAG = 0.35
#: Seconds of the weight's change, with every fill and number following it (the key moment:
#: slower than any play of the set-up) in the first nudge, on the way back, and in the larger
#: nudge after it (shorter: the staging is the first nudge's; what is new, its changes beside
#: the first nudge's kept in grey, is read off the numbers).
NUDGE_TIME, BACK_TIME, AGAIN_TIME = 4.0, 1.2, 1.8
#: The network's resting edges (light page, dark page): a faint grey, mixed this much from the
#: page to the muted grey (on the dark page just as far as EDGE_CONTRAST against it: at a mix
#: of 0.22, 1.5:1, the edges all but vanished at 480p), this wide. On the dark page the dense
#: fans of light lines on black shimmer into a moiré of diamonds: thinner there.
EDGE_MIX, EDGE_WIDTH, EDGE_CONTRAST = (0.4, None), (1.2, 0.9), 3.0
#: The weight's edge is TWEAK_WIDTH wide at w0 and widens by WIDTH_PER_W per unit of |w|: the
#: tweak's one cause, seen to grow (4.8 px at 480p at w0, 7.8 px at w + 0.5, 10.8 at w + 1).
TWEAK_WIDTH, WIDTH_PER_W = 8.0, 10.0


def show_change(number: DecimalNumber, v: float) -> DecimalNumber:
    """Set a change as people write it: +0.005 or −0.020, and a plain 0.000 (no sign) when it
    rounds to nothing at the number's places."""
    number.include_sign = round(v, number.num_decimal_places) != 0
    return set_number(number, v)


def first_nudge(k: int) -> float | None:
    """The offset of the first nudge before tweak k (1-based), if there was one."""
    return next((o for o in EX.tweaks[:k - 1] if o), None)


def largest_move(offset: float) -> str:
    """The outputs' largest change at w0 + offset (gdcore), as written: 0.020."""
    return numbers.text(float(np.abs(EX.output_changes(offset)).max()), 3)


def tweak_says(k: int, offset: float, w0: float) -> tuple[str, str]:
    """The words of tweak k (w0 + offset): what it does to w, then what the outputs did (their
    largest change, from gdcore; after a first nudge, beside that nudge's)."""
    if offset == 0:
        return (f"{k}. back to $w = {numbers.latex(w0, 3)}$",
                r"the outputs return: every $\Delta a = 0$")
    moved, first = largest_move(offset), first_nudge(k)
    if first is None:
        then = f"outputs move by up to {moved}"
    else:
        then = (f"outputs move by up to {moved} ({largest_move(first)} at "
                f"$w + {numbers.latex(first, 1)}$)")
    return f"{k}. nudge: $w + {numbers.latex(offset, 1)}$", then


def a_range(acts) -> tuple[float, float]:
    """The grey ramp's ends: the least and the largest of the activations acts (a list of
    layers)."""
    return (min(float(np.min(a)) for a in acts), max(float(np.max(a)) for a in acts))


def a_ticks(lo: float, hi: float, tick: float = A_TICK) -> list[float]:
    """The key's ticks on a bar from a = lo to hi: the multiples of `tick` inside it (its ends
    included where they are round)."""
    inner = range(int(np.ceil(lo / tick - 1e-9)), int(np.floor(hi / tick + 1e-9)) + 1)
    return [float(round(k * tick, 9)) for k in inner]


class ConnectionTweak(ThemedScene):

    @classmethod
    def captions(cls):
        w0 = float(nn.init_mlp(SIZES, seed=SEED).weights[LAYER][J, I])
        sizes = "–".join(numbers.count(n) for n in SIZES)

        def tweak(k, offset):
            if offset == 0:
                return (f"The weight goes back to {numbers.text(w0, 3)}, and every output returns "
                        f"to its old value.")
            moved, first = largest_move(offset), first_nudge(k + 1)
            if first is None:
                return (f"The weight is nudged, +{numbers.text(offset, 1)} to "
                        f"{numbers.text(w0 + offset, 3)}: the change runs forward through the "
                        f"highlighted neurons only, and the outputs move by up to {moved}.")
            return (f"A larger nudge, +{numbers.text(offset, 1)} to "
                    f"{numbers.text(w0 + offset, 3)}, the first nudge's changes beside the "
                    f"outputs in grey, through the same neurons: the outputs "
                    f"move by up to {moved}, against {largest_move(first)} for "
                    f"+{numbers.text(first, 1)}.")

        return {
            "network": f"A {sizes} network; a forward pass shades each neuron by its "
                       f"activation.",
            "highlight": f"One weight, w = {numbers.text(w0, 3)}, and every neuron after it "
                         f"are picked out.",
            "tweak": tuple(tweak(k, o) for k, o in enumerate(EX.tweaks)),
        }

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
        #: log scale of the fills: from D_LOW to top, the largest change at w0+Δ
        self.eps, self.top = D_LOW, float(moved.max())

    # -- numbers from gdcore -------------------------------------------------------------------
    def changes(self, w: float) -> list[np.ndarray]:
        """|Δa| per layer with the weight at w (gdcore.nn.activation_changes)."""
        return nn.activation_changes(self.base, X_INPUT, LAYER, J, I, w - self.w0)

    def outputs(self) -> np.ndarray:
        """The outputs' a with the weight at the tracker's value (the w shown)."""
        tweaked = self.base.with_weight(LAYER, J, I, self.w.get_value())
        return nn.forward(tweaked, X_INPUT)[-1][0]

    def brightness(self, changes) -> np.ndarray:
        """Per drawn neuron, 0 for no change up to 1 for the largest (log of |Δa|)."""
        d = self.net.neuron_values(changes)
        with np.errstate(divide="ignore"):
            return np.clip(np.log10(d / self.eps) / np.log10(self.top / self.eps), 0.0, 1.0)

    # -- pieces ---------------------------------------------------------------------------------
    def build_net(self):
        t = self.theme
        dark = t.name == "dark"
        share = contrast_mix(t.background, t.muted, EDGE_CONTRAST) if dark else EDGE_MIX[0]
        net = NetworkMobject(t, SIZES, LAY_W, LAY_H, unit=UNIT, center=NET_CENTER,
                             edge_color=mix(t.background, t.muted, share),
                             edge_width=EDGE_WIDTH[dark])
        self.net = net
        # gdcore's network: sigmoid hidden neurons, a linear (identity) output layer, so the
        # outputs are not confined to (0, 1): each layer's name says its kind
        kinds = {"sigmoid": "sigmoid", "identity": "linear"}
        self.layer_kinds = ("", *[kinds[self.base.activation]] * (len(SIZES) - 2),
                            kinds[self.base.output_activation])
        names = VGroup()
        for l, n in enumerate(SIZES):
            # the kind on a line of its own: on one line, neighbouring layers' names ran into
            # each other ("8 hidden (sigmoid) 8 hidden (sigmoid) 5 outputs (linear)")
            kind = f"\n({self.layer_kinds[l]})" if self.layer_kinds[l] else ""
            lab = self.text(f"{n} {LAYER_NAMES[l]}{kind}", 24, t.muted)
            lab.next_to([net.point(l, 0)[0], net.layer_bottom() - 0.17, 0], DOWN, buff=0)
            names.add(lab)
        return net, names

    def cone_look(self, net, w: float, fill=None, tint=None):
        """Fill each neuron (and tint the cone's edges leaving it) by its |Δa| from gdcore with
        the weight at w: all of them, or only the neurons of the layers `fill` and the edges
        into the layers `tint` (the look is set in net's arrays: for net.transition)."""
        t = self.theme
        b = self.brightness(self.changes(w))
        if fill is None and tint is None:
            fill = tint = range(len(SIZES))
        fill, tint = set(fill or ()), set(tint or ())
        mine = np.array([n[0] in fill for n in net.neuron_ids])
        net.fill_rgb[mine] = mix(t.background, t.accent, STRENGTH * b[mine])
        src = np.array([net._n_index[a] for a, _ in net.edge_ids])
        carry = self.carry_mask & np.array([e[1][0] in tint for e in net.edge_ids])
        eb = b[src]
        net.edge_rgb[carry] = mix(self.cone_edge_rgb, t.accent, eb[carry])
        net.edge_width[carry] = self.cone_edge_width + 2.0 * eb[carry]

    def weight_width(self, w: float) -> float:
        """The width of the weight's edge with the weight at w (wider with |w|)."""
        return TWEAK_WIDTH + WIDTH_PER_W * (abs(w) - abs(self.w0))

    def colour_bar(self, width=3.8, height=0.22) -> VGroup:
        """The fills' log scale as a bar from |Δa| = D_LOW (its left end) to the largest change,
        ticked at the powers of ten inside it, D_LOW the first (the same brightness() as the
        neurons'). Position along the bar is the brightness itself, and a fill is linear in
        brightness, so the bar is one smooth two-stop gradient (no strips, no seams)."""
        t = self.theme
        bar = Rectangle(width=width, height=height, stroke_width=0)
        bar.set_fill([mix(t.background, t.accent, 0.0), mix(t.background, t.accent, STRENGTH)],
                     opacity=1)
        bar.set_sheen_direction(RIGHT)
        bar.move_to([0.5 * width, 0, 0])
        # outlined in the text's colour: the bar's 0 end is the page's own colour
        frame = Rectangle(width=width, height=height, stroke_color=t.text, stroke_width=1.5)
        frame.move_to([0.5 * width, 0, 0])
        ticks = VGroup()
        for e in range(int(np.ceil(np.log10(self.eps))), int(np.floor(np.log10(self.top))) + 1):
            v = 10.0 ** e
            xv = width * np.log10(v / self.eps) / np.log10(self.top / self.eps)
            ticks.add(Line([xv, -0.5 * height, 0], [xv, -0.5 * height - 0.1, 0],
                           color=t.muted, stroke_width=1.5))
            ticks.add(self.text(f"{v:.{max(0, -e)}f}", 24, t.muted).next_to(
                [xv, -0.5 * height - 0.1, 0], DOWN, buff=0.06))
        return VGroup(bar, frame, ticks)

    # -- sections -------------------------------------------------------------------------------
    def section_network(self):
        t = self.theme
        title = self.text("One weight touches everything after it", 34).to_edge(UP, buff=0.42)
        net, names = self.build_net()
        # everything at once from the first frame (a drawn edge fan leaves the page blank)
        self.play(FadeIn(title), FadeIn(net.edge_group), FadeIn(net.neuron_group),
                  FadeIn(names), run_time=1.0)
        said = self.mixed("forward pass: the input flows left to right and sets every "
                          "activation $a$", 24, t.muted)
        said.next_to(title, DOWN, buff=0.3)
        self.title, self.names, self.said = title, names, said
        self.build_outputs()
        self.forward_pass()

    def activation_key(self, width: float = 4.5, height: float = 0.22) -> VGroup:
        """The forward pass's fills: the grey ramp as one smooth bar (activation_fill is linear
        in a, so a two-stop gradient from its lo fill to its hi fill is exact) from the
        network's least a to its largest, ticked at round values (a_ticks), all written with
        one precision: one scale, said to be every layer's."""
        t = self.theme
        lo, hi = self.a_range
        ends = activation_fill(t, [lo, hi], lo, hi)
        cells = Rectangle(width=width, height=height, stroke_width=0)
        cells.set_fill([ManimColor.from_rgb(f) for f in ends], opacity=1)
        cells.set_sheen_direction(RIGHT)
        cells.move_to([0.5 * width, 0, 0])
        frame = Rectangle(width=width, height=height, stroke_color=t.text, stroke_width=1.5)
        frame.move_to([0.5 * width, 0, 0])
        ticks = VGroup()
        for v in a_ticks(lo, hi):
            x = width * (v - lo) / (hi - lo)
            ticks.add(Line([x, -0.5 * height, 0], [x, -0.5 * height - 0.1, 0],
                           color=t.muted, stroke_width=1.5))
            ticks.add(self.tex(numbers.tick(v, "latex"), TICK_SIZE, t.muted).next_to(
                [x, -0.5 * height - 0.1, 0], DOWN, buff=0.06))
        caption = VGroup(self.mixed("fill: activation $a$", 26, t.muted),
                         self.text("(one scale, every layer)", 24, t.muted)).arrange(
            DOWN, aligned_edge=LEFT, buff=0.12)
        key = VGroup(caption, VGroup(cells, frame, ticks)).arrange(RIGHT, buff=0.45,
                                                                   aligned_edge=UP)
        self.a_cells = cells
        return key.to_edge(DOWN, buff=0.42)

    def fill_layer(self, l: int, run_time: float = 0.5):
        """Layer l's neurons filled by their activations a (self.acts, from gdcore), on the
        continuous ramp from the page towards the text (gdviz.colors.activation_fill)."""
        fills = activation_fill(self.theme, self.acts[l][0], *self.a_range)
        return self.net.transition(lambda n: n.set_neuron_style(n.layer_neurons(l), fill=fills,
                                                                apply=False), run_time=run_time)

    def forward_pass(self, per_layer: float = 0.5):
        """A wave along the edges, one layer after the other: the inputs fill with x (the
        words and the fills' key arriving with them), then each layer's edges carry a thin
        pulse and its neurons fill by their a; at the outputs their a are written. One ramp
        for the whole network (its least a to its largest), so a fill's step follows a
        everywhere."""
        t, net = self.theme, self.net
        self.acts = nn.forward(self.base, X_INPUT)
        self.a_range = a_range(self.acts)
        self.a_key = self.activation_key()
        self.play(self.fill_layer(0), FadeIn(self.said), FadeIn(self.a_key), run_time=0.8)
        for l in range(len(SIZES) - 1):
            self.play(net.layer_flow(l, color=t.muted, run_time=per_layer))
            extra = [FadeIn(self.outs), FadeIn(self.a_head)] if l + 1 == len(SIZES) - 1 else []
            self.play(self.fill_layer(l + 1), *extra, run_time=0.45)
        self.forward_fills = net.fill_rgb.copy()

    def section_highlight(self):
        t, net = self.theme, self.net
        (x0, y0, _), (x1, y1, _) = net.edge(self.connection).get_start_and_end()
        tip = np.array([0.45 * x0 + 0.55 * x1, 0.45 * y0 + 0.55 * y1, 0])
        w_read, w_num = readout("w", self.w0, 3, 32, color=t.accent)
        w_read.next_to(self.title, DOWN, buff=W_BUFF).align_to(net, LEFT).shift(0.6 * RIGHT)
        pointer = Line(w_read.get_bottom() + 0.08 * DOWN, tip, color=t.accent, stroke_width=2)
        w_num.add_updater(lambda d: set_number(d, self.w.get_value()))
        note = self.text("changes: the neuron it feeds and every later one", 24, t.accent)
        note.next_to(w_read, RIGHT, buff=0.8)

        # the weight's edge on top of every other edge (the wave's copies included); its width
        # follows |w|
        edge, k_edge = net.edge(self.connection), net._e_index[self.connection]
        self.k_edge = k_edge

        def follow_w(line):
            net.edge_width[k_edge] = self.weight_width(self.w.get_value())
            line.set_stroke(width=float(net.edge_width[k_edge]))

        edge.set_z_index(0.6).add_updater(follow_w)
        # one readout at a time: the weight (its edge picked out), then the outputs' changes,
        # then what it changes: the note, as the neuron it feeds and every later one light up
        # (no leader: the lit cone is what the note names)
        accent = t.accent
        # the fills change meaning first, before anything is picked out, in one beat: the
        # forward pass's words fade out as the greys fade to the page, slowly and at an even
        # pace (SWITCH_TIME; eased, they went in a third of a second), while the activations'
        # key gives way to the |Δa| key (out in the first half, in in the second: no key ever
        # names fills that have gone); the weight's edge is picked out in the next beat
        self.d_key = self.delta_key()
        clear = [net.transition(lambda n, l=l: n.set_neuron_style(
            n.layer_neurons(l), fill=t.background, apply=False), rate_func=linear)
            for l in range(len(SIZES))]
        self.play(FadeOut(self.said, rate_func=linear),
                  LaggedStart(*clear, lag_ratio=CLEAR_LAG),
                  *swap(self.a_key, self.d_key), run_time=SWITCH_TIME)
        self.play(net.transition(lambda n: n.set_edge_style([self.connection], color=accent,
                                                            width=TWEAK_WIDTH, apply=False)),
                  Create(pointer), FadeIn(w_read), run_time=1.0)
        self.play(FadeIn(self.moves), FadeIn(self.d_head), run_time=0.7)
        self.play(FadeIn(note, shift=0.2 * DOWN),
                  net.highlight_cone(self.connection, self.downstream, tweak_width=TWEAK_WIDTH),
                  run_time=1.2)
        self.carry_mask = np.array([e in set(net.cone(self.downstream, self.connection[0])[1])
                                    and e != self.connection for e in net.edge_ids])
        self.cone_edge_rgb = net.edge_rgb[self.carry_mask][0].copy()
        self.cone_edge_width = float(net.edge_width[self.carry_mask][0])
        self.w_read, self.note = w_read, note

    def build_outputs(self):
        """The outputs' activations a and their changes Δa in two columns, each lined up on
        the decimal point, live (updaters read gdcore through outputs())."""
        t, net = self.theme, self.net
        out_l = len(SIZES) - 1
        right_a = net.point(out_l, 0)[0] + net.radius + A_RIGHT
        a0 = self.outputs()
        outs, moves = VGroup(), VGroup()
        for k in range(SIZES[-1]):
            y = net.point(out_l, k)[1]
            num = DecimalNumber(a0[k], num_decimal_places=3, font_size=A_SIZE, color=t.text)
            num.move_to([right_a, y, 0], aligned_edge=RIGHT)
            num.add_updater(lambda d, k=k, y=y: set_number(d, self.outputs()[k]).move_to(
                [right_a, y, 0], aligned_edge=RIGHT))
            move = DecimalNumber(0.0, num_decimal_places=3, font_size=DELTA_SIZE,
                                 color=t.accent)
            move.move_to([right_a + COLUMN_PITCH, y, 0], aligned_edge=RIGHT)
            move.add_updater(lambda d, k=k, y=y: show_change(d, self.outputs()[k] - a0[k]).move_to(
                [right_a + COLUMN_PITCH, y, 0], aligned_edge=RIGHT))
            outs.add(num)
            moves.add(move)
        head_y = net.point(out_l, 0)[1] + 0.55
        # both heads alike: one size (the letter a at least 12 px tall) and the text's colour,
        # each centred over its column
        self.a_head = self.tex("a", HEAD_SIZE, t.text).move_to([right_a - 0.55, head_y, 0])
        self.d_head = self.tex(r"\Delta a", HEAD_SIZE, t.text).move_to(
            [right_a + COLUMN_PITCH - 0.55, head_y, 0])
        self.d_head.align_to(self.a_head, DOWN)
        self.outs, self.moves = outs, moves
        self.right_a, self.head_y = right_a, head_y

    def hidden_readouts(self) -> VGroup:
        """Over each hidden layer the largest |Δa| of its neurons (gdcore, with the weight at
        the tracker's value), live, on one line over the layer: the fills' log scale gives the
        pattern, these the size."""
        t, net = self.theme, self.net
        top = max(net.point(l, 0)[1] for l in range(1, len(SIZES) - 1)) + net.radius
        out = VGroup()
        for l in range(1, len(SIZES) - 1):
            read, num = readout(r"\max|\Delta a|", 0.0, 3, HIDDEN_SIZE, color=t.accent)
            x = net.point(l, 0)[0] + HIDDEN_SHIFT[l - 1]
            read.move_to([x, top + NUM_CLEAR, 0], aligned_edge=DOWN)

            def follow(d, l=l, lab=read[0]):
                # set, then beside its name again (its digits set since may have widened it)
                set_number(d, float(np.max(self.changes(self.w.get_value())[l])))
                d.next_to(lab, RIGHT, buff=0.12)

            num.add_updater(follow)
            out.add(read)
        self.hidden_max = out
        return out

    def tweak_words(self, k: int, offset: float) -> tuple:
        """What tweak k does to w (one line, in the accent, beside w), and what the outputs
        do (tweak_says): under the outputs' table, whose numbers it sums up, in the text's
        colour, the first nudge's figure in brackets (or what the outputs return to) on a line of
        its own: on one line they ran to 6 px from the frame's edge."""
        what, then = tweak_says(k, offset, self.w0)
        if " (" in then:
            lines = [then.split(" (")[0], "(" + then.split(" (", 1)[1]]
        elif ": " in then:  # "the outputs return:" over what they return to, in the frame
            lines = [then.split(": ")[0] + ":", then.split(": ", 1)[1]]
        else:
            lines = [then]
        said = VGroup(*(self.mixed(x, 24, self.theme.text) for x in lines)).arrange(
            DOWN, aligned_edge=LEFT, buff=0.12)
        return self.mixed(what, 24, self.theme.accent), said

    def delta_key(self) -> VGroup:
        """The |Δa| fills' key: its words, then the colour bar."""
        t = self.theme
        caption = VGroup(self.mixed(r"fill: how far each activation moved, $|\Delta a|$", 26,
                                    t.muted),
                         self.text("(log scale: each tick ten times the last)", 24,
                                   t.muted)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        key = VGroup(caption, self.colour_bar()).arrange(RIGHT, buff=0.45, aligned_edge=UP)
        return key.to_edge(DOWN, buff=0.42)

    def section_tweak(self):
        # the hidden layers' largest |Δa| (all 0: nothing has moved yet)
        self.play(FadeIn(self.hidden_readouts()), run_time=0.5)
        # one tweak at a time: say it, make it, then say what the outputs did
        shown, self.tweak_record = self.note, []
        self.ghost = None
        for k, offset in enumerate(EX.tweaks, start=1):
            if k > 1:  # the caption's next sentence: this tweak
                self.caption_next()
            # the first nudge's changes come back, kept in grey, as the second nudge is said:
            # beside it they mean something (at the way back they equalled the live column)
            kept = []
            if self.ghost is None and offset and first_nudge(k) is not None:
                kept = self.keep_first_nudge(first_nudge(k))
            what, then = self.tweak_words(k, offset)
            what.move_to(self.note, aligned_edge=LEFT)
            # under the table: the outputs' last row, then its words (left on the a column)
            then.next_to(self.outs[-1], DOWN, buff=0.25).align_to(self.outs, LEFT)
            self.play(*swap(shown, what), *kept, run_time=0.8)  # one line after the other
            again = bool(offset) and first_nudge(k) is not None
            self.tweak(self.w0 + offset, back=not offset, again=again)
            self.play(FadeIn(then, shift=0.1 * RIGHT), run_time=1.0 if offset else 0.5)
            self.wait(1.0 if offset else 0.6)
            shown = VGroup(what, then)
            self.tweak_record.append((self.w.get_value(), [m.get_value() for m in self.moves],
                                      [m.include_sign for m in self.moves]))
        self.tweak_lines = shown

    def keep_first_nudge(self, offset: float) -> list:
        """The first nudge's output changes (gdcore), kept: a column in grey, no longer live,
        one column right of the live Δa, headed by the nudge (its w, in grey, centred over it
        as the other heads are), so the next nudge's changes are read beside them (the words
        of that nudge name it too). Returned as fades in place (a copy slid out of the live
        column crossed its digits)."""
        t = self.theme
        ghost = self.moves.copy().clear_updaters()
        right = self.right_a + COLUMN_PITCH + GHOST_PITCH
        for g, m, v in zip(ghost, self.moves, EX.output_changes(offset)):
            show_change(g, float(v)).move_to([right, m.get_y(), 0], aligned_edge=RIGHT)
        ghost.set_color(t.muted)
        # (maths as the heads beside it are, at their size)
        head = self.tex(f"w + {numbers.latex(offset, 1)}", GHOST_HEAD_SIZE, t.muted)
        head.move_to([right - 0.55, self.head_y, 0]).align_to(self.a_head, DOWN)
        self.ghost, self.ghost_head = ghost, head
        return [FadeIn(ghost), FadeIn(head)]

    def tweak(self, w: float, back: bool = False, again: bool = False):
        """The weight to w (on the way `back` quicker, `again`, a nudge after the first,
        quicker too) in one play, everything following it frame by frame: its number and its
        edge, every neuron's fill and the cone's edges' tint (cone_look), the hidden layers'
        and the outputs' numbers (their updaters read the tracker), so what is shown is always
        the forward pass of the w shown. Nothing else moves: every layer follows w at once."""
        run_time = BACK_TIME if back else AGAIN_TIME if again else NUDGE_TIME
        self.play(self.follow(w, run_time))

    def follow(self, w: float, run_time: float) -> UpdateFromAlphaFunc:
        """The weight from its value now to w (eased), the network's look set from gdcore at
        every frame with the weight at the tracker's value (the numbers' updaters read it)."""
        net, w_from = self.net, self.w.get_value()

        def step(mob, alpha):
            v = w_from + alpha * (w - w_from)
            self.w.set_value(v)
            # (the edge's own updater rests while the network is animated)
            net.edge_width[self.k_edge] = self.weight_width(v)
            self.cone_look(net, v)
            net.apply_style()

        return UpdateFromAlphaFunc(net, step, rate_func=smooth, run_time=run_time)

    SECTIONS = sections(section_network, section_highlight, section_tweak)
