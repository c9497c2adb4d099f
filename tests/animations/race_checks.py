"""The drawing check shared by the three race scene tests."""

import numpy as np
from frames import draw
from manim import ManimColor

from gdcore import races
from gdcore.optimizers import NAMES


def _anchors(mob, ax):
    a = mob.get_anchors()
    return np.array([ax.p2c(p) for p in np.vstack([a[:1], a[1::2]])])


def check_drawing(scene, k, finished=False):
    """Dots, trails, crosses and legend at whole step k are gdcore's trajectories; once the
    scene has finished, the dots of the runs that stayed in the frame have faded (no marks
    piled on the minimum) and every history is drawn at full strength."""
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
            assert scene.dots[name].get_fill_opacity() == (0 if finished else 1)
        if finished:
            assert scene.history[name].get_stroke_opacity() == 1
        np.testing.assert_allclose(drawn, want, atol=1e-9)
        assert np.all((drawn[:, 0] >= x0 - 1e-9) & (drawn[:, 0] <= x1 + 1e-9))
        assert np.all((drawn[:, 1] >= y0 - 1e-9) & (drawn[:, 1] <= y1 + 1e-9))
        tail = _anchors(scene.tails[name], scene.ax)
        np.testing.assert_allclose(tail, want[-(scene.TAIL + 1):], atol=1e-9)
        assert scene.dots[name].get_fill_color().to_hex().upper() == scene.theme.opt(name).upper()
    return out


def check_colours(scene, least=100):
    """No path hides under another in the final frame: taking one optimizer's history, tail,
    dot and cross away changes pixels that were that optimizer's own colour (within 6/255)."""
    full = draw(scene)
    least *= full.shape[0] * full.shape[1] / (1920 * 1080)  # least: pixels of a 1080p frame
    for name in NAMES:
        parts = [scene.history[name], scene.tails[name], scene.dots[name]]
        parts += [scene.crosses[name]] if name in scene.crosses else []
        scene.remove(*parts)
        changed = np.any(draw(scene) != full, axis=2)
        scene.add(*parts)
        want = np.array(ManimColor(scene.theme.opt(name)).to_rgb()) * 255
        own = np.all(np.abs(full - want) <= 6, axis=2) & changed
        assert own.sum() >= least, f"{name}: {own.sum()} pixels of its colour"
