"""Frames of race-beale against control data, and its drawing against gdcore's race."""

from manim.utils.testing.frames_comparison import frames_comparison
from race_checks import check_drawing

from gdcore import races
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
