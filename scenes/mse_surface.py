"""The cost surface J(m, b) beside its contour map, linked by one point, then cut at b = b*.

One change at a time: the lit, meshed surface (each J in the map's colour, shaded only by the
light; the axes numbered as the map); the contour map with log-spaced levels beside it, about as
large as the surface, round costs from 0.1 to 100 drawn and labelled (the bowl's depth read off the
map), the valley's inner levels over it; the camera's one slow arc, 30° from across the valley
round towards the b axis (never so far that the b axis stands upright), rising on the way to look
down into the valley, which shows the bowl's long floor and steep walls; the minimum marked (the
house star, on the surface, on the map and in the legend) and J* read out (at the top right); a
point moving on the map along b = b* while its twin rides the surface, a drop line from the floor
up to it, tracing J(m, b*), its m, b and J read out live under the title (faded once the point
rests on the minimum, where they read as the minimum's rows beside them); then the key moment,
slow: the surface cut away at b = b* (the part removed left as a faint ghost, which fades as the
camera turns), its edge the parabola of the slope sweep, and the camera turned to face the cut
square on, from just above the floor, so the edge is seen flat (the b axis, then seen end on, fades
out, its ticks shrinking away; its numbers gave way to the map's b column as the map came in: two b
scales side by side read as one); then the cut view opens large over the map (a panel on the map's
own m axis, J from 0 to 100) and the edge lifts off the surface into it with the star, about half
the frame high, named and held, and closes again (the map back, the edge named on the surface); a
note says it in steps, one short line at a time, where the map's caption stood. The minimum's star
lies on the floor J = 0 (J* is 0.009): dotted lines on the floor tie it to the m and b axes (until
the floor is seen edge on, facing the cut). No panel moves to make room (the cut view opens over
the map, in its place), and the minimum's star is drawn over everything, so the point that comes to
rest on it never hides it.

The surface is gdviz.fast_surface's raster layer (one ImageMobject redrawn each frame from the
projected grid of gdcore's costs), under vector axes m, b, J whose labels stay upright; every
height drawn comes from gdcore.regression.
Render alone with: manim -ql scenes/mse_surface.py MseSurface
"""

import contourpy
import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    Rectangle,
    Star,
    Transform,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
    config,
    linear,
    smooth,
)
from manim.utils.color import ManimColor

from gdcore import data, regression
from gdviz import equations, numbers, views
from gdviz.cost_surface_scene import GRID, build_axes, build_surface, build_view
from gdviz.fast_surface import set_polylines, visible
from gdviz.manim_blocks import contour_image, map_axes, scene_points, set_number
from gdviz.manim_theme import ThemedScene, sections, styled

#: The surface's box (scene lengths of m, b, J), where its centre projects to, and the scene
#: rectangle its image covers (left half of the frame; the contour map takes the right); high
#: enough that the m axis's label keeps its margin from the frame's foot along the arc, and left
#: enough that the surface grown to face the cut, and its edge's label, keep 12 px from the map's
#: numbers and its b.
BOX = (4.4, 4.4, 2.8)
CENTER = (-2.75, -0.45)
REGION = (-2.8, -0.30, 6.9, 6.8)
#: As the camera is lowered to face the cut, the box grows by ZOOM and moves down by CUT_DROP
#: (scene units): seen from the side, the J axis stands taller, and its top, 250, would meet
#: the formula.
ZOOM, CUT_DROP = 1.0, 0.45
#: Tick numbers: m at both ends of its window (m ∈ [−2, 4]) and by 2 between, as the map and
#: the still (views.M_TICKS); b by the map's step of 4 (views.B_TICKS) from 0: 0, 4, 8, evenly
#: (its window's near end −6 stood on m's 4 at the shared corner and made the steps uneven; the
#: map's −4, near that corner, meets m's 4 as the camera turns to face the cut). Each
#: floor axis's numbers stand out square to it, those at its ends moved inwards along it
#: (Axes3D's apart, inset_ends): the two numbers at the front corner stand on either side of
#: it, and m = −2, at the J axis's foot, stands right of J's column of numbers. J's last tick
#: lies above the surface's highest cost: seen from the first camera and from the one facing
#: the cut, the surface's far corner rises higher on the screen than J's highest cost at the
#: axis's front corner, so there the J axis runs on past it, to J_AXIS_TOP: 250, a little
#: above the walls' highest cost (212), unnumbered (ticks 0, 100, 200), not on to a 300 no
#: cost reaches.
TICKS = (sorted({*views.M_TICKS, *views.M_RANGE}), [v for v in views.B_TICKS if v >= 0],
         [100, 200])
J_AXIS_TOP = 250.0
#: The house minimum star's size (outer radius, scene units): one size on the surface, on the
#: map and in the key. It is drawn over everything, so a point resting on the minimum never
#: hides it.
STAR_RADIUS = 0.15
#: Its edge in the page's colour (Manim stroke width): wide enough to part the ink from the
#: map's and the surface's deepest colour in both themes.
STAR_EDGE = 3.0
#: The valley's innermost level lines on the contour map, drawn again over it in the text colour
#: (at this opacity and Manim stroke width): in the dark theme the deepest bands and their
#: level lines are too close in tone to tell the valley's ellipses apart.
VALLEY_LEVELS, VALLEY_OPACITY, VALLEY_WIDTH = 4, 0.45, 1.6
#: The contour map's left edge (its group's: the b label) and its width and height: its left
#: edge far enough right that the b axis's far end (b = 8), when the arc starts, keeps 0.5
#: (30 px at 480p) from the map's numbers; as wide as the frame's right half allows (its right
#: edge, the m axis's end, 24 px inside the frame), about as large as the surface beside it,
#: so the point moving on it and its trail read.
MAP_LEFT, MAP_WIDTH, MAP_HEIGHT, MAP_Y = 0.70, 4.9, 4.1, -1.05
#: The readouts (the minimum's key and J*, then m* and b*) in two rows in the frame's top
#: right corner, under the title's line, their right edge ROWS_RIGHT and top ROWS_TOP; over the
#: map's caption, which stands CAPTION_GAP over the map.
ROWS_RIGHT, ROWS_TOP, CAPTION_GAP = 6.7, 2.95, 0.2
#: The rows come in moving by ROWS_IN (FadeIn's shift): down into their place from 0.2 over it,
#: not leftwards (from 0.2 right of it, J* passed 17 px from the frame's right edge).
ROWS_IN = 0.2 * DOWN
#: Level labels on the contour map: round costs J, a 1, 3, 10 series from the valley floor to
#: the walls (0.1 to 100: the bowl's depth read off the map, the log spacing in its steps),
#: whose level lines are drawn over the map (as the valley's, LABEL_LINE_OPACITY) and labelled,
#: each at its line's crossing of the row b given, on the side given: the valley's levels
#: (0.1, 0.3, 1) up its long floor, on the left branch of their ellipses (where they run far
#: apart), the walls' (3 to 100) on the outer walls right of the valley; all above the link's
#: line b = b*, which the point and its trail take, and staggered so the labels stand apart.
#: (The map's own band edges, views.contour_levels, fall on unround costs: 0.26, 3.8, 15.)
#: Each label stands on a halo of the band it stands on (LABEL_HALO, Manim stroke width, in
#: that band's fill), its level line stopped short of it (LABEL_GAP scene units round it): the
#: map shows round its digits, no box punched in it.
LEVEL_LABELS = ((0.1, 2.4, "left"), (0.3, 3.7, "left"), (1.0, 5.4, "left"),
                (3.0, 2.3, "right"), (10.0, 3.3, "right"), (30.0, 4.6, "right"),
                (100.0, 6.2, "right"))
LABEL_LINE_OPACITY = 0.55
LABEL_HALO, LABEL_GAP = 7.0, 0.06
#: The linked point's live readout, in two rows under the title between the formula and the
#: minimum's rows (clear of both, of the map's caption and of the surface below it, at every
#: camera it is seen from): m and b, then J under m; its left edge READ_LEFT (the names'), its
#: top READ_TOP, the rows READ_GAP apart, b READ_SPACE right of m's widest value; keyed by the
#: point's dot at its left. m to the places m* is written to (M_PLACES; b is b* throughout), J
#: as every cost (numbers.cost: three significant figures); the equals signs of m and J in one
#: column, their first digits in one column, m's minus in a slot of its own left of it, so no
#: digit moves as the values run (only the digits change).
READ_LEFT, READ_TOP, READ_GAP, READ_SPACE = -1.35, 2.8, 0.16, 0.45
M_PLACES = 3
#: The minimum's ties to the floor (dotted reference lines in `good`): Manim stroke width and
#: opacity (they run under the surface, seen through it).
TIE_WIDTH, TIE_OPACITY = 2.5, 0.6
#: Where the surface hides a tie, its dots are drawn at TIE_HIDDEN opacity only: seen through
#: the surface, faint, as the link's hidden lines are, never as a line drawn on it.
TIE_HIDDEN = 0.15
#: The helper lines (the map's caption, the note on the cut): in the house's muted text colour,
#: at a size whose small letters reach 12 px at 480p.
HELPER_SIZE = 33
#: The ghost of the part cut away: its opacity, and the mesh lines across it drawn. It fades
#: out as the camera turns to face the cut, from GHOST_FADE of the way (seen from the side its
#: lines would crowd the J axis and its numbers).
GHOST_OPACITY, GHOST_ROWS = 0.35, 6
GHOST_FADE = 0.5
#: Tick numbers and readouts at least 12 px tall at 480p (a digit at font size 30 is 12.9 px).
NUMBER_SIZE = 30
#: Cameras (Manim's phi, theta in degrees). The scene's one orbit, the arc, turns the camera
#: from ARC_FROM to ARC_THETA about the J axis, slowly (arc_seconds): from across the valley
#: round towards the b axis, so the bowl's long, flat floor and its steep walls turn into view.
#: Both ends stay inside (−90°, 0°), where the axes keep their edges of the box (past −90°
#: the b axis would jump to the other side); from −32° on, the J axis's top stays clear of the
#: formula (towards 0° it runs into it). Along the arc neither floor axis turns steeper than
#: FLOOR_STEEPEST (degrees from the screen's horizontal): at −32° the m axis stands at 39°, at
#: −62° the b axis at 43° (by −77° it stood at 65°, nearly upright, its "8, 4, 0, b" stacked
#: like a second J axis). Then the camera turns to face the cut square on: it
#: ends looking along the b axis (CUT_THETA, 2° short of −90°, where the axes would swap their
#: edges) from just above the floor (CUT_PHI, 6° above it), so the cut's edge is seen flat, as
#: the slope sweep's parabola. The b axis, seen end on there, fades out (its numbers and label
#: would stand on one another) over the first B_FADE of that move.
ARC_FROM = -32.0
ARC_THETA = -62.0
FLOOR_STEEPEST = 45.0
#: On the way the camera rises ARC_RISE degrees above its height (at the arc's middle, then
#: back): it looks down into the valley, its long, narrow floor (the deep colours of the
#: map's lowest levels) opening out between the walls rather than a streak along the trough.
#: Seen from higher, the floor's front corner draws lower: the box rises ARC_LIFT (scene units)
#: with the camera, so the m axis's numbers keep their margin from the frame's foot.
ARC_RISE, ARC_LIFT = 12.0, 0.4
CUT_PHI, CUT_THETA = 84.0, -88.0
B_FADE = 0.4
#: The opening's beats (seconds each): the title, then the formula, then the surface.
OPENING_SECONDS = 1.0
#: The key moment's cut view, opened over the map once the camera faces the cut: the map's
#: plot and its m axis, J from 0 to CUT_VIEW_TOP (ticked every CUT_VIEW_STEP), so the
#: parabola J(m, b*), which reaches 92 at m = 4, stands about half the frame high (drawn on the
#: surface's J scale, up to 250, it stood a quarter). Its panel covers the map's by
#: CUT_VIEW_BUFF all round, inside the frame's margin (the map's words under it; the note
#: above it clear); the edge lifts into it over CUT_VIEW_LIFT s, is named (its name inside the
#: right arm, at J = CUT_VIEW_NAME_J) and held CUT_VIEW_HOLD s more (the parabola large on
#: the screen for 2.8 s, no still stretch over 2 s). It opens in two steps of CUT_VIEW_OPEN s
#: (the panel over the map, then its axes) and closes in two (its drawing, then the panel).
CUT_VIEW_TOP, CUT_VIEW_STEP, CUT_VIEW_BUFF, CUT_VIEW_NAME_J = 100.0, 50.0, 0.12, 75.0
CUT_VIEW_LIFT, CUT_VIEW_HOLD, CUT_VIEW_OPEN = 2.0, 1.8, 0.6
#: The blank round the frame that no drawing enters (24 px at 480p).
FRAME_MARGIN = 0.4


def band_colour(img, point) -> ManimColor:
    """The fill of a contour map's image at a scene point: the median of the pixels round it
    (a level line crossing there is a few pixels of another colour)."""
    arr = img.get_pixel_array()
    rows, cols = arr.shape[:2]
    left, top = img.get_left()[0], img.get_top()[1]
    c = int((point[0] - left) / img.width * cols)
    r = int((top - point[1]) / img.height * rows)
    patch = arr[max(r - 4, 0):r + 5, max(c - 4, 0):c + 5, :3].reshape(-1, 3)
    return ManimColor.from_rgb(tuple(int(v) for v in np.median(patch, axis=0)))


def cost_places(v: float) -> int:
    """The decimals numbers.cost writes v with (a live readout set to them writes J as every
    cost is written: 0.00903, 0.777, 12.2)."""
    text = numbers.cost(v)
    return len(text.split(".")[1]) if "." in text else 0


class MseSurface(ThemedScene):
    arc_seconds = 8.5
    #: lowering the camera to face the cut (and growing by ZOOM)
    face_seconds = 3.5

    @classmethod
    def captions(cls):
        """Short sentences: the surface, the map and the minimum come in 2 to 3 s each."""
        x, y = data.regression_points()
        m_star, b_star = regression.least_squares(x, y)
        j_star = regression.cost(m_star, b_star, x, y)
        j_top = float(regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, GRID)[2].max())
        (m0, m1), (b0, b1) = views.M_RANGE, views.B_RANGE
        t = numbers.text
        return {
            "surface": "The cost J(m, b) as a 3-D surface: a long, narrow valley.",
            "map": "Beside it, the same cost as a contour map.",
            "arc": f"The camera arcs round the surface, rising to look down into the valley: m "
                   f"runs from {t(m0)} to {t(m1)}, b from "
                   f"{t(b0)} to {t(b1)}, and the walls rise to J = "
                   f"{numbers.significant(j_top, 2)}.",
            "minimum": f"The minimum is starred: J* = {numbers.cost(j_star)}.",
            "link": f"A point runs along the line b = b* = {t(b_star, 3)} on the map, its twin on "
                    f"the surface tracing the cost along it; it comes to rest at m* = "
                    f"{t(m_star, 3)}.",
            "slice": ("The surface is cut away along b = b*, the part removed left as a faint "
                      "ghost.",
                      "The camera turns to face the cut: its edge is the curve J(m, b*) of the "
                      "slope sweep.",
                      f"Lifted out over the map, on its own axes, the curve stands large, lowest "
                      f"at m* = {t(m_star, 3)}."),
        }

    def setup(self):
        super().setup()
        self.x, self.y = data.regression_points()
        self.m_star, self.b_star = regression.least_squares(self.x, self.y)
        self.j_star = regression.cost(self.m_star, self.b_star, self.x, self.y)
        self.j_top = float(regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                                GRID)[2].max())
        #: the contour map's grid and levels (the surface takes its colours' span from them)
        self.map_grid = regression.cost_grid(self.x, self.y, views.M_RANGE, views.B_RANGE,
                                             views.GRID_SIZE)
        self.map_levels = views.contour_levels(self.map_grid[2], self.theme.cost_map.levels)
        self.view = build_view(self.j_top, BOX, CENTER)
        #: the b axis's share shown (1 to 0 as the camera turns to face the cut: section_slice)
        self.b_shown = None
        self.view.theta.set_value(ARC_FROM)
        #: the cut: the surface keeps b ≥ cut (at the window's edge, nothing is cut)
        self.cut = ValueTracker(views.B_RANGE[0])
        #: the linked point's slope (its intercept is b*)
        self.m = ValueTracker(self.m_star)

    def cost(self, m, b):
        return regression.cost(m, b, self.x, self.y)

    def drawn_height(self, m, b):
        """The height of the surface as drawn: J, and nothing where the cut removed it."""
        m, b = np.asarray(m, dtype=np.float64), np.asarray(b, dtype=np.float64)
        return np.where(b >= self.cut.get_value() - 1e-9, self.cost(m, b), -np.inf)

    # -- pieces --------------------------------------------------------------------

    def seen_lines(self, color, width: float = 4.0):
        """(solid, faint): a 3-D polyline split into what the camera sees and what the surface
        hides (drawn faint); fill with draw_seen."""
        solid = VMobject(stroke_color=color, stroke_width=width)
        faint = VMobject(stroke_color=color, stroke_width=width * 0.6, stroke_opacity=0.3)
        return solid, faint

    def draw_seen(self, solid, faint, pts):
        pts = np.asarray(pts, dtype=np.float64)
        scr = self.view.project(pts)[0]
        seen = visible(self.view, pts, self.drawn_height)
        both = seen[:-1] & seen[1:]
        for mob, mask in ((solid, both), (faint, ~both)):
            mob.clear_points()
            k = 0
            while k < len(mask):
                if not mask[k]:
                    k += 1
                    continue
                e = k
                while e < len(mask) and mask[e]:
                    e += 1
                mob.start_new_path(scr[k])
                mob.add_points_as_corners(scr[k + 1: e + 1])
                k = e

    def star(self, radius: float = STAR_RADIUS) -> Star:
        """The house minimum mark: the ink star (theme.MARKERS), edged in the background."""
        t = self.theme
        # edged wide enough to part it from the map's deepest band (magenta in the dark theme)
        return Star(outer_radius=radius, color=t.mark_color("minimum"), fill_opacity=1,
                    stroke_width=STAR_EDGE).set_stroke(t.background)

    def minimum_marker(self):
        """The minimum star at (m*, b*, J*) following the camera, hidden while the surface
        covers it (its name is in the readouts beside, in its colour: no word over the
        surface), tied to the floor J = 0 it lies on (J* is 0.009): two dotted reference lines
        on the floor from it to the m axis at m* and to the b axis at b* (seen through the
        surface, faint, where it covers them), so it reads at J = 0, not at the height the
        J axis shows beside it at the front corner."""
        point = np.array([[self.m_star, self.b_star, self.j_star]])
        star = self.star()
        t = self.theme

        def floor_ends():
            """The two ties' ends on the floor (data): from the minimum's foot to each axis."""
            b_edge, m_edge, _ = self.axes.edges()
            return np.array([[self.m_star, self.b_star, 0.0], [self.m_star, b_edge, 0.0],
                             [m_edge, self.b_star, 0.0]])

        def ends():
            """The two ties' ends on the screen as the camera stands now (the view is an
            orthographic turn, so a straight line on the floor stays straight on screen)."""
            o, to_m, to_b = self.view.project(floor_ends())[0]
            return [(o, to_m), (o, to_b)]

        def hide(screen):
            """Each dot at TIE_OPACITY where the camera sees its point of the floor, at
            TIE_HIDDEN where the surface (as cut) hides it."""
            o, to_m, to_b = floor_ends()
            # the ties fade out with the b axis as the camera turns to face the cut
            # (self.b_shown): the floor, seen edge on, has no room for them (the tie to the b
            # axis ran along the cut's foot to nothing, the one to the m axis shrank to a
            # stray dot under the star, which stands at the bottom of the cut's edge)
            kept = self.b_shown.get_value() if self.b_shown is not None else 1.0
            for (a, b), tie, far in zip(screen, self.ties, (to_m, to_b)):
                d = (b - a)[:2]
                if d @ d < 1e-12 or not len(tie.submobjects):
                    continue
                c = np.array([mark.points.mean(axis=0)[:2] for mark in tie.submobjects])
                u = np.clip((c - a[:2]) @ d / (d @ d), 0.0, 1.0)
                pts = o + u[:, None] * (far - o)
                seen = visible(self.view, pts, self.drawn_height)
                for mark, v in zip(tie.submobjects, seen):
                    mark.set_stroke(opacity=(TIE_OPACITY if v else TIE_HIDDEN) * kept)

        def ties(screen):
            lines = VGroup()
            for a, b in screen:
                path = VMobject(stroke_color=t.good, stroke_width=TIE_WIDTH,
                                stroke_opacity=TIE_OPACITY)
                path.set_points_as_corners([a, b])
                lines.add(styled("reference", path))
            return lines

        def laid(screen):
            """The ties laid out afresh for `screen`, with what is needed to carry them."""
            self.ties.become(ties(screen))
            built[:] = [(screen, [[m.points.copy() for m in tie] for tie in self.ties])]

        built: list = []
        self.ties = ties(ends())

        def carry(screen):
            """The dots moved with the camera: each dot's centre taken by the turn and scale
            that take its tie's segment as laid out to its segment now, the dot itself only
            turned (one array operation per dot), so the dots stay round and their spacing
            follows the floor. They are laid out anew once a tie's length has changed by more
            than a third, so the gaps stay near the house pattern's."""
            (old, points), = built
            for (a0, b0), (a1, b1), tie, pts in zip(old, screen, self.ties, points):
                d0, d1 = complex(*(b0 - a0)[:2]), complex(*(b1 - a1)[:2])
                if abs(d0) < 1e-6 or not 0.75 <= abs(d1) / abs(d0) <= 4 / 3:
                    laid(screen)
                    return
                turn = d1 / d0
                spin = turn / abs(turn)
                for mark, p in zip(tie, pts):
                    z = p[:, 0] - a0[0] + 1j * (p[:, 1] - a0[1])
                    c = z.mean()
                    z = c * turn + (z - c) * spin
                    mark.points[:, 0] = a1[0] + z.real
                    mark.points[:, 1] = a1[1] + z.imag

        laid(ends())

        def follow(group):
            p = self.view.project(point)[0][0]
            seen = bool(visible(self.view, point, self.drawn_height)[0])
            star.move_to(p).set_opacity(1.0 if seen else 0.0)
            # the dotted ties move with the camera; while it stands still they stay as drawn
            now = ends()
            if any(not np.array_equal(x, y) for pair, was in zip(now, built[0][0])
                   for x, y in zip(pair, was)):
                carry(now)
            hide(now)  # the surface changes as it is cut, the camera standing still
            return group

        marker = VGroup(self.ties, star)
        follow(marker)
        marker.add_updater(follow)
        return marker

    def ghost_lines(self) -> list[np.ndarray]:
        """The outline of the part the cut removed (b from the window's edge to the cut), as
        3-D polylines on gdcore's J: its edges m = const and a few lines b = const across it."""
        (m0, m1), b0 = views.M_RANGE, views.B_RANGE[0]
        cut = self.cut.get_value()
        if cut <= b0 + 1e-9:
            return []
        ms, bs = np.linspace(m0, m1, 60), np.linspace(b0, cut, 30)
        lines = [np.column_stack([np.full(bs.size, m), bs, self.cost(m, bs)]) for m in (m0, m1)]
        for b in np.linspace(b0, cut, GHOST_ROWS, endpoint=False):
            lines.append(np.column_stack([ms, np.full(ms.size, b), self.cost(ms, b)]))
        return lines

    def cut_ghost(self) -> VMobject:
        """A faint ghost of the part cut away (the previous state), following the camera."""
        ghost = VMobject(stroke_color=self.theme.muted, stroke_width=2.0,
                         stroke_opacity=GHOST_OPACITY)

        def follow(mob):
            return set_polylines(mob, (self.view.project(line)[0] for line in self.ghost_lines()))

        follow(ghost)
        ghost.add_updater(follow)
        return ghost

    def contour_map(self):
        """Axes m, b over the same window, gdcore's J(m, b) in log-spaced levels, the valley's
        inner level lines, the star."""
        t = self.theme
        ax = map_axes(t, [*views.M_RANGE, 2], [*views.B_RANGE, 4], MAP_WIDTH, MAP_HEIGHT,
                      tick_size=NUMBER_SIZE)
        ax.move_to([MAP_LEFT, MAP_Y, 0], aligned_edge=LEFT)
        M, B, J = self.map_grid
        img = contour_image(t, M, B, J, ax)
        star = self.star().move_to(ax.c2p(self.m_star, self.b_star))
        labels = self.level_labels(ax, M, B, J, img)  # first: the valley's lines stop short
        return ax, img, self.valley_lines(ax, M, B, J), star, labels

    def level_labels(self, ax, M, B, J, img) -> VGroup:
        """The round costs LEVEL_LABELS: their level lines drawn over the map
        (self.label_lines), stopped short of the labels, each labelled with its J in the book's
        number format, centred on its level line where it crosses its row (on its side), on a
        halo of the band's fill there (read from the map's image)."""
        gen = contourpy.contour_generator(M, B, J)
        #: (level's J, (m, b) the label is centred on)
        self.labelled_levels = []
        labels = VGroup()
        for level, row, side in LEVEL_LABELS:
            line = np.vstack(gen.lines(float(level)))
            # the line's crossings of the row: the rightmost or leftmost of those near it
            near = line[np.abs(line[:, 1] - row) <= np.abs(line[:, 1] - row).min() + 0.05]
            k = int(np.argmax(near[:, 0]) if side == "right" else np.argmin(near[:, 0]))
            at = (float(near[k, 0]), float(near[k, 1]))
            self.labelled_levels.append((level, at))
            num = self.tex(numbers.latex(level), NUMBER_SIZE, self.theme.text)
            num.move_to(ax.c2p(*at))
            halo = num.copy().set_fill(opacity=0).set_stroke(
                band_colour(img, num.get_center()), width=LABEL_HALO, opacity=1)
            labels.add(VGroup(halo, num))
        self.label_boxes = [(g.get_corner(DOWN + LEFT)[:2] - LABEL_GAP,
                             g.get_corner(UP + RIGHT)[:2] + LABEL_GAP) for g in labels]
        traced = [scene_points(ax, line[:, 0], line[:, 1]) for level, _, _ in LEVEL_LABELS
                  for line in gen.lines(float(level))]
        self.label_lines = set_polylines(
            VMobject(stroke_color=self.theme.text, stroke_width=VALLEY_WIDTH,
                     stroke_opacity=LABEL_LINE_OPACITY),
            (piece for pts in traced for piece in self.clear_of_labels(pts)))
        return labels

    def clear_of_labels(self, pts):
        """The polyline pts (scene points) split where it runs under a level label (with
        LABEL_GAP round it): the lines drawn over the map stop short of the labels."""
        pts = np.asarray(pts)
        out = np.zeros(len(pts), bool)
        for lo, hi in self.label_boxes:
            out |= np.all((pts[:, :2] >= lo) & (pts[:, :2] <= hi), axis=1)
        k = 0
        while k < len(pts):
            if out[k]:
                k += 1
                continue
            e = k
            while e < len(pts) and not out[e]:
                e += 1
            if e - k > 1:
                yield pts[k:e]
            k = e

    def valley_lines(self, ax, M, B, J) -> VMobject:
        """The map's first VALLEY_LEVELS level lines above its lowest (the map's own
        log-spaced levels, views.contour_levels) traced on gdcore's grid, over the map."""
        self.valley_levels = views.contour_levels(J, self.theme.cost_map.levels)[
            1:1 + VALLEY_LEVELS]
        gen = contourpy.contour_generator(M, B, J)
        lines = [line for level in self.valley_levels for line in gen.lines(float(level))]
        mob = VMobject(stroke_color=self.theme.text, stroke_width=VALLEY_WIDTH,
                       stroke_opacity=VALLEY_OPACITY)
        return set_polylines(mob, (piece for line in lines for piece in self.clear_of_labels(
            scene_points(ax, line[:, 0], line[:, 1]))))

    # -- sections ------------------------------------------------------------------

    def section_surface(self):
        t = self.theme
        title = self.mixed("The cost surface $J(m, b)$", 34).to_edge(UP, buff=0.42)
        eq = self.tex(equations.tex("cost"), 28).to_corner(UP + LEFT, buff=0.42)
        eq.shift(0.55 * DOWN)
        # coloured as the map is (its levels' span), each J in the map's colour, shaded only
        # where its slope turns it from the light
        # its edge drawn in the spines' colour, as a map is framed: on the dark page the rim's
        # colours would run into the page
        self.surface = build_surface(t, self.view, self.x, self.y, region=REGION, cut=self.cut,
                                     levels=self.map_levels, level_true=True, aspect=BOX,
                                     rim=t.muted)
        self.axes = build_axes(t, self.view, TICKS, NUMBER_SIZE, apart=True, inset_ends=True)
        # the first camera sees the far corner above J's top: the axis runs up to 250 from the
        # first frame to the last
        self.axes.top = J_AXIS_TOP
        self.axes.upright_label_right = True  # J beside the axis's top, clear of "200"
        # both start invisible (no flash of the surface before the title), then fade in
        appear = [self.surface.fade_in(), self.axes.fade_in()]
        self.add(self.surface)  # the raster layer lies under everything else
        self.title, self.formula = title, eq
        # one change at a time, each its own beat: the title (faded in whole: written stroke
        # by stroke, its glyphs blot), then the formula, then the surface and its axes
        self.play(FadeIn(title), run_time=OPENING_SECONDS)
        self.play(FadeIn(eq), run_time=OPENING_SECONDS)
        self.play(*appear, run_time=1.5)

    def section_minimum(self):
        t = self.theme
        self.marker = self.minimum_marker()
        # the key's star on the page: edged in its own ink, not the page's colour, which
        # would eat its thin arms there (over the map the edge parts it from the colours,
        # and the star reads at its full size)
        key = VGroup(self.star().set_stroke(t.mark_color("minimum")),
                     self.text("minimum", 24, t.muted))
        self.rows = VGroup(
            key.arrange(RIGHT, buff=0.15),
            self.tex(rf"m^* = {numbers.latex(self.m_star, 3)}", NUMBER_SIZE, t.good),
            self.tex(rf"b^* = {numbers.latex(self.b_star, 3)}", NUMBER_SIZE, t.good),
            self.tex(rf"J^* = {numbers.cost(self.j_star, 'latex')}", NUMBER_SIZE, t.good),
        )
        # two rows: the key and J*, then m* and b* (J* over b*, m* under the key's word)
        key, m_row, b_row, j_row = self.rows
        m_row.next_to(key, DOWN, buff=0.2, aligned_edge=LEFT)
        second = max(key.get_right()[0], m_row.get_right()[0]) + 0.5
        for mob, row in ((j_row, key), (b_row, m_row)):
            mob.move_to([second, row.get_y(), 0], aligned_edge=LEFT)
        self.rows.move_to([ROWS_RIGHT, ROWS_TOP, 0], aligned_edge=UP + RIGHT)
        self.play(FadeIn(self.marker, scale=0.5), FadeIn(self.map_star, scale=0.5),
                  FadeIn(self.rows, shift=ROWS_IN))
        self.wait(1.0)

    def section_arc(self):
        self.arc(self.arc_seconds)
        self.wait(0.5)

    def arc(self, seconds: float, to_theta: float = ARC_THETA):
        """A slow arc of the camera about the J axis, eased at both ends, rising ARC_RISE at
        its middle to look down into the valley, and back."""
        phi, theta = self.view.phi.get_value(), self.view.theta.get_value()

        def turn(_, alpha):
            rise = np.sin(np.pi * alpha)
            self.view.theta.set_value(theta + alpha * (to_theta - theta))
            self.view.phi.set_value(phi - ARC_RISE * rise)
            self.view.center[1] = CENTER[1] + ARC_LIFT * rise

        self.play(UpdateFromAlphaFunc(ValueTracker(0.0), turn), run_time=seconds,
                  rate_func=smooth)
        self.view.phi.set_value(phi)
        self.view.center[1] = CENTER[1]

    def orbit(self, seconds: float, turn: float = 360.0):
        """One turn of the camera about the J axis (bench/surface_bench.py measures it)."""
        self.play(self.view.theta.animate.increment_value(turn), run_time=seconds,
                  rate_func=linear)

    def section_map(self):
        t = self.theme
        (self.map_ax, self.map_img, self.map_valley, self.map_star,
         self.map_labels) = self.contour_map()
        caption = self.tex(r"\text{the same } J \text{ from above, log-spaced levels}",
                           HELPER_SIZE, t.muted)
        caption.next_to(self.map_ax, UP, buff=CAPTION_GAP).align_to(self.map_ax, LEFT)
        caption.shift(0.5 * LEFT)
        self.map_caption = caption
        # two b scales side by side read as one: the surface's b numbers (0, 4, 8), which the
        # arc turns to stand 45-50 px from the map's b column, give way to the map's as it
        # comes (STYLE: 60 px apart, or one set fades); the b axis keeps its name and ticks
        self.b_numbers = ValueTracker(1.0)
        for i in range(len(TICKS[1])):
            self.axes.number_opacity[(1, i)] = self.b_numbers
        # the map's star comes with the minimum (section_minimum)
        self.play(FadeIn(self.map_img), FadeIn(self.map_ax), FadeIn(self.map_valley),
                  FadeIn(self.label_lines), FadeIn(self.map_labels), FadeIn(caption),
                  self.b_numbers.animate.set_value(0.0), run_time=1.5)
        self.wait(1.0)

    def section_link(self):
        """A point on the map along b = b*; its twin on the surface with its drop line."""
        t = self.theme
        ax, b = self.map_ax, self.b_star
        self.traced = [self.m_star, self.m_star]  # the slopes visited so far

        def m_now():
            return self.m.get_value()

        map_dot = Dot(radius=0.08, color=t.accent, stroke_color=t.background, stroke_width=1.5)
        map_dot.add_updater(lambda d: d.move_to(ax.c2p(m_now(), b)))
        map_trail = VMobject(stroke_color=t.accent, stroke_width=3.5)

        def trace_map(mob):
            lo, hi = self.traced
            mob.set_points_as_corners([ax.c2p(lo, b), ax.c2p(hi, b)])

        map_trail.add_updater(trace_map)

        dot3 = Dot(radius=0.085, color=t.accent, stroke_color=t.background, stroke_width=1.5)
        drop, drop_hidden = self.seen_lines(t.accent, 3.0)
        arc, arc_hidden = self.seen_lines(t.accent, 4.5)

        def follow(group):
            m = m_now()
            self.traced = [min(self.traced[0], m), max(self.traced[1], m)]
            j = float(self.cost(m, b))
            p = np.array([[m, b, j]])
            dot3.move_to(self.view.project(p)[0][0])
            a = shown.get_value()
            dot3.set_opacity(a if visible(self.view, p, self.drawn_height)[0] else 0.3 * a)
            h = np.linspace(0.0, j, 40)
            self.draw_seen(drop, drop_hidden, np.column_stack([np.full(40, m),
                                                                np.full(40, b), h]))
            ms = np.linspace(*self.traced, 120)
            self.draw_seen(arc, arc_hidden, np.column_stack([ms, np.full(120, b),
                                                              self.cost(ms, b)]))
            for mob in (drop, arc):
                mob.set_stroke(opacity=a)
            for mob in (drop_hidden, arc_hidden):
                mob.set_stroke(opacity=0.3 * a)
            map_dot.set_opacity(a)
            map_trail.set_stroke(opacity=a)
            return group

        shown = ValueTracker(0.0)  # the point and its lines fade in through it
        self.link = VGroup(arc_hidden, drop_hidden, arc, drop, dot3)
        follow(self.link)
        self.link.add_updater(follow)
        self.map_point = VGroup(map_trail, map_dot)
        self.readout = self.point_readout(shown)
        self.add(self.map_point, self.link, self.readout)
        # the minimum stars over everything: the point resting on the minimum never hides it
        self.bring_to_front(self.map_point[1], self.map_star, self.marker)
        self.play(shown.animate.set_value(1.0), run_time=1.0)
        lo, hi = views.M_RANGE
        self.play(self.m.animate.set_value(lo), run_time=2.0, rate_func=smooth)
        self.play(self.m.animate.set_value(hi), run_time=5.0, rate_func=smooth)
        self.play(self.m.animate.set_value(self.m_star), run_time=2.5, rate_func=smooth)
        # at rest on the minimum the live readout reads as the minimum's rows beside it (m*, b*,
        # J*): it has done its work and fades, so the numbers stand once
        self.play(self.readout_kept.animate.set_value(0.0), run_time=0.5)
        self.remove(self.readout)

    def point_readout(self, shown: ValueTracker) -> VGroup:
        """The linked point's m, b and J, live (READ_LEFT, READ_TOP; see there), in ink, keyed
        by the point's dot, fading in with the point through `shown`, and out through
        self.readout_kept (1 to 0) once the point rests on the minimum."""
        t = self.theme
        kept = self.readout_kept = ValueTracker(1.0)

        def ink() -> float:
            return shown.get_value() * kept.get_value()

        b = self.b_star
        names = [self.tex(rf"{n} =", NUMBER_SIZE, t.text) for n in ("m", "b", "J")]
        values = [DecimalNumber(v, num_decimal_places=p, font_size=NUMBER_SIZE, color=t.text)
                  for v, p in ((self.m.get_value(), M_PLACES), (b, M_PLACES),
                               (float(self.cost(self.m.get_value(), b)), 5))]
        # m's sign slot: how far a negative number's first digit stands right of its minus
        signed = DecimalNumber(-1.0, num_decimal_places=M_PLACES, font_size=NUMBER_SIZE)
        slot = signed[1].get_left()[0] - signed[0].get_left()[0]
        widest = DecimalNumber(-8.0, num_decimal_places=M_PLACES, font_size=NUMBER_SIZE).width
        m_name, b_name, j_name = names
        m_name.move_to([READ_LEFT, READ_TOP, 0], aligned_edge=UP + LEFT)
        j_name.next_to(m_name, DOWN, buff=READ_GAP)
        j_name.shift((m_name.get_right()[0] - j_name.get_right()[0]) * RIGHT)  # "=" under "="
        x0 = m_name.get_right()[0] + 0.15  # where m's minus stands, left of its digits
        b_name.move_to([x0 + widest + READ_SPACE, m_name.get_y(), 0], aligned_edge=LEFT)
        # m and J: their first digits in one column, after m's sign slot; b after its name
        digits_x = (x0 + slot, b_name.get_right()[0] + 0.15, x0 + slot)

        def place(num, name, x, v, places):
            """num set to v at `places`, its first digit at x, on its name's line."""
            num.num_decimal_places = places
            set_number(num, v)
            first = num[1] if v < 0 else num[0]
            num.shift((x - first.get_left()[0]) * RIGHT + (name.get_y() - num.get_y()) * UP)
            return num

        def m_now():
            return float(self.m.get_value())

        def j_now():
            return float(self.cost(m_now(), b))

        live = ((lambda: m_now(), lambda v: M_PLACES), (lambda: b, lambda v: M_PLACES),
                (j_now, cost_places))
        for num, name, x, (value, places) in zip(values, names, digits_x, live):
            def follow(mob, name=name, x=x, value=value, places=places):
                v = value()
                place(mob, name, x, v, places(v))
                return mob.set_opacity(ink())
            follow(num)
            num.add_updater(follow)
        for name in names:
            name.add_updater(lambda mob: mob.set_opacity(ink()))
        key = Dot(radius=0.08, color=t.accent, stroke_color=t.background, stroke_width=1.5)
        key.next_to(m_name, LEFT, buff=0.2)
        key.add_updater(lambda mob: mob.set_opacity(ink()))
        self.readout_values = values
        return VGroup(key, *names, *values)

    def section_slice(self):
        """The key moment, slow: the surface cut at b = b*, then the camera facing the cut."""
        t = self.theme
        # said in steps, one short line at a time, where the map's caption stood (it has done
        # its work): the cut's name as the cut begins, what its edge is once the camera is
        # lowered to face it
        note = VGroup(self.tex(r"\text{cut at } b = b^*", HELPER_SIZE, t.muted),
                      self.tex(r"\text{its edge } J(m, b^*) \text{ is the slope sweep's curve}",
                               HELPER_SIZE, t.muted))
        for line in note:
            line.move_to(self.map_caption, aligned_edge=LEFT)
        self.note = note
        # the words go before the new come: never words over words
        self.play(FadeOut(self.map_caption), run_time=0.5)
        self.play(FadeIn(note[0]), run_time=0.8)
        self.ghost = self.cut_ghost()
        self.add(self.ghost)
        self.bring_to_front(self.marker)
        self.play(self.cut.animate.set_value(self.b_star), run_time=4.0, rate_func=smooth)
        self.wait(0.5)

        def zoom(_, alpha):
            self.view.lengths = np.asarray(BOX) * (1.0 + (ZOOM - 1.0) * alpha)
            self.view.center[1] = CENTER[1] - CUT_DROP * alpha
            # the ghost has shown what was cut: seen from the side its lines would crowd the
            # J axis and its numbers, so it fades out over the move's second part
            gone = min(max((alpha - GHOST_FADE) / (1.0 - GHOST_FADE), 0.0), 1.0)
            self.ghost.set_stroke(opacity=GHOST_OPACITY * (1.0 - smooth(gone)))

        self.caption_next()
        # the b axis, end on when facing the cut, makes way: its label fades out, its tick
        # marks shrink away (its numbers went as the map came: section_map)
        b_shown = ValueTracker(1.0)
        drawn = self.axes.update_from_view

        def update():
            drawn()
            shown = b_shown.get_value()
            self.axes.labels[1].set_opacity(self.axes.shown * shown)
            # its tick marks (each one segment of 4 points, after the m axis's) shrink away
            marks = self.axes.tick_marks.points
            first, count = 4 * len(TICKS[0]), 4 * len(TICKS[1])
            ticks = marks[first:first + count].reshape(-1, 4, 3)
            marks[first:first + count] = (ticks[:, :1] + shown * (ticks - ticks[:, :1])
                                          ).reshape(-1, 3)
            return self.axes

        self.axes.update_from_view = update
        self.b_shown = b_shown
        self.play(self.view.phi.animate.set_value(CUT_PHI),
                  self.view.theta.animate.set_value(CUT_THETA),
                  UpdateFromAlphaFunc(b_shown, lambda m, a: m.set_value(
                      1.0 - smooth(min(a / B_FADE, 1.0)))),
                  UpdateFromAlphaFunc(self.cut, zoom),
                  run_time=self.face_seconds,
                  rate_func=smooth)
        self.remove(self.ghost)  # faded out
        self.play(FadeOut(note[0]), run_time=0.5)
        self.open_cut_view(note[1])
        label = self.tex(r"J(m, b^*)", NUMBER_SIZE + 2, t.accent)

        def place(mob):
            end = self.view.p(views.M_RANGE[1], self.b_star, self.cost(views.M_RANGE[1],
                                                                        self.b_star))
            mob.next_to(end, RIGHT, buff=0.15)

        place(label)
        self.edge_label = label
        # back out: the cut view closes over the map, and the edge's name stands by the edge
        self.play(FadeOut(self.cut_view), run_time=CUT_VIEW_OPEN)
        self.play(FadeOut(self.cut_cover), run_time=CUT_VIEW_OPEN)
        self.play(FadeIn(label), run_time=1.0)
        self.wait(1.5)

    def open_cut_view(self, note):
        """The key moment, large: the cut view opens over the map (on a panel in the page's
        colour, the map's own m axis, J from 0 to CUT_VIEW_TOP), and the cut's edge lifts off
        the surface into it, the minimum's star with it, as the slope sweep's parabola
        J(m, b*), about half the frame's height; named, and held (CUT_VIEW_HOLD)."""
        t = self.theme
        (m0, m1), ax_map = views.M_RANGE, self.map_ax
        ax = map_axes(t, [m0, m1, 2], [0.0, CUT_VIEW_TOP, CUT_VIEW_STEP], MAP_WIDTH, MAP_HEIGHT,
                      y_label="J", tick_size=NUMBER_SIZE)
        # its plot on the map's: the same m at the same place on the screen
        ax.shift(ax_map.c2p(m0, views.B_RANGE[0]) - ax.c2p(m0, 0.0))
        both = VGroup(ax_map, ax)  # the panel hides the map and its words
        # (kept inside the frame's margin, as every drawing is: CUT_VIEW_BUFF round the map's
        # words would reach past it on the right)
        (x0, y0), (x1, y1) = both.get_corner(DL)[:2], both.get_corner(UR)[:2]
        half_w = config.frame_width / 2 - FRAME_MARGIN
        half_h = config.frame_height / 2 - FRAME_MARGIN
        x0, y0 = max(x0 - CUT_VIEW_BUFF, -half_w), max(y0 - CUT_VIEW_BUFF, -half_h)
        x1, y1 = min(x1 + CUT_VIEW_BUFF, half_w), min(y1 + CUT_VIEW_BUFF, half_h)
        cover = Rectangle(width=x1 - x0, height=y1 - y0, stroke_width=0,
                          fill_color=t.background, fill_opacity=1).move_to(
                              [(x0 + x1) / 2, (y0 + y1) / 2, 0])
        ms = np.linspace(m0, m1, 241)
        curve = VMobject(stroke_color=t.accent, stroke_width=4.5)
        curve.set_points_as_corners(scene_points(ax, ms, self.cost(ms, self.b_star)))
        star = self.star().move_to(ax.c2p(self.m_star, self.j_star))
        name = self.tex(r"J(m, b^*)", NUMBER_SIZE + 2, t.accent)
        # inside the parabola's right arm, its right edge CUT_VIEW_BUFF left of the curve at J
        # CUT_VIEW_NAME_J
        # (J(m, b*) is J* + a (m − m*)²: the arm's m at that J, exactly)
        rise = (CUT_VIEW_NAME_J - self.j_star) / (self.cost(m1, self.b_star) - self.j_star)
        arm = self.m_star + np.sqrt(rise) * (m1 - self.m_star)
        name.move_to(ax.c2p(arm, CUT_VIEW_NAME_J) + CUT_VIEW_BUFF * LEFT, aligned_edge=RIGHT)
        self.cut_ax, self.cut_curve, self.cut_star, self.cut_name = ax, curve, star, name
        # the edge and the star lift off the surface as they stand now
        lifted = self.link[2].copy().clear_updaters()
        lifted_star = self.star().move_to(self.marker[-1].get_center())
        # one change at a time: the map goes under the panel, then the panel's axes come
        # (faded across each other, the two axes' numbers stood over one another)
        self.caption_next()
        self.play(FadeIn(cover), run_time=CUT_VIEW_OPEN)
        self.play(FadeIn(ax), run_time=CUT_VIEW_OPEN)
        self.play(Transform(lifted, curve), Transform(lifted_star, star), run_time=CUT_VIEW_LIFT,
                  rate_func=smooth)
        self.play(FadeIn(name), FadeIn(note), run_time=1.0)
        self.wait(CUT_VIEW_HOLD)
        self.cut_view = VGroup(ax, lifted, lifted_star, name)
        self.cut_cover = cover

    SECTIONS = sections(section_surface, section_map, section_arc, section_minimum,
                        section_link, section_slice)
