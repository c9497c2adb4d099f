"""The one geometry of a drawn network: where each neuron and edge goes, in abstract units.

Pure numpy (no matplotlib, no Manim): the still figures draw a `Layout` with matplotlib
(`gdviz.network_draw`) and a Manim network mobject can draw the same one, scaled to its frame.

Coordinates are abstract units centred at (0, 0): layers are columns spread over `width`
(input on the left), neurons of a layer are stacked top to bottom (index 0 at the top) and
centred vertically, all layers on one vertical pitch. A layer with more than `max_shown`
neurons is *elided*: its first `head` and last `tail` neurons are drawn with a gap between them
for three dots, and a count label position below the column says how many there really are.

Neurons are named by their true index in the layer, ``(layer, i)``; `drawn_index` maps a true
index to its place among the drawn neurons, or None when it is elided.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .colors import mix

Neuron = tuple[int, int]
Edge = tuple[Neuron, Neuron]


@dataclass(frozen=True, eq=False)
class Layout:
    """A network drawing's geometry (abstract units, centred at 0); see the module docstring."""

    sizes: tuple[int, ...]
    width: float
    height: float
    max_shown: int
    radius: float
    pitch: float  # vertical distance between neighbouring drawn neurons
    layer_x: tuple[float, ...]
    shown: tuple[tuple[int, ...], ...]  # true indices drawn, per layer (top to bottom)
    positions: tuple[np.ndarray, ...]  # per layer: (len(shown[l]), 2) neuron centres
    elided: tuple[bool, ...]
    gap: tuple[tuple[float, float] | None, ...]  # centre of an elided layer's gap
    count_label: tuple[tuple[float, float] | None, ...]  # under an elided layer's column
    edges: tuple[Edge, ...]  # ((l, i), (l + 1, j)) between drawn neurons, true indices

    # --- look-ups ---------------------------------------------------------------------------
    @property
    def n_layers(self) -> int:
        return len(self.sizes)

    def drawn_index(self, layer: int, i: int) -> int | None:
        """Where true neuron `i` of `layer` sits among the drawn ones, or None if elided."""
        if not 0 <= i < self.sizes[layer]:
            raise ValueError(f"i must be in [0, {self.sizes[layer] - 1}], got {i}")
        shown = self.shown[layer]
        k = int(np.searchsorted(shown, i))
        return k if k < len(shown) and shown[k] == i else None

    def is_drawn(self, layer: int, i: int) -> bool:
        return self.drawn_index(layer, i) is not None

    def position(self, layer: int, i: int) -> tuple[float, float]:
        """Centre (x, y) of true neuron `i` of `layer` (ValueError if it is elided)."""
        k = self.drawn_index(layer, i)
        if k is None:
            raise ValueError(f"neuron {i} of layer {layer} is elided, it has no position")
        x, y = self.positions[layer][k]
        return float(x), float(y)

    def neurons(self) -> list[tuple[Neuron, tuple[float, float]]]:
        """Every drawn neuron ((layer, i), (x, y)), layer by layer, top to bottom."""
        return [((l, i), (float(p[0]), float(p[1])))
                for l in range(self.n_layers)
                for i, p in zip(self.shown[l], self.positions[l])]

    def dots(self, layer: int, n: int = 3) -> np.ndarray:
        """(n, 2) centres of the elision dots of an elided layer (empty if not elided)."""
        if self.gap[layer] is None:
            return np.zeros((0, 2))
        x, y = self.gap[layer]
        offsets = (np.arange(n) - (n - 1) / 2) * self.pitch * 0.3
        return np.column_stack([np.full(n, x), y - offsets])

    def dot_radius(self) -> float:
        return 0.12 * self.radius + 0.03 * self.pitch

    def segment(self, edge: Edge, trim: bool = True) -> np.ndarray:
        """(2, 2) end points of an edge, trimmed to the neurons' rims if `trim`."""
        a = np.array(self.position(*edge[0]))
        b = np.array(self.position(*edge[1]))
        if trim:
            u = (b - a) / np.linalg.norm(b - a)
            a, b = a + u * self.radius, b - u * self.radius
        return np.stack([a, b])

    def segments(self, edges: Sequence[Edge] | None = None, trim: bool = True) -> np.ndarray:
        """(E, 2, 2) end points of the given edges (all drawn edges by default)."""
        edges = self.edges if edges is None else edges
        if not len(edges):
            return np.zeros((0, 2, 2))
        return np.stack([self.segment(e, trim) for e in edges])

    def edges_between(self, layer: int) -> tuple[Edge, ...]:
        """The drawn edges from `layer` to `layer + 1`."""
        return tuple(e for e in self.edges if e[0][0] == layer)

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) of everything drawn, neurons' rims included."""
        pts = np.concatenate(self.positions)
        r = self.radius
        return (float(pts[:, 0].min() - r), float(pts[:, 0].max() + r),
                float(pts[:, 1].min() - r), float(pts[:, 1].max() + r))


def _shown_indices(n: int, max_shown: int) -> tuple[tuple[int, ...], bool]:
    if n <= max_shown:
        return tuple(range(n)), False
    head = (max_shown + 1) // 2
    tail = max_shown - head
    return tuple(range(head)) + tuple(range(n - tail, n)), True


def layout(sizes: Sequence[int], width: float = 10.0, height: float = 6.0,
           max_shown: int = 12, gap_slots: float = 1.0, radius: float | None = None) -> Layout:
    """The layout of a fully connected network with `sizes` neurons per layer (input first).

    Layers are evenly spread over [-width/2, width/2] (neuron rims inside it); the tallest
    column fills `height`. A layer of more than `max_shown` neurons shows its first
    ceil(max_shown/2) and last floor(max_shown/2) with `gap_slots` empty pitches between them
    for the dots. The radius is chosen to fit (or given).
    """
    try:
        s = tuple(operator.index(n) for n in sizes)
    except TypeError:
        raise ValueError(f"sizes must be a sequence of integers, got {sizes!r}") from None
    if len(s) < 1 or min(s) < 1:
        raise ValueError(f"sizes must be one or more positive layer sizes, got {s}")
    max_shown = operator.index(max_shown)
    if max_shown < 2:
        raise ValueError(f"max_shown must be >= 2, got {max_shown}")
    if not (width > 0 and height > 0):
        raise ValueError(f"width and height must be positive, got {width}, {height}")
    if not gap_slots > 0:
        raise ValueError(f"gap_slots must be positive, got {gap_slots}")

    shown, elided = zip(*(_shown_indices(n, max_shown) for n in s))
    # each column's extent in pitches: drawn neurons minus one, plus the gap of an elided one
    spans = [len(sh) - 1 + (gap_slots if el else 0) for sh, el in zip(shown, elided)]
    L = len(s)
    col_dx = width / (L - 1) if L > 1 else width
    if radius is None:
        # fit: the tallest column (rims included) in the height, neighbours apart by 2.4 radii
        span = max(spans)
        radius = min(height / (2 + 2.4 * span) if span else height / 2, 0.22 * col_dx)
    radius = float(radius)
    if not radius > 0:
        raise ValueError(f"radius must be positive, got {radius}")
    pitch = (height - 2 * radius) / max(spans) if max(spans) else 0.0
    pitch = min(pitch, 4 * radius) if pitch else 2.4 * radius
    inner = width - 2 * radius
    xs = tuple(float(-inner / 2 + l * inner / (L - 1)) if L > 1 else 0.0 for l in range(L))

    positions, gaps, labels = [], [], []
    for l in range(L):
        sh, el = shown[l], elided[l]
        top = spans[l] * pitch / 2
        slots = np.arange(len(sh), dtype=np.float64)
        if el:
            head = (max_shown + 1) // 2
            slots[head:] += gap_slots
            gy = top - (head - 1 + (gap_slots + 1) / 2) * pitch
            gaps.append((xs[l], float(gy)))
            labels.append((xs[l], float(-top - radius - 0.4 * pitch)))
        else:
            gaps.append(None)
            labels.append(None)
        ys = top - slots * pitch
        positions.append(np.column_stack([np.full(len(sh), xs[l]), ys]))
    for p in positions:
        p.setflags(write=False)

    edges = tuple(((l, i), (l + 1, j))
                  for l in range(L - 1) for i in shown[l] for j in shown[l + 1])
    return Layout(sizes=s, width=float(width), height=float(height), max_shown=max_shown,
                  radius=radius, pitch=float(pitch), layer_x=xs, shown=tuple(shown),
                  positions=tuple(positions), elided=tuple(elided), gap=tuple(gaps),
                  count_label=tuple(labels), edges=edges)


#: The training-loop network's layout (layout units: width, height, neuron radius), one for the
#: still and the video (backprop-loop), so both draw circles of one size against the layer
#: spacing: wide enough for a signed value to three places ("−0.142") with room inside the
#: outline, the layout wide and tall enough that the circles keep their gaps.
LOOP_LAYOUT = {"width": 5.2, "height": 4.0, "radius": 0.56}


#: An edge's sign colour: the page mixed this far towards its sign's colour (Theme.signs: w ≥ 0
#: blue, w < 0 a burnt orange of its own, not the accent's; in the backprop-loop still and
#: video alike, neither reading as an error, the two apart in every simulated colour vision;
#: tested). The colour is a weight's sign only: a change Δw is drawn dashed (the still) or
#: written in ink with its sign (the video's ΔW).
SIGN_STRENGTH = 0.8


def sign_color(theme, v: float) -> np.ndarray:
    """The RGB colour of a value's sign on an edge: Theme.signs[0] for v ≥ 0, [1] below 0,
    mixed SIGN_STRENGTH of the way from the page."""
    return mix(theme.background, theme.signs[0 if v >= 0 else 1], SIGN_STRENGTH)
