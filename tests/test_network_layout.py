"""Tests for gdviz.network_layout: neuron counts, elision, edges, index mapping, geometry."""

from __future__ import annotations

import ast
import dataclasses

import numpy as np
import pytest

from gdviz.network_layout import layout


def test_pure_numpy_no_drawing_library():
    import gdviz.network_layout as nl

    tree = ast.parse(open(nl.__file__).read())
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
                for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree)
                 if isinstance(n, ast.ImportFrom) and n.module}
    assert "numpy" in imported
    assert not imported & {"matplotlib", "manim", "gdviz"}


def test_small_network_everything_drawn():
    sizes = (10, 8, 8, 5)
    lay = layout(sizes)
    assert lay.sizes == sizes
    assert [len(s) for s in lay.shown] == list(sizes)
    assert [p.shape for p in lay.positions] == [(n, 2) for n in sizes]
    assert lay.elided == (False,) * 4
    assert lay.gap == (None,) * 4 and lay.count_label == (None,) * 4
    assert len(lay.edges) == 10 * 8 + 8 * 8 + 8 * 5
    assert len(set(lay.edges)) == len(lay.edges)
    assert all(b == (a[0] + 1, b[1]) for a, b in lay.edges)
    assert len(lay.neurons()) == sum(sizes)


def test_geometry_fits_and_is_centred():
    lay = layout((10, 8, 8, 5), width=10, height=6)
    x0, x1, y0, y1 = lay.bounds()
    assert x0 >= -5 - 1e-9 and x1 <= 5 + 1e-9
    assert y0 >= -3 - 1e-9 and y1 <= 3 + 1e-9
    assert x0 == pytest.approx(-5) and x1 == pytest.approx(5)
    assert np.all(np.diff(lay.layer_x) > 0)
    assert np.allclose(np.diff(lay.layer_x), np.diff(lay.layer_x)[0])  # evenly spread
    for p, x in zip(lay.positions, lay.layer_x):
        assert np.allclose(p[:, 0], x)
        assert p[:, 1].mean() == pytest.approx(0.0)  # columns centred vertically
        assert np.all(np.diff(p[:, 1]) < 0)  # index 0 at the top
        assert np.allclose(-np.diff(p[:, 1]), lay.pitch)
    assert lay.pitch > 2 * lay.radius  # neighbours do not touch


def test_tallest_column_fills_the_height():
    lay = layout((3, 9, 2), width=8, height=5)
    _, _, y0, y1 = lay.bounds()
    assert y1 - y0 == pytest.approx(5.0)


def test_elision_of_a_large_layer():
    lay = layout((784, 15, 10), max_shown=16)
    assert lay.elided == (True, False, False)
    assert lay.shown[0] == tuple(range(8)) + tuple(range(776, 784))
    assert lay.shown[1] == tuple(range(15))
    assert len(lay.edges) == 16 * 15 + 15 * 10
    assert lay.count_label[0] is not None and lay.count_label[1] is None
    # the gap sits between the last head neuron and the first tail neuron
    _, y_head = lay.position(0, 7)
    _, y_tail = lay.position(0, 776)
    gx, gy = lay.gap[0]
    assert gx == lay.layer_x[0] and y_tail < gy < y_head
    assert y_head - y_tail == pytest.approx(2 * lay.pitch)  # one empty slot (gap_slots=1)
    dots = lay.dots(0)
    assert dots.shape == (3, 2)
    assert np.all((dots[:, 1] - lay.dot_radius() > y_tail + lay.radius)
                  & (dots[:, 1] + lay.dot_radius() < y_head - lay.radius))
    assert lay.dots(1).shape == (0, 2)
    # count label below the column
    assert lay.count_label[0][1] < lay.positions[0][:, 1].min() - lay.radius


def test_odd_max_shown_puts_the_extra_neuron_on_top():
    lay = layout((20, 3), max_shown=7)
    assert lay.shown[0] == (0, 1, 2, 3, 17, 18, 19)


def test_layer_at_max_shown_is_not_elided():
    lay = layout((12, 13), max_shown=12)
    assert lay.elided == (False, True)
    assert len(lay.shown[0]) == 12 and len(lay.shown[1]) == 12


def test_index_mapping():
    lay = layout((784, 15, 10), max_shown=16)
    assert lay.drawn_index(0, 0) == 0
    assert lay.drawn_index(0, 7) == 7
    assert lay.drawn_index(0, 8) is None
    assert lay.drawn_index(0, 400) is None
    assert lay.drawn_index(0, 776) == 8
    assert lay.drawn_index(0, 783) == 15
    assert lay.drawn_index(2, 9) == 9
    assert not lay.is_drawn(0, 500) and lay.is_drawn(1, 14)
    x, y = lay.position(0, 783)
    assert (x, y) == tuple(lay.positions[0][15])
    with pytest.raises(ValueError, match="elided"):
        lay.position(0, 500)
    with pytest.raises(ValueError):
        lay.drawn_index(1, 15)
    with pytest.raises(ValueError):
        lay.drawn_index(0, -1)
    # every edge joins two drawn neurons
    assert all(lay.is_drawn(*a) and lay.is_drawn(*b) for a, b in lay.edges)


def test_segments_are_trimmed_to_the_rims():
    lay = layout((2, 3))
    seg = lay.segment(((0, 0), (1, 2)))
    full = lay.segment(((0, 0), (1, 2)), trim=False)
    assert np.allclose(full[0], lay.position(0, 0)) and np.allclose(full[1], lay.position(1, 2))
    d_full = np.linalg.norm(full[1] - full[0])
    assert np.linalg.norm(seg[1] - seg[0]) == pytest.approx(d_full - 2 * lay.radius)
    assert lay.segments().shape == (6, 2, 2)
    assert lay.segments([]).shape == (0, 2, 2)
    assert len(lay.edges_between(0)) == 6


def test_fixed_radius_and_single_neuron_layers():
    lay = layout((2, 1), width=4, height=2, radius=0.3)
    assert lay.radius == 0.3
    lay1 = layout((1, 1, 1))
    assert len(lay1.edges) == 2 and lay1.pitch > 0
    assert all(p[0, 1] == 0 for p in lay1.positions)


def test_layout_is_frozen():
    lay = layout((2, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        lay.radius = 1.0  # type: ignore[misc]
    with pytest.raises(ValueError):
        lay.positions[0][0, 0] = 5.0


@pytest.mark.parametrize("kw", [dict(sizes=()), dict(sizes=(3, 0)), dict(sizes=(2.5, 3)),
                                dict(sizes=(3, 3), max_shown=1),
                                dict(sizes=(3, 3), width=0),
                                dict(sizes=(3, 3), gap_slots=0),
                                dict(sizes=(3, 3), radius=-1)])
def test_bad_arguments(kw):
    with pytest.raises(ValueError):
        layout(**kw)
