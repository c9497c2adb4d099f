"""The backprop-loop scene (frames: test_scene_frames.py): its numbers and edges against gdcore."""

import numpy as np
import pytest
from frames import rendered

from gdcore import nn
from scenes.backprop_loop import LR, SIZES, W_HI, W_LO, WORKED, BackpropLoop, X, Y


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
        assert f"{v:.3f}" in tex
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
