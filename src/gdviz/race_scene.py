"""The optimizer races as Manim scenes: one base class, one class attribute per race.

All seven optimizers (gdcore.optimizers.NAMES order) run from one start on one surface, each a
dot in its colour at the head of its path over the surface's contours, all driven by ONE
ValueTracker of the step index, after Alec Radford's optimizer animations. Each path keeps one
thin width along its length; its history is faint and its last steps brighten towards the head.
At the finish every path is drawn at full strength and each dot turns into the house end square
(on the map; in the distance panel only where runs leave the frame). The race (surface,
start, steps, every hyper-parameter, window) is gdcore.races' RACE, the same as the still
figures/race_*.py; the trajectories are races.run_race(RACE): the scene computes no number itself.

Beside the map, the distance panel (as in the stills) plots each run's distance to the minimum
(races.progress; on the saddle |w₂|, the distance from the ridge) against the step on a log axis,
its curves growing with the paths: where dots crowd on the map, the panel keeps them apart. It
sits in the right-hand column (at least 120 px tall at 480p, the map still the largest element),
its decades numbered in plain decimals (decade_label). As in the still (race_plot.progress_panel),
a run that stays ends in its square there only where the panel shows runs leaving the frame (the
saddle: RaceScene.panel_squares), at its own last point (RaceScene.panel_row); elsewhere the
curves simply end at the last step, their head dots fading (at the end of a long race the
distances of several runs lie within a square's height of each other: their squares set side
by side piled into one blob, stood at false steps and ran out of the panel's frame).

A run that leaves the window (on the saddle: every run but SGD's, stopped by descent.run as
diverged soon after) is drawn up to where it crosses the window's edge (races.visible_path; in
its lane, where its lane crosses it: RaceScene.lane_path),
where its dot fades; its panel curve ends on the dotted line of the frame's edge and its legend
entry says at which step it left (no marks stacked on the edge).

Where the runs end too close together to tell apart on the map (races.Race.inset: the long
valley, Beale's function), an inset magnifies the neighbourhood of the minimum, coming in once
the race has ended (RaceScene.section_race), beside the map (RaceScene.INSET_BESIDE:
under the map at its right, or in the right-hand column between the legend and the distance
panel) or over the part of the map that no path crosses (races.Inset.place), joined to its
region by a thin box and two lines, with its own scale bar inside it (its number on a plate, as
in the still) and its name under it, its contours in fewer of the
map's levels: each path in it a hairline, its last few steps at full
strength over its fainter history (so a run that zig-zags across the magnified valley reads as
a line over a faint band), its head a dot while it is in the region; at the finish each of
those dots turns into the run's end square, above every path, apart from the others: where a
square would hide the star or touch another, it is set beside its point on a leader
(race_plot.end_offsets; the stills set only a square on the minimum so, gm.end_beside).
Where a scene lists section_closer and section_arrive (RaceScene.ARRIVAL, the long valley), the
inset comes in and grows over the map's box before the runs arrive in its region, and the
race's last stages, the finish with them, play in the grown view (zoom_gain: its heads and end
squares grown with it); section_back shrinks it back into its place.

    class RaceBeale(RaceScene):
        RACE = races.BEALE
        TITLE = "Beale's function"
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    PI,
    RIGHT,
    UP,
    Arrow,
    BackgroundRectangle,
    CapStyleType,
    Circle,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    Line,
    MathTex,
    Rectangle,
    ReplacementTransform,
    Square,
    Star,
    Triangle,
    Union,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    config,
    linear,
)
from manim import Axes as ManimAxes

from gdcore import races
from gdcore.optimizers import NAMES

from . import numbers, race_plot
from .manim_blocks import (
    Trail,
    Trails,
    cased,
    contour_image,
    map_axes,
    map_pixels,
    scene_points,
    step_of,
)
from .manim_theme import ThemedScene, sections, styled_line
from .race_plot import (
    end_offsets,
    lane_of,
    scale_bar_length,
    stacking,
)
from .theme import AXIS_LABELS, MARKERS, RIDGE_DISTANCE, SURFACE_COST, opt_marker

#: The map's axes, the cost's two weights (TeX, as map_axes takes them).
MAP_LABELS = (AXIS_LABELS["w1"].strip("$"), AXIS_LABELS["w2"].strip("$"))
#: Opacity of each path's history behind its head, and of its casing (during the race; at the
#: end: full, so each colour shows pure where the paths are stacked).
HISTORY_OPACITY = (0.4, 1.0)
#: Opacity of each path's history during the race, by theme: in print 0.7, dimmer than the
#: bright tail but keeping its hue (at 40 % over the pale map NAG's pink, Adam's plum and
#: Adagrad's violet faded to one pastel); on the dark page, where a faint colour on its solid
#: dark casing reads as a dark stroke lost in the navy map, near its colour at the finish.
RACE_OPACITY = {"light": 0.7, "dark": 0.8}
#: Opacity of a path's casing during the race, by theme: in print as faint as its history (a
#: faint path on a solid white casing reads as a white tube); on the dark page solid, a dark
#: road the faint history lies on (as faint over the dark map's violet top, a violet, plum or
#: pink history vanished into it where the paths leave race-saddle's saddle).
CASING_OPACITY = {"light": RACE_OPACITY["light"], "dark": 1.0}
#: Stroke width of every path, one width along its whole length: 4.0, 2.4 px at 480p, thin
#: enough that no path buries another where they cross at the finish (they stack as the
#: stills', race_plot.stacking, the shortest on top), wide enough to show its colour pure.
PATH_WIDTH = 4.0
#: The bright tail behind each head: TAIL_LAYERS copies of the path's last 1/n, 2/n, … of the
#: tail's steps, each at TAIL_LAYER_OPACITY, at the path's own width over its history, so the
#: opacity rises step by step towards the head along the path (one object, one width).
TAIL_LAYERS, TAIL_LAYER_OPACITY = 6, 0.35
#: The outer radius (scene units) of the minimum's star on the map (10 px at 480p).
STAR_RADIUS = 0.17
#: The end mark (theme.MARKERS["end"], the stills' theme.end): a hollow square outlined in the
#: run's colour, at the stills' size beside the star (the 5.5-pt square by the 11-pt star, whose
#: outer radius is 5.5 pt): its side the star's outer radius (10.2 px at 480p), its outline the
#: still's 1.2 pt of 5.5 (3.7 stroke units, 2.2 px), on a casing of the page's colour END_EDGE
#: each side (stroke units: cased), so that it reads over the paths and the map.
END_SIDE = STAR_RADIUS * MARKERS["end"].size / (MARKERS["minimum"].size / 2)
END_STROKE = 100 * END_SIDE * MARKERS["end"].edge_width / MARKERS["end"].size
END_EDGE = 0.75
#: Where a run's last point lies on the star (within half its reach of its centre), its end
#: square frames the star (gm.EndMark): centred on the point, FRAME_GAP (the still's 1 pt, at
#: the square's scale) clear of the star's reach inside its outline, the star over it inside.
FRAME_GAP = END_SIDE / MARKERS["end"].size
#: The legend's key to the end squares (each run's in its colour, in every view).
END_KEY = "end of a run"
#: Stroke width of each run's curve in the distance panel.
PANEL_WIDTH = 3.0
#: Nothing closer than this (scene units, about 27 px at 480p) to the frame's edge; the map's y
#: label keeps MAP_EDGE (35 px) from the left edge.
EDGE, MAP_EDGE = 0.45, 0.58
#: How far (scene units, 2.4 px at 480p) a row of end squares keeps inside the distance
#: panel's frame (RaceScene.panel_row).
PANEL_INSIDE = 0.04
#: The least distance between the centres of two end squares in the distance panel, in their
#: sides (RaceScene.panel_row): a side and the two rims in the page's colour.
PANEL_END_GAP = 1.1
#: Gap (scene units, 36 px at 480p) between the widest legend label and the column of statuses.
STATUS_GAP = 0.6
#: Font sizes that keep numbers at least 12 px tall at 480p: MathTex tick numbers (a digit is
#: 12.5 px tall at 30) and Text (12.6 px at 22; 13.7 px at 24).
TICK_SIZE, TEXT_SIZE, SMALL_SIZE = 30, 24, 22
#: The distance panel's tick numbers at the map's size (1: the house TICK_SIZE, one tick size
#: in the frame, no larger than the legend's text); the statuses (each run's readout) at
#: STATUS_SIZE (13.7 px).
PANEL_TICK_SCALE, STATUS_SIZE = 1.0, 24
#: Where the distance panel draws end squares (RaceScene.panel_squares), its step axis runs this
#: fraction of the race's steps past its last step, so that the end squares at the last step
#: (and a row of those side by side, panel_row) stand inside the panel's frame, clear of its
#: edge; elsewhere it runs past the last step only as far as a head dot there needs
#: (PANEL_HEAD_ROOM, scene units: the dot's radius, its casing and PANEL_INSIDE).
PANEL_PAD = 0.14
PANEL_HEAD_ROOM = 0.14
#: Where the legend is in the right-hand column: the distance panel's frame reaches down to this
#: height above the frame's bottom margin (EDGE), room for its step numbers below it, and the
#: settings line under the map, in as many lines as it needs to stay left of the column.
PANEL_FOOT = 0.45
#: The least gap (scene units) between the map's tick numbers and the settings lines under it;
#: where the settings need more lines than leave it, they run on one line across the frame's
#: foot, the panel ending above them.
SETTINGS_GAP = 0.2
#: The least room (scene units, 12 px at 480p) between a run's name in the zoomed view and the
#: view's frame (RaceScene.end_names).
NAME_CLEAR = 0.2
#: Gap (scene units) between the distance panel's step axis and its label at the axis's end:
#: wider than half the last step's number, so the label never touches it.
STEP_LABEL_GAP = 0.3
#: Height of a legend row (scene units) and the gap between the map and the right-hand column.
ROW, COLUMN_GAP = 0.33, 0.6
#: The gap (scene units, 12 px at 480p) between the legend's longest name and its column of
#: learning rates (RaceScene.build_legend).
RATE_GAP = 0.2
#: The least gap (scene units, 18 px at 480p) between the map's w₁ label and the distance
#: panel's header where the two stand level.
HEADER_GAP = 0.3
#: Stroke width of a BOLD run's path (RaceScene.BOLD): the widest a path takes (PATH_WIDTH,
#: 2.4 px at 480p), whatever its place in the stack (WIDTH_STEP thins the paths on top).
BOLD_WIDTH = PATH_WIDTH
#: Where a race draws its runs in lanes (RaceScene.LANE), each path reaches its lane over this
#: length of its way from the start (scene units, 24 px at 480p): the paths leave the start
#: ring together and part as they go.
LANE_RAMP = 0.4
#: Stroke width and opacity of the ridge's dotted line (RaceScene.RIDGE): as the panel's
#: frame's edge, its dots half strength, a reference under the paths, not a path.
RIDGE_WIDTH, RIDGE_OPACITY = 2.0, 0.55
#: A dotted line that runs from side to side of a frame (the zoomed view's ridge, the panel's
#: edge of the map) stops this far (scene units, 3.6 px at 480p) inside each side: its round
#: end dots, centred on the side, stood half across the frame's line and past it.
FRAME_INSET = 0.06
#: Seconds of each step of the setup after the map (the marks, the inset, the legend, the
#: panel, the dots), each faded in on its own where it stays; the map's own fade, and the
#: pause before the start: the set-up short, the dots off within about six seconds.
SETUP_STEP, MAP_FADE, SETUP_HOLD = 0.5, 1.0, 0.3
#: (RaceScene.START_FAN) the share of the circle round the start the waiting heads span, and
#: the seconds they take to gather into it
FAN_ARC, FAN_GATHER = 4 * PI / 3, 0.5
#: (INSET_BESIDE) Seconds over which the inset fades in once the race has ended.
INSET_FADE = 0.6
#: Steps over which an exit's legend note fades in (and the dots out).
EXIT_FADE_STEPS = 1.0

#: The inset (races.Race.inset): its paths at this fraction of their width on the map (1 px at
#: 480p), the side of its end squares (scene units, 6 px at 480p: their centres lie at least a
#: side apart), the outer radius of its star, and the stroke widths of its frame and of the box
#: and lines that join it to the map.
INSET_WIDTH, INSET_END, INSET_STAR = 0.42, 0.1, 0.12
#: (RaceScene.ARRIVAL) Seconds over which the runs' names come in beside their end squares
#: in the grown view, once the squares are in.
ZOOM_NAMES = 0.6
#: (ZOOM_FROM_REGION) The side of an end square in the grown view (scene units, 10.8 px at
#: 480p): the one square the view is about, a little larger than the map's own.
ZOOM_END = 0.18
#: Opacity of each inset path's history, and the steps at its head drawn over it at full
#: strength (to the finish and after): where a run zig-zags across the region step after step
#: (Adadelta on Beale's function), its older crossings are drawn fainter (RaceScene.INSET_FAINT)
#: and its last few steps read as a line over them, ending at its end square.
INSET_HISTORY, INSET_TAIL = 0.5, 4
#: The inset's cost levels: the map's span of costs (its colours kept) in this fraction of the
#: map's levels, so the level lines around the minimum stay apart at the inset's scale.
INSET_LEVELS = 0.5
#: The radius of each run's head in the inset (shown while the head is inside its region).
INSET_DOT = 0.05
#: The leader of an inset end square set beside its point (race_plot.end_offsets): its width
#: (stroke units), and how far short of the point it stops (scene units); the still's
#: (gm.end_beside) at the scale of the squares' sides.
LEADER_WIDTH, LEADER_SHORT = 1.6, 0.06
INSET_FRAME, INSET_LINE = 2.0, 1.2
#: The casings (manim_blocks.cased) of the paths: one layer under every path on the map (and
#: one under the last steps of the inset's), so where runs share a stretch their stacked
#: stripes still show; the inset's hairlines and every head dot take a thinner casing (stroke
#: units each side) than a path (theme.CASING_WIDTH).
Z_CASINGS, Z_INSET_CASINGS, THIN_CASING = 0.8, 2.9, 1.0
#: The closing zoom (RaceScene.section_zoom): the inset grows into the map's place, to this
#: fraction of the map's box, over ZOOM_SECONDS (the map fading out beneath it, slowly at first,
#: so no few frames take most of its ink), its paths thickening to ZOOM_WIDTH (scene stroke
#: width); then the picture is held ZOOM_HOLD seconds.
ZOOM_FILL, ZOOM_SECONDS, ZOOM_WIDTH, ZOOM_HOLD = 0.97, 2.5, 3.0, 1.8
#: Before it grows, the inset's scale bar and the box and lines that join it to its region fade
#: out over ZOOM_CLEAR seconds (the growing inset would cover them).
ZOOM_CLEAR = 0.5
#: (ZOOM_FROM_REGION) The map's numbers and the settings leave over this many seconds before
#: the region's box comes in, one change at a time.
REGION_CLEAR = 0.9
#: (ZOOM_FROM_REGION) Then the region's box comes in on the map, its picture over it, over
#: this many seconds.
REGION_OUT = 1.0
#: (ZOOM_FROM_REGION) The magnified view opens out under its region's box (RaceScene.
#: region_view): its top REGION_DROP (scene units, 24 px at 480p) below the box, its foot
#: REGION_NUMBERS above the frame's bottom margin, the room of its x numbers under it.
REGION_DROP, REGION_NUMBERS = 0.4, 0.42
#: (ZOOM_FROM_REGION) The tick steps of the magnified view's own numbers (its x, its y).
REGION_TICKS = (0.05, 0.05)
#: The pointer to a run that ends outside the zoomed view (RaceScene.zoom_pointer): an arrow
#: in its colour, POINTER_LENGTH long (scene units), POINTER_GAP outside the frame's edge,
#: pointing the way to its end, its name above it.
POINTER_LENGTH, POINTER_GAP = 0.42, 0.1
#: (INSET_BESIDE) The room (scene units) the zoomed view leaves under the map's numbers for
#: its heading above it.
ZOOM_HEAD_ROOM = 0.6
#: (INSET_BESIDE) The gap (scene units) between the zoomed view's heading and its scale bar,
#: right of it.
HEADING_GAP = 0.4
#: The way back (RaceScene.section_back): the inset shrinks to its place on the map over
#: BACK_SECONDS as the map comes back under it; the whole picture held BACK_HOLD seconds.
BACK_SECONDS, BACK_HOLD = 2.0, 1.6


#: The halo (stroke units each side, manim_blocks.cased) of the saddle point's plus, on the map
#: and magnified: drawn over SGD's end square, which ends beside it, it parts the two.
SADDLE_HALO = 2.5
#: On the map SGD ends 0.09 from the saddle point, closer than the plus's arm and half a square:
#: its end square is set this far (scene units, x and y) from its point, down and to the right
#: (as the still sets it, gm.END_BESIDE, but steeper: below the lane of Momentum, which runs
#: along the ridge beneath SGD's), on a leader in its colour (section_finish).
SADDLE_BESIDE = np.array([0.14, -0.24, 0.0])
#: The width of that leader (stroke units: 1.4 px at 480p), on a thin casing: it crosses
#: Momentum's lane under SGD's, and at the inset's hairline width it read as no leader at all.
MAP_LEADER_WIDTH = 2.4
#: (RaceScene.END_GATHER) How near the minimum (scene units) a run's end counts as ending on
#: it, where its square would pile on the star and on the others (lanes 3.6 px apart).
FAN_REACH = 0.3
#: (END_GATHER) The map's star under the heads (z 3) and over the paths during the race: a
#: head that passes over or ends on the minimum stays in sight. The heads, which gather there
#: a lane apart, each drawn over the one in the lane below.
Z_FAN_STAR = 2.5
#: (END_GATHER) The map's star at the finish: over the end squares (z 4), gathered under it at
#: their points.
Z_GATHER_STAR = 5


def zoom_levels(levels: int, span: tuple[float, float], shown: tuple[float, float],
                log: bool) -> int:
    """How many levels over the map's `span` of costs (its colours kept) a magnified view of
    costs `shown` takes so that about `levels` of them fall in it, as `levels` fall on the
    map: its level lines spaced for its own range (log-spaced where `log`)."""
    def width(lo, hi):
        return np.log(hi / lo) if log else hi - lo
    return max(levels, round(levels * width(*span) / width(*shown)))


#: A triangle mark (theme.OPT_MARKERS) this many times as wide as the dot it stands for: as
#: wide, it would cover less than half the dot's area and read as the smaller mark.
TRIANGLE = 1.3


def opt_mark(name: str, radius: float, color) -> VMobject:
    """The mark of optimizer `name` where it is now (theme.OPT_MARKERS, its second channel
    after its colour): a dot of `radius`, or a triangle TRIANGLE times as wide pointing up
    (NAG) or down (Adagrad), so that the violet, the plum and the pink runs read apart at the
    size of a dot on a small screen."""
    shape = opt_marker(name)
    if shape == "o":
        return Dot(radius=radius, color=color)
    mark = Triangle(color=color, fill_opacity=1, stroke_width=0)
    mark.scale_to_fit_width(TRIANGLE * 2 * radius)
    return mark.rotate(PI) if shape == "v" else mark


def head_mark(trail: Trail, name: str, color, radius: float) -> VMobject:
    """Optimizer `name`'s mark (opt_mark) riding on the tip of its trail."""
    mark = opt_mark(name, radius, color).move_to(trail.ax.c2p(*trail.head()))
    mark.add_updater(lambda d: d.move_to(trail.ax.c2p(*trail.head())))
    return mark.set_z_index(3)


def end_square(theme, color, side: float = END_SIDE) -> Square:
    """The house end mark (theme.MARKERS["end"]): a hollow square of `side` outlined in `color`
    (a run's, or the ink of a key), END_STROKE wide, on a casing of the page's colour END_EDGE
    wide each side of its outline, no fill."""
    sq = Square(side, fill_opacity=0, stroke_color=color, stroke_width=END_STROKE)
    return cased(sq, theme, END_EDGE)


def outline_toward(square: VMobject, point) -> np.ndarray:
    """Where the line from `square`'s centre to `point` crosses its outline: a leader from a
    hollow end square starts there, leaving its hole clear."""
    centre = square.get_center()
    way = np.asarray(point, float) - centre
    return centre + way * (square.width / 2) / max(abs(way[0]), abs(way[1]))


def end_rim() -> float:
    """How far (scene units) an end square's ink reaches outside its side: its outline's outer
    half and its casing of the page's colour."""
    return (END_STROKE / 2 + END_EDGE) * 0.01


def frame_side(point, star: VMobject) -> float:
    """The side of the end square that frames `star`, centred on `point` (scene units): the
    star's reach from the point, FRAME_GAP clear of it inside the outline (gm.EndMark's)."""
    reach = max(point[0] - star.get_left()[0], star.get_right()[0] - point[0],
                point[1] - star.get_bottom()[1], star.get_top()[1] - point[1])
    return 2 * (reach + FRAME_GAP + END_STROKE * 0.01 / 2)


def on_star(point, star: VMobject, side: float = END_SIDE) -> bool:
    """Whether a run's last `point` (scene units) lies on `star` (gm.EndMark.on_star): its
    house square would touch the star's box, and the point lies within half the star's reach
    of its centre."""
    centre = star.get_center()
    half = side / 2 + END_STROKE * 0.01 / 2
    clear = (point[0] + half < star.get_left()[0] or point[0] - half > star.get_right()[0]
             or point[1] + half < star.get_bottom()[1] or point[1] - half > star.get_top()[1])
    return not clear and np.hypot(*(point - centre)[:2]) <= star.width / 4


#: The casing (stroke units each side) of a name's halo over the map (_halo).
SCALE_CASING = 3.0
#: (INSET_BESIDE "below", the legend in the column) the least gap between the inset and the
#: settings left of it, and between it and the column.
INSET_GAP = 0.25
#: The inset's scale bar, inside its frame (build_inset): the bar's stroke width, the padding
#: (scene units) of the plate of the page's colour under its number, and its z (over the
#: inset's paths, end squares and star, under its frame).
SCALE_BAR, SCALE_PLATE, Z_SCALE = 3.0, 0.04, 3.45
#: The inset's window on the map and the two leaders to it: over every path and its casing
#: (z 0.8 to 2), under the heads (3), the end squares (4) and the star.
Z_WINDOW = 2.2
#: The gap (scene units) between the inset's frame and its name under it, at its right.
NAME_GAP = 0.1
#: The least gap (scene units, 5 px at 480p) between a leader from the inset's window and a
#: number or an axis's name on the map (RaceScene.leaders_cross).
LEADER_CLEAR = 0.08


class ClippedTrail(Trail):
    """A Trail drawn only inside `region` (x range, y range): the pieces races.clip_polyline
    keeps of the path shown so far, ending where the path leaves the region. every=k > 1 draws
    each piece through every k-th of its points (its first and last kept: where it enters
    and leaves the region, or its head): a run that zig-zags across the region at every step
    keeps its crossings, k steps apart (k odd: each drawn stretch still crosses, as the steps
    of a back-and-forth do), as lines beside each other instead of a solid band. lane=(dx, dy)
    draws the path that far (scene units, at every scale of the axes) beside its points, clipped
    to the region where it lies there: a run's lane on the map kept as the view grows."""

    def __init__(self, ax, points, tracker, region, color, every: int = 1, lane=None, **kw):
        self.region = region
        self.every = every
        self.lane = None if lane is None else np.asarray(lane, float)[:2]
        super().__init__(ax, points, tracker, color, **kw)

    def _redraw(self):
        self.clear_points()
        shown = self.shown()
        if self.lane is not None and self.lane.any():  # the axes' scale now
            shown = shown + self.lane / (self.ax.c2p(1, 1) - self.ax.c2p(0, 0))[:2]
        for piece in races.clip_polyline(shown, self.region):
            if self.every > 1:
                piece = piece[sorted({*range(0, len(piece), self.every), len(piece) - 1})]
            pts = scene_points(self.ax, piece[:, 0], piece[:, 1])
            self.start_new_path(pts[0])
            self.add_points_as_corners(pts[1:])
        return self


def extra_settings(race: races.Race) -> list[str]:
    r"""The race's hyper-parameters beyond the learning rates in LaTeX (race_plot's groups),
    e.g. ['\text{Momentum, NAG:}\ \beta = 0.9',
    '\text{Adadelta:}\ \rho = 0.9,\ \epsilon = 10^{-6}']."""
    return [rf"\text{{{', '.join(names)}:}}\ {extra}"
            for names, extra in race_plot.extra_settings(race, "latex")]


#: The distance panel's log axis numbers its decades 10^k in plain decimals (0.0001 … 1000):
#: every digit at the tick numbers' full size (12.5 px at 480p), where a power's exponent is a
#: superscript at the 12 px floor; a decade beyond them as a power of ten.
PLAIN_DECADES = (-4, 3)


def decade_label(k: float) -> str:
    """The LaTeX of the log axis's tick at 10^k: 0.001, 0.1, 1, 10 (PLAIN_DECADES), beyond them
    10^{k}."""
    k = int(round(float(k)))
    if not PLAIN_DECADES[0] <= k <= PLAIN_DECADES[1]:
        return f"10^{{{k}}}"
    return "1" + "0" * k if k >= 0 else "0." + "0" * (-k - 1) + "1"


def _distance(d: float) -> str:
    return "< 0.001" if d < 1e-3 else f"{d:.3f}" if d < 0.1 else f"{d:.2f}"


def distance_note(d: float) -> str:
    """A final distance in the legend (words with $...$ maths): as _distance from 0.001 up;
    below it the value itself in the house's power of ten (numbers.latex, 3.4 × 10⁻⁵), so
    the readout says what the distance panel's end square shows, not a bound."""
    return f"${numbers.latex(d)}$" if d < 1e-3 else _distance(d)


class RaceScene(ThemedScene):
    """One optimizer race. Variants by class attributes: RACE (a gdcore.races.Race), TITLE, the
    race's time plan STAGES ((step, seconds), …: the tracker runs linearly to each step in turn),
    TAIL (steps in each fading tail), MAP_MAX_W / MAP_MAX_H (the map's box; it keeps the
    window's aspect), START_LABEL (UP, DOWN or RIGHT of the start), X_TICK / Y_TICK (the
    map's tick steps), STEP_TICK (the distance panel's), LEGEND_BELOW (the legend under the
    map in two columns, for a wide map, instead of in the right-hand column above the panel),
    MAP_LEVELS (the cost map's number of levels, the house cost map's by default), WIDTH_STEP
    (how much thinner each path is than the one beneath it, the bottom one PATH_WIDTH: where
    two runs share a long stretch, the one beneath shows along the other's edges), HEADS_OVER
    (runs whose head dot, on the map and in the panel, is drawn over the others' marks, of one
    size with them: where its lane crosses that of a run marked by a triangle, which is wider,
    the triangle's corners show round the dot), INSET (the scene's own races.Inset in place
    of the race's, e.g. for section_zoom),
    ZOOM_HEADING (the words above the zoomed inset), INSET_FAINT (runs whose history in the inset
    is drawn fainter and thinner, by (opacity, width factor, every: its history through every
    k-th of its points, ClippedTrail), beneath every other inset path: a run that zig-zags
    across the magnified valley at every step reads as a path of separate crossings under the
    line of its last steps, not as a filled band), CASE_EACH
    (each path on a casing of its own, just beneath it, instead of one layer of casings under
    them all: where runs leave a point together, each path reads as a line of its own, edged in
    the page's colour over the ones beneath, as a transit map draws lines that share a street,
    not as one stroke of uneven width), RIDGE (the ridge w₂ = 0 drawn as a dotted reference
    line under the paths, on the map and in the inset, named on the map: where the runs'
    lanes straddle it, they read as lanes of that one ridge) and LANE
    (the scene units between two neighbouring runs' lanes on the map: where runs travel one
    line, as along the long valley's floor, each path, its head dot and end square are drawn
    that far beside the next, in the legend's order from the top (race_plot.LANE_WAYS; the
    scene's LANE_ORDER, if given, the runs from the first lane to the last), as a transit map
    draws lines that share a street; 0: every run on its points; the inset and the distance
    panel always show the runs' own points)."""

    RACE: races.Race = races.LONG_VALLEY
    TITLE = "Seven optimizers"
    STAGES: tuple[tuple[float, float], ...] = ((80, 12.0),)
    TAIL = 12
    MAP_MAX_W = 7.7
    MAP_MAX_H = 5.3
    MAP_TOP = 2.75
    MAP_LEFT = -6.05
    START_LABEL = UP
    X_TICK = 1.0
    Y_TICK = 1.0
    #: the w₂ label over the column of y numbers (the map's width free of it), not left of it
    Y_LABEL_ABOVE = False
    #: how far (scene units) the w₁ label stands above the map's bottom right corner
    X_LABEL_UP = 0.0
    STEP_TICK = 40
    LEGEND_BELOW = False
    #: the settings on one line across the frame's foot, the distance panel ending above them,
    #: not under the map in the lines the room beside the column leaves: the map takes the
    #: height they took
    SETTINGS_FOOT = False
    #: the gap between the widest legend label and the column of statuses
    STATUS_GAP = STATUS_GAP
    MAP_LEVELS: int | None = None
    WIDTH_STEP = 0.0
    HEADS_OVER: tuple[str, ...] = ()
    #: the runs the race is about, drawn BOLD_WIDTH wide, at full strength through the race and
    #: over every other path: where the others' lanes run beside theirs, or a reference line
    #: under it, the one that tells the story reads as the main line
    BOLD: tuple[str, ...] = ()
    INSET: races.Inset | None = None
    ZOOM_HEADING = "where the runs end, magnified"
    #: the legend's key to the end squares (END_KEY; the stills' "end" where the keys' line
    #: would not fit the column in one line with it)
    END_WORDS = END_KEY
    #: the inset's name, under its frame at its right
    INSET_NAME = "the ends, magnified"
    INSET_FAINT: dict[str, tuple[float, float, int]] = {}
    CASE_EACH = False
    RIDGE = False
    #: the magnified view is the region's own box on the map opening out (no inset on the map
    #: during the race): drawn over its region at the map's scale, it opens out into the room
    #: under its box (region_view), its leaders following its corners, the map staying, its
    #: own ticks and numbers coming in once it has grown
    ZOOM_FROM_REGION = False
    #: (INSET_BESIDE) the closing zoom grows the inset out of its place over the map's box (the
    #: map, its paths and marks fading beneath it, the legend and the distance panel staying,
    #: so the final distances stay in sight), not into the room under the map over the legend
    ZOOM_OVER_MAP = False
    LANE_ORDER: tuple[str, ...] | None = None
    LANE = 0.0
    #: the runs that end at the minimum gather there, a lane apart: the star under the heads
    #: (Z_FAN_STAR) during the race, each head over the one in the lane below; at the finish
    #: the star is raised over every mark, and the inset shows their ends apart (on the map
    #: they have none: section_finish)
    END_GATHER = False
    #: where the inset stands beside the map (never over a path):
    #: "map", over the map, in the part of it no path crosses (races.Inset.place: the map
    #: takes the room under it), the legend and the keys in the right-hand column over the
    #: distance panel, the settings under the map (or SETTINGS_FOOT), or (LEGEND_BELOW) the
    #: legend in two columns under the map, the keys and settings under the panel;
    #: "below", under the map at its right, under its region, the legend in one column to its
    #: left (LEGEND_BELOW) or the settings a note a line to its left (the legend and the keys
    #: in the right-hand column, over a distance panel as tall as the column leaves);
    #: "column", in the right-hand column between the legend and the distance panel, at most
    #: INSET_MAX_H high, the keys moved under the map above the settings
    INSET_BESIDE = "column"
    INSET_MAX_H = 1.5
    #: what the viewer sees the runs do while they race, in words (the caption's second
    #: sentence, from the race's second stage; its numbers, if any, in the captions)
    RACE_WORDS = "the runs spread out, each on a path of its own"
    #: seconds the finish is held (section_finish), the closing zoom grows (zoom_in) and is
    #: held (section_zoom), and the inset shrinks back (zoom_out): the house's by default
    FINISH_HOLD, ZOOM_SECONDS, ZOOM_HOLD, BACK_SECONDS = 2.0, ZOOM_SECONDS, ZOOM_HOLD, BACK_SECONDS
    #: (section_closer, section_arrive) the race's last stages, (step, seconds), …, played in
    #: the zoomed view: the inset grows over the map's box before the runs arrive in its
    #: region, so that the arrivals and the end squares are seen large as they happen
    ARRIVAL: tuple[tuple[float, float], ...] = ()
    #: the caption of section_back, where the scene lists it: what the whole map shows again
    BACK_WORDS = "The whole map comes back, with every run's path."
    #: (scene units; 0: none) the heads come in fanned round the start, this far from its
    #: centre, in the legend's order round the side away from the start's name (start_fan),
    #: then gather into it before the race (FAN_GATHER seconds): seven dots stacked on the
    #: start, under its ring, showed as the ring alone
    START_FAN = 0.0

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if cls.__dict__.get("INSET") is not None:  # the scene's own inset over the still's
            cls.RACE = replace(cls.RACE, inset=cls.INSET)

    @classmethod
    def captions(cls) -> dict[str, str | tuple[str, ...]]:
        """Short sentences: the setup and the finish play in 3 to 7 s."""
        r = cls.RACE
        outcomes = races.outcomes(r, races.run_race(r))
        start = ", ".join(numbers.text(c) for c in r.start)
        steps = numbers.count(r.steps)
        minimum = r.surface.minimum
        said = cls.RACE_WORDS[:1].upper() + cls.RACE_WORDS[1:]
        left = {n: o.exit.step for n, o in outcomes.items() if o.exit is not None}
        race: tuple[str, ...] = ("The seven runs set off together, each drawing its path.",)
        if left:  # which left the frame first and last
            first, last = min(left, key=left.get), max(left, key=left.get)
            exits = f"{first} first, at step {left[first]}, {last} last, at step {left[last]}"
            if cls.exits_cue(left):  # its own cue, once the last run has left
                race += (f"{said}.", f"They left: {exits}. The race lasts {steps} steps.")
            else:
                race += (f"{said}: {exits}. The race lasts {steps} steps.",)
        else:
            race += (f"{said}. The race lasts {steps} steps.",)
        out: dict[str, str | tuple[str, ...]] = {
            "setup": f"{cls.TITLE}: seven optimizers wait as coloured dots at one start, "
                     f"({start}), on a contour map of the cost.",
            "race": race,
        }
        if minimum is not None:
            dist = {n: o.distance for n, o in outcomes.items()}

            def away(d):
                return "under 0.001" if d < 1e-3 else _distance(d)

            def named(best):  # every run tied with the best at the distance written
                return " and ".join(n for n in NAMES if away(dist[n]) == away(dist[best]))

            near, far = min(dist, key=dist.get), max(dist, key=dist.get)
            out["finish"] = (f"Nearest the minimum: {named(near)}, {away(dist[near])}; "
                             f"farthest: {named(far)}, {away(dist[far])}.")
        else:
            stay = [n for n, o in outcomes.items() if o.exit is None]
            out["finish"] = (
                f"Only {stay[0]} is left, "
                f"{numbers.text(abs(outcomes[stay[0]].final[1]), places=3)} from the ridge."
                if len(stay) == 1 else "Every run has left the frame.")
        if "back" in cls.section_names():
            out["back"] = cls.BACK_WORDS
        if "closer" in cls.section_names():
            region = (cls.INSET or r.inset).region
            inside = [n for n, o in outcomes.items() if races.inside(o.final, region)[0]]
            away = [n for n in NAMES if n not in inside]
            out["closer"] = ("Before the runs arrive, the inset grows over the map; the legend "
                             "and the distance panel stay.")
            out["arrive"] = (f"Magnified, {numbers.word(len(inside))} runs come in around the "
                             f"minimum one after another"
                             + (f"; {' and '.join(away)} ends far outside the view." if away
                                else "."))
        if "zoom" in cls.section_names():
            region = (cls.INSET or r.inset).region
            inside = [n for n, o in outcomes.items() if races.inside(o.final, region)[0]]
            if minimum is not None:
                where = ("over the map, the legend staying" if cls.ZOOM_OVER_MAP
                         else "under the map, over the legend")
                out["zoom"] = (f"The inset grows {where}: "
                               f"{numbers.word(len(inside))} end squares around the minimum, "
                               f"magnified.")
            else:
                out["zoom"] = (f"The saddle point's neighbourhood, boxed on the map, opens "
                               f"out under it, magnified: {' and '.join(inside)} ends beside "
                               f"it, the other paths turn away, each in its own lane, as on "
                               f"the map.")
        return out

    @classmethod
    def exits_cue(cls, left: dict[str, int]) -> bool:
        """Whether the runs' exits (name -> the step it left at) get a caption cue of their
        own: with a third stage of the race, all of them before it, the cue coming with it."""
        return len(cls.STAGES) >= 3 and bool(left) and max(left.values()) <= cls.STAGES[1][0]

    def setup(self):
        super().setup()
        r = self.RACE
        self.trajectories = races.run_race(r)
        self.outcomes = races.outcomes(r, self.trajectories)
        #: name -> the path drawn in the window (the whole run, or up to its exit)
        self.paths = {n: races.visible_path(tr.points, r.window)
                      for n, tr in self.trajectories.items()}
        self.exits = {n: o.exit for n, o in self.outcomes.items()}
        #: name -> the distance panel's values at steps 0, 1, …: races.progress, and for a run
        #: that leaves the window, |y| where it crosses the edge (at its exit step)
        self.distances = {}
        for name, d in races.progress(r, self.trajectories).items():
            ex = self.exits[name]
            self.distances[name] = d if ex is None else np.append(d, abs(ex.point[1]))
        self.step = ValueTracker(0)
        #: (section_closer) the factor the inset has grown by (1: in its place)
        self.zoom_gain = 1.0

    def beside(self) -> str | None:
        """Where the inset stands beside the map (INSET_BESIDE); None where there is none to
        show beside it: no inset, or (ZOOM_FROM_REGION) one shown only magnified."""
        if self.RACE.inset is None or self.ZOOM_FROM_REGION:
            return None
        return self.INSET_BESIDE

    def k(self) -> int:
        return step_of(self.step, self.RACE.steps)

    def exit_ramp(self, name: str) -> float:
        """0 before optimizer `name` reaches the window's edge, rising to 1 after it."""
        ex = self.exits[name]
        if ex is None:
            return 0.0
        return float(np.clip((self.step.get_value() - ex.step) / EXIT_FADE_STEPS + 1, 0, 1))

    # -- pieces --------------------------------------------------------------------------

    def settings_lines(self, notes: list[str], width: float, sep: str = r"\qquad ") -> VGroup:
        """The settings (LaTeX notes) in as few lines as keep each within `width` (scene
        units), a wide space (`sep`) between two notes on a line, the lines flush left."""
        lines: list[list[str]] = [[]]
        for note in notes:
            trial = sep.join([*lines[-1], note])
            if lines[-1] and MathTex(trial, font_size=TICK_SIZE).width > width:
                lines.append([note])
            else:
                lines[-1].append(note)
        out = VGroup(*(self.tex(sep.join(ln), TICK_SIZE, self.theme.muted)
                       for ln in lines))
        return out.arrange(DOWN, buff=0.12, aligned_edge=LEFT)

    def build_map(self):
        t, r = self.theme, self.RACE
        (x0, x1), (y0, y1) = r.window
        scale = min(self.MAP_MAX_W / (x1 - x0), self.MAP_MAX_H / (y1 - y0))
        # tick numbers in their shortest form, as every axis of the book (1.5, 1, 0.5, 0)
        ax = map_axes(t, [x0, x1, self.X_TICK], [y0, y1, self.Y_TICK], scale * (x1 - x0),
                      scale * (y1 - y0), *MAP_LABELS, tick_size=TICK_SIZE)
        # x beside the frame's bottom-right corner, clear of the settings line below; y left
        # of the widest y tick number, level with the frame's top
        ax.labels[0].next_to(ax.c2p(x1, y0), RIGHT, buff=0.15).shift(self.X_LABEL_UP * UP)
        numbers_left = min(m.get_left()[0] for m in ax.submobjects
                           if isinstance(m, MathTex) and m not in ax.labels)
        ax.labels[1].next_to(np.array([numbers_left, ax.c2p(x0, y1)[1], 0]), LEFT, buff=0.2)
        ax.labels[1].align_to(ax.c2p(x0, y1), UP)
        if self.Y_LABEL_ABOVE:  # over the column of y numbers, flush with its left edge
            ax.labels[1].next_to(ax.c2p(x0, y1), UP, buff=0.12)
            ax.labels[1].align_to(np.array([numbers_left, 0, 0]), LEFT)
        ax.shift(np.array([self.MAP_LEFT, self.MAP_TOP, 0]) - ax.c2p(x0, y1))
        ax.shift(max(0.0, MAP_EDGE - config.frame_x_radius - ax.get_left()[0]) * RIGHT)
        X, Y, Z = races.surface_grid(r)
        img = contour_image(t, X, Y, Z, ax, log=bool(np.all(Z > 0)), levels=self.MAP_LEVELS)
        return ax, img

    def build_inset(self, place) -> Group:
        """The race's inset (races.Race.inset): its region's own contours in a frame, a thin
        box around the region on the map joined to the frame by two lines, a scale bar (race_plot.
        scale_bar_length) inside the frame, its number on a plate, the inset's name under it
        (INSET_NAME), the minimum's star, and each path
        clipped to the region (self.inset_paths, growing with the race). `place`, the frame's
        lower left and upper right corners (scene points): beside the map (INSET_BESIDE), or
        (ZOOM_FROM_REGION) over its region, its box, lines and scale bar never shown."""
        t, r = self.theme, self.RACE
        (rx0, rx1), (ry0, ry1) = region = r.inset.region
        lo, hi = (np.asarray(p, float) for p in place)
        ins = ManimAxes(x_range=[rx0, rx1, rx1 - rx0], y_range=[ry0, ry1, ry1 - ry0],
                        x_length=hi[0] - lo[0], y_length=hi[1] - lo[1], tips=False,
                        axis_config={"stroke_opacity": 0, "include_ticks": False,
                                     "include_numbers": False})
        ins.shift(lo - ins.c2p(rx0, ry0))
        self.inset = ins
        _, _, Zmap = races.surface_grid(r)
        positive = bool(np.all(Zmap > 0))  # log-scaled levels (not the saddle's)
        span = (float(Zmap[Zmap > 0].min() if positive else Zmap.min()), float(Zmap.max()))
        levels = round(INSET_LEVELS * (self.MAP_LEVELS or t.cost_map.levels))
        # (grown to the map's size, ZOOM_FROM_REGION, its bands need the map's grid)
        X, Y, Z = r.surface.grid(races.MAP_GRID if self.ZOOM_FROM_REGION else 200, region)
        if self.ZOOM_FROM_REGION:  # grown to the map's size: its levels spaced for its own
            # range of costs as the map's are for the map's (the map's colours kept), not the
            # map's few lines that cross the region
            levels = zoom_levels(self.MAP_LEVELS or t.cost_map.levels, span,
                                 (float(Z.min()), float(Z.max())), positive)
        size = {}
        if self.ZOOM_FROM_REGION:  # traced at the pixels it takes grown (zoom_in's scale), so
            # that grown its level lines are the map's width, not bands magnified with it
            v0, v1 = self.region_view()
            size = {"size": map_pixels(v1[0] - v0[0], v1[1] - v0[1])}
        img = contour_image(t, X, Y, Z, ins, log=bool(np.all(Z > 0)), levels=levels, span=span,
                            **size)
        img.set_z_index(2.5)
        #: (ZOOM_OVER_MAP) the same contours traced at the pixels the grown view takes, over
        #: the small one, coming in as it grows (magnified, the small one's level lines
        #: swelled into wide soft bands): grown, its level lines are the map's width
        self.inset_img_big = None
        if self.beside() and self.ZOOM_OVER_MAP:
            (x0, x1), (y0, y1) = r.window
            map_w = self.ax.c2p(x1, 0)[0] - self.ax.c2p(x0, 0)[0]
            map_h = self.ax.c2p(0, y1)[1] - self.ax.c2p(0, y0)[1]
            aspect = (rx1 - rx0) / (ry1 - ry0)
            big_w = ZOOM_FILL * min(map_w, map_h * aspect)
            Xb, Yb, Zb = r.surface.grid(races.MAP_GRID, region)
            big = contour_image(t, Xb, Yb, Zb, ins, log=bool(np.all(Zb > 0)), levels=levels,
                                span=span, size=map_pixels(big_w, big_w / aspect))
            self.inset_img_big = big.set_z_index(2.55).set_opacity(0)
        frame = Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], stroke_color=t.text,
                          stroke_width=INSET_FRAME).move_to((lo + hi) / 2).set_z_index(3.5)
        a, b = self.ax.c2p(rx0, ry0), self.ax.c2p(rx1, ry1)
        box = Rectangle(width=b[0] - a[0], height=b[1] - a[1], stroke_color=t.text,
                        stroke_width=INSET_LINE).move_to((a + b) / 2)
        if lo[0] > b[0]:  # the inset right of its region: the box's right corners to the
            # frame's left ones
            lines = VGroup(Line(np.array([b[0], b[1], 0]), np.array([lo[0], hi[1], 0])),
                           Line(np.array([b[0], a[1], 0]), lo))
        else:  # the inset below its region: the box's lower corners to the frame's upper ones
            lines = VGroup(Line(a, np.array([lo[0], hi[1], 0])),
                           Line(np.array([b[0], a[1], 0]), hi))
        # the window on the map in the frame's stroke, the two read as one shape drawn twice,
        # over every path (bare, no casing), under the heads, the end squares and the star;
        # the leaders thinner, from the window's side that faces the frame to the frame's
        # (the stills' gm.zoom_inset)
        box.set_stroke(width=INSET_FRAME)
        lines.set_stroke(t.text, INSET_LINE)
        VGroup(box, lines).set_z_index(Z_WINDOW)
        # the scale bar inside the frame, in the lower corner fewer points crowd, its number
        # towards the middle on a plate of the page's colour (the still's, race_plot)
        length = scale_bar_length(r)
        bx = race_plot.scale_bar_x(r, [tr.points for tr in self.trajectories.values()])
        right = bx < (rx0 + rx1) / 2
        bar = Line(ins.c2p(bx, ry0), ins.c2p(bx + length, ry0), stroke_color=t.text,
                   stroke_width=SCALE_BAR)
        cased(bar, t, THIN_CASING)
        label = MathTex(numbers.latex(length), font_size=TICK_SIZE, color=t.text)
        label.next_to(bar, RIGHT if right else LEFT, buff=SCALE_PLATE + 0.08)
        plate = BackgroundRectangle(label, color=t.background, fill_opacity=1,
                                    buff=SCALE_PLATE)
        label.add_to_back(plate)
        # a tenth of the way up, and no lower than keeps the plate inside the frame
        rise = max(0.1 * (hi[1] - lo[1]), plate.height / 2 + SCALE_PLATE)
        scale = VGroup(bar, label).shift(rise * UP).set_z_index(Z_SCALE)
        self.inset_name = self.text(self.INSET_NAME, SMALL_SIZE, t.muted)
        # at the frame's right: at its left, level with the settings' last line, it read on
        # from them
        self.inset_name.next_to(frame, DOWN, buff=NAME_GAP).align_to(frame, RIGHT)
        if getattr(self, "inset_name_left", False):  # (place_on_map) left of it, at its foot
            self.inset_name.next_to(frame, LEFT, buff=2 * NAME_GAP).align_to(frame, DOWN)
        if self.beside() == "map":  # over the map's level lines
            _halo(self.inset_name, t).set_z_index(6)
        if r.surface.minimum is not None:
            star = Star(outer_radius=INSET_STAR, color=t.mark_color("minimum"),
                        fill_opacity=1, stroke_width=1.2).set_stroke(t.background)
            star.move_to(ins.c2p(*r.surface.minimum))
            star.set_z_index(3.2)
        else:  # the saddle point's plus, over the end squares on its halo: SGD's square
            # ends beside it, and each reads whole
            star = cased(self.saddle_mark(0.75), t, SADDLE_HALO).move_to(ins.c2p(0, 0))
            star.set_z_index(3.45)
        self.inset_paths, self.inset_tails, self.inset_dots = {}, {}, {}
        self.inset_casings, self.inset_follow = {}, {}
        order = stacking(r, self.outcomes)
        for name in NAMES:
            rank = order.index(name)
            width = INSET_WIDTH * (PATH_WIDTH - self.WIDTH_STEP * (len(NAMES) - 1 - rank))
            # (ZOOM_FROM_REGION: shown after the finish, at full strength as the map's paths
            # are then)
            history = 1.0 if self.ZOOM_FROM_REGION else INSET_HISTORY
            opacity, thin, every = self.INSET_FAINT.get(name, (history, 1.0, 1))
            # (ZOOM_FROM_REGION) the map's own picture of the region: each run in its lane, as
            # on the map, LANE scene units from the next at every size as it grows (where runs
            # share the ridge, Momentum's and NAG's paths apart, not one over the other);
            # beside the map the inset shows the runs' own points
            lane = (lane_of(r, name, self.LANE, self.LANE_ORDER) if self.ZOOM_FROM_REGION
                    else None)
            trail = ClippedTrail(ins, self.paths[name], self.step, region, t.opt(name),
                                 every=every, lane=lane, stroke_width=thin * width,
                                 stroke_opacity=opacity)
            # a faint run's history beneath every other inset path
            z = 3 - 0.01 * rank - 0.1 * (name in self.INSET_FAINT)
            self.inset_paths[name] = trail.set_z_index(z)
            self.inset_tails[name] = ClippedTrail(
                ins, self.paths[name], self.step, region, t.opt(name), stroke_width=width,
                tail=INSET_TAIL, lane=lane).set_z_index(3.1 - 0.01 * rank)
            # the last steps on their casing, under every inset path (the faint history
            # stays a faint hairline, uncased)
            self.inset_casings[name] = cased(ClippedTrail(
                ins, self.paths[name], self.step, region, t.background, stroke_width=width,
                tail=INSET_TAIL, lane=lane), t, THIN_CASING, line=False).set_z_index(
                Z_INSET_CASINGS)
            # the head, shown while it is inside the region (kept on the region's edge, hidden,
            # while it is not: never outside the frame)
            dot = cased(opt_mark(name, INSET_DOT, t.opt(name)).set_stroke(t.background, 1.2),
                        t, THIN_CASING)
            def follow(d, tr=trail):
                d.move_to(tr.ax.c2p(*np.clip(tr.head(), *np.transpose(region))))
                d.set_opacity(float(races.inside(tr.head(), region)[0]))
            dot.add_updater(follow)
            self.inset_follow[name] = follow
            self.inset_dots[name] = dot.set_z_index(3.3 - 0.01 * rank)
        self.inset_lines, self.inset_scale = lines, scale
        self.inset_img, self.inset_frame, self.inset_box, self.inset_star = img, frame, box, star
        self.inset_ridge = VGroup()
        if self.RIDGE:  # the ridge in the inset as on the map, under the paths' casings
            self.inset_ridge = styled_line("reference", ins.c2p(rx0, 0), ins.c2p(rx1, 0), t.text,
                                           RIDGE_WIDTH).set_z_index(2.6)
            self.inset_ridge.set_stroke(opacity=RIDGE_OPACITY)
        big = [] if self.inset_img_big is None else [self.inset_img_big]
        return Group(img, *big, frame, box, lines, *scale, star, self.inset_ridge,
                     self.inset_name)

    def region_view(self) -> tuple[np.ndarray, np.ndarray]:
        """(ZOOM_FROM_REGION) The lower left and upper right corners (scene points) of the view
        the region's box opens out into: under the box, REGION_DROP below it, down to
        REGION_NUMBERS above the frame's bottom margin (its x numbers under it), at the
        region's aspect, as wide as the map at most (its y numbers in the map's column of them,
        faded by then), centred under the map: over the map's half that no path crosses and
        the settings' line, which leave, with the map's numbers, as it opens out."""
        (x0, x1), _ = self.RACE.window
        (rx0, rx1), (ry0, ry1) = self.RACE.inset.region
        top = self.ax.c2p(0, ry0)[1] - REGION_DROP
        bottom = -config.frame_y_radius + EDGE + REGION_NUMBERS
        left, right = self.ax.c2p(x0, 0)[0], self.ax.c2p(x1, 0)[0]
        aspect = (rx1 - rx0) / (ry1 - ry0)
        h = min(top - bottom, (right - left) / aspect)
        w, mid = h * aspect, (left + right) / 2
        return np.array([mid - w / 2, top - h, 0.0]), np.array([mid + w / 2, top, 0.0])

    def region_ticks(self) -> VGroup:
        """(ZOOM_FROM_REGION) The grown view's own ticks and numbers (map_axes', REGION_TICKS
        apart, in the house form), on the view as it stands now; its frame is the view's."""
        (rx0, rx1), (ry0, ry1) = self.RACE.inset.region
        ins = self.inset
        a, b = ins.c2p(rx0, ry0), ins.c2p(rx1, ry1)
        ax = map_axes(self.theme, [rx0, rx1, REGION_TICKS[0]], [ry0, ry1, REGION_TICKS[1]],
                      b[0] - a[0], b[1] - a[1], None, None, tick_size=TICK_SIZE)
        ax.shift(a - ax.c2p(rx0, ry0))
        skip = (ax.frame, ax.x_axis, ax.y_axis, ax.labels)
        return VGroup(*(m for m in ax.submobjects if all(m is not k for k in skip)))

    def place_on_map(self) -> tuple[np.ndarray, np.ndarray]:
        """(INSET_BESIDE "map") The inset's frame over the map, inside the part of it that no
        path crosses (races.Inset.place, in the map's coordinates): as large as that part
        holds at the region's aspect with its name under it (NAME_GAP, on a halo), at the
        part's right, as high as it reaches (nearest the region it magnifies)."""
        r = self.RACE
        (rx0, rx1), (ry0, ry1) = r.inset.region
        (px0, px1), (py0, py1) = r.inset.place
        lo, hi = self.ax.c2p(px0, py0), self.ax.c2p(px1, py1)
        label = self.text(self.INSET_NAME, SMALL_SIZE)
        aspect = (rx1 - rx0) / (ry1 - ry0)
        w = min(hi[0] - lo[0], (hi[1] - lo[1] - label.height - NAME_GAP) * aspect)
        # a part too low for a wide region's inset and its name under it (the long valley's):
        # the name left of the frame, level with its foot, over the map's empty floor, the
        # frame the part's full height
        beside = min(hi[0] - lo[0], (hi[1] - lo[1]) * aspect)
        left = self.ax.c2p(self.RACE.window[0][0], 0)[0]
        self.inset_name_left = (beside > 1.1 * w
                                and hi[0] - beside - NAME_GAP - label.width > left + 0.2)
        if self.inset_name_left:
            w = beside
        h = w / aspect
        return (np.array([hi[0] - w, hi[1] - h, 0]), np.array([hi[0], hi[1], 0]))

    def leaders_cross(self, lo, hi) -> bool:
        """Whether a leader from the inset's window on the map to a frame from `lo` to `hi`
        under it (build_inset's: the window's lower corners to the frame's upper ones) passes
        within LEADER_CLEAR of one of the map's numbers or its axes' names."""
        (rx0, rx1), (ry0, _) = self.RACE.inset.region
        ends = ((self.ax.c2p(rx0, ry0), np.array([lo[0], hi[1], 0])),
                (self.ax.c2p(rx1, ry0), np.asarray(hi, float)))
        words = [m for m in self.ax.get_family() if isinstance(m, MathTex)]
        along = np.linspace(0, 1, 400)[:, None]
        for a, b in ends:
            pts = a + along * (b - a)
            for m in words:
                x0, x1 = m.get_left()[0] - LEADER_CLEAR, m.get_right()[0] + LEADER_CLEAR
                y0, y1 = m.get_bottom()[1] - LEADER_CLEAR, m.get_top()[1] + LEADER_CLEAR
                if np.any((pts[:, 0] > x0) & (pts[:, 0] < x1)
                          & (pts[:, 1] > y0) & (pts[:, 1] < y1)):
                    return True
        return False

    def build_ridge(self) -> VGroup:
        """The ridge w₂ = 0 on the map (RIDGE), from its left edge to the start (where the
        start's label stands beside it): a dotted reference line in the text colour, at
        RIDGE_OPACITY, over the map, under every path's casing (so the runs' lanes lie on it,
        the middle one over it), named at its left end, where no path runs."""
        t, r = self.theme, self.RACE
        (x0, x1), _ = r.window
        line = styled_line("reference", self.ax.c2p(x0, 0), self.ax.c2p(r.start[0], 0), t.text,
                           RIDGE_WIDTH).set_z_index(0.6)
        line.set_stroke(opacity=RIDGE_OPACITY)
        label = self.mixed("ridge, $w_2 = 0$", SMALL_SIZE)
        label.next_to(self.ax.c2p(x0, 0), UP + RIGHT, buff=0.1).set_z_index(6)
        _halo(label, t)  # over the map's level lines
        return VGroup(line, label)

    def lane_path(self, name: str) -> np.ndarray:
        """Run `name`'s path on the map (window coordinates): its points moved to its lane
        (race_plot.lane_of, LANE scene units apart, in the race's direction), reached over the
        first LANE_RAMP scene units of its way from the start. A run that stays in the frame is
        held inside it; a run that leaves it ends where its lane crosses the frame's edge
        (races.visible_path of its whole run moved to its lane), so that every exit ends on the
        edge whichever side of the run's points its lane lies: its points from there on (to its
        exit step, one point per step as on gdcore's path) wait at that crossing, and where its
        lane leaves later than its points, its last point is the crossing."""
        p = self.paths[name]
        dx, dy = lane_of(self.RACE, name, self.LANE, self.LANE_ORDER)
        if dx == dy == 0:
            return p
        ax = self.ax
        ex = self.exits[name]
        full = p if ex is None else self.trajectories[name].points
        way = np.linalg.norm(np.diff(scene_points(ax, full[:, 0], full[:, 1]), axis=0), axis=1)
        ramp = np.clip(np.concatenate([[0.0], np.cumsum(way)]) / LANE_RAMP, 0, 1)
        ux = ax.c2p(1, 0)[0] - ax.c2p(0, 0)[0]
        uy = ax.c2p(0, 1)[1] - ax.c2p(0, 0)[1]
        (x0, x1), (y0, y1) = window = self.RACE.window
        moved = full + np.column_stack([ramp * dx / ux, ramp * dy / uy])
        if ex is None:
            return np.column_stack([np.clip(moved[:, 0], x0, x1), np.clip(moved[:, 1], y0, y1)])
        cut, n = races.visible_path(moved, window), len(p)
        if len(cut) >= n:
            return np.vstack([cut[: n - 1], cut[-1:]])
        return np.vstack([cut, np.repeat(cut[-1:], n - len(cut), axis=0)])

    def inset_offsets(self) -> dict[str, np.ndarray]:
        """Where each end square in the inset sits (scene units from its run's last point):
        race_plot.end_offsets, at the inset's scale, its squares' side INSET_END
        and rim (end_rim: its outline's outer half and its casing, outside the side): a square
        that would hide the star or touch another is set beside its point, on a leader.
        Grown (zoom_gain), the inset's places times the gain: shrunk back, each square stands
        where it would in the inset in its place."""
        ins, r, g = self.inset, self.RACE, self.zoom_gain
        per_unit = (ins.c2p(1, 0)[0] - ins.c2p(0, 0)[0]) / g
        ends = {n: self.paths[n] for n in self.inset_runs()}
        return {n: g * np.array([*w, 0.0]) for n, w in end_offsets(
            r, ends, per_unit, self.end_side(), end_rim()).items()}

    def end_side(self) -> float:
        """The side of an end square in the inset: INSET_END, or (ZOOM_FROM_REGION, shown
        only grown) ZOOM_END."""
        return ZOOM_END if self.ZOOM_FROM_REGION else INSET_END

    def inset_end(self, name: str, offset=ORIGIN) -> Square:
        """The end square of run `name` in the inset, `offset` (scene units) from its last point
        (over the star)."""
        t = self.theme
        rank = stacking(self.RACE, self.outcomes).index(name)
        sq = end_square(t, t.opt(name), self.zoom_gain * self.end_side())
        at = self.inset.c2p(*self.paths[name][-1]) + offset
        return sq.move_to(at).set_z_index(3.4 - 0.01 * rank)

    def inset_leader(self, name: str, square: Square) -> Line:
        """The leader from a square set beside its point (inset_offsets) back to the point, in
        the run's colour, stopping LEADER_SHORT of it (gm.end_beside's, in the still), under
        the square."""
        at = self.inset.c2p(*self.paths[name][-1])
        way = square.get_center() - at
        tip = at + way / np.linalg.norm(way) * LEADER_SHORT
        line = Line(outline_toward(square, at), tip, stroke_color=self.theme.opt(name),
                    stroke_width=LEADER_WIDTH)
        return line.set_z_index(square.z_index - 0.005)

    def inset_runs(self) -> list[str]:
        """The runs that end inside the inset's region."""
        if self.RACE.inset is None:
            return []
        return [n for n in NAMES if self.exits[n] is None
                and races.inside(self.paths[n][-1], self.RACE.inset.region)[0]]

    def panel_range(self) -> tuple[float, float]:
        """The distance panel's log10 range: half the least distance to twice the largest (on
        the saddle, twice the window's edge)."""
        lo = min(float(d.min()) for d in self.distances.values())
        hi = max(float(d.max()) for d in self.distances.values())
        if self.RACE.surface.minimum is None:
            hi = self.RACE.window[1][1]
        return float(np.log10(lo / 2)), float(np.log10(hi * 2))

    def build_panel(self, left: float, top: float, bottom: float):
        """The distance panel in the column from `left` to the frame's right margin, its frame
        from `top` to `bottom`: each run's distance (self.distances) against the step on a
        log axis, a curve per optimizer that grows with the paths."""
        t, r = self.theme, self.RACE
        lo, hi = self.panel_range()
        decades = 1 if hi - lo <= 4.5 else 2  # no more than five numbers up the panel
        # the widest of its numbers (decade_label), at the tick numbers' size
        probe = max((MathTex(decade_label(k), font_size=TICK_SIZE).width * PANEL_TICK_SCALE
                     for k in np.arange(np.ceil(lo / decades), np.floor(hi / decades) + 1)
                     * decades), default=0.0)
        inner = left + probe + 0.3
        label = self.tex("t", TICK_SIZE)  # the step t, as every scene's step axis
        # room at the axis's end for its label, beyond the last step's number
        width = config.frame_x_radius - EDGE - STEP_LABEL_GAP - label.width - inner
        self.panel_end = self.panel_steps(width)
        ax = map_axes(t, [0, self.panel_end, self.STEP_TICK], [lo, hi, decades],
                      width, top - bottom, None, None, tick_size=TICK_SIZE,
                      y_format=decade_label)
        # every tick number PANEL_TICK_SCALE larger, its gap to its tick kept: a power of ten
        # about its right edge, a step number about its top
        for m in ax.submobjects:
            if isinstance(m, MathTex) and m not in ax.labels:
                below = m.get_top()[1] < ax.c2p(0, lo)[1]
                m.scale(PANEL_TICK_SCALE, about_edge=UP if below else RIGHT)
        ax.shift(np.array([inner, top, 0]) - ax.c2p(0, hi))
        # at the end of the axis, level with it: clear of every tick number
        label.next_to(ax.c2p(self.panel_end, lo), RIGHT, buff=STEP_LABEL_GAP)
        ax.labels.add(label)  # an axis label (ax.labels is part of ax), not a tick number
        self.step_label = label
        if r.surface.minimum is None:  # the saddle: |y| up to the edge of the frame
            edge = float(np.log10(r.window[1][1]))
            end = self.panel_end  # across the whole panel
            line = styled_line("reference", ax.c2p(0, edge) + FRAME_INSET * RIGHT,
                               ax.c2p(end, edge) + FRAME_INSET * LEFT, t.muted, 2)
            # where no run is: on two lines at the right, clear of the climbs to the edge
            note = VGroup(self.text("edge of", SMALL_SIZE, t.muted),
                          self.text("the map", SMALL_SIZE, t.muted))
            note.arrange(DOWN, buff=0.06, aligned_edge=RIGHT)
            note.next_to(ax.c2p(end, edge), DOWN + LEFT, buff=0.12)
            ax.add(line, note)
        self.panel_curves, self.panel_dots = {}, {}
        order = stacking(r, self.outcomes)
        for name in NAMES:
            c = t.opt(name)
            d = self.distances[name]
            pts = np.column_stack([np.arange(d.size), np.log10(d)])
            curve = Trail(ax, pts, self.step, color=c, stroke_width=PANEL_WIDTH)
            curve.set_z_index(1 - 0.01 * order.index(name))
            dot = head_mark(curve, name, c, radius=0.07)
            cased(dot.set_stroke(t.background, 1.5), t, THIN_CASING)
            dot.set_z_index(3 + 0.1 * (name in self.HEADS_OVER))
            if self.exits[name] is not None:
                dot.add_updater(lambda m, n=name: m.set_opacity(1 - self.exit_ramp(n)))
            self.panel_curves[name], self.panel_dots[name] = curve, dot
        return ax

    def panel_squares(self) -> bool:
        """Whether the distance panel ends each run that stays in its square: only where it shows
        runs leaving the frame (as the still's progress_panel), so that a line that stops short
        of the last step beside the exits' crosses does not read as cut short."""
        return any(ex is not None for ex in self.exits.values())

    def panel_steps(self, width: float) -> float:
        """Where the distance panel's step axis ends, its length `width` (scene units): PANEL_PAD
        of the steps past the last one where it draws end squares, else PANEL_HEAD_ROOM past it
        (room for a head dot at the last step inside the frame)."""
        steps = self.RACE.steps
        if self.panel_squares():
            return steps * (1 + PANEL_PAD)
        return steps * width / (width - PANEL_HEAD_ROOM)

    def panel_header(self) -> str:
        """What the distance panel plots (words with $...$ maths)."""
        if self.RACE.surface.minimum is None:
            return AXIS_LABELS["ridge distance"]
        return "distance to the minimum"

    def start_fan(self) -> dict[str, np.ndarray]:
        """Where (scene point) each run's head waits, fanned round the start (START_FAN from
        its centre): NAMES in the legend's order, evenly round the side of the start away from
        its name (START_LABEL), over FAN_ARC of the circle (the name RIGHT: from the upper
        right over the left to the lower right)."""
        away = np.arctan2(self.START_LABEL[1], self.START_LABEL[0]) + PI
        angles = away + np.linspace(FAN_ARC / 2, -FAN_ARC / 2, len(NAMES)) * (
            -1 if np.cos(away) < 0 else 1)
        start = self.ax.c2p(*self.RACE.start)
        return {n: start + self.START_FAN * np.array([np.cos(a), np.sin(a), 0.0])
                for n, a in zip(NAMES, angles)}

    def marker_start(self):
        t = self.theme
        ring = Circle(radius=0.1, stroke_color=t.text, stroke_width=3, fill_color=t.background,
                      fill_opacity=1).move_to(self.ax.c2p(*self.RACE.start))
        label = self.text("start", TEXT_SIZE).next_to(ring, self.START_LABEL, buff=0.14)
        _halo(label, t)  # over the map's level lines
        return VGroup(ring, label).set_z_index(6)

    def marker_target(self):
        """The minimum (a star), or the saddle point (a plus) where the surface has none."""
        t, s = self.theme, self.RACE.surface
        if s.minimum is not None:
            star = Star(outer_radius=STAR_RADIUS, color=t.mark_color("minimum"), fill_opacity=1,
                        stroke_width=1.5)
            star.set_stroke(t.background).move_to(self.ax.c2p(*s.minimum))
            text = "minimum (" + ", ".join(numbers.text(c) for c in s.minimum) + ")"
            return (star.set_z_index(Z_FAN_STAR if self.END_GATHER else 5), star.copy(), text)
        # over the end squares (z 4) on its halo: SGD's square ends beside it
        mark = cased(self.saddle_mark(), t, SADDLE_HALO).move_to(self.ax.c2p(0, 0))
        return mark.set_z_index(5), mark.copy(), "saddle point (0, 0)"

    def scale_bar(self, length: float, half: float) -> VGroup:
        """A scale bar `half` × 2 scene units long standing for `length`, its number to its right
        (VGroup(bar, label), centred at the origin)."""
        t = self.theme
        bar = Line(np.array([-half, 0, 0]), np.array([half, 0, 0]), stroke_color=t.text,
                   stroke_width=3)
        label = MathTex(numbers.latex(length), font_size=TICK_SIZE, color=t.text)
        return VGroup(bar, label.next_to(bar, RIGHT, buff=0.12))

    def saddle_mark(self, size: float = 1.0):
        """The house's saddle mark (theme.MARKERS["saddle"]): a filled plus in the text colour,
        edged in the background colour, `size` times the map's."""
        t = self.theme
        arm, width = 0.2 * size, 0.075 * size
        mark = VGroup(Rectangle(width=arm, height=width), Rectangle(width=width, height=arm))
        mark = Union(*mark, color=t.text, fill_opacity=1, stroke_width=1.5)
        return mark.set_stroke(t.background)

    def legend_row(self, name: str):
        """The swatch and label of optimizer `name` (its name and, build_legend's α column, its
        learning rate: one line on one baseline, its pieces the name and the rate), and its
        status: where it left the frame, or (shown at the end) how far from the target it
        ended."""
        t = self.theme
        c = t.opt(name)
        swatch = opt_mark(name, 0.1, c)  # the key: the run's colour and mark
        rate = numbers.latex(self.RACE.hyper[name]["lr"], sig=3, floor=0)
        label = self.mixed(f"{name}  ${rate}$", SMALL_SIZE)
        # every label the same way from its key's centre (a triangle is wider than a dot)
        label.next_to(swatch.get_center() + 0.1 * RIGHT, RIGHT, buff=0.2)
        line = VGroup(swatch, label)
        ex = self.exits[name]
        note = f"left at step {ex.step}" if ex is not None else self.finish_note(name)
        return line, self.mixed(note, STATUS_SIZE, t.text)

    def finish_note(self, name: str) -> str:
        """What the legend says at the end of a run that stayed in the window (words with
        $...$ maths: ThemedScene.mixed)."""
        o, tr = self.outcomes[name], self.trajectories[name]
        if tr.diverged:  # stopped inside the window (none of gdcore's races does)
            return f"diverged at step {tr.diverged_at}"
        if o.distance is not None:
            return distance_note(o.distance)
        return f"lingers, ${RIDGE_DISTANCE} = {abs(o.final[1]):.3f}$"

    def finish_header(self) -> str | None:
        """The heading of the statuses shown at the end (None: they explain themselves)."""
        return "final distance" if self.RACE.surface.minimum else None

    def build_keys(self, target_key, target_text: str, start: bool = True) -> VGroup:
        """One line of keys: the start's ring (unless not `start`: the map labels it), the
        target's mark, each with its point, and the end square (end_mark, in ink: each run's
        in its colour, on the map, in the inset and in the distance panel)."""
        r, t = self.RACE, self.theme
        ring = Circle(radius=0.1, stroke_color=t.text, stroke_width=3, fill_color=t.background,
                      fill_opacity=1)
        point = ", ".join(numbers.text(c) for c in r.start)
        items = [(ring, f"start ({point})")] if start else []
        end = end_square(t, t.text)
        keys = VGroup(*(VGroup(m.move_to(ORIGIN), self.text(s, SMALL_SIZE)).arrange(RIGHT,
                                                                                  buff=0.2)
                        for m, s in [*items, (target_key, target_text), (end, self.END_WORDS)]))
        return keys.arrange(RIGHT, buff=0.35)

    def build_legend(self, columns: int) -> VGroup:
        """The legend table: a row per optimizer (swatch, label, status) in `columns` columns
        (filled down, then across) under a row for the statuses' header; its top left corner
        at ORIGIN (the caller moves it)."""
        lines, statuses = {}, {}
        for name in NAMES:
            lines[name], statuses[name] = self.legend_row(name)
        per_col = -(-len(NAMES) // columns)
        # the learning rates in a column of their own, headed α, flush left (one digit before
        # each point: the points aligned) a RATE_GAP right of the longest name; written after
        # each name ("Momentum α = 0.01") the column was as wide as the longest such label,
        # and beside it the map 46 % of the frame's width
        names_w = max(m[1][0].get_right()[0] - m.get_left()[0] for m in lines.values())
        for line in lines.values():
            _, rate = line[1]
            rate.shift((line.get_left()[0] + names_w + RATE_GAP - rate.get_left()[0]) * RIGHT)
        rate_head = self.mixed(r"$\alpha$", SMALL_SIZE, self.theme.muted)
        rate_x = names_w + RATE_GAP  # from the column's left edge
        header = self.finish_header()
        label_w = max(m.width for m in lines.values()) + self.STATUS_GAP
        status_w = max(m.width for m in statuses.values())
        heads = [header] if header else []
        if header:  # the statuses' header, right-aligned over them, clear of the α's; where
            # its one line would reach over the α column (short statuses: the long valley's
            # 0.15), in two lines ("final" over "distance"), not pushing the statuses away
            # from their rates
            reach = rate_x + rate_head.width + HEADER_GAP  # the least left edge it may take
            words = header.split()
            if len(words) > 1 and label_w + status_w - self.text(header, SMALL_SIZE).width < reach:
                heads = [words[0], " ".join(words[1:])]
            head_w = max(self.text(h, SMALL_SIZE).width for h in heads)
            label_w = max(label_w, reach + head_w - status_w)
        first = max(1, len(heads))  # header rows
        col_w = label_w + status_w + 0.6
        rows = VGroup()
        for i, name in enumerate(NAMES):
            col, row = divmod(i, per_col)
            y = -(row + first + 0.5) * ROW
            lines[name].move_to(np.array([col * col_w, y, 0]), aligned_edge=LEFT)
            # every distance a decimal of one digit before its point (or a power of ten):
            # flush left, their points aligned
            statuses[name].move_to(np.array([col * col_w + label_w, y, 0]), aligned_edge=LEFT)
            rows.add(lines[name], statuses[name])
        legend = VGroup(rows)
        #: the α over each column of learning rates (on the header's last line), shown from
        #: the start
        self.rate_header = VGroup()
        for col in range(min(columns, len(NAMES))):
            h = rate_head if col == 0 else rate_head.copy()
            h.move_to(np.array([col * col_w + rate_x, -(first - 0.5) * ROW, 0]),
                      aligned_edge=LEFT)
            self.rate_header.add(h)
        legend.add(self.rate_header)
        self.header = None
        if header:  # right-aligned over each column of statuses, into the labels' room
            self.header = VGroup()
            for col in range(columns):
                h = VGroup(*(self.text(w, SMALL_SIZE, self.theme.muted).move_to(
                    np.array([col * col_w + label_w + status_w, -(j + 0.5) * ROW, 0]),
                    aligned_edge=RIGHT) for j, w in enumerate(heads)))
                self.header.add(h)
            legend.add(self.header)
            self.header.set_opacity(0)
        for name, status in statuses.items():
            if self.exits[name] is not None:
                status.add_updater(lambda m, n=name: m.set_opacity(self.exit_ramp(n)))
            else:
                status.set_opacity(0)
        self.statuses = statuses
        return legend

    # -- sections ------------------------------------------------------------------------

    def section_setup(self):
        t, r = self.theme, self.RACE
        cost = f"{SURFACE_COST} = {r.surface.formula}"
        title = VGroup(self.text(self.TITLE + ":", 30),
                       self.tex(cost, 32)).arrange(RIGHT, buff=0.3)
        title.scale_to_fit_width(min(title.width, config.frame_width - 2 * EDGE))
        title.to_edge(UP, buff=EDGE)
        self.ax, img = self.build_map()
        self.map_img = img
        self.inset_paths, self.inset_tails, self.inset_dots = {}, {}, {}
        self.inset_casings = {}
        self.inset_ends, self.inset_leaders = {}, {}  # (section_finish)
        beside = self.beside()
        inset = Group()
        start = self.marker_start()
        target, target_key, target_text = self.marker_target()
        self.start_mark, self.target_mark = start, target
        self.ridge = self.build_ridge() if self.RIDGE else VGroup()

        self.history, self.tails, self.dots, self.casings = {}, {}, {}, {}
        #: how far the heads stand fanned round the start (1: START_FAN out, 0: on it)
        self.fan = ValueTracker(1.0 if self.START_FAN else 0.0)
        fan = self.start_fan()
        #: name -> the path drawn on the map: the run's points, in its lane (self.lane_path)
        self.map_paths = {n: self.lane_path(n) for n in NAMES}
        order = stacking(r, self.outcomes)
        for name in NAMES:
            c = t.opt(name)
            path = self.map_paths[name]
            rank = order.index(name)
            width = PATH_WIDTH - self.WIDTH_STEP * (len(NAMES) - 1 - rank)
            bold = name in self.BOLD  # wider and at full strength from the start
            width = BOLD_WIDTH if bold else width
            self.history[name] = Trail(self.ax, path, self.step, color=c, stroke_width=width,
                                       stroke_opacity=1.0 if bold else RACE_OPACITY[t.name])
            self.history[name].set_z_index(1 - 0.01 * rank + 0.1 * bold)
            # the casing as faint as its path's history (a faint path on a solid casing
            # would read as a white tube), at full strength with it at the finish
            self.casings[name] = cased(Trail(self.ax, path, self.step, color=t.background,
                                             stroke_width=width), t, line=False)
            self.casings[name].set_stroke(opacity=1.0 if bold else CASING_OPACITY[t.name],
                                          background=True)
            # one layer under every path, or (CASE_EACH) each path on its own, just under it
            self.casings[name].set_z_index(self.history[name].z_index - 0.005 if self.CASE_EACH
                                           else Z_CASINGS)
            self.tails[name] = Trails(*(
                Trail(self.ax, path, self.step, color=c, stroke_width=width,
                      stroke_opacity=TAIL_LAYER_OPACITY, cap_style=CapStyleType.BUTT,
                      tail=max(1, round(self.TAIL * (i + 1) / TAIL_LAYERS)))
                for i in range(TAIL_LAYERS)))
            self.tails[name].set_z_index(2 - 0.01 * rank)
            dot = head_mark(self.history[name], name, c, radius=0.085)
            cased(dot.set_stroke(t.background, 1.5), t, THIN_CASING)
            dot.set_z_index(3 + 0.1 * (name in self.HEADS_OVER))
            if self.END_GATHER:  # the heads gather at the minimum, a lane
                # (3.6 px) apart: each over the one in the lane below it, whose lower part
                # shows beneath it (NAG's triangle over Adagrad's, which shows its wide top
                # beside it, not its tip)
                dot.set_z_index(dot.z_index
                                + 0.1 * lane_of(r, name, self.LANE, self.LANE_ORDER)[1])
            if self.exits[name] is not None:  # faded as the run leaves the frame
                dot.add_updater(lambda d, n=name: d.set_opacity(1 - self.exit_ramp(n)))
            if self.START_FAN:  # fanned round the start until the heads gather into it
                # (from the first point of its lane, where its head stands at step 0)
                off = fan[name] - self.ax.c2p(*path[0][:2])
                dot.add_updater(lambda d, o=off: d.shift(self.fan.get_value() * o))
                dot.update()
            self.dots[name] = dot

        map_right = self.ax.c2p(r.window[0][1], 0)[0]
        map_bottom = self.ax.c2p(0, r.window[1][0])[1]
        left = map_right + COLUMN_GAP
        # (Y_LABEL_ABOVE) level with the w₂ label's top, under the title
        top = self.ax.get_top()[1] if self.Y_LABEL_ABOVE else self.MAP_TOP + 0.1
        notes = [*extra_settings(r), r"\text{otherwise PyTorch's defaults}"]
        keys = self.build_keys(target_key, target_text,
                               start=self.LEGEND_BELOW or beside == "column")
        place = None
        if self.LEGEND_BELOW:  # the legend under the map and the panel, the settings beside it
            self.legend = self.build_legend(columns=1 if beside == "below" else 2)
            # its top 0.7 under the map's frame, or as high as keeps its foot off the frame's
            # margin, clear under the map's numbers
            y = max(map_bottom - 0.7, -config.frame_y_radius + EDGE + self.legend.height)
            y = min(y, self.ax.get_bottom()[1] - 0.15)
            self.legend.shift(np.array([self.ax.get_left()[0], y - self.legend.get_top()[1], 0]))
            if beside == "map":  # over the map, in the part no path crosses
                place = self.place_on_map()
            if beside == "below":  # under the map at its right, level with the legend's
                # top, from a column's gap right of the legend to the map's right edge
                (rx0, rx1), (ry0, ry1) = r.inset.region
                x0 = self.legend.get_right()[0] + COLUMN_GAP
                y1 = self.legend.get_top()[1]
                place = (np.array([x0, y1 - (map_right - x0) * (ry1 - ry0) / (rx1 - rx0), 0]),
                         np.array([map_right, y1, 0]))
            keys.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
            settings = VGroup(*keys, *(self.tex(s, TICK_SIZE, t.muted) for s in notes))
            settings.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
            settings.to_corner(DOWN + RIGHT, buff=EDGE)
            # the panel down to its step numbers' room above the keys (past the map's foot,
            # or short of it where the map is the taller)
            panel_top = top
            panel_bottom = settings.get_top()[1] + PANEL_FOOT + 0.25
        else:  # the legend and the keys above the panel in the right-hand column, the
            # panel below them down to the frame's foot, the settings under the map
            self.legend = self.build_legend(columns=1)
            if beside != "column":
                if keys.width > config.frame_x_radius - EDGE - left:  # one key a line
                    keys.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
                keys.next_to(self.legend, DOWN, buff=0.14).align_to(self.legend, LEFT)
                self.legend.add(keys)
            if beside in ("below", "map"):  # the column as far right as the legend leaves
                # it ("below": the room under the map, between the settings and the column,
                # the inset's)
                left = max(left, config.frame_x_radius - EDGE - self.legend.get_right()[0])
            self.legend.shift(np.array([left, top, 0]))
            panel_top = self.legend.get_bottom()[1] - 0.2
            if beside == "column":  # the inset under the legend, at the column's left
                (rx0, rx1), (ry0, ry1) = r.inset.region
                room = config.frame_x_radius - EDGE - left
                h = min(self.INSET_MAX_H, room * (ry1 - ry0) / (rx1 - rx0))
                w = h * (rx1 - rx0) / (ry1 - ry0)
                place = (np.array([left, panel_top - h, 0]), np.array([left + w, panel_top, 0]))
                panel_top -= h + 0.2
            panel_bottom = -config.frame_y_radius + EDGE + PANEL_FOOT
            # under the map, up to SETTINGS_GAP short of the column ("map": the map's foot free
            # of the inset, as wide as that)
            gap = SETTINGS_GAP if beside == "map" else COLUMN_GAP / 2
            # ("map": two notes a line, an em apart, so that the settings take two lines)
            settings = self.settings_lines(notes, left - gap + config.frame_x_radius - EDGE,
                                           r"\quad " if beside == "map" else r"\qquad ")
            if beside == "column":  # the keys above the settings, under the map
                settings = VGroup(keys, *settings).arrange(DOWN, buff=0.12, aligned_edge=LEFT)
            if beside == "below":  # a note a line, left of the inset under the map
                settings = self.settings_lines(notes, 0.0)
            settings.to_corner(DOWN + LEFT, buff=EDGE)
            if beside == "map":  # over the map, in the part no path crosses (races.Inset.place)
                place = self.place_on_map()
            if beside == "below":  # under the map, right of the settings, as near under its
                # region as the room between the settings and the column leaves, its name
                # under it: no higher than the room under the map's numbers leaves
                (rx0, rx1), (ry0, ry1) = r.inset.region
                y1 = self.ax.get_bottom()[1] - SETTINGS_GAP
                name = self.text(self.INSET_NAME, SMALL_SIZE).height + NAME_GAP
                h = min(self.INSET_MAX_H, y1 - name - (-config.frame_y_radius + EDGE))
                x_min = settings.get_right()[0] + INSET_GAP
                room = left - INSET_GAP - x_min
                w = min(h * (rx1 - rx0) / (ry1 - ry0), room)
                h = w * (ry1 - ry0) / (rx1 - rx0)
                centre = self.ax.c2p((rx0 + rx1) / 2, 0)[0]
                place = None
                # the widest that leaves its leaders clear of the map's numbers and names (one
                # to its right corner ran through the last number), as near under its region
                # as that leaves it
                while place is None:
                    x_max = x_min + max(0.0, room - w)
                    near = float(np.clip(centre - w / 2, x_min, x_max))
                    for x0 in sorted(np.linspace(x_min, x_max, 1 + int((x_max - x_min) / 0.05)),
                                     key=lambda x: abs(x - near)):
                        trial = (np.array([x0, y1 - h, 0]), np.array([x0 + w, y1, 0]))
                        if w <= 1.0 or not self.leaders_cross(*trial):
                            place = trial
                            break
                    w -= 0.02
                    h = w * (ry1 - ry0) / (rx1 - rx0)
            if self.SETTINGS_FOOT or settings.get_top()[1] > self.ax.get_bottom()[1] - SETTINGS_GAP:
                # no room under the map: the settings on one line across the foot of the
                # frame, the panel down to just above it
                settings = self.settings_lines(notes, np.inf).to_corner(DOWN + LEFT, buff=EDGE)
                panel_bottom = settings.get_top()[1] + PANEL_FOOT + 0.12
        header = self.mixed(self.panel_header(), SMALL_SIZE, t.muted)
        header.next_to(np.array([left, panel_top, 0]), DOWN + RIGHT, buff=0)
        header.shift(min(0.0, config.frame_x_radius - EDGE - header.get_right()[0]) * RIGHT)
        self.panel = self.build_panel(left, header.get_bottom()[1] - 0.2, panel_bottom)
        x_label = self.ax.labels[0]
        if (header.get_bottom()[1] < x_label.get_top()[1] < header.get_top()[1] + x_label.height
                and header.get_left()[0] < x_label.get_right()[0] + HEADER_GAP):
            # level with the map's w₁ (beside its corner), it would read on from it ("w₁
            # distance to the minimum"): over the panel's frame, from its left edge
            header.align_to(self.panel.c2p(0, self.panel.y_range[0]), LEFT)
            header.shift(min(0.0, config.frame_x_radius - EDGE - header.get_right()[0]) * RIGHT)
        self.settings = settings
        if self.ZOOM_FROM_REGION:  # over its region, shown only as it grows
            (rx0, rx1), (ry0, ry1) = r.inset.region
            place = (self.ax.c2p(rx0, ry0), self.ax.c2p(rx1, ry1))
        if place is not None:
            inset = self.build_inset(place)

        # a short set-up (about 4 s): the title from the first frame; the map and its axes
        # faded in whole (drawn by Create, each frame and tick came in within a frame or two);
        # then the start and the target (and the ridge), each where
        # it stays; then the legend, the settings and the distance panel
        self.add(title)
        self.play(FadeIn(self.ax), FadeIn(img), run_time=MAP_FADE)
        self.play(FadeIn(target), FadeIn(start), *([FadeIn(self.ridge)] if self.RIDGE else []),
                  run_time=SETUP_STEP)
        # one part at a time: the legend, then the distance panel, then the settings (the
        # inset beside the map comes in once the race has ended: section_race)
        self.play(FadeIn(self.legend), run_time=SETUP_STEP)
        self.play(FadeIn(self.panel), FadeIn(header), run_time=SETUP_STEP)
        self.play(FadeIn(settings), run_time=SETUP_STEP)
        self.inset_group = inset if beside else None
        self.add(*self.casings.values(), *self.history.values(), *self.tails.values(),
                 *self.panel_curves.values())
        self.play(*(FadeIn(d) for d in (*self.dots.values(), *self.panel_dots.values())),
                  run_time=SETUP_STEP)
        self.wait(SETUP_HOLD)
        if self.START_FAN:  # the seven, seen at the start, gather into it to set off
            self.play(self.fan.animate.set_value(0.0), run_time=FAN_GATHER)

    def section_race(self):
        for i, (k, seconds) in enumerate(self.STAGES):
            if i == 1:  # the caption's second sentence: what the runs do
                self.caption_next()
            if i == 2 and self.exits_cue({n: o.exit.step for n, o in self.outcomes.items()
                                          if o.exit is not None}):
                self.caption_next()  # every run that leaves has left: which first and last
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)
        if self.inset_group is not None:  # the inset beside the map comes in once the race
            # has ended, one change on its own (brought in while the runs still moved, it came
            # in nearly empty, its lines crossing the paths): its frame, contours and the
            # paths in it, the heads at their last points
            inside = [*self.inset_casings.values(), *self.inset_paths.values(),
                      *self.inset_tails.values(), *self.inset_dots.values()]
            for m in inside:  # drawn up to the last step before they come in
                m.update()
            for dot in self.inset_dots.values():  # held where they are (their updater, which
                # shows a head inside the region at full strength, would undo the fade)
                dot.clear_updaters()
            self.play(FadeIn(self.inset_group), *(FadeIn(m) for m in inside),
                      run_time=INSET_FADE)
            if self.ARRIVAL:  # the race goes on in the inset: its heads follow their runs
                for name, dot in self.inset_dots.items():
                    dot.add_updater(self.inset_follow[name])
        self.wait(0.4)

    def end_mark(self, name: str, panel: bool = False) -> Square:
        """The house end mark of a run that stayed in the frame (end_square: hollow, outlined
        in its colour) on its last point (with `panel`, at the end of its curve in the
        distance panel), stacked as its path (the shortest on top), under the minimum's star
        and the start. On the map, where the last point lies on the star (on_star), the square
        is drawn large enough to frame the star, centred on the point (frame_side), the star
        over it inside: "ended here, at the minimum"."""
        t, r = self.theme, self.RACE
        rank = stacking(r, self.outcomes).index(name)
        d = self.distances[name]
        at = (self.panel.c2p(d.size - 1, np.log10(d[-1])) if panel
              else self.ax.c2p(*self.map_paths[name][-1]))
        side = END_SIDE * (0.8 if panel else 1)
        star = self.target_mark
        if not panel and r.surface.minimum is not None and on_star(at, star):
            side = frame_side(at, star)
        sq = end_square(t, t.opt(name), side)
        return sq.move_to(at).set_z_index((3 if panel else 4) - 0.01 * rank)

    def panel_row(self):
        """The distance panel's end squares, each at its own last point: where the ends of some
        runs lie closer in height than PANEL_END_GAP (a cluster, in the order of their
        heights), their squares stand side by side in a row centred on the last step (or as
        near it as keeps the row inside the panel's frame: in a short panel more ends crowd
        into one row), each at its own height, the lowest at the left, PANEL_END_GAP sides
        apart: none hides another, none leaves its curve's end."""
        ends = self.panel_ends
        if not ends:
            return
        names = sorted(ends, key=lambda n: ends[n].get_y())
        gap = PANEL_END_GAP * ends[names[0]].width
        clusters = [[names[0]]]
        for lower, name in zip(names, names[1:]):
            if ends[name].get_y() - ends[lower].get_y() < gap - 1e-12:
                clusters[-1].append(name)
            else:
                clusters.append([name])
        right = self.panel.c2p(self.panel_end, self.panel.y_range[0])[0]
        for group in clusters:
            for j, name in enumerate(group):
                ends[name].shift((j - (len(group) - 1) / 2) * gap * RIGHT)
            over = ends[group[-1]].get_right()[0] - (right - PANEL_INSIDE)
            for name in group if over > 0 else ():
                ends[name].shift(over * LEFT)

    def section_finish(self):
        """The whole of every path at full strength, and how each run ended, in the legend;
        the dots of each run that stayed in the frame turn into its end squares on the map (or
        in the inset); in the distance panel into squares where it shows runs leaving
        (panel_squares), else they fade, the curves ending at the last step."""
        stayed = [n for n in NAMES if self.exits[n] is None]
        #: the runs whose end the inset beside the map shows (as the still: no square of
        #: theirs on the map, where they end a few pixels apart round the star, inside the
        #: inset's window): their map heads fade out as their inset heads turn into squares
        self.inset_only = [n for n in self.inset_runs() if self.beside()]
        self.ends = {n: self.end_mark(n) for n in stayed if n not in self.inset_only}
        #: name -> the leader of a map end square set beside the saddle point (SADDLE_BESIDE)
        self.map_leaders = {}
        for name in self.ends:
            if race_plot.on_saddle(self.RACE, self.paths[name][-1]):
                at = self.ends[name].get_center().copy()
                sq = self.ends[name].shift(SADDLE_BESIDE)
                tip = at + SADDLE_BESIDE / np.linalg.norm(SADDLE_BESIDE) * LEADER_SHORT
                leader = Line(outline_toward(sq, at), tip, stroke_color=self.theme.opt(name),
                              stroke_width=MAP_LEADER_WIDTH)
                self.map_leaders[name] = cased(leader, self.theme, THIN_CASING).set_z_index(
                    sq.z_index - 0.005)
        if self.END_GATHER:  # the squares at their points, under the star
            self.target_mark.set_z_index(Z_GATHER_STAR)
        offsets = self.inset_offsets() if self.RACE.inset is not None else {}
        self.inset_ends = {n: self.inset_end(n, w) for n, w in offsets.items()}
        #: name -> the leader of each square set beside its point
        self.inset_leaders = {n: self.inset_leader(n, self.inset_ends[n])
                              for n, w in offsets.items() if np.any(w)}
        for name in self.inset_ends:
            self.inset_dots[name].clear_updaters()
        # (ZOOM_FROM_REGION) the inset is not on the map: its ends wait for the zoom
        on_map = {} if self.ZOOM_FROM_REGION else self.inset_ends
        # (panel_squares) the panel's end squares, or its head dots fading at the curves' ends
        self.panel_ends = ({n: self.end_mark(n, panel=True) for n in stayed}
                           if self.panel_squares() else {})
        self.panel_row()
        for name in stayed:
            self.dots[name].clear_updaters()
            self.panel_dots[name].clear_updaters()
        if self.zoom_gain > 1:  # (ARRIVAL) the finish played in the grown view
            self.finish_grown(stayed)
            return
        self.play(*(h.animate.set_stroke(opacity=HISTORY_OPACITY[1])
                    for h in self.history.values()),
                  *(c.animate.set_stroke(opacity=HISTORY_OPACITY[1], background=True)
                    for c in self.casings.values()),
                  *(ReplacementTransform(self.inset_dots[n], sq) for n, sq in on_map.items()),
                  *(FadeIn(self.inset_leaders[n]) for n in on_map if n in self.inset_leaders),
                  *(ReplacementTransform(self.dots[n], self.ends[n]) for n in self.ends),
                  *(FadeOut(self.dots[n]) for n in self.inset_only),
                  *(FadeIn(line) for line in self.map_leaders.values()),
                  *(ReplacementTransform(self.panel_dots[n], self.panel_ends[n])
                    if n in self.panel_ends else FadeOut(self.panel_dots[n]) for n in stayed),
                  *(FadeOut(tail) for tail in self.tails.values()),
                  *(FadeIn(self.statuses[n].set_opacity(1)) for n in stayed),
                  *([FadeIn(self.header.set_opacity(1))] if self.header else []), run_time=1.2)
        self.hold(self.FINISH_HOLD, "finish")  # no longer than the rules allow a still stretch

    def finish_grown(self, stayed: list[str]):
        """(ARRIVAL: section_finish in the grown view.) Each head in the view turns into its
        end square there, large (the inset's square times the gain, its place the inset's
        times the gain: shrunk back with the view, each stands where it would in the inset),
        the distance panel's heads with them (panel_squares); the legend's statuses come in;
        then each run's name beside its square. The map, faded under the view, takes its
        finished state unseen (every path at full strength, its end squares in place of the
        heads), to come back with zoom_out."""
        grown, faded, grow = self.zoom_state
        ends_in = [*self.inset_ends.values(), *self.inset_leaders.values()]
        grown.add(*ends_in)
        for h in self.history.values():
            h.set_stroke(opacity=HISTORY_OPACITY[1])
        for c in self.casings.values():
            c.set_stroke(opacity=HISTORY_OPACITY[1], background=True)
        gone = {*self.dots.values(), *self.tails.values()}
        faded[:] = [m for m in faded if m not in gone]
        faded.extend([*self.ends.values(), *self.map_leaders.values()])
        for m in (*faded, *self.tails.values()):  # drawn up to the last step, off screen
            m.update()
        self.play(*(ReplacementTransform(self.inset_dots[n], sq)
                    for n, sq in self.inset_ends.items()),
                  *(FadeIn(line) for line in self.inset_leaders.values()),
                  *(ReplacementTransform(self.panel_dots[n], self.panel_ends[n])
                    if n in self.panel_ends else FadeOut(self.panel_dots[n]) for n in stayed),
                  *(FadeIn(self.statuses[n].set_opacity(1)) for n in stayed),
                  *([FadeIn(self.header.set_opacity(1))] if self.header else []), run_time=1.2)
        self.zoom_names = self.end_names()
        self.play(*(FadeIn(m) for m in self.zoom_names), run_time=ZOOM_NAMES)
        self.hold(self.FINISH_HOLD, "finish")

    def section_closer(self):
        """(ARRIVAL, where a subclass lists it, after section_race's first stages.) Before
        the runs arrive in the inset's region, the inset grows over the map's box (zoom_in)."""
        self.zoom_in()

    def section_arrive(self):
        """(After section_closer.) The race's last stages (ARRIVAL) in the grown view: the
        runs come in, each head at the size of the map's, their paths at ZOOM_WIDTH."""
        for k, seconds in self.ARRIVAL:
            self.play(self.step.animate.set_value(k), run_time=seconds, rate_func=linear)

    def hold(self, seconds: float, section: str) -> None:
        """Hold the picture `seconds` at the end of `section`; where it is the scene's last
        section, ThemedScene's closing hold (CLOSING_HOLD_S, no shorter) holds it instead, in
        one wait: two waits in a row are two movie pieces, and the key frame that starts the
        second flickers through the held picture, cutting the closing hold measured in two."""
        if self.section_names()[-1] != section:
            self.wait(seconds)

    def section_zoom(self):
        """(For a race with an inset, where a subclass lists it.) The inset takes the map's
        place (zoom_in); the picture is held."""
        self.zoom_in()
        self.hold(self.ZOOM_HOLD, "zoom")

    def zoom_in(self):
        """The inset grows, at one scale in x and y, its paths thickening so that each run's
        colour reads; a scale bar for the new scale and a heading come in above it (the bar
        below it where the heading leaves it no room), and, after the finish, an arrow at the
        frame's edge towards each run that ends outside the view (zoom_pointer).
        The inset beside the map (INSET_BESIDE): the map stays; the legend fades out with the
        scale bar and the lines, then the inset grows out of its place into the room under the
        map where the legend was (its box on the map, the window it magnifies, stays); the
        heading and scale bar above it, under the map's numbers.
        (ZOOM_FROM_REGION) The map's numbers and the settings leave; the region's own box comes
        in on the map, its two leaders along its sides; then the view opens out of it, easing,
        into the room under it (region_view), the leaders following its corners, the map
        staying; its own ticks and numbers, the ridge, the end squares and the heading come
        in once it has grown."""
        r = self.RACE
        (x0, x1), (y0, y1) = r.window
        lo, hi = self.ax.c2p(x0, y0), self.ax.c2p(x1, y1)
        beside = self.beside()
        over = bool(beside) and self.ZOOM_OVER_MAP  # over the map's box (lo, hi)
        if beside and not over:  # the room under the map, from the left margin (and room
            # for a pointer) to the map's right edge, from a heading's room under its numbers
            # to the bottom margin
            lo = np.array([-config.frame_x_radius + EDGE + POINTER_GAP + POINTER_LENGTH,
                           -config.frame_y_radius + EDGE, 0])
            hi = np.array([hi[0], self.ax.get_bottom()[1] - ZOOM_HEAD_ROOM, 0])
        frame = self.inset_frame
        region = self.ZOOM_FROM_REGION
        fill = ZOOM_FILL
        if region:  # under the region's box, filling the room there (region_view)
            lo, hi = self.region_view()
            fill = 1.0
        g = fill * min((hi[0] - lo[0]) / frame.width, (hi[1] - lo[1]) / frame.height)
        about, to = frame.get_center(), (lo + hi) / 2
        ends = getattr(self, "ends", {})
        # (ZOOM_FROM_REGION) the marks keep their size as the view grows, only their places
        # move with it (grown, the plus would cover the saddle point): the saddle's plus; the
        # end squares come in once it has grown, at their points at its scale
        marks = [self.inset_star] if region else []
        big = [] if self.inset_img_big is None else [self.inset_img_big]
        # (ZOOM_FROM_REGION) the dotted ridge is drawn anew at the grown scale once the view has
        # grown: grown with it, its dots stretched into long dashes
        grown = Group(self.inset_img, *big, frame, *([] if region else self.inset_ridge),
                      *([] if region else [self.inset_star, *self.inset_ends.values(),
                                           *self.inset_leaders.values()]))
        # a faint history (INSET_FAINT) stays a hairline as the inset grows: thickened, its
        # crossings side by side would read as a dense hatch under its last steps
        lines = [*(m for n, m in self.inset_paths.items() if n not in self.INSET_FAINT),
                 *self.inset_tails.values()]
        width0 = {m: m.get_stroke_width() for m in lines}
        d = to - about
        shown = {"grown": 0.0, "axes": 0.0}  # the alpha each group was last moved to

        def grow(group, alpha, key):
            """Move `group` from where alpha shown[key] put it to where alpha puts it: scaled
            by 1 + alpha (g - 1) about the inset's centre, shifted by alpha d."""
            a0 = shown[key]
            ratio = (1 + alpha * (g - 1)) / (1 + a0 * (g - 1))
            group.shift(-a0 * d).scale(ratio, about_point=about).shift(alpha * d)
            if key == "grown":
                for m in big:  # the fine trace over the coarse one as it grows
                    m.set_opacity(alpha)
                for m in marks:
                    m.move_to(about + ratio * (m.get_center() - a0 * d - about) + alpha * d)
                if region or (beside and not over):  # the lines from the region's box
                    # follow the frame's corners (over the map they have left)
                    self.join_lines()
                if racing:  # the heads in the view grow with it, to the map's size
                    for m in self.inset_dots.values():
                        m.scale(ratio)
            shown[key] = alpha
            if key == "axes":  # the trails redraw on the inset's axes: only their width here
                for m in lines:
                    m.set_stroke(width=width0[m] + alpha * (ZOOM_WIDTH - width0[m]))
                for name, m in self.inset_casings.items():  # each casing with its path
                    path = self.inset_tails[name].get_stroke_width()
                    m.set_stroke(width=path + 2 * THIN_CASING, background=True)

        cleared = []
        if over:  # the scale bar and the lines that join the inset to its box leave first
            # (the growing frame would cross them); the legend and the panel stay
            self.play(FadeOut(self.inset_scale), FadeOut(self.inset_name),
                      FadeOut(self.inset_lines), run_time=ZOOM_CLEAR)
        elif beside:
            # the scale bar and the legend under its way leave first: the inset grows over
            # the empty page, never over text; the lines that join it to its box on the map
            # stay, following its corners (the runs' names come in beside their squares)
            self.play(FadeOut(self.inset_scale), FadeOut(self.inset_name), FadeOut(self.legend),
                      run_time=ZOOM_CLEAR)
        else:  # (ZOOM_FROM_REGION) the map stays; one change at a time: first the map's
            # numbers and axis names leave (the view's own come in once it has opened: two
            # sets in one column read as one scale), with the settings' line under the map
            # and the map's end squares and their leaders (the view shows each run's end at
            # its point); then the region's box comes in on the map, with the view (the map's
            # own picture there) over it and its two leaders along its sides
            numbers = [m for m in self.ax.submobjects if m is not self.ax.frame]
            ends_out = [*ends.values(), *getattr(self, "map_leaders", {}).values()]
            cleared = [*numbers, self.settings, *ends_out]
            lines_in = [*self.inset_paths.values(), *self.inset_tails.values(),
                        *self.inset_casings.values()]
            for m in (*lines_in, *grown, *marks):  # drawn up to the step shown before they
                m.update()  # come in
            self.play(*(FadeOut(m) for m in cleared), run_time=REGION_CLEAR)
        # (ZOOM_FROM_REGION: the map's frame and numbers left first, and come back with it;
        # beside the map, the map stays, the legend has left)
        racing = not hasattr(self, "ends")  # (ARRIVAL) grown before the finish
        live = [*self.dots.values(), *self.tails.values()] if racing else []
        faded = [] if beside and not over else [
            m for m in (self.map_img, self.start_mark, self.target_mark, *live,
                        *self.ridge, *self.history.values(), *ends.values(),
                        *getattr(self, "map_leaders", {}).values(), *self.casings.values(),
                        *([self.ax, self.inset_box] if over else []))
            if m not in cleared]
        if region:  # the region's box on the map, its picture over it, the leaders along
            # its sides, the view opening out of it next (the map stays)
            faded = []
            self.join_lines()
            # the map's plus leaves as the box comes in round it, to the view alone: the box
            # (12 px high, the plus 4 px from its foot) holds no plus of half the house size,
            # and at the house size its arms crossed the box's top and bottom, its halo
            # cutting them
            self.play(*(FadeIn(m) for m in (self.inset_box, self.inset_lines, *grown, *marks,
                                            *lines_in)),
                      FadeOut(self.target_mark), run_time=REGION_OUT)
        self.zoom_cleared = cleared
        self.play(UpdateFromAlphaFunc(Group(grown, *marks), lambda m, a: grow(grown, a, "grown")),
                  UpdateFromAlphaFunc(self.inset, lambda m, a: grow(m, a, "axes")),
                  # the map fades slowly at first, faster as the inset covers it: most of the
                  # pale map's ink stands just above the page, gone within a few frames of
                  # any quicker start
                  *(FadeOut(m, rate_func=lambda a: a * a) for m in ([] if region else faded)),
                  run_time=self.ZOOM_SECONDS)
        ridge_in = []
        if region and self.RIDGE:  # the ridge across the grown view, its dots the map's
            (rx0, rx1), _ = r.inset.region
            ridge = styled_line("reference", self.inset.c2p(rx0, 0) + FRAME_INSET * RIGHT,
                                self.inset.c2p(rx1, 0) + FRAME_INSET * LEFT, self.theme.text,
                                RIDGE_WIDTH).set_z_index(2.6)
            self.inset_ridge = ridge.set_stroke(opacity=RIDGE_OPACITY)
            grown.add(ridge)
            ridge_in = [ridge]
        # the new scale: a bar of the old bar's round length, its number beside it, and what
        # the view is, above the grown frame
        length = scale_bar_length(r)
        half = (self.inset.c2p(length, 0)[0] - self.inset.c2p(0, 0)[0]) / 2
        scale = self.scale_bar(length, half)
        scale.next_to(frame.get_corner(UP + RIGHT), UP, buff=0.15, aligned_edge=RIGHT)
        heading = self.text(self.ZOOM_HEADING, TEXT_SIZE)
        heading.next_to(frame.get_corner(UP + LEFT), UP, buff=0.15, aligned_edge=LEFT)
        if region:  # its own ticks and numbers give its scale (no bar); the heading at the
            # frame's foot right of it, level with its x numbers, where the settings were
            scale = self.region_ticks()
            heading.next_to(frame.get_corner(DOWN + RIGHT), RIGHT, buff=HEADING_GAP)
            heading.align_to(np.array([0, -config.frame_y_radius + EDGE, 0]), DOWN)
        elif over:  # grown to the map's box, its top near the title's line: the
            # heading under it, at its left, where the map's numbers were, the scale bar at
            # its right
            heading.next_to(frame.get_corner(DOWN + LEFT), DOWN, buff=0.15, aligned_edge=LEFT)
            scale.next_to(frame.get_corner(DOWN + RIGHT), DOWN, buff=0.15, aligned_edge=RIGHT)
            scale.align_to(heading, UP)
            if heading.get_right()[0] + HEADING_GAP > scale.get_left()[0]:  # no room beside
                # it: under it, at the frame's right
                scale.next_to(heading, DOWN, buff=0.12).align_to(frame, RIGHT)
        elif heading.get_right()[0] + 0.3 > scale.get_left()[0]:  # no room beside it: below
            scale.next_to(frame.get_corner(DOWN + RIGHT), DOWN, buff=0.15, aligned_edge=RIGHT)
        elif beside:  # beside the scale bar, clear of the line from the box's left corner
            y = heading.get_bottom()[1]
            heading.next_to(scale, LEFT, buff=HEADING_GAP)
            heading.shift((y - heading.get_bottom()[1]) * UP)
        self.zoom_scale, self.zoom_heading = scale, heading
        # after the finish, the runs that end outside the zoomed view: an arrow towards each
        self.zoom_pointers = [
            self.zoom_pointer(n) for n in NAMES if self.exits[n] is None
            and n not in self.inset_runs()]
        ends_in = []
        if region:  # each run's end square at its point at the grown scale (set beside it on
            # a leader only where it would hide the plus or touch another), the plus over them
            offsets = self.inset_offsets()
            self.inset_ends = {n: self.inset_end(n, w) for n, w in offsets.items()}
            self.inset_leaders = {n: self.inset_leader(n, self.inset_ends[n])
                                  for n, w in offsets.items() if np.any(w)}
            ends_in = [*self.inset_ends.values(), *self.inset_leaders.values()]
            grown.add(*marks, *ends_in)
        #: (beside the map) the name of each run that ends in the view, in ink beside its
        #: square, on a halo: the legend, which has left, is not needed to read the colours
        #: (ZOOM_FROM_REGION) above its square, clear of the lane above its own, from its
        #: left edge rightwards, clear of the paths that climb away left of it
        self.zoom_names = ([self.end_name(n, buff=self.LANE + 0.08, left=True)
                            for n in self.inset_ends] if region else self.end_names())
        self.zoom_state = grown, faded, grow
        if racing and self.ARRIVAL:
            self.zoom_gain = g
        self.play(FadeIn(heading), FadeIn(scale), *(FadeIn(p) for p in self.zoom_pointers),
                  *(FadeIn(m) for m in (*ends_in, *self.zoom_names, *ridge_in)), run_time=0.8)

    def join_lines(self):
        """The two lines that join the inset's frame to its region's box on the map, to the
        frame's corners where it now is (build_inset's: the box's lower corners to the frame's
        upper ones, the inset under the map; its right corners to the frame's left ones)."""
        box, frame = self.inset_box, self.inset_frame
        if frame.get_left()[0] > box.get_right()[0]:
            ends = ((box.get_corner(UP + RIGHT), frame.get_corner(UP + LEFT)),
                    (box.get_corner(DOWN + RIGHT), frame.get_corner(DOWN + LEFT)))
        else:
            ends = ((box.get_corner(DOWN + LEFT), frame.get_corner(UP + LEFT)),
                    (box.get_corner(DOWN + RIGHT), frame.get_corner(UP + RIGHT)))
        for line, (a, b) in zip(self.inset_lines, ends):
            line.put_start_and_end_on(a, b)

    def end_names(self) -> list[VMobject]:
        """(In the zoomed view beside the map.) Each run's name in ink beside its end square, on
        a halo, in the first of these places that keeps it NAME_CLEAR inside the view's frame
        and clear of every square, the star and the names already placed: under its square,
        over it, left of it, right of it (the first place, whatever it meets, if none does).
        Always over their squares, the names of the runs that end on the valley's floor stood
        20 px from the top of the view, Adagrad's (its square set above the star) 8 px."""
        frame, star = self.inset_frame, self.inset_star
        lo = frame.get_corner(DOWN + LEFT) + NAME_CLEAR
        hi = frame.get_corner(UP + RIGHT) - NAME_CLEAR
        blocks = [*self.inset_ends.values(), star]

        def clear(m, n):
            return (m.get_right()[0] < n.get_left()[0] or n.get_right()[0] < m.get_left()[0]
                    or m.get_top()[1] < n.get_bottom()[1] or n.get_top()[1] < m.get_bottom()[1])

        out = []
        for name, sq in self.inset_ends.items():
            text = self.text(name, SMALL_SIZE)
            places = [text.copy().next_to(sq, way, buff=0.08) for way in (DOWN, UP, LEFT, RIGHT)]
            label = next((m for m in places
                          if np.all(m.get_corner(DOWN + LEFT)[:2] >= lo[:2])
                          and np.all(m.get_corner(UP + RIGHT)[:2] <= hi[:2])
                          and all(clear(m, b) for b in blocks if b is not sq)),
                         places[0])
            blocks.append(label)
            out.append(_halo(label, self.theme).set_z_index(6))
        return out

    def end_name(self, name: str, buff: float = 0.08, left: bool = False) -> VMobject:
        """(In the zoomed view.) Run `name`'s name in ink beside its end square, `buff` from it,
        on a halo: above it, or below where the square lies below the minimum; centred on it,
        or (`left`) flush with its left edge."""
        sq = self.inset_ends[name]
        below = sq.get_center()[1] < self.inset_star.get_center()[1] - sq.height
        label = self.text(name, SMALL_SIZE).next_to(sq, DOWN if below else UP, buff=buff)
        if left:
            label.align_to(sq, LEFT)
        return _halo(label, self.theme).set_z_index(6)

    def zoom_pointer(self, name: str) -> VGroup:
        """(In the zoomed view.) Where run `name`, which ends outside the view, is: an arrow in
        its colour on its casing, just outside the frame's edge where the line from the frame's
        centre to the run's end point crosses it, pointing along that line, the run's name in
        ink above it."""
        frame, t = self.inset_frame, self.theme
        centre = frame.get_center()
        way = self.inset.c2p(*self.paths[name][-1]) - centre
        way[2] = 0
        half = np.array([frame.width / 2, frame.height / 2])
        reach = np.min(half / np.maximum(np.abs(way[:2]), 1e-12))  # to the frame's edge
        unit = way / np.linalg.norm(way)
        start = centre + reach * way + POINTER_GAP * unit
        arrow = Arrow(start, start + POINTER_LENGTH * unit, buff=0, color=t.opt(name),
                      stroke_width=4, max_tip_length_to_length_ratio=0.35)
        cased(arrow, t, THIN_CASING)
        label = self.text(name, SMALL_SIZE).next_to(arrow, UP, buff=0.08)
        return VGroup(arrow, label).set_z_index(6)

    def zoom_out(self, run_time: float | None = None):
        """Back from zoom_in: the zoomed view's heading, scale bar and pointers fade out; the
        inset shrinks to its place; beside the map (the map never left), its scale bar and
        lines come back with the legend; (ZOOM_FROM_REGION) as the map, its paths and marks come
        back under it, then the inset gives way to the map's own picture."""
        run_time = self.BACK_SECONDS if run_time is None else run_time
        grown, faded, grow = self.zoom_state
        self.play(FadeOut(self.zoom_heading), FadeOut(self.zoom_scale),
                  *(FadeOut(p) for p in (*self.zoom_pointers, *self.zoom_names)),
                  run_time=ZOOM_CLEAR)
        self.play(UpdateFromAlphaFunc(grown, lambda m, a: grow(m, 1 - a, "grown")),
                  UpdateFromAlphaFunc(self.inset, lambda m, a: grow(m, 1 - a, "axes")),
                  # the map comes in fast at first, while the shrinking inset uncovers it
                  *(FadeIn(m, rate_func=lambda a: 1 - (1 - a) ** 2) for m in faded),
                  run_time=run_time)
        if self.ZOOM_FROM_REGION:  # the inset gives way to the map's own picture beneath it
            lines = [*self.inset_paths.values(), *self.inset_tails.values(),
                     *self.inset_casings.values()]
            self.play(*(FadeOut(m) for m in (*grown, *lines)),
                      *(FadeIn(m) for m in self.zoom_cleared),
                      FadeIn(self.ax), run_time=ZOOM_CLEAR)
            return
        # beside the map: the legend (over the map: the lines to the box) back once the
        # inset is in its place again
        back = self.inset_lines if self.ZOOM_OVER_MAP else self.legend
        self.play(FadeIn(self.inset_scale), FadeIn(self.inset_name), FadeIn(back),
                  run_time=ZOOM_CLEAR)

    def section_back(self):
        """(After section_zoom, where a subclass lists it.) Back to the whole map (zoom_out), so
        that the race's whole story (every path's swings and where each run ended) is the
        last picture; the picture is held."""
        self.zoom_out()
        self.hold(BACK_HOLD, "back")

    SECTIONS = sections(section_setup, section_race, section_finish)


def _halo(label: VMobject, theme) -> VMobject:
    """Set `label` on a halo of the page's colour, SCALE_CASING each side of its glyphs: an
    outline of a copy laid beneath it (a casing on each glyph would cut into its neighbour)."""
    halo = label.copy().set_fill(opacity=0)
    halo.set_stroke(theme.background, width=2 * SCALE_CASING, opacity=1)
    return label.add_to_back(halo)


__all__ = ["RaceScene", "extra_settings"]
