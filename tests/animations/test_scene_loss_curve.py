"""The loss-curve scene (frames: test_scene_frames.py): its curve against gdcore's training run."""

import numpy as np
from frames import rendered

from gdcore import data, nn
from gdcore.networks import LOSS_CURVE as EX
from scenes.loss_curve import LossCurve


def test_drawn_curve_is_gdcores_train_losses():
    scene = rendered(LossCurve)
    # the run is the still's: gdcore.nn.train with gdcore.networks.LOSS_CURVE's settings
    X, Y = data.two_moons(EX.n_points, seed=EX.seed)
    net = nn.init_mlp(list(EX.sizes), activation=EX.activation, seed=EX.seed)
    want = nn.train(net, X, Y, EX.steps, EX.lr, seed=EX.seed).train_losses
    np.testing.assert_array_equal(scene.X, X)
    plot, curve, dot = scene.plot
    a = curve.get_anchors()
    drawn = np.array([plot.p2c(p) for p in np.vstack([a[:1], a[1::2]])])
    assert scene.k() == EX.steps
    np.testing.assert_allclose(drawn[:, 0], np.arange(EX.steps + 1), atol=1e-6)
    np.testing.assert_allclose(drawn[:, 1], want, atol=1e-9)
    np.testing.assert_allclose(plot.p2c(dot.get_center()), [EX.steps, want[-1]], atol=1e-9)
    # it falls and levels off: most of the drop within the first EARLY iterations
    drop = want[0] - want[-1]
    assert want[EX.early] - want[-1] < 0.25 * drop
    assert np.all(np.diff(want) <= 1e-12)
