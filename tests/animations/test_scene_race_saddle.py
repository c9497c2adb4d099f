"""Frames of race-saddle against control data, and its drawing against gdcore's race."""

from manim.utils.testing.frames_comparison import frames_comparison
from race_checks import check_drawing

from gdcore import races
from scenes.race_saddle import RaceSaddle

__module_test__ = "race_saddle"

MIDDLE = 50  # Adadelta, RMSprop and Adam have left the frame by then, the others not


@frames_comparison(base_scene=RaceSaddle)
def test_race_saddle_last_frame(scene):
    RaceSaddle.construct(scene)


class RaceSaddleMiddle(RaceSaddle):
    """The race stopped at step MIDDLE."""

    upto = "race"
    STAGES = ((MIDDLE, 1.0),)


def test_dots_and_trails_are_gdcores_race():
    scene = RaceSaddleMiddle(skip_animations=True)
    scene.render()
    out = check_drawing(scene, MIDDLE)
    assert {n for n, o in out.items() if o.exit and o.exit.step <= MIDDLE} == {
        "Adadelta", "RMSprop", "Adam"}

    scene = RaceSaddle(skip_animations=True)
    scene.render()
    out = check_drawing(scene, races.SADDLE.steps)
    # everyone but SGD left the frame; SGD lingers by the saddle point
    assert [n for n, o in out.items() if o.exit is None] == ["SGD"]
    assert scene.statuses["SGD"].original_text == f"lingers, |y| = {abs(out['SGD'].final[1]):.3f}"
