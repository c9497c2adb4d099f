"""All seven optimizers in a long, narrow valley (gdcore.races.LONG_VALLEY): plain SGD crawls
along the floor, the momentum methods swing from wall to wall, the adaptive ones turn at once.

Render alone with: manim -ql scenes/race_long_valley.py RaceLongValley
"""

from gdcore import races
from gdviz.race_scene import RaceScene


class RaceLongValley(RaceScene):
    RACE = races.LONG_VALLEY
    TITLE = "A long, narrow valley"
    STAGES = ((12, 4.0), (80, 10.0))
    TAIL = 10
    MAP_TOP = 2.2
    MAP_MAX_W = 7.8
    X_TICK, Y_TICK = 2.0, 1.0
