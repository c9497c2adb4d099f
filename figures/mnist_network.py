"""The handwriting network and its parameter count

The digit classifier: {n0} inputs (one per pixel of a 28 × 28 image; only {shown} are drawn),
{n1} hidden neurons and {n2} outputs, every neuron connected to every neuron of the next layer.
The first layer of connections holds {n0} × {n1} = {w0:,} weights, the second {n1} × {n2} =
{w1:,}; with one bias for each of the {n_biases} hidden and output neurons (the small ink disc
beside each of their rings, keyed) the network has {params:,} parameters, each a dimension of
the space a training method must search. The connections of every fifth drawn neuron, the first
included, are drawn to every drawn neuron of the next layer, and a key says so: every neuron
connects to every neuron of the next layer, drawn for one in five; the inputs left out (the
three dots) are not drawn, nor their connections; the sums count them all.

Alt: A three-column network diagram. The left column shows {shown} of the {n0} input neurons
with three dots for the rest, the middle column {n1} hidden neurons and the right column {n2}
outputs, all circles alike in grey rings, each hidden and output ring with a small ink disc
just off its upper right, its bias. From every fifth neuron of the first two columns, the first
included, thin grey lines fan out to every neuron of the next column. A key under the outputs:
the disc is "a neuron’s bias"; a grey line, "every neuron connects to every neuron of the next
layer; drawn for one in five". Each column's size is written under it, on one line. Labels give
{w0:,} weights between inputs and hidden layer, {w1:,} between hidden layer and outputs, and
one sum: {w0:,} + {w1:,} = {weights:,} weights, plus {n_biases} biases: {params:,} parameters.
"""

from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from gdcore import nn
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz import numbers
from gdviz.network_layout import layout

SIZES = procedure.MNIST_SIZES
MAX_SHOWN = 16
NAMES = ("inputs", "hidden", "outputs")
#: The connections drawn: a fixed sample drawn whole, so the eye can follow lines from column to
#: column: the whole fan of every SAMPLE_EVERY-th drawn neuron of each column (its first
#: included) to every drawn neuron of the next, SAMPLE_WIDTH points at SAMPLE_ALPHA (dark:
#: SAMPLE_ALPHA_DARK), keyed: every neuron connects to every neuron of the next layer, one in
#: SAMPLE_EVERY drawn. The sums over the columns carry the count. (All 390 drawn crossed in a
#: lattice of diamonds, at the sample's strength and as a faint mesh under it alike, a moiré
#: that read as noise; an even wash between the columns read as a flat grey band; short
#: fading stubs from every other neuron read as a grey haze.)
SAMPLE_EVERY = 5
#: The neurons' radius (layout units): under the fitted one (0.158, the rings 0.4 of a radius
#: apart), so a column's rings stand apart by a radius and the bias discs have room between
#: them (in the fitted layout each disc sat in the notch between its ring and the next one up,
#: as near the one as the other, and read as a glitch of the outlines).
RADIUS = 0.13
#: A neuron's bias: a disc in ink of BADGE radii (its radius; 0.4: 3.4 points across on the
#: page, the key's BADGE_KEY), clear of its ring at its upper right (BADGE_AT, a unit vector
#: from the centre), BADGE_GAP of the radius (1.3 points) between the disc and the ring's
#: outline, and twice that and more from the next ring's (tested): one size, one place on
#: every ring, never touching an outline.
BADGE = 0.4
BADGE_AT = (0.7071, 0.7071)
BADGE_GAP = 0.3
#: The key's badge (points across): the drawn badge's size on the page
BADGE_KEY = 3.4
#: The key this far (layout units) under the lowest output, in the room the short column leaves
KEY_DROP = 0.22
SAMPLE_WIDTH = 0.4
SAMPLE_ALPHA, SAMPLE_ALPHA_DARK = 0.6, 0.55
#: The connections' key: what a line is, and that one fan in SAMPLE_EVERY is drawn
WORDS = {5: "five"}
EDGE_KEY = "every neuron connects to every neuron\nof the next layer; drawn for one in {every}"


def badge_centre(lay, l: int, i: int) -> tuple[float, float]:
    """Where neuron (l, i)'s bias disc stands: off its ring at its upper right, clear of it."""
    x, y = lay.position(l, i)
    reach = lay.radius * (1 + BADGE_GAP + BADGE)
    return x + reach * BADGE_AT[0], y + reach * BADGE_AT[1]


def sampled_edges(lay) -> list:
    """The edges drawn whole: the full fan of every SAMPLE_EVERY-th drawn neuron of a column to
    the next column."""
    picked = {(l, i) for l in range(lay.n_layers - 1)
              for i in lay.shown[l][::SAMPLE_EVERY]}
    return [e for e in lay.edges if e[0] in picked]


def _counts() -> dict:
    w = nn.layer_weight_counts(SIZES)
    params = nn.parameter_count(SIZES)
    return {"w0": w[0], "w1": w[1], "weights": nn.weight_count(SIZES),
            "n_biases": params - nn.weight_count(SIZES), "params": params}


def facts() -> dict:
    lay = layout(SIZES, max_shown=MAX_SHOWN)
    return {**{f"n{l}": n for l, n in enumerate(SIZES)}, **_counts(),
            "shown": len(lay.shown[0])}


def make_figure(theme):
    c = _counts()
    lay = layout(SIZES, width=12.0, height=6.4, max_shown=MAX_SHOWN, radius=RADIUS)
    fig, ax = gm.subplots(theme, height=3.95)
    dark = theme.name == "dark"
    # a fixed sample of whole fans, lines the eye can follow between the columns (keyed)
    nd.draw_edges(ax, lay, sampled_edges(lay), color=theme.muted, linewidth=SAMPLE_WIDTH,
                  alpha=SAMPLE_ALPHA_DARK if dark else SAMPLE_ALPHA, zorder=1.2,
                  gid="edges-sample")
    # every neuron neutral: nothing here is highlighted (the accent marks a change)
    nd.draw_neurons(ax, lay, theme)
    nd.draw_elision(ax, lay, theme)
    # each hidden and output neuron's bias, a small ink badge on its ring (keyed): the
    # parameters the weights' sums leave out, drawn where they act; never a b, which is the
    # line's intercept
    r = BADGE * lay.radius
    for l in range(1, len(SIZES)):
        for i in lay.shown[l]:
            ax.add_patch(Circle(badge_centre(lay, l, i), r,
                                facecolor=theme.text, edgecolor="none", zorder=4,
                                gid=f"bias-{l}-{i}"))
    x0, x1, y0, y1 = lay.bounds()
    nd.setup_axes(ax, lay, pad=(0.8, 0.8, 1.3, 0.66))

    fs = theme.small_size

    def tc(n: int) -> str:  # a count in maths
        return numbers.count(n, "latex")

    nd.label_layers(ax, lay, theme, [f"{n:,} {name}" for n, name in zip(SIZES, NAMES)])
    for l in range(len(SIZES) - 1):
        xm = 0.5 * (lay.layer_x[l] + lay.layer_x[l + 1])
        ax.text(xm, y1 + 0.12,
                # the sum as maths (× and = in the maths face), the words in the text face
                f"${tc(SIZES[l])} \\times {tc(SIZES[l + 1])} = {tc(c[f'w{l}'])}$ weights",
                ha="center", va="bottom", fontsize=fs, color=theme.text,
                path_effects=gm.halo(theme))
    # the badge's key in the room under the outputs, the badge at its drawn size
    low = lay.position(2, lay.shown[2][-1])[1] - lay.radius
    # the key in the room under the outputs: the badge at its drawn size, the line as drawn
    edge = Line2D([], [], color=theme.muted, linewidth=SAMPLE_WIDTH * 2,
                  alpha=SAMPLE_ALPHA_DARK if dark else SAMPLE_ALPHA)
    ax.legend(handles=[Line2D([], [], marker="o", linestyle="none", color=theme.text,
                              markeredgewidth=0, markersize=BADGE_KEY), edge],
              labels=["a neuron\u2019s bias", EDGE_KEY.format(every=WORDS[SAMPLE_EVERY])],
              loc="upper right", frameon=False, fontsize=fs,
              bbox_to_anchor=(x1 + 0.8, low - KEY_DROP), bbox_transform=ax.transData,
              borderaxespad=0, handletextpad=0.5)
    ax.text(0.0, y0 - 0.75,
            f"${tc(c['w0'])} + {tc(c['w1'])} = {tc(c['weights'])}$ weights;"
            f" plus ${tc(c['n_biases'])}$ biases: ${tc(c['params'])}$ parameters",
            ha="center", va="top", fontsize=theme.font_size, color=theme.text, gid="total")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
