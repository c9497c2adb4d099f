"""The handwriting network and its parameter count

The digit classifier: {n0} inputs (one per pixel of a 28 × 28 image; only {shown} are drawn),
{n1} hidden neurons and {n2} outputs, every neuron connected to every neuron of the next layer.
The first layer of connections holds {n0} × {n1} = {w0:,} weights, the second {n1} × {n2} =
{w1:,}; with one bias for each of the {n_biases} hidden and output neurons the network has
{params:,} parameters, each a dimension of the space a training method must search.

Alt: A three-column network diagram. The left column shows {shown} of the {n0} input neurons
with three dots for the rest, the middle column {n1} hidden neurons and the right column {n2}
outputs, all circles alike in grey; from each drawn neuron a fan of thin grey lines runs
towards every drawn neuron of the next column and merges into a soft grey band joining the two
columns; each column's size is written under it, on one line. Labels give
{w0:,} weights between inputs and hidden layer, {w1:,} between hidden layer and outputs, and
one sum:
{w0:,} + {w1:,} = {weights:,} weights, and {n_biases} biases, {params:,} parameters in all.
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
#: The 390 edges as a fabric of fine threads: EDGE_WIDTH points of the muted colour at
#: EDGE_ALPHA, so one thread reads on the page and the threads darken where they gather
#: (the fans at the neurons). Opaque 0.4 pt lines of one grey drew the regular lattice of
#: their crossings as a moiré of dark diamonds, at 300 dpi and in print.
#: On the dark page the light threads stand out more against it than the dark ones on paper,
#: and their crossings drew the same lattice of diamonds: fainter there (EDGE_ALPHA_DARK), one
#: thread still 2:1 against the page.
EDGE_WIDTH = 0.25
EDGE_ALPHA, EDGE_ALPHA_DARK = 0.55, 0.38
#: Even so the crossings drew a lattice of diamonds between the columns, at the same few
#: points (a half, a third of the way): the threads are drawn as fans from each neuron that
#: fade into an even wash of the same grey between the columns (nd.draw_fabric), this opaque.
WASH = {"light": 0.16, "dark": 0.14}


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
    nd.draw_fabric(ax, lay, theme.muted, linewidth=EDGE_WIDTH, alpha=alpha, wash=WASH[theme.name])
    # every neuron neutral: nothing here is highlighted (the accent marks a change)
    nd.draw_neurons(ax, lay, theme)
    nd.draw_elision(ax, lay, theme)
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
            f" $+\\,{tc(c['n_biases'])}$ biases$= {tc(c['params'])}$ parameters",
            ha="center", va="top", fontsize=theme.font_size, color=theme.text, gid="total")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
