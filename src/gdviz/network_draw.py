"""Drawing a `gdviz.network_layout.Layout` with matplotlib: edges, neurons, elision dots.

Each piece is a separate call so a figure can style subsets (a highlighted path, dropped
neurons) without re-deriving geometry. Neurons are Circle patches with gid "neuron-<l>-<i>"
(true indices), so tests can read back which neurons a figure drew and how.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle

from .network_layout import Edge, Layout, Neuron
from .theme import Theme

#: One network style for every still that draws a network (mnist-network, connection-tweak,
#: backprop-loop, dropout, tiny-networks): a neuron is a ring on the page colour, RING points in
#: the muted colour; a neuron the figure points at (changed, in error, updated) takes
#: RING_STRONG in its colour (dropout's kept neurons are plain ones); an absent one (a dropped
#: neuron) RING_FAINT, faded. Nothing else.
RING = 0.9
RING_STRONG = 1.3
RING_FAINT = 0.6
#: A connection of a sparse network (tiny-networks, dropout): EDGE points in the muted colour,
#: thinner than a ring, so the neurons read first and the lines join them. A dense network
#: draws its many edges thinner still (mnist-network, connection-tweak's quiet ones); a
#: figure's edges carry a value only by their width or colour (backprop-loop).
EDGE = 0.55
#: The layers' names ("784 inputs"): under the network, on one line, centred under each
#: column, LABEL_GAP layout units under the lowest circle, in the small size in ink.
LABEL_GAP = 0.25


def strong(color: str) -> dict:
    """Circle keywords of a neuron the figure points at: its ring RING_STRONG in `color`."""
    return dict(edgecolor=color, linewidth=RING_STRONG)


def label_layers(ax, lay: Layout, theme: Theme, labels) -> list:
    """Each layer's name (labels[l]) under its column, all on one line under the network."""
    y = lay.bounds()[2] - LABEL_GAP
    return [ax.text(x, y, label, ha="center", va="top", fontsize=theme.small_size,
                    color=theme.text, gid=f"layer-{l}")
            for l, (x, label) in enumerate(zip(lay.layer_x, labels))]


def neuron_gid(neuron: Neuron) -> str:
    return f"neuron-{neuron[0]}-{neuron[1]}"


def parse_gid(gid: str | None) -> Neuron | None:
    """(layer, i) from a neuron's gid, None for any other artist."""
    if not gid or not gid.startswith("neuron-"):
        return None
    _, l, i = gid.split("-")
    return int(l), int(i)


def setup_axes(ax, lay: Layout, pad: float | tuple[float, float, float, float] = 0.1) -> None:
    """Equal aspect, no frame, limits around the drawing (pad: all sides or l, r, b, t)."""
    x0, x1, y0, y1 = lay.bounds()
    pl, pr, pb, pt = (pad,) * 4 if np.isscalar(pad) else pad
    ax.set_xlim(x0 - pl, x1 + pr)
    ax.set_ylim(y0 - pb, y1 + pt)
    ax.set_aspect("equal")
    ax.set_xticks([])  # no hidden tick labels left behind for text-overlap checks
    ax.set_yticks([])
    ax.set_axis_off()


def draw_edges(ax, lay: Layout, edges: Iterable[Edge] | None = None, *, color="0.5",
               linewidth=0.5, alpha=1.0, zorder=1, gid="edges", trim=True) -> LineCollection:
    """One LineCollection of the given edges (all drawn edges by default).

    `linewidth` and `color` may be sequences, one entry per edge.
    """
    edges = list(lay.edges if edges is None else edges)
    lc = LineCollection(lay.segments(edges, trim=trim), colors=color, linewidths=linewidth,
                        alpha=alpha, zorder=zorder, capstyle="round")
    lc.set_gid(gid)
    ax.add_collection(lc)
    return lc


def draw_neurons(ax, lay: Layout, theme: Theme, neurons: Iterable[Neuron] | None = None, *,
                 face: str | None = None, edge: str | None = None, linewidth=RING, zorder=3,
                 styles: Mapping[Neuron, Mapping] | None = None,
                 radius_scale: float = 1.0) -> dict[Neuron, Circle]:
    """A Circle per drawn neuron (all by default); styles[(l, i)] overrides Circle kwargs."""
    if neurons is None:
        neurons = [n for n, _ in lay.neurons()]
    styles = styles or {}
    out = {}
    for n in neurons:
        if not lay.is_drawn(*n):
            continue
        kw = dict(facecolor=face or theme.background, edgecolor=edge or theme.muted,
                  linewidth=linewidth, zorder=zorder)
        kw.update(styles.get(n, {}))
        c = Circle(lay.position(*n), lay.radius * radius_scale, **kw)
        c.set_gid(neuron_gid(n))
        ax.add_patch(c)
        out[n] = c
    return out


def draw_elision(ax, lay: Layout, theme: Theme, *, color: str | None = None,
                 zorder=3) -> list[Circle]:
    """The three dots in the gap of each elided layer."""
    out = []
    for l in range(lay.n_layers):
        for x, y in lay.dots(l):
            c = Circle((x, y), lay.dot_radius(), facecolor=color or theme.muted,
                       edgecolor="none", zorder=zorder)
            c.set_gid(f"dots-{l}")
            ax.add_patch(c)
            out.append(c)
    return out


def drawn_neurons(fig_or_ax) -> dict[Neuron, Circle]:
    """The neuron circles of a figure or axes, by (layer, i) (reads the gids back)."""
    out = {}
    for p in fig_or_ax.findobj(Circle):
        n = parse_gid(p.get_gid())
        if n is not None:
            out[n] = p
    return out


#: A dense network's fabric (draw_fabric): each connection drawn as a thread from each of its
#: ends over FAN_REACH of its length, fading out in FAN_PIECES steps. Drawn as vectors (the
#: book prints vectors): FAN_PIECES pieces keep the fade smooth at print size and the figure's
#: SVG under the size test (ten pieces ran it to 1.5 MB).
FAN_REACH = 0.22
FAN_PIECES = 5


def _smooth(s):
    """The smooth step 3s² − 2s³ on [0, 1]: how a thread fades out along its reach."""
    s = np.clip(s, 0.0, 1.0)
    return s * s * (3.0 - 2.0 * s)


def draw_fabric(ax, lay: Layout, color, *, linewidth: float, alpha: float,
                reach: float = FAN_REACH, pieces: int = FAN_PIECES, zorder=1,
                gid: str = "edges") -> LineCollection:
    """The connections of a dense network (every neuron joined to every neuron of the next
    layer, hundreds of lines) as fans with no lattice: drawn whole, their straight lines cross
    at the same few points between two columns (at a half, a third, a quarter of the way) and
    draw a lattice of diamonds there, a moiré that reads as a pattern of its own, on the dark
    page most. So each connection is a thread from each neuron (`color`, `linewidth` points,
    `alpha` at the neuron) fading out over `reach` of its length, as the fans at the neurons
    show every connection. Returns the threads' LineCollection (gid `gid`; two fans of
    `pieces` segments per edge), as vectors."""
    from matplotlib.colors import to_rgb

    rgb = to_rgb(color)
    segs, colors = [], []
    fade = 1.0 - _smooth((np.arange(pieces) + 0.5) / pieces)  # each piece's share of alpha
    cuts = np.linspace(0.0, reach, pieces + 1)
    for a, b in lay.segments(trim=True):
        for p, q in ((a, b), (b, a)):
            d = q - p
            for k in range(pieces):
                segs.append((p + cuts[k] * d, p + cuts[k + 1] * d))
                colors.append((*rgb, alpha * fade[k]))
    lc = LineCollection(segs, colors=colors, linewidths=linewidth, zorder=zorder,
                        capstyle="butt")
    lc.set_gid(gid)
    ax.add_collection(lc)
    return lc
