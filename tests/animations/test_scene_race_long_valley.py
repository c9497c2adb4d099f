"""Frames of race-long-valley against control data, and its drawing against gdcore's race."""

from manim.utils.testing.frames_comparison import frames_comparison
from race_checks import check_drawing

from gdcore import races
from scenes.race_long_valley import RaceLongValley

__module_test__ = "race_long_valley"

MIDDLE = 30


@frames_comparison(base_scene=RaceLongValley)
def test_race_long_valley_last_frame(scene):
    RaceLongValley.construct(scene)


class RaceLongValleyMiddle(RaceLongValley):
    """The race stopped at step MIDDLE."""

    upto = "race"
    STAGES = ((MIDDLE, 1.0),)


def test_dots_and_trails_are_gdcores_race():
    scene = RaceLongValleyMiddle(skip_animations=True)
    scene.render()
    check_drawing(scene, MIDDLE)
    scene = RaceLongValley(skip_animations=True)
    scene.render()
    out = check_drawing(scene, races.LONG_VALLEY.steps)
    assert all(o.exit is None for o in out.values())
    assert scene.statuses["SGD"].original_text == f"{out['SGD'].distance:.2f}"
