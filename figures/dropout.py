"""Dropout: a different thinned network at every step

The same network ({n0} inputs, two hidden layers of {n1} and {n2}, {n3} outputs) at {steps}
consecutive training steps, read row by row, with dropout rate p = {p_drop:g}. At each step
every hidden neuron is dropped with probability p, independently: a dropped neuron (a faded,
thin outline, crossed out) and all its connections take no part in that step's forward and
backward pass, so each step trains a different thinned network ({kept_text} hidden neurons
kept). Each edge ends at the rims of the two neurons it joins and passes every other neuron
clear of its rim. No neuron can rely on any particular other one being present. A key under
the steps names the two kinds of neuron: kept (the plain grey ring of every network figure, as
every input and output neuron, which dropout never drops) and dropped (faded, thinner, crossed
out). Each
network's layers are named under it.

Alt: {steps} small copies of a network diagram, two rows of two. In each, a different set of hidden
neurons is faded to thin pale outlines with a small × inside and has no connections; the
remaining neurons are joined by lines as usual; every kept neuron, inputs and outputs included,
is a plain grey ring. Under each network its layers are named: 4 inputs,
6 hidden, 6 hidden, 2 outputs. A key under the diagrams names a kept and a dropped neuron.
"""

from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
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
#: neuron's and faded (`Theme.faded`, the video's colour too), solid: absent, not a
#: difference (a dash is one, docs/STYLE.md).
DROPPED_WIDTH = nd.RING_FAINT
KEY_RADIUS = 4.5  # the key's neurons, in points
#: The figure's height (in) and the room (in) the layout keeps round each panel, above and
#: below: the rows stand apart, a step's title nearer its own network than the one above.
FIG_HEIGHT, ROW_PAD = 4.0, 0.08
#: The gutter between the two panels of a row (a share of the figure's width): two networks,
#: never one long one read across the row.
GUTTER = 0.25
#: A dropped neuron is crossed out: a × in its faded outline's colour and width, its arms
#: CROSS of the neuron's radius from its centre along each diagonal (inside the ring), so that a
#: dropped neuron never reads as a plain neuron's thin grey ring (the family's ordinary one).
CROSS = 0.55
#: Room round each network (layout units: left, right, bottom, top): at the sides as much as
#: half the outer layers' names overhang their columns and a little more, so the names stay
#: inside the panel, well clear of the page's edge (a quarter inch at 480 px wide, not 20 px);
#: under it the names' line.
SIDE_PAD = (0.9, 0.9, 0.55, 0.12)
#: The layers' names under each network, as the family names them.
NAMES = ("inputs", "hidden", "hidden", "outputs")



def _cross(ax, centre, radius, color, zorder, gid):
    """The × of a dropped neuron: two strokes across its centre, inside its ring."""
    a = CROSS * radius / 2**0.5
    x, y = centre
    for k, (dx, dy) in enumerate(((a, a), (a, -a))):
        ax.add_line(Line2D([x - dx, x + dx], [y - dy, y + dy], color=color,
                           linewidth=DROPPED_WIDTH, solid_capstyle="round", zorder=zorder,
                           gid=f"{gid}-{k}"))


class _KeyNeuron(HandlerBase):
    """A key entry drawn as a neuron: a circle at the key's right end, next to its words, as
    every marker-only key (gm.mark_key_x), outlined as the neuron it names, crossed out where
    the neuron is (a dropped one)."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize,
                       trans):
        reach = KEY_RADIUS + orig_handle.get_linewidth() / 2
        centre = (gm.mark_key_x(xdescent, width, reach), height / 2 - ydescent)
        c = Circle(centre, KEY_RADIUS, facecolor=orig_handle.get_facecolor(),
                   edgecolor=orig_handle.get_edgecolor(), linewidth=orig_handle.get_linewidth(),
                   linestyle=orig_handle.get_linestyle(), transform=trans)
        out = [c]
        if orig_handle.get_gid() == "dropped":
            a = CROSS * KEY_RADIUS / 2**0.5
            x, y = centre
            out += [Line2D([x - a, x + a], [y - s * a, y + s * a],
                           color=orig_handle.get_edgecolor(), linewidth=DROPPED_WIDTH,
                           solid_capstyle="round", transform=trans) for s in (1, -1)]
        return out


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
    fig.get_layout_engine().set(h_pad=ROW_PAD, wspace=GUTTER)
    dim = theme.faded()  # 4:1 against the page (theme.FADED_CONTRAST), as the video's
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
        # every kept neuron, inputs and outputs too (never dropped), the family's plain
        # neuron (nd.RING in muted, as backprop-loop and tiny-networks draw one): a neuron
        # as usual, never a bold ink ring, which is the descent figures' start; only a
        # dropped one is faded and crossed out
        drawn = nd.draw_neurons(ax, lay, theme, styles=styles)
        for n in dropped:  # crossed out, over the faded ring
            _cross(ax, drawn[n].center, drawn[n].radius, dim, drawn[n].get_zorder() + 0.1,
                   f"cross-{n[0]}-{n[1]}")
        nd.label_layers(ax, lay, theme,
                        [f"{n} {name}" for n, name in zip(EX.sizes, NAMES)])
        nd.setup_axes(ax, lay, pad=SIDE_PAD)
        n_kept = kept[t]
        ax.set_title(f"Step {t + 1}: {n_kept} of {EX.n_hidden} hidden kept")
    # the key's neurons drawn as the panels draw them: kept the plain neuron, dropped thin in
    # the faded colour
    keys = [Circle((0, 0), 1, facecolor=theme.background, edgecolor=theme.muted,
                   linewidth=nd.RING, label="kept", gid="kept"),
            Circle((0, 0), 1, facecolor=theme.background, edgecolor=dim,
                   linewidth=DROPPED_WIDTH, label="dropped", gid="dropped")]
    fig.legend(handles=keys, loc="outside lower center", ncols=2, frameon=False,
               fontsize=theme.small_size, handler_map={Circle: _KeyNeuron()})
    return fig


if __name__ == "__main__":
    gm.main(__file__)
