"""Dropout: a different thinned network at every step

The same network ({n0} inputs, two hidden layers of {n1} and {n2}, {n3} outputs) at {steps}
consecutive training steps, read row by row, with dropout rate p = {p_drop:g}. At each step
every hidden neuron is dropped with probability p, independently: a dropped neuron (a faded,
thin outline) and all its connections take no part in that step's forward and backward pass,
so each step trains a different thinned network ({kept_text} hidden neurons kept). Each edge
ends at the rims of the two neurons it joins and passes every other neuron clear of its rim.
No neuron can rely on any particular other one being present. A key under the steps names the
two kinds of neuron: kept (outline in the text colour, as every input and output neuron, which
dropout never drops) and dropped (faded, thin).

Alt: {steps} small copies of a network diagram, two rows of two. In each, a different set of hidden
neurons is faded to thin pale outlines and has no connections; the remaining neurons are joined
by lines as usual; every kept neuron, inputs and outputs included, has a bold outline in the
text colour. A key under the diagrams names a kept and a dropped neuron.
"""

from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Circle

from gdcore.networks import DROPOUT
from gdviz import mpl as gm
from gdviz import network_draw as nd
from gdviz.network_layout import layout

EX = DROPOUT
#: The clear ring around a dropped neuron, as a multiple of its radius.
HALO_SCALE = 1.2
#: The layout (layout units): twice as wide as tall and small neurons, so that the steepest
#: edge (between the two hidden layers, top to bottom) passes every neuron it does not join at
#: least half a radius clear of its rim (CLEARANCE radii from its centre), and the edges between
#: the two hidden layers, the densest, spread over a column gap near the height's half.
LAYOUT = {"width": 8.4, "height": 4.4, "radius": 0.2}
CLEARANCE = 1.5
#: The steps in a grid of GRID rows and columns: two steps a row give each network the width
#: its hidden edges need.
GRID = (2, 2)
#: A dropped neuron's outline (points), in the panels and the key: thinner than a kept
#: neuron's and faded (`faded`), solid: absent, not a difference (a dash is one,
#: docs/STYLE.md).
DROPPED_WIDTH = nd.RING_FAINT
KEY_RADIUS = 4.5  # the key's neurons, in points
#: The figure's height (in) and the room (in) the layout keeps round each panel, above and
#: below: the rows stand apart, a step's title nearer its own network than the one above.
FIG_HEIGHT, ROW_PAD = 4.1, 0.08


def faded(theme) -> str:
    """A dropped neuron's outline: muted tinted towards the page, as far as a mark may go
    (Theme.faded, as the video's)."""
    return theme.faded(theme.muted)


def _key_circle(legend, orig_handle, xdescent, ydescent, width, height, fontsize):
    """A key entry drawn as a neuron: a circle centred in the entry's box, outlined as the
    neuron it names (the legend copies the colours and widths, not the line style's name)."""
    return Circle((width / 2 - xdescent, height / 2 - ydescent), KEY_RADIUS,
                  linestyle=orig_handle.get_linestyle())


def facts() -> dict:
    kept = EX.kept_counts()
    return {**{f"n{l}": n for l, n in enumerate(EX.sizes)}, "steps": EX.steps,
            "p_drop": EX.p_drop,
            "kept_text": ", ".join(str(k) for k in kept[:-1]) + f" and {kept[-1]} of "
            f"{EX.n_hidden}"}


def make_figure(theme):
    kept = EX.kept_counts()
    lay = layout(EX.sizes, **LAYOUT)
    fig, axes = gm.subplots(theme, *GRID, height=FIG_HEIGHT)
    # a row's bottom neurons stand well clear of the next row's title
    fig.get_layout_engine().set(h_pad=ROW_PAD)
    dim = faded(theme)
    for t, (ax, step) in enumerate(zip(axes.ravel(), EX.masks())):
        keep = EX.kept_neurons(step)
        live = [e for e in lay.edges if e[0] in keep and e[1] in keep]
        nd.draw_edges(ax, lay, live, color=theme.muted, linewidth=nd.EDGE, zorder=1)
        dropped = [n for n, _ in lay.neurons() if n not in keep]
        # a disc of page colour around each dropped neuron, over the edges: no line reaches
        # or grazes it, so it reads as disconnected
        for n, halo in nd.draw_neurons(ax, lay, theme, dropped, face=theme.background,
                                       edge="none", zorder=2,
                                       radius_scale=HALO_SCALE).items():
            halo.set_gid(f"halo-{n[0]}-{n[1]}")
        styles = {n: dict(edgecolor=dim, linewidth=DROPPED_WIDTH, facecolor=theme.background)
                  for n in dropped}
        # every kept neuron, inputs and outputs too (never dropped), in the text colour:
        # neutral (the accent marks a change); only a dropped one is faded
        styles |= {n: nd.strong(theme.text) for n, _ in lay.neurons() if n not in dropped}
        nd.draw_neurons(ax, lay, theme, styles=styles)
        nd.setup_axes(ax, lay, pad=0.12)
        n_kept = kept[t]
        ax.set_title(f"Step {t + 1}: {n_kept} of {EX.n_hidden} hidden kept")
    # the key's neurons drawn as the panels draw them: kept bold in the text colour, dropped
    # thin in the faded colour
    keys = [Circle((0, 0), 1, facecolor=theme.background, **nd.strong(theme.text),
                   label="kept"),
            Circle((0, 0), 1, facecolor=theme.background, edgecolor=dim,
                   linewidth=DROPPED_WIDTH, label="dropped")]
    fig.legend(handles=keys, loc="outside lower center", ncols=2, frameon=False,
               fontsize=theme.small_size,
               handler_map={Circle: HandlerPatch(patch_func=_key_circle)})
    return fig


if __name__ == "__main__":
    gm.main(__file__)
