"""A fully connected network as one Manim mobject, drawn on `gdviz.network_layout`'s geometry.

The neurons sit where `network_layout.layout` puts them, scaled by `unit` scene units per
layout unit and shifted to `center`, so the still figures (matplotlib, `network_draw`) and the
scenes share one geometry. Neurons and edges are named by true indices, ``(layer, i)`` and
``((l, i), (l + 1, j))``; large layers are elided with three dots and a count label.

The look of every edge (colour, width, opacity) and neuron (fill, outline) is held in small
numpy arrays, so restyling many edges at once is cheap (a 10-8-8-5 net has 224 edges):

    net = NetworkMobject(theme, (2, 3, 2), width=4.8, height=3.5, radius=0.5, unit=1.2)
    net.set_edge_style(width=net.widths(net.edge_values(W)))        # now
    self.play(net.transition(lambda n: n.set_activations(acts)))     # animated, one Animation
    self.play(net.forward_flow())                                    # pulses left to right

The mobject draws numbers it is given (gdcore's weights, gradients, activations, masks) and
computes none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
from manim import (
    ORIGIN,
    Animation,
    AnimationGroup,
    Circle,
    DecimalNumber,
    Dot,
    Indicate,
    Line,
    Succession,
    Text,
    UpdateFromAlphaFunc,
    VGroup,
)
from manim.utils.color import ManimColor

from .colors import mix, rgb
from .manim_theme import TICK_SIZE
from .network_layout import Edge, Layout, Neuron, layout
from .theme import FONT, Theme


def _per_item(value, n: int, colour: bool = False) -> np.ndarray:
    """A scalar / colour broadcast to n items, or a per-item sequence as an array."""
    if colour:
        if isinstance(value, str | ManimColor) or (np.ndim(value) == 1 and len(value) == 3
                                                   and not isinstance(value[0], str)):
            return np.tile(rgb(value), (n, 1))
        return np.array([rgb(v) for v in value]) if len(value) and isinstance(
            value[0], str | ManimColor) else np.asarray(value, dtype=np.float64).reshape(n, 3)
    return np.broadcast_to(np.asarray(value, dtype=np.float64), (n,)).copy()


class NetworkMobject(VGroup):
    """Neuron circles, edges, elision dots and count labels of a fully connected network.

    Parts: `edge_group` (Lines, in `layout.edges` order), `neuron_group` (Circles, in
    `layout.neurons()` order), `dots` and `count_labels` of elided layers. DecimalNumber labels
    made by `add_values` are kept in `values` / `value_group` but are NOT part of the
    mobject's family: the scene adds and removes them (so playing a transition of the network,
    which adds the network to the scene, never brings back a label the scene faded out).
    """

    def __init__(self, theme: Theme, sizes: Sequence[int], width: float = 10.0,
                 height: float = 6.0, max_shown: int = 12, radius: float | None = None,
                 unit: float = 1.0, center=ORIGIN, edge_color=None, edge_width: float = 1.5,
                 neuron_stroke_width: float = 2.5, count_font_size: float = 24, **kwargs):
        super().__init__(**kwargs)
        self.theme = theme
        self.layout: Layout = layout(sizes, width, height, max_shown, radius=radius)
        self.unit = float(unit)
        self.origin = np.array(center, dtype=np.float64)
        lay = self.layout
        self.radius = lay.radius * self.unit
        self.neuron_ids: list[Neuron] = [n for n, _ in lay.neurons()]
        self.edge_ids: list[Edge] = list(lay.edges)
        self._n_index = {n: k for k, n in enumerate(self.neuron_ids)}
        self._e_index = {e: k for k, e in enumerate(self.edge_ids)}

        quiet = edge_color if edge_color is not None else mix(theme.background, theme.muted, 0.5)
        E, N = len(self.edge_ids), len(self.neuron_ids)
        self.edge_rgb = np.tile(rgb(quiet), (E, 1))
        self.edge_width = np.full(E, float(edge_width))
        self.edge_opacity = np.ones(E)
        self.fill_rgb = np.tile(rgb(theme.background), (N, 1))
        self.fill_opacity = np.ones(N)
        self.stroke_rgb = np.tile(rgb(theme.muted), (N, 1))
        self.stroke_width = np.full(N, float(neuron_stroke_width))
        self.stroke_opacity = np.ones(N)

        segs = lay.segments(self.edge_ids) if E else np.zeros((0, 2, 2))
        self.edge_group = VGroup(*(Line(self.to_scene(a), self.to_scene(b)) for a, b in segs))
        self.neuron_group = VGroup(*(Circle(radius=self.radius).move_to(self.to_scene(p))
                                     for _, p in lay.neurons()))
        self.dots = VGroup()
        self.count_labels = VGroup()
        for l in range(lay.n_layers):
            for p in lay.dots(l):
                self.dots.add(Dot(self.to_scene(p), radius=lay.dot_radius() * self.unit,
                                  color=theme.muted))
            if lay.count_label[l] is not None:
                lab = Text(f"{lay.sizes[l]:,}", font=FONT, font_size=count_font_size,
                           color=theme.muted)
                self.count_labels.add(lab.move_to(self.to_scene(lay.count_label[l])))
        self.value_group = VGroup()
        self.values: dict[Neuron, DecimalNumber] = {}
        self.edge_group.set_z_index(0)
        self.neuron_group.set_z_index(1)
        self.add(self.edge_group, self.neuron_group, self.dots, self.count_labels)
        self.apply_style()

    # --- geometry ---------------------------------------------------------------------------
    def to_scene(self, xy) -> np.ndarray:
        """Scene point of a layout point (x, y): center + unit * (x, y, 0)."""
        return self.origin + self.unit * np.array([xy[0], xy[1], 0.0])

    def point(self, layer: int, i: int) -> np.ndarray:
        """Scene centre of true neuron i of `layer` (where the layout puts it, scaled)."""
        return self.to_scene(self.layout.position(layer, i))

    def neuron(self, layer: int, i: int) -> Circle:
        return self.neuron_group[self._n_index[(layer, i)]]

    def edge(self, e: Edge) -> Line:
        return self.edge_group[self._e_index[e]]

    def layer_neurons(self, layer: int) -> list[Neuron]:
        return [n for n in self.neuron_ids if n[0] == layer]

    def layer_bottom(self) -> float:
        """Scene y just below the lowest drawn neuron (rims included)."""
        return float(self.to_scene((0, self.layout.bounds()[2]))[1])

    # --- values -> styles -------------------------------------------------------------------
    def edge_values(self, mats: Sequence[np.ndarray]) -> np.ndarray:
        """Per drawn edge ((l, i), (l+1, j)) the entry mats[l][j, i] (gdcore's W layout)."""
        return np.array([float(mats[a[0]][b[1], a[1]]) for a, b in self.edge_ids])

    def neuron_values(self, per_layer: Sequence) -> np.ndarray:
        """Per drawn neuron (l, i) the entry per_layer[l][i] (NaN where a layer is None)."""
        return np.array([np.nan if per_layer[l] is None else float(np.ravel(per_layer[l])[i])
                         for l, i in self.neuron_ids])

    @staticmethod
    def widths(values, top: float | None = None, lo: float = 1.0, hi: float = 9.0):
        """Stroke widths growing linearly with |values| from lo (0) to hi (|v| = top)."""
        v = np.abs(np.asarray(values, dtype=np.float64))
        top = float(top if top is not None else (v.max() if v.size and v.max() > 0 else 1.0))
        return lo + (hi - lo) * np.clip(v / top, 0.0, 1.0)

    # --- immediate styling ------------------------------------------------------------------
    def _edge_mask(self, edges) -> np.ndarray:
        if edges is None:
            return np.arange(len(self.edge_ids))
        return np.array([self._e_index[e] for e in edges if e in self._e_index], dtype=int)

    def _neuron_mask(self, neurons) -> np.ndarray:
        if neurons is None:
            return np.arange(len(self.neuron_ids))
        return np.array([self._n_index[n] for n in neurons if n in self._n_index], dtype=int)

    def set_edge_style(self, edges: Iterable[Edge] | None = None, color=None, width=None,
                       opacity=None, apply: bool = True):
        """Colour / width / opacity of the given edges (all by default); each may be per-edge."""
        k = self._edge_mask(None if edges is None else list(edges))
        if color is not None:
            self.edge_rgb[k] = _per_item(color, len(k), colour=True)
        if width is not None:
            self.edge_width[k] = _per_item(width, len(k))
        if opacity is not None:
            self.edge_opacity[k] = _per_item(opacity, len(k))
        if apply:
            self.apply_style()
        return self

    def set_neuron_style(self, neurons: Iterable[Neuron] | None = None, fill=None,
                         fill_opacity=None, stroke=None, stroke_width=None, stroke_opacity=None,
                         apply: bool = True):
        """Fill and outline of the given neurons (all by default); each may be per-neuron."""
        k = self._neuron_mask(None if neurons is None else list(neurons))
        if fill is not None:
            self.fill_rgb[k] = _per_item(fill, len(k), colour=True)
        if fill_opacity is not None:
            self.fill_opacity[k] = _per_item(fill_opacity, len(k))
        if stroke is not None:
            self.stroke_rgb[k] = _per_item(stroke, len(k), colour=True)
        if stroke_width is not None:
            self.stroke_width[k] = _per_item(stroke_width, len(k))
        if stroke_opacity is not None:
            self.stroke_opacity[k] = _per_item(stroke_opacity, len(k))
        if apply:
            self.apply_style()
        return self

    def set_activations(self, per_layer: Sequence, color=None, vmin: float = 0.0,
                        vmax: float = 1.0, strength: float = 0.6, layers=None):
        """Fill each neuron from the background towards `color` by (a - vmin) / (vmax - vmin).

        `strength` caps the mix so value labels on top stay legible in both themes.
        """
        vals = self.neuron_values(per_layer)
        t = strength * np.clip((vals - vmin) / (vmax - vmin), 0.0, 1.0)
        keep = ~np.isnan(vals)
        if layers is not None:
            keep &= np.isin([l for l, _ in self.neuron_ids], list(layers))
        fills = mix(self.theme.background, color or self.theme.accent, np.nan_to_num(t))
        self.fill_rgb[keep] = fills[keep]
        self.apply_style()
        return self

    def style_state(self) -> dict[str, np.ndarray]:
        return {k: getattr(self, k).copy() for k in _STATE}

    def load_state(self, state: Mapping[str, np.ndarray], apply: bool = True):
        for k in _STATE:
            getattr(self, k)[...] = state[k]
        if apply:
            self.apply_style()
        return self

    def apply_style(self):
        """Push the style arrays onto the Lines and Circles."""
        for line, c, w, o in zip(self.edge_group, self.edge_rgb, self.edge_width,
                                 self.edge_opacity):
            line.set_stroke(color=ManimColor.from_rgb(c), width=float(w), opacity=float(o))
        for circ, f, fo, s, sw, so in zip(self.neuron_group, self.fill_rgb, self.fill_opacity,
                                          self.stroke_rgb, self.stroke_width,
                                          self.stroke_opacity):
            circ.set_fill(ManimColor.from_rgb(f), opacity=float(fo))
            circ.set_stroke(ManimColor.from_rgb(s), width=float(sw), opacity=float(so))
        return self

    # --- animated styling -------------------------------------------------------------------
    def transition(self, change: Callable[[NetworkMobject], object], via=None,
                   **kwargs) -> Animation:
        """One Animation from the current look to the look `change(self)` sets up.

        The target is computed now (the call returns with the mobject still in its current
        look); the animation interpolates colours, widths and opacities linearly. `via` (a
        colour): every edge whose colour changes passes through it at the middle of the play,
        never through the straight mix of its two colours (a blue edge turning rust went
        through a grey violet, a third colour no key names).
        """
        start = self.style_state()
        change(self)
        end = self.style_state()
        self.load_state(start)

        # only the items whose look changes are touched, so transitions made ahead of time
        # (e.g. one per layer of a flow) compose instead of undoing each other
        moved = {k: np.flatnonzero(np.any((start[k] != end[k]).reshape(len(start[k]), -1),
                                          axis=1)) for k in _STATE}

        mid = None if via is None else np.asarray(rgb(via), dtype=float)

        def step(mob, alpha):
            for k, idx in moved.items():
                a, b = start[k][idx], end[k][idx]
                if k == "edge_rgb" and mid is not None:
                    # out to `via` over the first half, then on to the new colour
                    a, b = (a, mid) if alpha < 0.5 else (mid, b)
                    f = 2 * alpha if alpha < 0.5 else 2 * alpha - 1
                else:
                    f = alpha
                getattr(mob, k)[idx] = (1 - f) * a + f * b
            mob.apply_style()

        return UpdateFromAlphaFunc(self, step, **kwargs)

    def drop(self, dropped: Iterable[Neuron], live_stroke=None, dropped_stroke=None,
             dropped_opacity: float = 0.7, **kwargs) -> Animation:
        """Grey out `dropped` neurons (outlined in `dropped_stroke`, default the muted colour
        faded towards the background, at `dropped_opacity`: 0 hides the outline for a scene
        that draws its own) and hide every edge touching them; every other neuron and edge is
        back in play (hidden neurons kept outlined in `live_stroke`)."""
        dropped = set(dropped)
        t = self.theme
        last = self.layout.n_layers - 1
        grey = dropped_stroke or mix(t.background, t.muted, 0.45)

        def change(n):
            edge_op = [0.0 if (a in dropped or b in dropped) else 1.0 for a, b in n.edge_ids]
            n.set_edge_style(opacity=edge_op, apply=False)
            for nid in n.neuron_ids:
                if nid in dropped:
                    stroke, op = grey, dropped_opacity
                else:
                    hidden = 0 < nid[0] < last
                    stroke, op = (live_stroke or t.muted) if hidden else t.muted, 1.0
                n.set_neuron_style([nid], fill=t.background, stroke=stroke, stroke_opacity=op,
                                   apply=False)

        return self.transition(change, **kwargs)

    def restore(self, stroke=None, **kwargs) -> Animation:
        """Every neuron and edge back in play (outline `stroke`, default muted)."""
        return self.transition(lambda n: (
            n.set_edge_style(opacity=1.0, apply=False),
            n.set_neuron_style(stroke=stroke or self.theme.muted, stroke_opacity=1.0,
                               apply=False)), **kwargs)

    def cone(self, downstream: Iterable[Neuron], source: Neuron | None = None
             ) -> tuple[list[Neuron], list[Edge]]:
        """Drawn neurons of a downstream set (e.g. gdcore.nn.downstream) and the edges that
        carry a change inside it (both ends in the set, or leaving `source`)."""
        down = set(downstream)
        inside = [n for n in self.neuron_ids if n in down]
        edges = [e for e in self.edge_ids if e[1] in down and (e[0] in down or e[0] == source)]
        return inside, edges

    def highlight_cone(self, connection: Edge, downstream: Iterable[Neuron], color=None,
                       width: float = 2.5, tweak_width: float = 8.0, **kwargs) -> Animation:
        """Outline the downstream neurons, colour the edges of the cone and thicken the one
        connection (connection = ((l, i), (l + 1, j)))."""
        color = color or self.theme.accent
        neurons, edges = self.cone(downstream, connection[0])
        edges = [e for e in edges if e[0] != connection[0] or e == connection]

        def change(n):
            n.set_neuron_style(neurons, stroke=color, stroke_width=3.5, apply=False)
            n.set_edge_style([e for e in edges if e != connection],
                             color=mix(n.theme.background, color, 0.55), width=width,
                             apply=False)
            n.set_edge_style([connection], color=color, width=tweak_width, apply=False)

        return self.transition(change, **kwargs)

    # --- value labels -----------------------------------------------------------------------
    def add_values(self, per_layer: Sequence, layers: Iterable[int] | None = None,
                   places: int = 2, font_size: float = TICK_SIZE, color=None,
                   offset=None) -> VGroup:
        """DecimalNumber labels of per_layer[l][i] inside (or `offset` from) the neurons, at
        `font_size` (never under the house minimum TICK_SIZE).

        Returns the new labels (also kept in `values` and `value_group`); an existing label of
        a neuron is replaced.
        """
        layers = range(self.layout.n_layers) if layers is None else layers
        font_size = max(font_size, TICK_SIZE)
        out = VGroup()
        for l in layers:
            if per_layer[l] is None:
                continue
            for _, i in self.layer_neurons(l):
                v = float(np.ravel(per_layer[l])[i])
                num = DecimalNumber(v, num_decimal_places=places, font_size=font_size,
                                    color=color or self.theme.text)
                num.move_to(self.point(l, i) + (np.zeros(3) if offset is None
                                                else np.asarray(offset, dtype=np.float64)))
                num.set_z_index(3)
                old = self.values.pop((l, i), None)
                if old is not None:
                    self.value_group.remove(old)
                self.values[(l, i)] = num
                self.value_group.add(num)
                out.add(num)
        return out

    def value_of(self, neuron: Neuron) -> float:
        return float(self.values[neuron].get_value())

    # --- signal flow ------------------------------------------------------------------------
    def wave(self, edges: Iterable[Edge] | None = None, backward: bool = False, color=None,
             width: float = 0.75, tail: float | None = None, run_time: float = 0.8
             ) -> Animation:
        """A clean front travelling along the live `edges` (all by default), left to right (or
        right to left if `backward`): each edge lights up in `color` where the front is, over
        `tail` scene units behind it (default one layer gap), a little wider (`width`) than the
        edge itself. The
        lit copies are added for the animation and removed at its end."""
        color = ManimColor.from_rgb(rgb(self.theme.error if backward else self.theme.accent)
                                    if color is None else rgb(color))
        edges = [e for e in (self.edge_ids if edges is None else edges)
                 if self.edge_opacity[self._e_index[e]] > 0.01]
        if not edges:
            return Animation(VGroup(), run_time=run_time)
        gap = self.unit * float(np.min(np.diff(self.layout.layer_x))) if \
            self.layout.n_layers > 1 else 1.0
        tail = gap if tail is None else float(tail)
        templates, lit = [], VGroup()
        for e in edges:
            k = self._e_index[e]
            a, b = self.edge_group[k].get_start(), self.edge_group[k].get_end()
            templates.append(Line(a, b))
            copy = Line(a, b).set_stroke(color, width=float(self.edge_width[k]) + width)
            lit.add(copy.set_z_index(0.5))
        xa = np.array([t.get_start()[0] for t in templates])
        xb = np.array([t.get_end()[0] for t in templates])
        lo, hi = float(xa.min()), float(xb.max())

        def step(group, alpha):
            front = (hi + tail - alpha * (hi - lo + 2 * tail)) if backward else \
                (lo - tail + alpha * (hi - lo + 2 * tail))
            s0, s1 = (front, front + tail) if backward else (front - tail, front)
            for line, tmpl, x0, x1 in zip(group, templates, xa, xb):
                f0 = np.clip((s0 - x0) / (x1 - x0), 0.0, 1.0)
                f1 = np.clip((s1 - x0) / (x1 - x0), 0.0, 1.0)
                if f1 - f0 < 1e-3:
                    line.set_stroke(opacity=0.0)
                else:
                    line.pointwise_become_partial(tmpl, f0, f1)
                    line.set_stroke(opacity=1.0)

        step(lit, 0.0)
        return UpdateFromAlphaFunc(lit, step, run_time=run_time, remover=True,
                                   rate_func=lambda t: t)

    def _pulse(self, layer, color):
        return [Indicate(self.neuron(*n), color=color, scale_factor=1.12)
                for n in self.layer_neurons(layer)
                if self.stroke_opacity[self._n_index[n]] >= 0.99]  # dropped ones stay quiet

    def layer_flow(self, layer: int, backward: bool = False, color=None, width: float = 0.75,
                   run_time: float = 0.8, time_width: float | None = None) -> Animation:
        """A wave along the live edges between `layer` and `layer + 1` (right to left if
        `backward`); `time_width` is the lit tail in scene units (default one layer gap)."""
        return self.wave(self.layout.edges_between(layer), backward, color, width,
                         time_width, run_time)

    def flow(self, backward: bool = False, color=None, width: float = 0.75,
             per_layer: float = 0.8, time_width: float | None = None, pulse: bool = True,
             on_layer: Callable[[int], Iterable[Animation]] | None = None) -> Animation:
        """A wave along the live edges: left to right, or right to left.

        Without `pulse` and `on_layer` it is one continuous front over the whole network;
        otherwise it goes layer by layer, and after each layer's wave the neurons reached are
        indicated (`pulse`) and `on_layer(l)` may add animations (labels, fills) for them.
        """
        L = self.layout.n_layers
        if not pulse and on_layer is None:
            return self.wave(None, backward, color, width, time_width, per_layer * (L - 1))
        color = color or (self.theme.error if backward else self.theme.accent)
        parts = []
        for s in (range(L - 1, 0, -1) if backward else range(L - 1)):
            src, reached = (s - 1, s - 1) if backward else (s, s + 1)
            group = [self.layer_flow(src, backward, color, width, per_layer, time_width)]
            after = list(self._pulse(reached, color)) if pulse else []
            if on_layer is not None:
                after += list(on_layer(reached))
            if after:
                group.append(AnimationGroup(*after, run_time=0.6 * per_layer))
            parts.append(Succession(*group))
        return Succession(*parts)

    def forward_flow(self, **kwargs) -> Animation:
        return self.flow(backward=False, **kwargs)


_STATE = ("edge_rgb", "edge_width", "edge_opacity", "fill_rgb", "fill_opacity", "stroke_rgb",
          "stroke_width", "stroke_opacity")

__all__ = ["NetworkMobject"]
