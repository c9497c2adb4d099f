"""The drawing check shared by the three race scene tests."""

import numpy as np

from gdcore import races
from gdcore.optimizers import NAMES


def _anchors(mob, ax):
    a = mob.get_anchors()
    return np.array([ax.p2c(p) for p in np.vstack([a[:1], a[1::2]])])


def check_drawing(scene, k):
    """Dots, trails, crosses and legend at whole step k are gdcore's trajectories."""
    race = scene.RACE
    trs = races.run_race(race)
    out = races.outcomes(race, trs)
    assert tuple(scene.dots) == NAMES and int(round(scene.step.get_value())) == k
    (x0, x1), (y0, y1) = race.window
    for name, tr in trs.items():
        ex = out[name].exit
        gone = ex is not None and k >= ex.step
        drawn = _anchors(scene.history[name], scene.ax)
        if gone:  # drawn only up to the exit, ending on the window's edge
            want = np.vstack([tr.points[: ex.step], ex.point])
            assert len(drawn) == ex.step + 1
            np.testing.assert_allclose(scene.ax.p2c(scene.crosses[name].get_center()),
                                       ex.point, atol=1e-9)
            assert scene.dots[name].get_fill_opacity() == 0
            assert scene.statuses[name].get_fill_opacity() == 1
            assert scene.statuses[name].original_text == f"left at step {ex.step}"
        else:
            want = tr.points[: k + 1]
            np.testing.assert_allclose(scene.ax.p2c(scene.dots[name].get_center()),
                                       tr.points[k], atol=1e-9)
            assert scene.dots[name].get_fill_opacity() == 1
        np.testing.assert_allclose(drawn, want, atol=1e-9)
        assert np.all((drawn[:, 0] >= x0 - 1e-9) & (drawn[:, 0] <= x1 + 1e-9))
        assert np.all((drawn[:, 1] >= y0 - 1e-9) & (drawn[:, 1] <= y1 + 1e-9))
        tail = _anchors(scene.tails[name], scene.ax)
        np.testing.assert_allclose(tail, want[-(scene.TAIL + 1):], atol=1e-9)
        assert scene.dots[name].get_fill_color().to_hex().upper() == scene.theme.opt(name).upper()
    return out
