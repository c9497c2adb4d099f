"""All seven optimizers from just off the ridge of the saddle J(w₁, w₂) = w₁² − w₂²
(gdcore.races.SADDLE): plain SGD lingers at the saddle point, the others escape and leave the
frame; the ridge w₂ = 0 is drawn dotted under the runs' lanes, which straddle it, and named; an
inset (races.SADDLE_ZOOM) magnifies the saddle point's neighbourhood, and at the end
it takes the map's place: SGD's end square beside the saddle point, the other paths turning up
the slope.

Render alone with: manim -ql scenes/race_saddle.py RaceSaddle
"""

from manim import RIGHT

from gdcore import races
from gdviz.manim_theme import sections
from gdviz.race_scene import RaceScene


class RaceSaddle(RaceScene):
    RACE = races.SADDLE
    TITLE = "A saddle point"
    RACE_WORDS = ("SGD slides along the ridge to the saddle point and lingers; the other six "
                  "turn off it and leave the frame")
    STAGES = ((30, 4.0), (80, 6.0), (120, 3.0))
    TAIL = 12
    START_LABEL = RIGHT  # as in the still: the paths leave the start to the left and up
    X_TICK, Y_TICK = 0.5, 0.5
    STEP_TICK = 40
    WIDTH_STEP = 0.25  # Adagrad's and RMSprop's paths share the climb to the top edge
    RINGED = ("Momentum",)  # same α and β as NAG: its dot a ring around NAG's at the start
    # Momentum and NAG share the ridge (with SGD) and then the climb by x = 0, Adagrad climbs
    # along RMSprop: each run in its own lane, 4.8 px from the next, stepping diagonally
    # (race_plot.LANE_WAYS), SGD in the middle one, on its points; the ridge w₂ = 0 drawn
    # dotted under them and named. The three runs that travel the ridge take the middle lanes,
    # NAG's just above SGD's and Momentum's just below (the still's order puts both below), so
    # that the lanes straddle the ridge and read as lanes of that one ridge; Adagrad and
    # RMSprop, which climb together, keep neighbouring lanes
    LANE = 0.08
    RIDGE = True
    LANE_ORDER = ("Adagrad", "RMSprop", "NAG", "SGD", "Momentum", "Adam", "Adadelta")
    INSET = races.SADDLE_ZOOM
    ZOOM_HEADING = "the saddle point, magnified"
    # SGD's status, "lingers, |w₂| = 0.011", is the widest: the map a little smaller than the
    # races' (4.85 units square) leaves the legend's two columns 24 px apart and its statuses
    # clear of the frame's edge
    STATUS_GAP = 0.4
    MAP_MAX_H = 4.85

    SECTIONS = sections(RaceScene.section_setup, RaceScene.section_race,
                        RaceScene.section_finish, RaceScene.section_zoom)
