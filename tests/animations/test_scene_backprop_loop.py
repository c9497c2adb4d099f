"""The backprop-loop scene (frames: test_scene_frames.py): its numbers and edges against gdcore."""

import numpy as np
import pytest
from frames import rendered

from gdcore import nn
from scenes.backprop_loop import (
    LR,
    SIZES,
    W_HI,
    W_LO,
    WORK_PLACES,
    WORKED,
    BackpropLoop,
    X,
    Y,
)


def _gdcore():
    net = nn.init_mlp(SIZES, "sigmoid", "sigmoid", seed=0, scale=1.0)
    return net, nn.sgd_step(net, X, Y, LR)


def test_backward_shows_gdcores_gradients():
    scene = rendered(BackpropLoop, upto="backward")
    net, _ = _gdcore()
    gW, gb = nn.backprop(net, X, Y)
    m = scene.net
    # error terms in the neurons: delta of a neuron = dL/db (one example)
    for l in (1, 2):
        for i in range(SIZES[l]):
            assert m.value_of((l, i)) == gb[l - 1][i]
    # edge widths grow linearly with |dL/dw|, and the matrices show dL/dW
    g = m.edge_values(gW)
    np.testing.assert_allclose(m.edge_width, W_LO + (W_HI - W_LO) * np.abs(g) / np.abs(g).max())
    for l, group in enumerate(scene.mats):
        shown = [e.get_value() for e in group[1].get_entries()]
        np.testing.assert_allclose(shown, gW[l].ravel(), atol=0)
    # the worked edge: a·δ from the printed a and δ prints the printed ∂J/∂w
    (la, ka), (ld, jd) = WORKED
    acts = nn.forward(net, X)
    a, d, g, p = acts[la][0][ka], gb[ld - 1][jd], gW[la][jd, ka], WORK_PLACES
    assert a * d == pytest.approx(g)
    assert f"{float(f'{a:.{p}f}') * float(f'{d:.{p}f}'):.{p}f}" == f"{g:.{p}f}"
    assert f"{a:.{p}f} \\times {d:.{p}f} = {g:.{p}f}" in scene.work[1].tex_string
    # the panel stays 0.4 clear of the frame's edges (24 px at 480p), the network too
    for m in (scene.work, scene.mats, scene.eq, scene.net, scene.head):
        assert m.get_left()[0] >= -7.111 + 0.4 and m.get_right()[0] <= 7.111 - 0.4


def test_update_shows_gdcores_changes_and_the_worked_edge():
    scene = rendered(BackpropLoop, upto="update")
    net, new = _gdcore()
    gW, _ = nn.backprop(net, X, Y)
    # the ΔW matrices are gdcore's update, new weights minus old, entry by entry
    for l, group in enumerate(scene.dmats):
        shown = [e.get_value() for e in group[1].get_entries()]
        np.testing.assert_allclose(shown, (new.weights[l] - net.weights[l]).ravel(),
                                   atol=1e-12)
        np.testing.assert_allclose(shown, -LR * gW[l].ravel(), atol=1e-12)
    # the worked edge: w - α·∂J/∂w = w_new, with the numbers shown
    (la, ka), (_, jd) = WORKED
    w0, w1, g = net.weights[la][jd, ka], new.weights[la][jd, ka], gW[la][jd, ka]
    assert w0 - LR * g == pytest.approx(w1)
    tex = scene.w_line.tex_string
    for v in (w0, g, w1):
        assert f"{v:.{WORK_PLACES}f}" in tex
    # the printed numbers add up: w − α g computed from the printed w and g prints w_new
    p = WORK_PLACES
    assert f"{float(f'{w0:.{p}f}') - LR * float(f'{g:.{p}f}'):.{p}f}" == f"{w1:.{p}f}"
    # every ΔW entry (one decimal fewer) is −α times the printed gradient entry, rounded
    for l, group in enumerate(scene.dmats):
        assert group[1].get_entries()[0].num_decimal_places == p - 1
        from_printed = np.round(-LR * np.round(gW[l], p), p - 1)
        np.testing.assert_array_equal(from_printed, np.round(-LR * gW[l], p - 1))
    # the edges: widths ∝ |w_new|, colours by the sign of w_new; the old widths as a ghost
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    w = scene.net.edge_values(new.weights)
    np.testing.assert_allclose(scene.net.edge_width, W_LO + (W_HI - W_LO) * np.abs(w) / wtop)
    np.testing.assert_allclose(scene.net.edge_rgb, [c.to_rgb() for c in scene.sign_colours(w)])
    old = W_LO + (W_HI - W_LO) * np.abs(scene.net.edge_values(net.weights)) / wtop
    np.testing.assert_allclose([ln.get_stroke_width() for ln in scene.ghost], old)


def test_last_frame_is_the_updated_network():
    scene = rendered(BackpropLoop)
    net, new = _gdcore()
    acts = [a[0] for a in nn.forward(new, X)]
    for (l, i), num in scene.net.values.items():
        assert num.get_value() == acts[l][i]
    wtop = max(float(np.abs(w).max()) for w in (*net.weights, *new.weights))
    w = scene.net.edge_values(new.weights)
    np.testing.assert_allclose(scene.net.edge_width, W_LO + (W_HI - W_LO) * np.abs(w) / wtop)
    assert nn.loss(new, X, Y) < nn.loss(net, X, Y)
    assert scene.r["loss_after"] == nn.loss(new, X, Y)
