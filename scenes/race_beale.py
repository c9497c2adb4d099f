"""All seven optimizers on Beale's function (gdcore.races.BEALE), log-scaled contours, the
minimum (3, 0.5) at the end of a curved, flat-bottomed valley; an inset under the map, right of
the settings (never over the map), joined to a small box round the minimum by two thin lines,
magnifies the end of the valley, where the seven runs end, its scale bar inside it on a plate,
its name under it; the right-hand column holds the legend, the keys and the distance panel.

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
    # smaller than the frame allows and a little higher, leaving the room under its numbers
    # to an inset 180 px wide or more at 480p and its name
    MAP_MAX_W = 5.1
    MAP_TOP = 2.85
    X_TICK, Y_TICK = 1.0, 0.5
    STEP_TICK = 150
    MAP_LEVELS = 30
    # Adadelta zig-zags across the magnified valley at every step, each crossing a hair beside
    # the last: drawn through every step its 114 points in the inset merge into a filled band.
    # Its history is drawn through every 9th point (odd: each drawn stretch still crosses the
    # valley), a dozen crossings beside each other, fainter than the others' paths and
    # beneath them; its last steps, every one, are the line over them.
    INSET_FAINT = {"Adadelta": (0.4, 1.0, 9)}
    # several runs leave the start together and later run side by side down the valley: each
    # path on its own casing, so that runs beside each other read as separate lines of one
    # width, each edged in the page's colour, the shorter on top
    CASE_EACH = True
    # the readouts' column 27 px right of the widest label, so that it ends 24 px or more
    # from the frame's edge
    STATUS_GAP = 0.45
    # the inset under the map, under the valley's end, its scale bar inside it and its name
    # under it, the settings a note a line left of it: the right-hand column keeps the legend
    # and the keys over a distance panel tall enough to read its curves apart (in the column
    # between them, the panel was 55 px tall at 480p)
    INSET_BESIDE = "below"
    INSET_MAX_H = 1.9
    # the w₁ label a little above the map's corner, so that the leader to the inset's right
    # corner passes under it, clear of it
    X_LABEL_UP = 0.3
