"""All seven optimizers from just off the ridge of the saddle J(w₁, w₂) = w₁² − w₂²
(gdcore.races.SADDLE): plain SGD lingers at the saddle point, the others escape and leave the
frame; the ridge w₂ = 0 is drawn dotted under the runs' lanes, which straddle it, and named on
a halo, as the start is. A short set-up (the title from the first frame, the map, then the
marks, then the legend and panel, then the seven heads, fanned round the start until they
gather into it to set off). The whole race plays on the map: Momentum and NAG swing past
the saddle point and climb away, SGD slides in along the ridge, the legend and the distance
panel saying which run left the map when. Then, once, the saddle point's neighbourhood
(races.SADDLE_ZOOM, about 16 times the map's scale) opens out of its box on the map: the map's
numbers and the settings leave, the box comes in on the map with its two leaders, and the view
opens out of it into the room under it that no path crosses (RaceScene.region_view), the map
staying; then its own ticks and numbers, its level lines spaced for its own range of costs:
SGD's end square, 10.8 px, its |w₂| = 0.011 some 17 px above the dotted ridge, right of the
saddle point's plus, the other paths passing along the ridge and turning up the slope, clipped
at the view's edges, each in its lane as on the map (4.8 px from the next at every size:
Momentum's and NAG's paths, which share the ridge and the climb, stay apart).

Render alone with: manim -ql scenes/race_saddle.py RaceSaddle
"""

from manim import RIGHT

from gdcore import races
from gdviz.manim_theme import sections
from gdviz.race_scene import RaceScene


class RaceSaddle(RaceScene):
    RACE = races.SADDLE
    TITLE = "A saddle point"
    RACE_WORDS = ("Momentum and NAG overshoot the saddle point, swing back and climb away, SGD "
                  "slides to it and lingers; Adagrad, Adadelta, RMSprop and Adam turn off at "
                  "once and leave the frame")
    # the runs part within the first ten steps; then the steps that tell the story, 7 a
    # second: Momentum and NAG linger about the saddle point and leave it, SGD slides along
    # the ridge towards it, every other run leaves the frame (the legend and the panel say
    # when, by step 76); then SGD alone creeps on to the end in a second (only its path and
    # its curve move: at 2 s the race stood still), and the zoom shows where it ends
    STAGES = ((10, 3.0), (80, 10.0), (120, 1.0))
    TAIL = 12
    START_LABEL = RIGHT  # as in the still: the paths leave the start to the left and up
    X_TICK, Y_TICK = 1.0, 1.0  # at 0.5 the numbers stood 2 px apart at 480p
    ZOOM_FROM_REGION = True  # the region's box on the map opens out into the magnified view
    STEP_TICK = 40
    WIDTH_STEP = 0.25  # Adagrad's and RMSprop's paths share the climb to the top edge
    # SGD, which lingers at the saddle point, is the story: its path as wide as the widest
    # and at full strength, on top, hiding the dotted ridge under it between the lanes of
    # Momentum and NAG (on top, WIDTH_STEP made it the thinnest, faint over the dots)
    BOLD = ("SGD",)
    # same α and β as NAG: where their lanes cross by the saddle point NAG's triangle would hide
    # Momentum's dot; over it, of one size with every head, the triangle's corners show round it
    HEADS_OVER = ("Momentum",)
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
    INSET = races.SADDLE_ZOOM  # shown only magnified (ZOOM_FROM_REGION)
    ZOOM_HEADING = "the saddle point, magnified"
    # SGD's status, "lingers, |w₂| = 0.011", is the widest: the map a little smaller than the
    # races' (4.85 units square) leaves the legend's two columns 24 px apart and its statuses
    # clear of the frame's edge; no smaller: the ridge's name would reach Momentum's swing
    STATUS_GAP = 0.4
    MAP_MAX_H = 4.85
    # the seven heads wait fanned round the start, left of it (its name at its right), 5 px
    # apart where NAG's and Adagrad's triangles stand side by side, then gather into it
    START_FAN = 0.45

    SECTIONS = sections(RaceScene.section_setup, RaceScene.section_race,
                        RaceScene.section_finish, RaceScene.section_zoom)
