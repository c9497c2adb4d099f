"""All seven optimizers on Beale's function (gdcore.races.BEALE), log-scaled contours, the
minimum (3, 0.5) at the end of a curved, flat-bottomed valley, the map as large as the
right-hand column (the legend, each run's α in a column of its own, the keys and the distance
panel) and the settings' line at the frame's foot leave it; an inset over the
map's empty lower right (races.BEALE_MAP_INSET.place, where no path runs), joined to a box
round the minimum that holds its star by two thin lines, magnifies the end of the valley, where
the seven runs end, its scale bar inside it on a plate, its name under it.

Render alone with: manim -ql scenes/race_beale.py RaceBeale
"""

from manim import RIGHT

from gdcore import races
from gdviz.race_scene import RaceScene


class RaceBeale(RaceScene):
    RACE = races.BEALE
    TITLE = "Beale's function"
    RACE_WORDS = ("the runs swing out and back, then gather in a long, flat valley towards the "
                  "minimum; Momentum overshoots it and turns back")
    STAGES = ((30, 4.0), (300, 10.0))
    TAIL = 30
    # the start near the map's top edge (w₂ = 1.4 of 1.75): its name right of it, where no
    # path runs (the runs leave it downwards), clear of the frame
    START_LABEL = RIGHT
    # as large as the legend's column and the settings' line at the frame's foot leave it
    # (the inset over the map's empty lower right, not under it), its top under the title
    MAP_MAX_W, MAP_MAX_H = 7.28, 5.4
    MAP_TOP = 2.6
    SETTINGS_FOOT = True
    # the w₂ label over the y numbers, where the room under the title is free, the map's
    # width not
    Y_LABEL_ABOVE = True
    X_TICK, Y_TICK = 1.0, 0.5
    STEP_TICK = 150
    MAP_LEVELS = 30
    # Adadelta zig-zags across the magnified valley at every step, each crossing a hair beside
    # the last: drawn through every step its 114 points in the inset merge into a filled band.
    # Its history is drawn through every 9th point (odd: each drawn stretch still crosses the
    # valley), a dozen crossings beside each other, beneath the others' paths, at half their
    # width and a fifth of full strength (at 0.4 and their width the dozen parallel strokes
    # read as a hatch, a rendering fault, not a path); its last steps, every one, are the line
    # over them.
    INSET_FAINT = {"Adadelta": (0.2, 0.5, 9)}
    # several runs leave the start together and later run side by side down the valley: each
    # path on its own casing, so that runs beside each other read as separate lines of one
    # width, each edged in the page's colour, the shorter on top
    CASE_EACH = True
    # the readouts' column 27 px right of the widest label, so that it ends 24 px or more
    # from the frame's edge
    STATUS_GAP = 0.45
    # the inset over the map's lower right, where no path runs (races.BEALE_MAP_INSET.place),
    # under the valley's end, its scale bar inside it and its name under it; the right-hand
    # column keeps the legend and the keys over the distance panel, the settings at the foot
    INSET_BESIDE = "map"
    INSET_MAX_H = 1.9
    # the region padded to hold the map's star whole inside the window's box (the still's cut
    # the box through it)
    INSET = races.BEALE_MAP_INSET
    # the keys on one line under the legend (the end square's key in the stills' one word):
    # in two lines they took a row of the distance panel's height
    END_WORDS = "end"
