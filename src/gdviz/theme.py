"""The one theme: light (print) and dark (slides, lecture videos) palettes, fonts and sizes.

Both the matplotlib style (`mpl_rc`) and the Manim configuration (gdviz.manim_theme) derive from
the Theme objects here, so a colour named here is the same in every figure and every scene.
The theme for a run is chosen by name; scenes rendered the plain Manim way read GD_THEME.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from gdcore.optimizers import NAMES as OPTIMIZER_NAMES

#: One colour per optimizer, the same colour in both themes: green SGD, blue Momentum, pink-red
#: NAG, violet Adagrad, teal Adadelta, ochre RMSprop, plum Adam (gdcore.optimizers.NAMES
#: order): seven hue families, related optimizers far apart on the hue circle. A colour keeps
#: its name across the themes: the dark theme's colour of each is the same colour, lighter
#: (its CAM02 hue within OPT_HUE_TOLERANCE of the light colour's, its J' OPT_DARK_LIFT to
#: OPT_DARK_MAX_LIFT above it, keeping OPT_DARK_CHROMA_SHARE of its chroma M'), and the light
#: colours are mid-tones (J' within OPT_LIGHTNESS), never near-black, so that their lighter
#: shade is the same colour, not another one (a navy Momentum and a near-black Adam once read
#: as a blue and a magenta in the video, an ochre RMSprop as a yellow, a violet Adagrad as a
#: grey lilac). Both were chosen by search in CAM02-UCS (scripts/optimizer_palette.py: the
#: light ones from the hue families of its LIGHT_FAMILIES, the dark ones from the light ones)
#: so that, in normal vision and simulated deuteranopia, protanopia and tritanopia
#: (colorspacious, severity 100), every two optimizers and every optimizer and role colour lie
#: at least MIN_CVD_DISTANCE apart and every two optimizers differ in hue by MIN_OPT_HUE, while
#: each meets WCAG contrast against its page. In print only the page: every path, trail and
#: dot drawn over a cost map lies on its casing of the page colour (CASING), so the pale map
#: never constrains the colour. On the dark page the casing is as dark as the map round it, so
#: the dark shades also keep contrast with every colour of the dark map, and those of the
#: map's hue family differ in lightness too (MAP_KIN_LIGHTNESS) (tests/test_style_colors.py
#: recomputes all of it).
#: The floors relaxed, the least important: in the dark theme the optimizers are not held apart
#: from the `test` lavender (OPT_DARK_ROLES), a role that never shares a figure with an
#: optimizer (the test set is drawn in splits and fits, never in a race). Held to it too, no
#: dark palette keeps 3/4 of every light colour's chroma within 15° of hue: the dark blue and
#: violet sit on either side of the lavender (the search then leaves Momentum a grey blue and
#: Adam a near-white pink). OPT_DARK_LIFT was relaxed from 10 to 5 for the same reason: a
#: smaller step in lightness is what keeps the dark pink NAG the light one's colour. And the
#: dark Momentum is not held apart from the data blue, its kin, with which it never shares a
#: figure (OPT_DARK_EXEMPT): held to it, the map's kin cannot stand apart in lightness under
#: the runs' ceiling (MAP_KIN_LIGHTNESS).
LIGHT_OPTIMIZER_COLORS: dict[str, str] = dict(zip(
    OPTIMIZER_NAMES,
    ("#5A964B", "#5A78FF", "#F04B87", "#9600E1", "#00A596", "#A57800", "#964B87"),
))
DARK_OPTIMIZER_COLORS: dict[str, str] = dict(zip(
    OPTIMIZER_NAMES,
    ("#9BF082", "#96B9FF", "#FF73A5", "#A06EFF", "#00F0C8", "#D29600", "#C887CD"),
))
#: Least chroma (CAM02-UCS M') of every optimizer colour in both themes: each reads as its hue
#: family, never as a grey (the dark Momentum was once #7896B4, M' 16.9, a slate grey beside
#: the data blue).
MIN_OPT_CHROMA = 19.5
#: Smallest CAM02-UCS distance (ΔE') between two optimizer colours, or an optimizer colour and a
#: role colour, in normal vision and each simulated colour-vision deficiency.
MIN_CVD_DISTANCE = 9.0
#: Stricter floors between two optimizer colours, whose paths run side by side: ΔE' and the
#: CAM02 hue angle in normal vision, so no two optimizers are told apart by lightness alone (the
#: light theme once had four dark purples, 8° of hue apart, that passed MIN_CVD_DISTANCE, then
#: two near-black greens and three purples, 26° apart and ΔE' 18.4, that passed 25° and 15).
MIN_OPT_DISTANCE, MIN_OPT_HUE = 18.5, 27.0
#: On the dark map the optimizers of its kin (their hue within KIN_HUE of a colour the map
#: paints: Momentum's blue, Adagrad's violet and Adam's plum, beside its violet, blue and teal)
#: differ by this much lightness (CAM02-UCS J') as well as by hue: a thin path's hue is
#: swamped by a map of its own family, and these three at J' 61 to 66 (#739BE6, #A569FF,
#: #B973B4; ΔE' 19.6 to 29.6 apart, every floor kept) read as one colour on the races' maps.
#: The three also keep under the runs' ceiling of lightness (optimizer_palette.RUN_DARK_CEILING,
#: J' 78): the dark Momentum was #B4CDFF, J' 84 and M' 20, a pale blue beside the white ink of
#: the race insets' leader lines. The dark map's 3:1 keeps them at J' 60 and over, so under
#: the ceiling their band is 18 wide and 10 apart cannot hold (relaxed from 10: 60, 70, 80
#: passes the ceiling). Now a violet, an orchid and a light blue, J' 61, 69 and 77.
MAP_KIN_LIGHTNESS = 7.0
#: An optimizer is one colour in both themes: its dark colour's CAM02 hue lies within this many
#: degrees of its light colour's (lighter on the dark page, as contrast requires).
OPT_HUE_TOLERANCE = 15.0
#: ... its dark colour is this much lighter (CAM02-UCS J') than its light one, at least and at
#: most: another shade of the same colour, lighter on the dark page, never so much lighter that
#: it takes another name (an ochre #A57800, J' 57, became a yellow #FFD700, J' 89) ...
OPT_DARK_LIFT, OPT_DARK_MAX_LIFT = 5.0, 30.0
#: ... and it keeps at least this share of the light colour's chroma M' (the dark Adagrad was
#: once #AF8CC8, half the chroma of the light violet #A500FF: a grey lilac). 3/4 before
#: MAP_KIN_LIGHTNESS: under it, with the data blue's floor, the dark Momentum and Adagrad both
#: lay in J' 60 to 67.5, never 10 apart (and the dark Momentum, at J' 84, kept 0.58 of the light
#: one's M' 34); freed from the data blue's floor (OPT_DARK_EXEMPT) it keeps 0.73 (M' 25).
OPT_DARK_CHROMA_SHARE = 0.55
#: The lightness band (CAM02-UCS J') of the light optimizer colours: mid-tones, none a
#: near-black (the light Momentum #0000B4 was J' 21, Adam #690069 J' 28: at dot size in
#: print both read as black, and their dark shades as other colours).
OPT_LIGHTNESS = (40.0, 64.0)
#: The casing (as a cartographer cases a road): every path, trail and dot drawn over a cost map
#: lies on a halo of the page colour, CASING points wide on each side of it in stills
#: (gdviz.mpl.casing) and CASING_WIDTH Manim stroke-width units in scenes
#: (gdviz.manim_blocks.cased). A mark then meets only the page colour, so in print it needs
#: contrast with the page alone (LINE_CONTRAST), and the map around the thin halo still reads.
CASING = 0.6
CASING_WIDTH = 2.0
#: The ground of a label set over lines (a readout in a plot's corner, a weight's name on its
#: edge, an arrow's name, an equation over a curve): a halo of the page colour this many points
#: wide round its letters (gdviz.mpl.halo), never a box: the lines stop short of the letters and
#: the drawing still shows between them. Labels on a cost map take less (their casing, a
#: printed map's names: penalty-conflict's 0.75).
LABEL_HALO = 1.5
#: WCAG 2.1 contrast minima: text (and secondary text), lines and markers.
TEXT_CONTRAST = 4.5
LINE_CONTRAST = 3.0
#: Something absent drawn thin (a dropped neuron's outline, still and video alike: Theme.faded)
#: against the page: over the 3:1 floor of a mark with room to spare, as strokes this thin lose
#: contrast to anti-aliasing (at 3:1 a hairline's pixels fell under it on the dark page, and the
#: video's 2 px outline all but vanished there), and still well under the muted colour.
FADED_CONTRAST = 4.0
#: The role colours drawn over cost maps (paths, points, the minimum, labels): each keeps
#: LINE_CONTRAST (TEXT_CONTRAST for text) against every colour of the map. `muted` and `grid`
#: draw frames and rules beside the map, never on it.
ON_MAP_ROLES = ("text", "accent", "data", "error", "good")
#: The roles that are colours of marks (optimizers must stay apart from them).
MARK_ROLES = ("text", "muted", "accent", "data", "error", "good", "test")
#: The roles the dark optimizer shades stand apart from: all but the test lavender, which
#: never shares a figure with an optimizer (the one floor relaxed, LIGHT_OPTIMIZER_COLORS).
OPT_DARK_ROLES = tuple(r for r in MARK_ROLES if r != "test")
#: The roles a dark optimizer shade is not held apart from, beyond the test lavender: the dark
#: Momentum and the data blue, its kin (OPT_KIN), which never share a figure
#: (tests/test_figures_role_colours.py). Held to the data blue's floor, the dark Momentum lies
#: in J' 61 to 68 only, at most 7 from Adagrad's violet (which the dark map's 3:1 keeps at 60
#: and over): the map's kin could not differ in lightness under the ceiling (MAP_KIN_LIGHTNESS).
OPT_DARK_EXEMPT: dict[str, tuple[str, ...]] = {"Momentum": ("data",)}
#: The role of the model's curve (a fitted line or polynomial, a candidate line, a classifier's
#: boundary), one in every still and scene: ink. The model is what the figure draws, as its
#: text is; the accent stays the descent's (its current position, path and cost curve) and a
#: validation set's, so that a fit over a validation set or beside a run's path never reads as
#: either (Theme.model; tests/test_figures_regression.py reads it back).
MODEL_ROLE = "text"
#: The role of the least cost J*'s level line (dotted, a reference) in every still and scene:
#: ink, as the minimum's star. In the good green it stood beside a green mini-batch run
#: (batch-vs-stochastic, whose green is the good green's kin) and in ink there only: one line,
#: two colours across the book. The minimum's numbers written in a readout keep the good green
#: (Theme.least_cost; tests/test_figures_role_colours.py reads the lines back).
LEAST_COST_ROLE = "text"
#: The roles that carry a hue (ink and muted are greys).
HUED_ROLES = ("accent", "data", "error", "good", "test")
#: A role and an optimizer whose CAM02 hues lie within this many degrees of each other in
#: either theme are one colour family to a reader (the SGD green and the good green are 8°
#: apart, the Momentum blue and the data blue 7°): told apart side by side, never by meaning.
KIN_HUE = 25.0
#: Each optimizer's kin: the hued roles within KIN_HUE of its colour in either theme
#: (tests/test_style_colors.py recomputes it). Where a figure draws an optimizer, its kin's
#: meanings are not drawn in their colour, so that one colour says one thing within the
#: figure (tests/test_figures_role_colours.py); the minimum's star is ink everywhere, so no
#: optimizer's green ever meets a green star.
OPT_KIN: dict[str, tuple[str, ...]] = {
    "SGD": ("good",),
    "Momentum": ("data", "test"),
    "NAG": ("error",),
    "Adagrad": ("test",),
    "Adadelta": ("good",),
    "RMSprop": ("accent",),
    "Adam": (),
}


#: The same for the runs that take colours of their own (RATE_NAMES, BATCH_NAMES): the hued
#: roles within KIN_HUE of a run's colour in either theme, but the accent of the run that IS
#: the accent (the good rate, the full batch: plain descent, one colour everywhere). The
#: mini-batch's green is the good green's hue (3° apart): beside it the least cost J* is
#: drawn in ink, so that green says "the mini-batch" only (tests/test_style_colors.py
#: recomputes it).
RUN_KIN: dict[str, tuple[str, ...]] = {
    "too small": ("data",),
    "good": (),
    "too large": ("error",),
    "full batch": (),
    "mini-batch": ("good",),
    "single sample": ("data",),
}


#: The learning rates compared side by side (learning-rates), in Theme.rates order: each run
#: takes a colour of its own, never a role's (blue would say "data", red "error").
RATE_NAMES = ("too small", "good", "too large")
#: The three ways of drawing each step's gradient compared side by side (batch-vs-stochastic,
#: still and video), in Theme.batches order: from all points, a mini-batch or one sample.
#: Each run takes a colour of its own, as the rates do, never a role's (the data blue, the
#: error red, the accent of a single descent path).
BATCH_NAMES = ("full batch", "mini-batch", "single sample")


@dataclass(frozen=True)
class SurfaceLook:
    """How a 3-D cost surface reads as a surface in a theme: lit faces and a mesh.

    The fills alone are a band of nearly equal lightness (that is what keeps paths readable
    over a flat map), so a surface coloured by them reads as a folded sheet. Lighting restores
    the shape: a Lambert light from `light_azimuth` / `light_altitude` (degrees) with the heights
    stretched by `vert_exag` (in grid units of the box) gives each face an intensity I in
    [0, 1]; a face turned away is darkened by `shadow` × (1 − I) (its colour times
    1 − shadow × (1 − I)), a face towards the light lifted towards white by `highlight` × I.
    Light: the pale band is darkened a little in the shade (no highlight, never paler than
    the map; a large shadow turned its yellows olive). Dark: the deep band is lifted where
    lit (highlight) and kept from going black in the shade (shadow small). Mesh: every
    `mesh_every`-th grid line of each axis drawn in the map's level-line colour (the cost
    map's `lines`), lit like the faces, `mesh_width` points wide in stills and `mesh_px`
    pixels of a 480-line frame in scenes (scaled with the frame's height).

    The light (one for every cost surface, stills and videos, both themes): from azimuth 240
    (compass degrees on the (m, b) plane: from the viewer's left in the house camera), across
    J(m, b)'s valley, which runs from m low, b high to the far corner. From 315 it shone along
    the valley: neither wall turned from it, so in the light theme the bowl was shaded by at
    most 13 % and read as a flat sheet; across it, the wall turned away takes the whole
    `shadow` and the bowl reads as lit.
    """

    light_azimuth: float = 240.0
    light_altitude: float = 40.0
    vert_exag: float = 1.0
    shadow: float = 0.0
    highlight: float = 0.0
    mesh_every: int = 5
    mesh_width: float = 0.35
    mesh_px: float = 1.0


#: Light: pale fills, shaded up to 22 % darker on the walls turned from the light, a level face
#: in the flat map's own colour (lit_surface's level_true): a clean surface in the map's
#: colours. At 45 % (and every face shaded, a level one too) the pale yellow rim and green
#: walls turned olive and muddy.
LIGHT_SURFACE = SurfaceLook(shadow=0.22, highlight=0.0)
#: Dark: deep fills, lifted up to 15 % towards white where lit, shaded 35 % at most. The lift
#: stays small: the valley's flat floor faces the light most, and a larger one (30 %) washed its
#: violet core out to a pale, even glow, so the levels round the minimum no longer read apart.
DARK_SURFACE = SurfaceLook(shadow=0.35, highlight=0.15)


@dataclass(frozen=True)
class CostMap:
    """One treatment of every cost map (contour fills, heat maps, 3-D surfaces) of a theme.

    The fills run through `fills` (low cost first: Viridis' hues, lightness held in a band of
    CAM02-UCS J', so every colour drawn on it keeps its contrast; the valley stands furthest
    from the page, the rim nearest: rising J' in light, falling in dark), at full strength (no
    fading towards the background: the band is the strength). Level lines, one per level, in
    `lines` (the same hues, 22 J' darker in light, 20 J' lighter in dark), which is what makes
    every valley read. Levels: LEVELS of them, log-spaced from the grid's smallest
    positive to its largest value (gdviz.views.contour_levels).
    """

    name: str
    fills: tuple[str, ...]
    lines: tuple[str, ...]
    levels: int = 16
    log: bool = True
    line_width: float = 0.5
    #: How a 3-D surface is drawn over this map (SurfaceLook): its lighting and mesh.
    surface: SurfaceLook = None  # type: ignore[assignment]

    @property
    def cmap(self) -> str:
        """The registered matplotlib colormap name of the fills."""
        return f"gd-cost-{self.name}"

    @property
    def line_cmap(self) -> str:
        """The registered matplotlib colormap name of the level lines."""
        return f"gd-cost-{self.name}-lines"


# Light: Viridis (purple to yellow) with CAM02-UCS lightness J' rising steadily from 78.6 (low
# cost) to 97 (high cost), at 0.87 of Viridis' chroma up to three quarters of the way to the rim,
# then falling steadily to the most the gamut holds at the pale rim (0.48); level lines 22 J'
# darker, in [57, 75]. 17 anchors, interpolated by matplotlib. The strongest map the rules
# allow (scripts/cost_map.py searched it): J' 78.6 is as dark as the valley may go, the roles
# drawn on the map uncased (ON_MAP_ROLES) keeping LINE_CONTRAST over it (the error red 3.00:1,
# the good green 3.08:1, the accent 3.09:1), and 0.87 the most chroma the gamut then holds at
# every anchor. The valley stands 30.7 ΔE' off the page, the map 24.2 on average (28.5 and 23.0
# at 0.75 of the chroma throughout).
LIGHT_COST_MAP = CostMap(
    "light",
    fills=("#DEA6E7", "#D5AEF3", "#CAB8FB", "#BFC1FE", "#B5CAFD", "#ADD2F9", "#A7DAF3", "#A1E1EC",
           "#9CE8E3", "#99EFD8", "#98F5CA", "#9CFAB8", "#A8FEA2", "#C3FC99", "#DCFA99", "#F1F8A2",
           "#FFF6B4"),
    lines=("#9F6CA9", "#9874B5", "#8E7CBC", "#8485BF", "#798DBD", "#7195B9", "#699CB3", "#63A2AC",
           "#5DA8A4", "#58AE9A", "#56B38C", "#5BB77B", "#68BA67", "#84B95F", "#9BB65E", "#AEB466",
           "#BAB376"),
    surface=LIGHT_SURFACE,
)
# Dark: the first 42 % of Viridis' hues only (purple, blue, teal: its green and yellow turn
# olive and khaki when kept dark), at full chroma where sRGB holds it, with J' FALLING from 30
# (low cost) to 25 (high cost); level lines 20 J' lighter at the valley floor to 24 J' lighter at
# the rim, in [49, 50] (20 throughout left the rim's teal lines too faint to follow in a video at
# 480p). In both themes the valley is the part of the map that stands furthest from the page
# and the rim fades towards it (light: J' 78.6 against white, 97 at the rim; dark: J' 30 against
# the page's 12, 25 at the rim), so the eye goes where the paths go, the floor of a valley is a
# lit violet basin whose innermost level lines read (never a black hole) and the high-cost rim
# a quiet deep teal, still clearly apart from the page: 13 J' above it (at J' 20, RGB 17, 48,
# 56, the rim all but merged with the page, 22, 24, 29, where a map meets it unframed). J' 30
# is as light as the fills may go: the colours drawn on the map uncased (ON_MAP_ROLES) keep
# LINE_CONTRAST over the valley floor.
DARK_COST_MAP = CostMap(
    "dark",
    fills=("#612570", "#5D2674", "#582878", "#532A7A", "#4E2C7C", "#482F7D", "#41327C", "#39347B",
           "#323679", "#293975", "#1F3B71", "#143D6D", "#023E68", "#013F5D", "#043F55", "#023F50",
           "#033F4A"),
    lines=("#9456A2", "#9058A6", "#8A5AAB", "#855DAE", "#7F60B0", "#7863B2", "#7166B2", "#6A69B1",
           "#636BAF", "#5C6EAC", "#5471A8", "#4E73A5", "#4675A0", "#3E779C", "#377997", "#2F7A92",
           "#267C8D"),
    surface=DARK_SURFACE,
)


def register_cost_map(cm: CostMap) -> CostMap:
    """Register a cost map's fills and level lines as matplotlib colormaps (once); returns it."""
    import matplotlib
    from matplotlib.colors import LinearSegmentedColormap

    for name, colors in ((cm.cmap, cm.fills), (cm.line_cmap, cm.lines)):
        if name not in matplotlib.colormaps:
            matplotlib.colormaps.register(LinearSegmentedColormap.from_list(name, colors))
    return cm


def _register_colormaps() -> None:
    """Register each theme's cost map (once)."""
    for cm in (LIGHT_COST_MAP, DARK_COST_MAP):
        register_cost_map(cm)


_register_colormaps()


#: A table of cells on the page (lr-grid-search) keeps each cell TABLE_PAGE_DISTANCE
#: (CAM02-UCS ΔE') from the page colour (the light cost map's least distance from its page when
#: it was paler, 15.9; 17.4 now, its rim's chroma faded): so the cost map's colours run there
#: only up to TABLE_TOP of the way to its rim. Both maps whole: the light one (its rim a
#: yellow) and the dark one, whose rim, lifted to J' 25, stands 18.7 from its page (at J' 20,
#: 12.6, the worst cell read as the page, a gap, not the worst, and its scale ended at 0.8;
#: tests/test_style_colors.py recomputes both).
TABLE_PAGE_DISTANCE = 15.8
TABLE_TOP: dict[str, float] = {"light": 1.0, "dark": 1.0}
#: The dark map's fills keep their lightness nearly level (CAM02 J' 30 to 22 over a table's
#: scale): a map reads by its hue and its level lines, but a table of cells has no lines, and
#: its 0.032 and 0.046 looked alike. A table's colour at its valley is therefore mixed
#: TABLE_LIFT of the way to the map's level-line colour there, the share falling evenly to
#: none at its top: the dark table runs from J' 44 at its valley to its rim, every cell
#: under the page's ink at 4.5:1 (tests/test_style_colors.py). The light map's fills run
#: J' 78.6 to 97 already.
TABLE_LIFT: dict[str, float] = {"light": 0.0, "dark": 0.7}


@dataclass(frozen=True)
class Marker:
    """A mark of the visual vocabulary: matplotlib marker, size (points), fill and edge roles
    ("none" for hollow), edge width and z-order."""

    marker: str
    size: float
    face: str
    edge: str
    edge_width: float = 0.8
    zorder: float = 6


#: One mark for each thing a figure points at, the same in every still (scenes take the same
#: shapes and roles). Roles are Theme attribute names, or "none".
MARKERS: dict[str, Marker] = {
    "start": Marker("o", 6.0, "background", "text", 1.2),  # hollow ring: where a run begins
    "current": Marker("o", 6.0, "accent", "background", 0.8, 7),  # filled dot: where it is now
    # hollow square in the run's colour (accent by default, Theme.end): where it stopped
    "end": Marker("s", 5.5, "none", "accent", 1.2),
    # star: the least value of what the plot draws (J's minimum; the best setting of a sweep
    # or grid), one mark in ink in every still and scene, never in a run's colour family
    "minimum": Marker("*", 11.0, "text", "background", 0.6, 8),
    "data": Marker("o", 4.5, "data", "background", 0.6, 4),  # training data
    "held-out": Marker("D", 4.0, "background", "data", 1.0, 4),  # hollow diamond: validation
    # filled plus: a stationary point that is not a minimum (the saddle), never a goal
    "saddle": Marker("P", 8.0, "text", "background", 0.6, 8),
    # filled cross: where a run left the plot (it has no end inside it), in the run's colour
    "left": Marker("X", 6.5, "accent", "background", 0.6, 7),
}

#: The second channel of the optimizers, after their colour: the shape of the mark at a run's
#: current position (the race videos' head dots, the stills' step dots) and of its legend key.
#: Adagrad's violet, Adam's plum and NAG's pink lie close at the size of a dot on a small
#: screen: NAG's mark is a triangle pointing up, Adagrad's one pointing down, Adam's (and
#: every other run's) the round dot. No shape a race figure reserves for a role (the start's
#: ring, the end square, the minimum's star, the saddle's plus, the exit's cross).
OPT_MARKERS: dict[str, str] = {"NAG": "^", "Adagrad": "v"}


def opt_marker(name: str) -> str:
    """The matplotlib marker of optimizer `name`'s current position (OPT_MARKERS; "o" else)."""
    return OPT_MARKERS.get(name, "o")


#: A run's end is one mark in every still: the "end" square, hollow, outlined in the run's
#: colour (Theme.end), AT its last point (gdviz.mpl.end_at), a mark standing at its data;
#: where the run ends on the minimum the same square is drawn large enough to frame the star,
#: the star over it inside: "ended here, at the minimum" (never set off beside the star, where
#: it would stand at an earlier step). Its legend key is the house square alone, "end".
#: Only the race insets, where several runs end round one minimum, set a square off it, on a
#: leader to its point (gdviz.mpl.end_beside). A run that leaves the plot ends instead in the
#: "left" cross, where it crosses the frame: a mark of its own, never the square.

#: One mapping of data sets to (colour role, mark) in every still and video that shows a split:
#: the samples a model trains on are data dots; a validation set (and the held-out fold of
#: cross-validation) and a test set are held-out diamonds, edged in accent and in test.
DATA_ROLES: dict[str, tuple[str, str]] = {
    "training": ("data", "data"),
    "validation": ("accent", "held-out"),
    "test": ("test", "held-out"),
}

#: The classes of a classification data set, in class order, told apart by colour and by shape
#: at once (a reader sees which points a region holds at a glance, and grey print or any colour
#: vision still has the shape): class 0 the filled data dot in the data blue, class 1 a filled
#: triangle in `negative`'s rust, the pair the palette keeps far apart in every simulated
#: vision (the signs of a weight, a second two-way split). Never the `test` lavender (the test
#: set) nor the accent (the current position and path). Shapes are never those the
#: MARKERS reserve for a role (ring, square, star, diamond).
CLASS_MARKERS: tuple[Marker, ...] = (
    Marker("o", 3.2, "data", "background", 0.3, 3),
    Marker("^", 3.8, "negative", "background", 0.3, 3),
)
#: How far a classifier's region of each class is washed from the page towards its class's
#: colour (the data blue, the rust), by theme: a wash that leaves the points in front, and far
#: from the contrast at which a video encoder's noise makes a tint flicker. On the dark page
#: the light theme's 0.18 (#293546 on #16181D) reads as the page itself; 0.24 (#2F3E53, and the
#: rust's #432816, 1.3:1 and more against the page) is a clear second ground under each class,
#: its marks over 3.3:1 on it, a margin over 3:1 that the encoder's noise does not eat (the blue
#: dots 5.3:1, the rust triangles 3.35:1; at 0.3 the triangles' 3.07:1 read as sinking in).
CLASS_WASH = {"light": 0.18, "dark": 0.24}
#: The roles a class mark takes its colour from, in class order: the data blue and the rust
#: (and the page each is cut out of). tests/test_figures_role_colours.py reads every class
#: mark of the stills back.
CLASS_ROLES = ("data", "negative")
#: Each class colour's kin: the hued roles within KIN_HUE of it in either theme
#: (tests/test_style_colors.py recomputes it). The rust is the accent's hue family (2° apart in
#: the light theme, 22° in the dark one, where the rust triangles read as the cost curve's
#: orange) and the error red's (24° in the light theme). Where a figure draws the classes, a
#: kin role's marks take ink instead (Theme.beside_classes: loss-curve's run, still and
#: video), as a kin role's line does beside an optimizer: the rust says "class 1" only. No
#: rust within the class marks' floors stands off the accent by KIN_HUE in the dark theme
#: (3.3:1 on its own region's wash holds it to J' 58 and over, between the accent's hue and
#: the error red's).
CLASS_KIN: dict[str, tuple[str, ...]] = {
    "data": (),
    "negative": ("accent", "error"),
}

#: Line styles, one meaning each, across the book (docs/STYLE.md, "Line styles"); take them
#: through `Theme.line(kind)`, never as "--" or ":" by hand. A line's colour says whose it is
#: (the error red, the good green, ink, muted), its style what kind of line it is:
#: - solid: what the figure draws (data, a fit, a run, a weight, a level of a function);
#: - "difference" (dashed): a difference between two values, drawn between them: a residual
#:   (from a point to the model, in the error red) or a weight's change Δw;
#: - "reference" (dotted): a level or curve to read the drawing against, not a result of it:
#:   the least cost J*, a chosen setting (the best degree, λ, epoch), a limit or threshold, a
#:   mean, a settled level, the function the data were drawn from, an envelope, a drop line.
#: Something absent (a dropped neuron) or a second case is faded or thinner, never dashed.
LINE_STYLES = {"solid": "-", "difference": "--", "reference": ":"}
#: The dash of "difference" and the dot of "reference", as (on, off) in widths of the line:
#: matplotlib's dashed and dotted patterns (rcParams) and the videos' alike
#: (gdviz.manim_theme.styled draws a reference's dot round, `on` across).
LINE_PATTERNS = {"difference": (3.7, 1.6), "reference": (1.0, 1.65)}
#: The short dash of "difference" for small plots, where a gap spans a few points only
#: (cross-validation's fits): a short dash and space, so that such a gap still shows two dashes.
DIFFERENCE_SHORT_DASH = (0, (1.6, 1.2))

#: Errors (residuals) are drawn one way: a difference (dashed) segment from each point to the
#: model, in the error colour, this wide (points), under the points.
RESIDUAL = {"role": "error", "linewidth": 1.0, "linestyle": LINE_STYLES["difference"],
            "zorder": 3}
#: The residual's dash for small plots (DIFFERENCE_SHORT_DASH).
RESIDUAL_SHORT_DASH = DIFFERENCE_SHORT_DASH

#: Legend placement per family of figures (matplotlib loc / ncols / frame): races and optimizer
#: comparisons in one row under the axes; a line plot's (a cost per step or epoch, a curve
#: against a setting) one row under its axes, centred, never "best" (one place in every line
#: plot); a map's key in one row under the map, below its axis label, so no path or level is
#: hidden (the right of a map is its colour bar's or the next panel's). Every one of them hangs
#: LEGEND_DROP points under its axes' lowest ink (gdviz.mpl.optimizer_legend), none at a
#: fraction of its axes' height.
LEGEND: dict[str, dict] = {
    "race": {"loc": "upper center", "ncols": 7, "frameon": False},
    "curves": {"loc": "upper center", "frameon": False},
    "map": {"loc": "upper center", "ncols": 3, "frameon": False},
}

#: The length of every legend key's line, in font sizes (matplotlib's handlelength), set once
#: in the theme's rcParams: long enough that a solid key reads as a line, never as a dash
#: (1.6 drew a 12-point stroke, a dash beside the dotted keys), and a dotted or dashed one
#: shows several of its dots or dashes.
LEGEND_HANDLE = 2.8

#: The one outer margin of every still, points: the blank between the figure's ink and the
#: page's top and bottom edges (and its sides, where the ink is wider than the figure). Every
#: still is saved as wide as its figure (the text width), its ink centred across it, with this
#: above and below (gdviz.mpl.save, gdviz.mpl.page_box), whatever room its layout leaves; the
#: layout engine's own pads are the same (mpl_rc). 3 pt, the constrained layout's pad most
#: stills already had (a few kept 60 to 125 px of blank at 300 dpi round networks, 3-D boxes
#: and fixed layouts).
PAGE_MARGIN = 3.0
#: A marker-only legend key (no line: a start ring, an end square, a star, a diamond, a dot)
#: is drawn at the right end of its LEGEND_HANDLE-long key, next to its words, its edge this
#: many points from the key's end (gdviz.mpl.HandlerMarkKey); centred it stood a font size
#: and more from them.
MARK_KEY_INSET = 0.5

#: How far (points) every key that hangs under its axes (theme.LEGEND's families) stands under
#: their lowest ink: the tick numbers and the axis label, or the frame where a map has neither
#: under it; from that ink to the top of the key's box (its border pad, 0.4 of a font size,
#: inside it: about 6 pt to the letters). One value in every still: a key anchored at a fraction
#: of its axes' height (-0.17) hung 30 pt under a 4.3 in map's "slope m" and over the labels of
#: a 1.8 in one; a line plot's, anchored 30 pt under its frame, 2 to 3 pt under its label.
LEGEND_DROP = 3.0

#: Axis labels (and colour-bar labels) of the quantities the figures plot: one label per
#: quantity, the same words everywhere (docs/STYLE.md). A word names the quantity, its symbol
#: follows as maths; the label never repeats the scale ("log scale") or the arguments
#: ("J(m, b)"): the ticks and the title say those.
AXIS_LABELS: dict[str, str] = {
    "x": "$x$",
    "y": "$y$",
    "slope": "slope $m$",
    "intercept": "intercept $b$",
    # the line's parameters on the standardised feature z
    "slope on z": "slope $m'$ on $z$",
    "intercept on z": "intercept $b'$ on $z$",
    "weight": "weight $w$",
    "w1": "$w_1$",
    "w2": "$w_2$",
    "w3": "$w_3$",
    # an optimizer's step count t (θ_t after t steps): "iteration" is the same quantity
    "step": "step $t$",
    # one pass over the training set (in a full-batch fit, one gradient step)
    "epoch": "epoch",
    "cost": "cost $J$",
    # the cost J of a fit on its training samples and on held-out ones (never "MSE" or "error")
    "training cost": "training cost $J$",
    "test cost": "test cost $J$",
    "rate": r"learning rate $\alpha$",
    "momentum": r"momentum $\beta$",
    "penalty": r"penalty strength $\lambda$",
}
AXIS_LABELS["iteration"] = AXIS_LABELS["step"]

#: The optimizer races' surfaces (gdcore.surfaces) are costs of two weights, J(w₁, w₂), mapped
#: over the axes AXIS_LABELS["w1"] and ["w2"]; never f(x, y), since f is the model and x, y the
#: data. The saddle's distance from its ridge (the w₁ axis) is |w₂|.
SURFACE_COST = "J(w_1, w_2)"
RIDGE_DISTANCE = "|w_2|"
AXIS_LABELS["ridge distance"] = f"distance from the ridge, ${RIDGE_DISTANCE}$"


def prose(s: str) -> str:
    """Words set as a typographer sets them: an apostrophe within or ending a word is the
    typographic ’ (U+2019), never the typewriter's ' ("Beale's" → "Beale’s"), and a quote
    opens with ‘; $maths$ is left as it is (a prime there is a derivative)."""
    parts = re.split(r"(\$[^$]*\$)", s)
    def words(p: str) -> str:
        p = re.sub(r"(^|(?<=[\s(\[]))'(?=\w)", "‘", p)  # an opening quote: ‘
        return p.replace("'", "’")

    return "".join(p if p.startswith("$") else words(p) for p in parts)


def title(s: str) -> str:
    """A title in the house case: sentence case, no final full stop ("cost by slope" →
    "Cost by slope"); a leading symbol (maths, a digit) is left as it is."""
    s = prose(s.strip().rstrip("."))
    return s[:1].upper() + s[1:] if s[:1].isalpha() else s


#: The faces of every still and every video, set here once: text in CMU Serif (Computer Modern
#: as a Unicode family, Debian's fonts-cmu; matplotlib text and Manim's Pango Text) and maths in
#: Computer Modern (matplotlib's mathtext "cm" fontset; Manim's MathTex is LaTeX's Computer
#: Modern). The two are one design: the digits of "J = 0.5" and of "$J = 0.5$" are the same.
TEXT_FACE = "CMU Serif"
MATH_FONTSET = "cm"
#: PostScript names of the faces a still's PDF may embed (tests/fontcheck.py reads them back):
#: CMU Serif's styles and matplotlib's Computer Modern files (cmr10, cmmi10, cmsy10, cmex10, …).
ALLOWED_FONT_PREFIXES = ("CMUSerif-", "Cm")

#: The one text font of every figure and scene (matplotlib's rcParams, Manim's Text).
FONT = TEXT_FACE

THEME_NAMES = ("light", "dark")
ENV_VAR = "GD_THEME"


@dataclass(frozen=True)
class Theme:
    """A palette plus type sizes. Sizes are in points at the printed size of a figure."""

    name: str
    background: str
    text: str
    muted: str  # secondary text, quiet edges, axes spines
    grid: str
    accent: str  # the current position / path / highlight (the model's line is ink: model)
    data: str  # the data points
    error: str  # residuals, errors, divergence
    good: str  # a good fit, the minimum
    test: str  # the test set: samples held back for the final score
    cost_map: CostMap
    optimizer: dict[str, str]
    #: One colour per learning rate of RATE_NAMES, the colour of its marks only (its name is
    #: set in ink), drawn over the cost map on casings as the optimizer paths are. The good rate
    #: (α = 0.1) is the accent, as the same run is in gd-regression and cost-heatmap; the other
    #: two stand apart from every role, the accent too (MIN_CVD_DISTANCE in every vision), and
    #: from each other, each within OPT_HUE_TOLERANCE of the same run's hue in the other theme
    #: (scripts/optimizer_palette.py --runs searched them).
    rates: tuple[str, str, str]
    #: One colour per run of BATCH_NAMES, its marks' only, cased over the cost map. The full
    #: batch is the accent: it is plain gradient descent, the run gd-regression and
    #: cost-heatmap draw in the accent. The sampled two stand apart from every role (the accent
    #: too) and each other, MIN_CVD_DISTANCE in every vision, under the same floors as the
    #: rates (not from the rates, with which they never share a figure), each within
    #: OPT_HUE_TOLERANCE of the same run's hue in the other theme and RUN_OPT_HUE of hue from
    #: every optimizer colour of its theme (scripts/optimizer_palette.py): a green and a blue,
    #: two of the gaps the optimizer and role hues leave.
    batches: tuple[str, str, str]
    #: The sign w < 0 of a weight (backprop-loop, still and video; w ≥ 0 takes the data blue,
    #: see signs): a rust of its own, never the accent's: MIN_OPT_DISTANCE from the accent in
    #: normal vision, MIN_CVD_DISTANCE from every mark role and far apart from the data blue in
    #: every simulated vision (network_layout.sign_color draws them).
    negative: str
    font_family: str = FONT
    font_size: float = 8.5
    small_size: float = 7.5
    title_size: float = 9.5
    #: Full text width of the book page in inches (figures default to it), and its height cap.
    text_width: float = 6.3
    max_height: float = 8.0
    dpi: float = 300

    def opt(self, name: str) -> str:
        """The colour of optimizer `name`."""
        return self.optimizer[name]

    @property
    def surface_cmap(self) -> str:
        """The colormap of contour fills and 3-D surfaces: the cost map's."""
        return self.cost_map.cmap

    @property
    def heat_cmap(self) -> str:
        """The colormap of heat maps: the cost map's too (one treatment of every cost)."""
        return self.cost_map.cmap

    @property
    def table_cmap(self):
        """The colormap of a table of cells on the page (a grid search's costs): the cost
        map's, from its valley up to TABLE_TOP of the way to its rim, so that no cell comes
        within TABLE_PAGE_DISTANCE of the page and the worst reads as the worst, not as a gap;
        lifted towards its level lines' colour at the valley (TABLE_LIFT), so the cells differ
        in lightness as well as hue."""
        import matplotlib
        import numpy as np
        from matplotlib.colors import ListedColormap

        top, lift = TABLE_TOP[self.name], TABLE_LIFT[self.name]
        cmap = matplotlib.colormaps[self.cost_map.cmap]
        lines = matplotlib.colormaps[self.cost_map.line_cmap]
        s = np.linspace(0.0, top, 256)
        share = (lift * (1.0 - s / top))[:, None]  # towards the level lines' colour (TABLE_LIFT)
        rgb = (1.0 - share) * cmap(s)[:, :3] + share * lines(s)[:, :3]
        return ListedColormap(rgb, name=f"{cmap.name}-table")

    @property
    def model(self) -> str:
        """The colour of the model's curve (MODEL_ROLE)."""
        return self.role(MODEL_ROLE)

    @property
    def least_cost(self) -> str:
        """The colour of the least cost J*'s level line (LEAST_COST_ROLE)."""
        return self.role(LEAST_COST_ROLE)

    def rate(self, name: str) -> str:
        """The colour of the learning rate called `name` (a RATE_NAMES entry)."""
        return self.rates[RATE_NAMES.index(name)]

    def batch(self, name: str) -> str:
        """The colour of the run called `name` (a BATCH_NAMES entry)."""
        return self.batches[BATCH_NAMES.index(name)]

    def role(self, name: str) -> str:
        """The colour of a role by name ("none" stays "none"), as MARKERS and RESIDUAL name them."""
        return "none" if name == "none" else getattr(self, name)

    def marker(self, kind: str) -> dict:
        """matplotlib keyword arguments (plot()) of the house mark `kind` (a MARKERS key)."""
        return self._mark(MARKERS[kind])

    def end(self, color: str | None = None, **kw) -> dict:
        """matplotlib keyword arguments of a run's end mark: the hollow "end" square outlined
        in the run's colour `color` (accent by default); kw beside it (zorder, gid ...)."""
        return {**self.marker("end"), "markeredgecolor": color or self.accent, **kw}

    def mark_color(self, kind: str) -> str:
        """The fill of the house mark `kind`, for a scene that draws the mark itself (a Manim
        star)."""
        return self.role(MARKERS[kind].face)

    def held_out(self, role: str) -> dict:
        """The held-out mark (hollow diamond) edged in the colour of its set's role: `accent`
        for a validation set (and cross-validation's held-out fold), `test` for a test set
        (DATA_ROLES)."""
        return {**self.marker("held-out"), "markeredgecolor": self.role(role)}

    def class_marker(self, k: int) -> dict:
        """matplotlib keyword arguments (plot()) of the mark of class k (CLASS_MARKERS)."""
        return self._mark(CLASS_MARKERS[k])

    @property
    def signs(self) -> tuple[str, str]:
        """The colours of a weight's sign, w ≥ 0 and w < 0: the data blue and `negative`."""
        return self.data, self.negative

    @property
    def region_wash(self) -> float:
        """How far a class's region is washed from the page towards its colour where the
        regions are drawn as pixels (CLASS_WASH: the loss-curve video)."""
        return CLASS_WASH[self.name]

    def beside_classes(self, role: str) -> str:
        """The colour of `role`'s marks in a figure that draws the classes (CLASS_ROLES): the
        role's own, or ink where it is a class colour's kin (CLASS_KIN: the accent beside the
        rust), so that one hue family says one thing in the figure."""
        kin = {r for roles in CLASS_KIN.values() for r in roles}
        return self.text if role in kin else self.role(role)

    def class_region(self, k: int) -> str:
        """The colour of the region a classifier gives class k: its mark's fill (class 0's a
        wash of the data blue, class 1's of the rust; the boundary between them in ink)."""
        return self.role(CLASS_MARKERS[k].face)

    def _mark(self, m: Marker) -> dict:
        return {"marker": m.marker, "markersize": m.size, "markerfacecolor": self.role(m.face),
                "markeredgecolor": self.role(m.edge), "markeredgewidth": m.edge_width,
                "linestyle": "none", "zorder": m.zorder}

    def line(self, kind: str, **kw) -> dict:
        """matplotlib keyword arguments of a line of one meaning (LINE_STYLES): its linestyle,
        and `kw` (color, linewidth, zorder, gid ...) beside it:
        ax.axhline(j_star, **theme.line("reference", color=theme.least_cost, linewidth=0.9))."""
        if kind not in LINE_STYLES:
            raise ValueError(f"no line style {kind!r}: one of {sorted(LINE_STYLES)}")
        return {"linestyle": LINE_STYLES[kind], **kw}

    def faded(self, color: str | None = None):
        """`color` (default muted) tinted towards the page to FADED_CONTRAST (4:1) against
        it, as RGB in [0, 1]: something absent, drawn thin in it (a dropped neuron, in the
        dropout still and video alike)."""
        from gdviz.colors import mix

        color = color or self.muted
        return mix(self.background, color, contrast_mix(self.background, color, FADED_CONTRAST))

    def residual(self, short: bool = False) -> dict:
        """matplotlib keyword arguments of a residual segment (vlines / plot); short=True: the
        short dash of small plots (RESIDUAL_SHORT_DASH)."""
        r = RESIDUAL
        return {"color": self.role(r["role"]), "linewidth": r["linewidth"],
                "linestyle": RESIDUAL_SHORT_DASH if short else r["linestyle"],
                "zorder": r["zorder"]}


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    muted="#6B6B6B",
    grid="#E4E4E4",
    accent="#A84300",
    data="#1F4E9E",
    error="#C8102E",
    good="#13722F",
    test="#7869C3",
    cost_map=LIGHT_COST_MAP,
    optimizer=LIGHT_OPTIMIZER_COLORS,
    rates=("#0F96F0", "#A84300", "#FF0078"),
    batches=("#A84300", "#00A569", "#0096FF"),
    negative="#5A1E00",
)

DARK = Theme(
    name="dark",
    background="#16181D",
    text="#EDEDED",
    muted="#A0A4AB",
    grid="#33373F",
    accent="#FFB347",
    data="#7FB8FF",
    error="#FF5A5F",
    good="#5FD38D",
    test="#8778C3",
    cost_map=DARK_COST_MAP,
    optimizer=DARK_OPTIMIZER_COLORS,
    rates=("#0096FA", "#FFB347", "#F0739B"),
    batches=("#FFB347", "#64A073", "#5AA5CD"),
    negative="#D25A00",
)

THEMES = {"light": LIGHT, "dark": DARK}


def get(name: str | None = None) -> Theme:
    """The theme called `name`; by default the one GD_THEME names, else light."""
    name = name or os.environ.get(ENV_VAR, "light")
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEME_NAMES)}, got {name!r}")
    return THEMES[name]


def mpl_rc(theme: Theme) -> dict:
    """The matplotlib rcParams of a theme (mathtext in Computer Modern, no usetex)."""
    from cycler import cycler

    t = theme
    return {
        "figure.facecolor": t.background,
        "figure.edgecolor": t.background,
        "savefig.facecolor": t.background,
        "savefig.edgecolor": t.background,
        "axes.facecolor": t.background,
        "axes.edgecolor": t.muted,
        "axes.labelcolor": t.text,
        "axes.titlecolor": t.text,
        "axes.grid": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": t.title_size,
        "axes.labelsize": t.font_size,
        "axes.linewidth": 0.7,
        "axes.prop_cycle": cycler(color=list(t.optimizer.values())),
        "grid.color": t.grid,
        "grid.linewidth": 0.6,
        "text.color": t.text,
        "xtick.color": t.muted,
        "ytick.color": t.muted,
        "xtick.labelcolor": t.text,
        "ytick.labelcolor": t.text,
        "xtick.labelsize": t.small_size,
        "ytick.labelsize": t.small_size,
        "legend.fontsize": t.small_size,
        "legend.frameon": True,
        "legend.framealpha": 0.9,
        "legend.facecolor": t.background,
        "legend.edgecolor": t.grid,
        "legend.handlelength": LEGEND_HANDLE,
        "font.family": "serif",
        "font.serif": [t.font_family],
        "font.size": t.font_size,
        "mathtext.fontset": MATH_FONTSET,
        "axes.unicode_minus": True,
        "text.usetex": False,
        "lines.linewidth": 1.4,
        # the dash and the dot of LINE_STYLES, and no other dash: a contour's negative levels
        # are solid like the rest (a dash is a difference, never "below zero")
        "lines.dashed_pattern": LINE_PATTERNS["difference"],
        "lines.dotted_pattern": LINE_PATTERNS["reference"],
        "contour.negative_linestyle": "solid",
        "lines.markersize": 4.5,
        "figure.dpi": 100,
        "savefig.dpi": t.dpi,
        "svg.fonttype": "path",
        # an SVG's ids hashed from its content with a fixed salt, not a random one: the same
        # still makes the same file, run after run
        "svg.hashsalt": "gd",
        "pdf.fonttype": 42,
        "image.cmap": t.surface_cmap,
        "figure.constrained_layout.use": True,
        "figure.constrained_layout.w_pad": PAGE_MARGIN / 72,
        "figure.constrained_layout.h_pad": PAGE_MARGIN / 72,
        "savefig.pad_inches": PAGE_MARGIN / 72,
    }


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of a colour ('#RRGGBB' or any matplotlib colour)."""
    from matplotlib.colors import to_rgb

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_mix(background: str, color: str, ratio: float = LINE_CONTRAST) -> float:
    """The smallest fraction t with mix(background, color, t) at `ratio` contrast against the
    background (WCAG 2.1): the floor of a tint that still reads as a mark. 1 if even the full
    colour falls short."""
    from gdviz.colors import mix

    def against(t: float) -> float:
        return contrast(tuple(mix(background, color, t)), background)

    lo, hi = 0.0, 1.0
    if against(1.0) < ratio:
        return 1.0
    for _ in range(40):  # bisection: contrast grows with t along the mix
        mid = 0.5 * (lo + hi)
        if against(mid) >= ratio:
            hi = mid
        else:
            lo = mid
    return hi
