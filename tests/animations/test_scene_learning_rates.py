"""The learning-rates scene (frames: test_scene_frames.py): its drawing against gdcore's runs."""

import numpy as np
from frames import rendered

from gdcore.cost_descent import COST_DESCENT
from scenes.learning_rates import WINDOW, LearningRates, drawn_path, runs


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def test_drawn_paths_are_gdcores_runs():
    scene = rendered(LearningRates, upto="descent-start")
    k = int(scene.step.get_value())
    trs = runs()
    large = trs[COST_DESCENT.learning_rates[-1][0]]
    assert large.diverged and COST_DESCENT.learning_rates[-1][1] > COST_DESCENT.max_stable_rate
    assert k == len(drawn_path(large.points)) - 1
    for name, tr in trs.items():
        drawn = _anchors(scene.trails[name], scene.ax.p2c)
        want = drawn_path(tr.points)[: k + 1]
        np.testing.assert_allclose(drawn, want, atol=1e-9)
        cost = _anchors(scene.curves[name], scene.plot.p2c)
        np.testing.assert_allclose(cost[:, 0], np.arange(k + 1), atol=1e-6)
        np.testing.assert_allclose(cost[:, 1], tr.losses[: k + 1], rtol=1e-9)
    # the large rate's drawn path ends on the map's edge, every point inside the window
    p = _anchors(scene.trails[COST_DESCENT.learning_rates[-1][0]], scene.ax.p2c)
    (m0, m1), (b0, b1) = WINDOW
    assert np.all((p[:, 0] >= m0 - 1e-9) & (p[:, 0] <= m1 + 1e-9))
    assert np.all((p[:, 1] >= b0 - 1e-9) & (p[:, 1] <= b1 + 1e-9))
    assert np.isclose(p[-1, 0], m1) or np.isclose(p[-1, 0], m0)
