"""The handwriting network and its parameter count

The digit classifier: {n0} inputs (one per pixel of a 28 × 28 image; only {shown} are drawn),
{n1} hidden neurons and {n2} outputs, every neuron connected to every neuron of the next layer.
The first layer of connections holds {n0} × {n1} = {w0:,} weights, the second {n1} × {n2} =
{w1:,}; with one bias for each of the {n_biases} hidden and output neurons (the b in each of
their circles) the network has
{params:,} parameters, each a dimension of the space a training method must search. The
lines drawn whole between the columns are a sample, the connections of every fifth drawn
neuron; the sums count them all.

Alt: A three-column network diagram. The left column shows {shown} of the {n0} input neurons
with three dots for the rest, the middle column {n1} hidden neurons and the right column {n2}
outputs, all circles alike in grey, each hidden and output circle holding a small italic b,
its bias; from each drawn neuron a short fan of faint grey threads
sets off towards every drawn neuron of the next column and fades out, and a sample of the
connections is drawn whole between the columns (every connection of every fifth drawn neuron,
first included), thin grey lines crossing one another; each column's size is written under it,
on one line. Labels give {w0:,} weights between inputs and hidden layer, {w1:,} between hidden
layer and outputs, and one sum:
{w0:,} + {w1:,} = {weights:,} weights, plus {n_biases} biases: {params:,} parameters.
"""

from gdcore import nn
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz import numbers
from gdviz.network_layout import layout

SIZES = procedure.MNIST_SIZES
MAX_SHOWN = 16
NAMES = ("inputs", "hidden", "outputs")
#: The 390 edges as fans of fine threads at every neuron (nd.draw_fabric): EDGE_WIDTH points of
#: the muted colour at EDGE_ALPHA where they leave a neuron, fading out over a fifth of the way,
#: so each neuron shows its fan of connections. Opaque 0.4 pt lines of one grey drew the regular
#: lattice of their crossings as a moiré of dark diamonds, at 300 dpi and in print; fainter on
#: the dark page (EDGE_ALPHA_DARK), where light threads stand out more, one still 2:1 there.
EDGE_WIDTH = 0.25
EDGE_ALPHA, EDGE_ALPHA_DARK = 0.55, 0.38
#: Between the columns, a thinned, fixed sample of the connections drawn whole, so the eye can
#: follow lines from column to column: the whole fan of every SAMPLE_EVERY-th drawn neuron of
#: each column (its first included) to every drawn neuron of the next, SAMPLE_WIDTH points at
#: SAMPLE_ALPHA (dark: SAMPLE_ALPHA_DARK). A few fans cross at scattered points, no lattice;
#: the sums over the columns carry the count. (An even wash between the columns, drawn
#: instead, read as a flat grey trapezoid in which no connection could be seen.)
SAMPLE_EVERY = 5
SAMPLE_WIDTH = 0.4
SAMPLE_ALPHA, SAMPLE_ALPHA_DARK = 0.6, 0.55


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
    lay = layout(SIZES, width=12.0, height=6.4, max_shown=MAX_SHOWN)
    fig, ax = gm.subplots(theme, height=3.95)
    # every neuron joined to every neuron of the next layer: fine translucent threads
    alpha = EDGE_ALPHA_DARK if theme.name == "dark" else EDGE_ALPHA
    nd.draw_fabric(ax, lay, theme.muted, linewidth=EDGE_WIDTH, alpha=alpha)
    # and a thinned sample of them drawn whole, which the eye can follow between the columns
    dark = theme.name == "dark"
    nd.draw_edges(ax, lay, sampled_edges(lay), color=theme.muted, linewidth=SAMPLE_WIDTH,
                  alpha=SAMPLE_ALPHA_DARK if dark else SAMPLE_ALPHA, zorder=1.2,
                  gid="edges-sample")
    # every neuron neutral: nothing here is highlighted (the accent marks a change)
    nd.draw_neurons(ax, lay, theme)
    nd.draw_elision(ax, lay, theme)
    # each hidden and output neuron's bias, its b in its ring: the parameters the weights'
    # sums leave out, drawn where they act
    for l in range(1, len(SIZES)):
        for i in lay.shown[l]:
            ax.text(*lay.position(l, i), "$b$", ha="center", va="center_baseline",
                    fontsize=theme.small_size, color=theme.text, zorder=4, gid=f"bias-{l}-{i}")
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
    ax.text(0.0, y0 - 0.75,
            f"${tc(c['w0'])} + {tc(c['w1'])} = {tc(c['weights'])}$ weights;"
            f" plus ${tc(c['n_biases'])}$ biases: ${tc(c['params'])}$ parameters",
            ha="center", va="top", fontsize=theme.font_size, color=theme.text, gid="total")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
