"""Frames of race-beale against control data, and its drawing against gdcore's race."""

import numpy as np
from manim.utils.testing.frames_comparison import frames_comparison

from gdcore import races
from gdcore.optimizers import NAMES
from scenes.race_beale import RaceBeale

__module_test__ = "race_beale"

MIDDLE = 150


@frames_comparison(base_scene=RaceBeale)
def test_race_beale_last_frame(scene):
    RaceBeale.construct(scene)


class RaceBealeMiddle(RaceBeale):
    """The race stopped at step MIDDLE."""

    upto = "race"
    STAGES = ((MIDDLE, 1.0),)


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


def test_dots_and_trails_are_gdcores_race():
    scene = RaceBealeMiddle(skip_animations=True)
    scene.render()
    check_drawing(scene, MIDDLE)
    scene = RaceBeale(skip_animations=True)
    scene.render()
    out = check_drawing(scene, races.BEALE.steps)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["NAG"].original_text == "< 0.001"
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"
