"""gdviz.network_mobject: the Manim network is network_layout's geometry, scaled, and shows
gdcore's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from manim import DOWN, LEFT, linear

from gdcore import nn
from gdviz import theme as th
from gdviz.colors import mix, rgb
from gdviz.network_layout import layout
from gdviz.network_mobject import NetworkMobject

T = th.get("light")


@pytest.mark.parametrize("sizes, kw", [
    ((10, 8, 8, 5), dict(width=12.5, height=5.6, unit=0.84, center=0.25 * DOWN + 0.5 * LEFT)),
    ((2, 3, 2), dict(width=4.8, height=3.5, radius=0.5, unit=1.2)),
    ((784, 15, 10), dict(width=10.0, height=6.0, unit=0.7)),
])
def test_geometry_is_the_layout_scaled(sizes, kw):
    net = NetworkMobject(T, sizes, **kw)
    lay = layout(sizes, kw["width"], kw["height"], radius=kw.get("radius"))
    unit, c = kw["unit"], np.array(kw.get("center", np.zeros(3)), dtype=float)
    # neurons per layer, elision included
    per_layer = [sum(1 for n in net.neuron_ids if n[0] == l) for l in range(len(sizes))]
    assert per_layer == [len(s) for s in lay.shown]
    assert len(net.neuron_group) == sum(per_layer)
    assert len(net.dots) == 3 * sum(lay.elided)
    assert [lab.text for lab in net.count_labels] == [
        f"{n:,}" for n, e in zip(sizes, lay.elided) if e]
    # edges: one Line per drawn edge, between the layout's trimmed end points, scaled
    assert len(net.edge_group) == len(lay.edges)
    for e, line in zip(lay.edges, net.edge_group):
        (a, b) = lay.segment(e)
        np.testing.assert_allclose(line.get_start(), c + unit * np.r_[a, 0], atol=1e-9)
        np.testing.assert_allclose(line.get_end(), c + unit * np.r_[b, 0], atol=1e-9)
    # neuron centres and radius
    for (l, i), p in lay.neurons():
        np.testing.assert_allclose(net.neuron(l, i).get_center(), c + unit * np.r_[p, 0],
                                   atol=1e-9)
        np.testing.assert_allclose(net.point(l, i), c + unit * np.r_[p, 0], atol=1e-12)
    np.testing.assert_allclose(net.neuron_group[0].width, 2 * unit * lay.radius, rtol=1e-6)
    for l in range(len(sizes)):
        for k, p in enumerate(lay.dots(l)):
            dot = net.dots[3 * sum(lay.elided[:l]) + k]
            np.testing.assert_allclose(dot.get_center(), c + unit * np.r_[p, 0], atol=1e-9)


def test_a_10_8_8_5_net_has_all_its_edges():
    net = NetworkMobject(T, (10, 8, 8, 5))
    assert len(net.edge_group) == nn.weight_count((10, 8, 8, 5)) == 184


def test_values_shown_are_gdcores():
    sizes, x = (2, 3, 2), np.array([1.0, 0.5])
    mlp = nn.init_mlp(sizes, "sigmoid", "sigmoid", seed=0, scale=1.0)
    acts = [a[0] for a in nn.forward(mlp, x)]
    net = NetworkMobject(T, sizes, 4.8, 3.5, radius=0.5)
    labels = net.add_values(acts, places=2)
    assert len(labels) == sum(sizes)
    for (l, i), num in net.values.items():
        assert num.get_value() == acts[l][i]
        np.testing.assert_allclose(num.get_center(), net.point(l, i), atol=1e-9)
    # edge values follow gdcore's W[l][j, i] (neuron i of layer l -> neuron j of layer l+1)
    vals = net.edge_values(mlp.weights)
    for ((l, i), (_, j)), v in zip(net.edge_ids, vals):
        assert v == mlp.weights[l][j, i]
    w = net.widths(vals, lo=1.0, hi=9.0)
    assert w[np.argmax(np.abs(vals))] == pytest.approx(9.0)
    np.testing.assert_allclose(w, 1.0 + 8.0 * np.abs(vals) / np.abs(vals).max())
    # fills follow activations: larger a, more accent
    net.set_activations(acts, strength=0.5)
    for l, i in net.neuron_ids:
        k = net._n_index[(l, i)]
        np.testing.assert_allclose(net.fill_rgb[k], mix(T.background, T.accent,
                                                        0.5 * acts[l][i]), atol=1e-12)


def _play(anim):
    anim.begin()
    anim.interpolate(1.0)
    anim.finish()


def test_transitions_compose_and_land_on_their_target():
    net = NetworkMobject(T, (2, 3, 2))
    acts = [np.array([0.2, 0.4]), np.array([0.1, 0.5, 0.9]), np.array([0.3, 0.7])]
    first = net.transition(lambda n: n.set_activations(acts, layers=[1]))
    second = net.transition(lambda n: n.set_activations(acts, layers=[2]))
    assert np.allclose(net.fill_rgb, rgb(T.background))  # made ahead, nothing changed yet
    _play(first)
    _play(second)  # made before `first` ran, must not undo it
    ref = NetworkMobject(T, (2, 3, 2)).set_activations(acts, layers=[1, 2])
    np.testing.assert_allclose(net.fill_rgb, ref.fill_rgb)
    for circ, f in zip(net.neuron_group, ref.fill_rgb):
        np.testing.assert_allclose(circ.get_fill_color().to_rgb(), f, atol=1e-2)
    # an edge turning from one sign's colour to the other's passes through `via` at the
    # play's middle (backprop-loop: the resting grey), never the mix of blue and rust, a third
    # colour no key names; an edge that keeps its colour is not touched
    net.set_edge_style(color=T.data)
    net.set_edge_style([net.edge_ids[0]], color=T.negative)
    turn = net.transition(lambda n: n.set_edge_style(color=T.negative), via=T.muted,
                          rate_func=linear)
    turn.begin()
    for alpha, want in ((0.25, mix(T.data, T.muted, 0.5)), (0.5, rgb(T.muted)),
                        (0.75, mix(T.muted, T.negative, 0.5))):
        turn.interpolate(alpha)
        np.testing.assert_allclose(net.edge_rgb[1:], np.broadcast_to(want, (len(net.edge_ids) - 1,
                                                                        3)), atol=1e-9)
        np.testing.assert_allclose(net.edge_rgb[0], rgb(T.negative), atol=1e-9)
    turn.interpolate(1.0)
    turn.finish()
    np.testing.assert_allclose(net.edge_rgb, np.broadcast_to(rgb(T.negative), net.edge_rgb.shape))


def test_drop_hides_exactly_the_edges_of_dropped_neurons():
    sizes = (4, 6, 6, 2)
    net = NetworkMobject(T, sizes)
    masks = nn.dropout_masks(sizes, 0.5, 1, seed=0)[0]
    dropped = {(h + 1, int(i)) for h, m in enumerate(masks) for i in np.flatnonzero(~m)}
    _play(net.drop(dropped, live_stroke=T.accent))
    for (a, b), line, op in zip(net.edge_ids, net.edge_group, net.edge_opacity):
        gone = a in dropped or b in dropped
        assert op == (0.0 if gone else 1.0)
        assert line.get_stroke_opacity() == pytest.approx(op)
    _play(net.restore())
    assert np.all(net.edge_opacity == 1.0) and np.all(net.stroke_opacity == 1.0)


def test_cone_is_gdcores_downstream_set():
    sizes = (10, 8, 8, 5)
    net = NetworkMobject(T, sizes)
    down = nn.downstream(sizes, 0, 2, 1)
    neurons, edges = net.cone(down, (0, 1))
    assert set(neurons) == set(down)
    assert ((0, 1), (1, 2)) in edges
    assert all(b in down and (a in down or a == (0, 1)) for a, b in edges)
    assert len(edges) == 1 + 8 + 8 * 5


def test_colour_mix_by_hand():
    assert rgb("#FF8000").tolist() == [1.0, 128 / 255, 0.0]
    np.testing.assert_allclose(mix("#000000", "#FFFFFF", 0.25), [0.25, 0.25, 0.25])
    np.testing.assert_allclose(mix("#000000", "#FF0000", [0.0, 2.0]), [[0, 0, 0], [1, 0, 0]])
    with pytest.raises(ValueError, match="rrggbb"):
        rgb("#FFF")
