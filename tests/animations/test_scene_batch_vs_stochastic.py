"""The batch-vs-stochastic scene: its drawing against gdcore's runs."""

import numpy as np
from frames import rendered

from gdcore import races
from scenes.batch_vs_stochastic import BatchVsStochastic


def _anchors(mob, to_data):
    a = mob.get_anchors()
    return np.array([to_data(p) for p in np.vstack([a[:1], a[1::2]])])


def test_drawn_paths_are_gdcores_runs():
    scene = rendered(BatchVsStochastic)
    assert scene.k() == races.BATCH_RACE.steps
    trs = races.run_batch_race(races.BATCH_RACE)
    assert list(scene.trails) == list(trs) == list(races.BATCH_RACE.labels)
    ax, plot = scene.map[0], scene.cost[0]
    for name, tr in trs.items():
        assert not tr.diverged and tr.steps == races.BATCH_RACE.steps
        np.testing.assert_allclose(_anchors(scene.trails[name], ax.p2c), tr.points, atol=1e-9)
        np.testing.assert_allclose(ax.p2c(scene.dots[name].get_center()), tr.final, atol=1e-9)
        cost = _anchors(scene.curves[name], plot.p2c)
        np.testing.assert_allclose(cost[:, 0], np.arange(tr.steps + 1), atol=1e-6)
        np.testing.assert_allclose(cost[:, 1], tr.losses, rtol=1e-9)
    # the sampled runs are the noisy ones: their cost goes up at many steps, the full batch's never
    ups = [int(np.sum(np.diff(tr.losses) > 0)) for tr in trs.values()]
    assert ups[0] == 0 and min(ups[1:]) > 50
    # three distinct colours
    assert len({str(c) for c in scene.colors.values()}) == 3
