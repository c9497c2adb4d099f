"""Matplotlib side of the theme: themed figures, shared drawing pieces and the figure contract.

A figure module (figures/<name>.py) has a docstring (title line, caption, then "Alt: …"), an
optional `facts()` returning the gdcore numbers its caption names, and `make_figure(theme)`
returning a matplotlib Figure. `build(module, theme)` is how render.py and the tests call it.
"""

from __future__ import annotations

import importlib
import string
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.patheffects  # noqa: E402
import matplotlib.transforms  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.legend_handler import HandlerLine2D, HandlerPathCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from . import numbers  # noqa: E402
from . import theme as _theme  # noqa: E402
from .theme import Theme  # noqa: E402


def _use_house_faces() -> None:
    """Make matplotlib find the text face and set every maths glyph from Computer Modern.

    - A font cache built before fonts-cmu was installed does not list CMU Serif: rebuild it once.
    - CMU Serif's regular styles declare weight 500, so matplotlib would warn on every "normal"
      lookup: they are listed as the normal weight they are.
    - matplotlib's Computer Modern table lacks \\partial, which cmmi10 holds at 0x40: without the
      entry ∂ would be taken from STIX.
    """
    import dataclasses

    from matplotlib import _mathtext_data, font_manager

    face = _theme.TEXT_FACE
    if not any(e.name == face for e in font_manager.fontManager.ttflist):
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
    fm = font_manager.fontManager
    if not any(e.name == face for e in fm.ttflist):
        raise SystemExit(f"the font {face} is not installed: apt-get install fonts-cmu "
                         "(scripts/bootstrap.sh installs it)")
    fm.ttflist = [dataclasses.replace(e, weight=400) if e.name == face and e.weight == 500 else e
                  for e in fm.ttflist]
    fm._findfont_cached.cache_clear()
    _mathtext_data.latex_to_bakoma.setdefault("\\partial", ("cmmi10", 0x40))


_use_house_faces()


#: The rcParams a formula's parse reads besides its arguments (the faces of mathtext's sets).
_MATHTEXT_RC = tuple(sorted(k for k in matplotlib.rcParams if k.startswith("mathtext.")))


def _share_mathtext_parses() -> None:
    """One cache of parsed formulas for the process, where matplotlib keeps one per renderer.

    matplotlib caches a parse (MathTextParser._parse_cached) per parser, and every drawing makes
    new renderers with new parsers, so each drawing of a still (its layout, the crop's render,
    each saved format) parses every formula again: a fifth of a still's drawing time. The shared
    cache keys a parse as matplotlib does (output kind, formula, dpi, font, antialiasing, glyph
    flags) and by the mathtext rcParams the parse reads, so a changed setting parses anew.
    """
    import functools

    from matplotlib import mathtext

    cls = mathtext.MathTextParser
    if getattr(cls._parse_cached, "one_per_process", False):
        return
    parse = cls._parse_cached.__wrapped__
    one_of = {}  # a parser per output kind: the parse reads only its kind

    @functools.lru_cache(4096)
    def cached(kind, s, dpi, prop, antialiased, flags, rc):
        return parse(one_of[kind], s, dpi, prop, antialiased, flags)

    def shared(self, s, dpi, prop, antialiased, load_glyph_flags):
        one_of.setdefault(self._output_type, self)
        rc = tuple(matplotlib.rcParams[k] for k in _MATHTEXT_RC)
        return cached(self._output_type, s, dpi, prop, antialiased, load_glyph_flags, rc)

    shared.one_per_process, shared.cache_info = True, cached.cache_info
    cls._parse_cached = shared


_share_mathtext_parses()


@contextmanager
def themed(theme: Theme):
    """Apply the theme's rcParams while a figure is made and saved."""
    with matplotlib.rc_context(_theme.mpl_rc(theme)):
        yield


def new_figure(theme: Theme, height: float, width: float = 1.0) -> Figure:
    """A Figure `width` text widths wide and `height` inches tall (no pyplot state)."""
    fig = Figure(figsize=(theme.text_width * width, min(height, theme.max_height)))
    FigureCanvasAgg(fig)
    return fig


def subplots(theme: Theme, nrows=1, ncols=1, height=2.4, width=1.0, **kw):
    """A themed Figure and its grid of axes (like pyplot.subplots, without global state)."""
    fig = new_figure(theme, height, width)
    axes = fig.subplots(nrows, ncols, squeeze=kw.pop("squeeze", True), **kw)
    return fig, axes


@dataclass(frozen=True)
class Doc:
    """A figure's words, read from its module docstring: title, caption and alt text."""

    title: str
    caption: str
    alt: str


class _PeopleFormatter(string.Formatter):
    """str.format whose numbers are written for people (gdviz.numbers.formatted)."""

    def format_field(self, value, format_spec):
        return numbers.formatted(value, format_spec)


_PEOPLE = _PeopleFormatter()


def parse_doc(docstring: str | None, facts: dict | None = None) -> Doc:
    """Split a docstring into title (first line), caption and 'Alt:' text; fill {facts}."""
    text = (docstring or "").strip()
    head, _, rest = text.partition("\n")
    caption, _, alt = rest.partition("\nAlt:")
    facts = facts or {}

    def clean(s: str) -> str:
        return _theme.prose(_PEOPLE.vformat(" ".join(s.split()), (), facts))

    return Doc(clean(head).rstrip("."), clean(caption), clean(alt))


def load(module_name: str):
    """Import a figure module by dotted name (e.g. 'figures.candidate_lines')."""
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module(module_name)


def doc_of(module) -> Doc:
    """The Doc of a figure module, its numbers filled from the module's facts()."""
    facts = module.facts() if hasattr(module, "facts") else {}
    return parse_doc(module.__doc__, facts)


def build(module, theme: Theme) -> Figure:
    """Call module.make_figure(theme) under the theme's style, its ticks in the house form
    (house_ticks)."""
    with themed(theme):
        return house_ticks(module.make_figure(theme))


def tick_formatter():
    """The house's one tick formatter of a linear axis: each number in its shortest form
    (numbers.tick: 0, 0.5, 1), never a column padded to one count of decimals (0.0, 0.5,
    1.0) as matplotlib's ScalarFormatter writes it."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: numbers.tick(v))


def all_axes(fig: Figure) -> list:
    """Every axes of `fig`: its own and the insets they hold (ax.inset_axes, which
    fig.get_axes() leaves out), at any depth."""
    out, todo = [], list(fig.get_axes())
    while todo:
        ax = todo.pop(0)
        out.append(ax)
        todo += ax.child_axes
    return out


def house_ticks(fig: Figure) -> Figure:
    """Give every axis of `fig` (3-D axes' z too, and an inset's: all_axes) still left to
    matplotlib's default number formatter the house's (tick_formatter); an axis a figure
    formats itself (counts, powers, fixed labels) keeps its own. build() calls it on every
    still."""
    from matplotlib.ticker import ScalarFormatter

    for ax in all_axes(fig):
        for axis in (getattr(ax, n) for n in ("xaxis", "yaxis", "zaxis") if hasattr(ax, n)):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(tick_formatter())
    return fig


#: The resolution at which a still's ink is found for its crop (page_box): a pixel is 0.36 pt,
#: so the margin of the saved still is theme.PAGE_MARGIN within half a point (at 100 dpi a
#: hairline snapped to the coarse pixels left a side a point short).
INK_DPI = 200
#: How far (inches) round the figure its ink is looked for: a label set past the figure's edge
#: is kept, never cut.
INK_SPILL = 0.5
#: A pixel is ink where one of its channels differs from the page's by more than this (0–255).
INK_TOLERANCE = 3


def _wide_render(fig: Figure, theme: Theme, dpi: float):
    """The figure drawn at `dpi` over its page and INK_SPILL inches round it: (RGBA array, the
    inches (x0, y1) of its top-left corner)."""
    import io

    from matplotlib.transforms import Bbox

    freeze_layout(fig, theme)  # first: a pinned legend gets no room of the layout
    _pin_figure_legends(fig)
    w, h = fig.get_size_inches()
    # a whole number of pixels each way, so that a pixel's row and column are its inches
    cols, rows = (int(np.ceil((v + 2 * INK_SPILL) * dpi)) for v in (w, h))
    box = Bbox.from_bounds(-INK_SPILL, -INK_SPILL, cols / dpi, rows / dpi)
    buf = io.BytesIO()
    with themed(theme):
        fig.savefig(buf, format="rgba", dpi=dpi, bbox_inches=box)
    rgba = np.frombuffer(buf.getvalue(), np.uint8).reshape(rows, cols, 4)
    return rgba, (box.x0, box.y1)


def _pin_figure_legends(fig: Figure) -> None:
    """Anchor each figure legend placed on the figure's box to the figure as laid out (its unit
    square in figure coordinates), not to the box being saved: a crop (savefig's bbox_inches)
    otherwise moves a legend under the panels to the crop's edge. Only once the layout is
    fixed (freeze_layout): constrained layout makes room for an "outside" legend only while
    it has no anchor of its own."""
    from matplotlib.transforms import Bbox

    for leg in fig.legends:
        if leg.get_bbox_to_anchor() is fig.bbox:
            leg.set_bbox_to_anchor(Bbox.unit(), transform=fig.transFigure)


def ink_box(rgba, background: str) -> tuple[int, int, int, int]:
    """The pixel box (left, top, right, bottom; right and bottom exclusive) of an image's ink:
    every pixel not of the page colour `background`."""
    from matplotlib.colors import to_rgb

    page = np.round(np.array(to_rgb(background)) * 255)
    ink = np.abs(np.asarray(rgba)[..., :3].astype(float) - page).max(axis=-1) > INK_TOLERANCE
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return 0, 0, ink.shape[1], ink.shape[0]
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _page(fig: Figure, theme: Theme, dpi: float):
    """The still drawn at `dpi` (_wide_render), its ink box and its page, both in pixels of that
    drawing (left, top, right, bottom; right and bottom exclusive): the page as wide as the
    figure (the book's text width), the ink centred across it, theme.PAGE_MARGIN above and
    below; where the ink is wider than the figure, PAGE_MARGIN at its sides too.
    Returns (RGBA array, its top-left corner in inches, ink box, page box)."""
    rgba, corner = _wide_render(fig, theme, dpi)
    ink = left, top, right, bottom = ink_box(rgba, theme.background)
    pad = int(round(_theme.PAGE_MARGIN / 72 * dpi))
    width = max(right - left + 2 * pad, int(round(fig.get_figwidth() * dpi)))
    first = (left + right - width) // 2
    return rgba, corner, ink, (first, top - pad, first + width, bottom + pad)


def page_box(fig: Figure, theme: Theme, dpi: float = INK_DPI):
    """The still's page (_page) as a Bbox in inches: savefig's bbox_inches (save)."""
    from matplotlib.transforms import Bbox

    _, (x0, y1), _, (left, top, right, bottom) = _page(fig, theme, dpi)
    return Bbox.from_extents(x0 + left / dpi, y1 - bottom / dpi, x0 + right / dpi, y1 - top / dpi)


def page_png(fig: Figure, theme: Theme, dpi: float) -> bytes:
    """The still as a PNG at `dpi`, on its page (_page) as `save` lays it, from one drawing (the
    low-resolution baselines: tests/figure_baselines.py)."""
    import io

    from PIL import Image

    rgba, _, (left, top, right, bottom), (first, head, last, foot) = _page(fig, theme, dpi)
    page = np.empty((foot - head, last - first, 4), np.uint8)
    page[...] = rgba[0, 0]  # the page colour (the render's corner lies outside the figure)
    page[top - head:bottom - head, left - first:right - first] = rgba[top:bottom, left:right]
    out = io.BytesIO()
    Image.fromarray(page).save(out, format="png")
    return out.getvalue()


def freeze_layout(fig: Figure, theme: Theme) -> None:
    """Lay the figure out once, at its own resolution, and keep that layout: the drawing that
    finds its ink (page_box) and every file saved from it then show the same places."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    if fig.get_layout_engine() is None or isinstance(fig.get_layout_engine(),
                                                     PlaceHolderLayoutEngine):
        return
    with themed(theme):
        fig.draw_without_rendering()
    fig.set_layout_engine("none")


def save(fig: Figure, theme: Theme, path: Path | str, **kw) -> None:
    """Save under the theme's style (SVG/PDF vector with rasterised fills, PNG at theme.dpi),
    on the still's page (page_box: the figure's width, the ink centred across it, PAGE_MARGIN
    above and below)."""
    freeze_layout(fig, theme)
    if "bbox_inches" not in kw:
        kw["bbox_inches"] = page_box(fig, theme)
    _pin_figure_legends(fig)
    with themed(theme):
        fig.savefig(path, dpi=theme.dpi, **kw)


def text_overlaps(fig: Figure, pad: float = 0.0) -> list[tuple[str, str]]:
    """Pairs of visible, non-empty texts of the figure whose drawn boxes overlap (a tick's label
    only where the tick is drawn: inside its axis's view)."""
    renderer = fig.canvas.get_renderer()
    undrawn = set()  # found before the drawing, which places every drawn label (3-D too)
    for ax in fig.findobj(matplotlib.axes.Axes):
        for axis in ax._axis_map.values():
            drawn = set(axis._update_ticks())
            undrawn.update(label for tick in (*axis.majorTicks, *axis.minorTicks)
                           if tick not in drawn for label in (tick.label1, tick.label2))
    fig.draw_without_rendering()
    boxes = []
    for t in fig.findobj(matplotlib.text.Text):
        if not t.get_visible() or not t.get_text().strip() or t.axes is None and t.figure is None:
            continue
        if t in undrawn:
            continue
        if t.get_alpha() == 0:
            continue
        bb = t.get_window_extent(renderer)
        if bb.width <= 0 or bb.height <= 0:
            continue
        boxes.append((t.get_text(), bb.expanded(1 + pad, 1 + pad)))
    out = []
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if boxes[i][1].overlaps(boxes[j][1]):
                out.append((boxes[i][0], boxes[j][0]))
    return out


def axes3d_tick_gap(ax3) -> float:
    """The least distance (points) between the tick numbers of two different axes of a 3-D
    axes, as drawn: where two axes meet, their end numbers must not read as one ("1.0 0.0")."""
    import itertools

    fig = ax3.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(k, tick.label1.get_window_extent(renderer))
             for k, axis in enumerate((ax3.xaxis, ax3.yaxis, ax3.zaxis))
             for tick in axis.majorTicks
             if tick.get_visible() and tick.label1.get_visible() and tick.label1.get_text()]
    gaps = [np.hypot(max(a.x0 - b.x1, b.x0 - a.x1, 0), max(a.y0 - b.y1, b.y0 - a.y1, 0))
            for (i, a), (j, b) in itertools.combinations(boxes, 2) if i != j]
    return float(min(gaps)) * 72 / fig.dpi


def main(file: str) -> None:
    """Run a figure script by itself: writes <name>-<theme>.png beside the working directory."""
    import argparse

    name = Path(file).stem
    ap = argparse.ArgumentParser(description=f"Draw the figure {name}.")
    ap.add_argument("--theme", choices=_theme.THEME_NAMES, default="light")
    ap.add_argument("-o", "--output", default=None, help="output file (.png, .svg or .pdf)")
    args = ap.parse_args()
    th = _theme.get(args.theme)
    module = load(f"figures.{name}")
    out = args.output or f"{name}-{th.name}.png"
    save(build(module, th), th, out)
    print(out)


# ---------------------------------------------------------------- shared drawing pieces


def style_axes(ax, theme: Theme, grid: bool = True) -> None:
    """Quiet axes: light grid behind the data, muted spines."""
    if grid:
        ax.grid(True, color=theme.grid, linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)


def scatter_points(ax, theme: Theme, x, y, **kw):
    """The data points, in the data colour, drawn above lines."""
    kw.setdefault("s", 22)
    kw.setdefault("zorder", 4)
    kw.setdefault("edgecolors", theme.background)
    kw.setdefault("linewidths", 0.6)
    return ax.scatter(x, y, color=theme.data, **kw)


def contour_map(ax, theme: Theme, X, Y, Z, levels=None, log=None, filled=True, cmap=None,
                span=None):
    """Contours of Z in the theme's cost-map treatment (theme.cost_map): its levels by
    views.contour_levels (log-spaced by default), fills at full strength (rasterised in vector
    output) and a level line per level in the map's line colours. span = (least, largest)
    cost: levels over that range instead of Z's own (a zoom into a map keeps its colours); the
    fills then run on past the span's ends in the map's end colours, so a zoom that reaches
    below the map's least cost (the innermost ring round a minimum) is filled, never blank.
    A filled map is framed on all four sides in the spines' colour. The map's colouring (its
    span and scale) is kept on ax for a zoom of it (inset_map)."""
    from .views import contour_levels

    cm = theme.cost_map
    levels = cm.levels if levels is None else levels
    log = cm.log if log is None else log
    lv = contour_levels(Z if span is None else [list(span)], levels, log)
    zmin, zmax = float(lv[0]), float(lv[-1])
    keep_colouring(ax, zmin, zmax, log)
    norm = (matplotlib.colors.LogNorm if log else matplotlib.colors.Normalize)(zmin, zmax)
    cs = None
    if filled:
        cs = ax.contourf(X, Y, Z, levels=lv, cmap=cmap or cm.cmap, norm=norm,
                         extend="neither" if span is None else "both")
        cs.set_rasterized(True)
        frame_map(ax)
    ax.contour(X, Y, Z, levels=lv, cmap=cm.line_cmap if filled else None,
               colors=None if filled else theme.muted, linewidths=cm.line_width, norm=norm)
    return cs


def keep_colouring(ax, least: float, largest: float, log: bool = True) -> None:
    """Note on ax (a flat map, a 3-D surface) the costs its colours run over, least to
    largest, and their scale: what a zoom of it takes (inset_map)."""
    ax._gd_colouring = (float(least), float(largest), bool(log))


def colouring(ax) -> tuple[float, float, bool]:
    """The (least, largest, log) cost a map or surface on ax was coloured over
    (keep_colouring: contour_map and cost_surface.lit_surface note it)."""
    if not hasattr(ax, "_gd_colouring"):
        raise ValueError("no cost map drawn on this axes")
    return ax._gd_colouring


def inset_map(ax, parent, theme: Theme, X, Y, Z, levels=None):
    """The map of a zoom (an inset, an enlarged window) of the map or surface on `parent`:
    contour_map coloured over the parent's costs and scale (colouring), never the zoom's own
    range, so one colour is one J in both (a zoom once ran purple to yellow over costs from
    0.009 to 0.3, a purple to green span of its parent). `levels`: how many levels over
    that span (more than the parent's keeps a few level lines inside a small zoom; their
    colours stay the parent's). Returns the fills (contour_map)."""
    least, largest, log = colouring(parent)
    return contour_map(ax, theme, X, Y, Z, levels=levels, log=log, span=(least, largest))


#: A zoom's frame and its window on the parent: one stroke in ink, the same on both, so the
#: window and its enlargement read as one shape drawn twice (points).
ZOOM_FRAME = 0.8
#: The two leaders from the window to its enlargement: thinner than the frames they join.
ZOOM_LEADER = 0.5
#: The corners (axes fractions) of each side of a box: a side's two ends, in one order.
_SIDES = {"left": ((0, 0), (0, 1)), "right": ((1, 0), (1, 1)),
          "bottom": ((0, 0), (1, 0)), "top": ((0, 1), (1, 1))}
_FACING = {"right": "left", "left": "right", "top": "bottom", "bottom": "top"}


def _figure_box(ax):
    """Where ax will stand on its figure (figure fraction): an inset's own place
    (ax.inset_axes lays it out only when drawn), else its position."""
    locate = ax.get_axes_locator()
    box = locate(ax, None) if locate is not None else ax.get_position()
    return box.x0, box.y0, box.x1, box.y1


def zoom_leaders(window, parent, zoom) -> list[tuple[tuple, tuple]]:
    """The two leaders' ends by the one rule: the window's side that faces the zoom to the
    zoom's side that faces the window, end to end (the zoom beside the window: its right
    corners to the zoom's left ones; above it: its top corners to the zoom's bottom ones).
    Each a (corner of the window, corner of the zoom), both as axes fractions of their box."""
    (x0, x1), (y0, y1) = window
    to_fig = parent.transData + parent.figure.transFigure.inverted()
    (wx0, wy0), (wx1, wy1) = to_fig.transform([(x0, y0), (x1, y1)])
    zx0, zy0, zx1, zy1 = _figure_box(zoom)
    fw, fh = parent.figure.get_size_inches()
    gaps = {"right": (zx0 - wx1) * fw, "left": (wx0 - zx1) * fw,
            "top": (zy0 - wy1) * fh, "bottom": (wy0 - zy1) * fh}
    side = max(gaps, key=gaps.get)
    if gaps[side] <= 0:
        raise ValueError("the zoom lies over its window: name its leaders' corners")
    return list(zip(_SIDES[side], _SIDES[_FACING[side]]))


def zoom_inset(zoom, parent, theme: Theme, window=None, corners=None, zorder: float = 4.99):
    """The one drawing of a zoom (an inset, an enlarged window) of a part of `parent`: the
    zoom framed on all four sides in ink, ZOOM_FRAME wide; the window it enlarges drawn on
    the parent as a rectangle of the same stroke (gid "zoom-window"); and two leaders in ink,
    ZOOM_LEADER wide, from the window's corners to the zoom's (gids "zoom-leader-1", "-2"),
    by zoom_leaders' rule unless `corners` names them (two (window corner, zoom corner)
    pairs in axes fractions: where the rule's line would cross a mark). `window`: ((x0, x1),
    (y0, y1)) in the parent's data, by default the zoom's own limits. Call once both are
    placed (an inset of ax.inset_axes, or axes laid out). Returns the window's rectangle."""
    from matplotlib.patches import ConnectionPatch, Rectangle

    if window is None:
        window = (zoom.get_xlim(), zoom.get_ylim())
    (x0, x1), (y0, y1) = window
    zoom_frame(zoom, parent, theme)
    box = parent.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False,
                                     edgecolor=theme.text, linewidth=ZOOM_FRAME,
                                     zorder=zorder, clip_on=False, gid="zoom-window"))
    pairs = zoom_leaders(window, parent, zoom) if corners is None else corners
    for k, ((fx, fy), corner) in enumerate(pairs):
        at = (x0 + fx * (x1 - x0), y0 + fy * (y1 - y0))
        parent.figure.add_artist(ConnectionPatch(at, corner, coordsA=parent.transData,
                                                 coordsB=zoom.transAxes, color=theme.text,
                                                 linewidth=ZOOM_LEADER, zorder=zorder,
                                                 gid=f"zoom-leader-{k + 1}"))
    return box


def zoom_frame(zoom, parent, theme: Theme) -> None:
    """Frame a zoom of parent as every zoom is framed: all four sides in ink, ZOOM_FRAME wide
    (zoom_inset; a zoom of a 3-D surface outlines its window on the surface in the same
    stroke itself)."""
    for spine in zoom.spines.values():
        spine.set(visible=True, color=theme.text, linewidth=ZOOM_FRAME)
    zoom._gd_zoom = parent


def zooms(fig) -> list:
    """Every zoom drawn on fig by zoom_inset, as (zoom axes, parent axes)."""
    found = [a for a in fig.axes if hasattr(a, "_gd_zoom")]
    found += [c for a in fig.axes for c in a.child_axes if hasattr(c, "_gd_zoom")]
    return [(z, z._gd_zoom) for z in found]


#: The shape of every flat map of J(m, b) on the page, its frame's height over its width: one
#: shape wherever it is drawn, so its valley leans at one angle in every figure (it was drawn
#: 2.06, 1.28, 1.0 and 0.8 times as wide as tall, and the valley turned with it). Square, as
#: the 3-D surfaces' boxes are in m and b.
MAP_ASPECT = 1.0


def map_box(ax) -> None:
    """Give a flat map of J(m, b) (or a panel laid out beside one, as tall) the house shape:
    its frame MAP_ASPECT times as tall as wide, whatever room its grid cell leaves."""
    ax.set_box_aspect(MAP_ASPECT)


def map_ticks(ax) -> None:
    """The window and ticks of a flat map of J(m, b): views.M_RANGE by views.B_RANGE, ticked on
    both axes every views.MAP_TICK_STEP from end to end (both ends labelled), in the house
    shape (map_box): one rule for every such map."""
    from matplotlib.ticker import FixedLocator

    from . import views

    map_box(ax)
    for axis, (lo, hi), lim in ((ax.xaxis, views.M_RANGE, ax.set_xlim),
                                (ax.yaxis, views.B_RANGE, ax.set_ylim)):
        lim(lo, hi)
        axis.set_major_locator(FixedLocator(views.map_ticks(lo, hi)))


def cost_bar_tick(v, _pos=None) -> str:
    """A tick of a cost map's colour bar (log J), one form on every map's bar: a power of ten
    as a power (10², 10⁻²), a multiple of one as its mantissa times the power (5 × 10⁻²):
    never decimals on one map's bar beside powers on the next. A table's bar, whose cells
    write the same costs in decimals, takes table_bar_ticks instead."""
    e = int(np.floor(np.log10(v) + 1e-9))
    mant = round(v / 10.0 ** e, 6)
    power = f"10^{{{e}}}"
    if mant == 1:
        return f"${power}$"
    return f"${mant:g} \\times {power}$"


def cost_bar_ticks(cb) -> None:
    """Write a cost map's colour bar's ticks in the one form (cost_bar_tick)."""
    from matplotlib.ticker import FuncFormatter

    cb.ax.yaxis.set_major_formatter(FuncFormatter(cost_bar_tick))


def table_bar_ticks(cb) -> None:
    """Write the ticks of a table's colour bar (lr-grid-search) as its cells write the costs,
    in decimals, each in its shortest form (numbers.tick: 0.025, 0.03): one quantity, one form
    in a figure (2.5 × 10⁻² on the bar beside 0.0322 in a cell read as two quantities)."""
    from matplotlib.ticker import FuncFormatter

    cb.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos=None: numbers.tick(v)))


def frame_map(ax) -> None:
    """Frame a map (a cost map's fills, a heat map) on all four sides in the spines' colour, as
    the videos frame theirs: where its colours run near the page's (the dark theme's high
    costs) its edge still shows."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)


class Casing(matplotlib.patheffects.AbstractPathEffect):
    """The casing of a line or mark drawn over a cost map: the same path stroked in `color`
    (the page's), `width` points wider on each side than the line (or the mark's edge), drawn
    under it. The mark then meets the page colour only, and the map around it still reads."""

    def __init__(self, color, width: float = _theme.CASING):
        super().__init__()
        self.color, self.width = color, width

    def draw_path(self, renderer, gc, tpath, affine, rgbFace=None):
        gc0 = renderer.new_gc()
        gc0.copy_properties(gc)
        gc0.set_foreground(self.color)
        gc0.set_linewidth(gc.get_linewidth() + 2 * self.width)
        gc0.set_dashes(0, None)  # one unbroken halo under a dashed line too
        face = None if rgbFace is None else matplotlib.colors.to_rgb(self.color)
        renderer.draw_path(gc0, tpath, affine, face)
        gc0.restore()


def casing(theme: Theme, line: bool = True, width: float = _theme.CASING) -> list:
    """The path effects (path_effects=) of a line, trail, dot or label drawn over a cost map:
    its casing of the page colour (Casing, `width` points each side: theme.CASING, a
    hairline's or a small dot's less, a label's more, so the thin level lines it crosses stop
    short of its letters while the map shows all round them, as a printed map sets its
    names), then the mark itself (line=False: the casing alone, as `cased_under` lays it)."""
    return [Casing(theme.background, width)] + \
        ([matplotlib.patheffects.Normal()] if line else [])


def halo(theme: Theme, width: float = _theme.LABEL_HALO, ground: str | None = None) -> list:
    """The path effects (path_effects=) of every label set over lines: a halo of the page
    colour (or `ground`, the colour it stands on: a grey cell's) `width` points round its
    letters, then the letters. The one ground of an annotation in every still, never a box
    (bbox): the lines it crosses stop short of the letters, nothing else is hidden."""
    return [Casing(ground or theme.background, width), matplotlib.patheffects.Normal()]


def cased_under(ax, line, theme: Theme, zorder: float, width: float = _theme.CASING):
    """The casing of `line` (a Line2D on ax) alone, at `zorder`: paths stacked over one another
    lie on one layer of casings beneath them all, so where they share a stretch the stripes of
    the wider ones beneath still show. A line of marks only (step dots) is cased by the same
    marks in the page colour, 2 × `width` wider (drawn as marks, so a vector file keeps one
    mark for all of them). Returns the casing's Line2D (gid "casing:<line's gid>")."""
    kw = {"color": theme.background, "alpha": line.get_alpha(), "zorder": zorder,
          "gid": f"casing:{line.get_gid()}"}
    if line.get_linestyle() in ("None", "none", ""):
        size = line.get_markersize() + line.get_markeredgewidth() + 2 * width
        (c,) = ax.plot(*line.get_data(), ls="none", marker=line.get_marker(), ms=size, mew=0,
                       **kw)
        return c
    (c,) = ax.plot(*line.get_data(), lw=line.get_linewidth(),
                   solid_joinstyle=line.get_solid_joinstyle(),
                   solid_capstyle=line.get_solid_capstyle(),
                   path_effects=casing(theme, line=False, width=width), **kw)
    return c


def lowest_ink(ax, renderer) -> float:
    """The lowest ink of an axes (display units): its tick numbers and axis labels, and a 2-D
    axes' frame (a map with no axis under it); a 3-D axes' its axes' labels and lines (its
    rectangle, the room the box is zoomed in, holds no ink of its own)."""
    ys = [] if ax.name == "3d" else [ax.bbox.y0]
    for axis in ax._axis_map.values():
        box = axis.get_tightbbox(renderer)
        if box is not None:
            ys.append(box.y0)
    return min(ys)


class UnderInk(matplotlib.transforms.BboxBase):
    """The point a key hangs from (a legend's bbox_to_anchor, display units): `drop` points
    under the lowest ink (lowest_ink) of `axes`, at `x` (a fraction of the figure's width; by
    default the centre of the first axes' frame). Measured whenever it is read, so it follows
    the layout engine's moves and the figure's resolution."""

    def __init__(self, axes, drop: float, x: float | None = None):
        super().__init__()
        self._axes, self._drop, self._x = list(axes), drop, x
        self._found = (None, None)  # (canvas and resolution, the renderer found for them)

    def _renderer(self, fig):
        # the canvas's own renderer (Agg); a vector canvas has none: one found once per canvas
        # and resolution (matplotlib's, as its layout engines find theirs)
        canvas = fig.canvas
        if hasattr(canvas, "get_renderer"):
            return canvas.get_renderer()
        key = (id(canvas), fig.dpi)
        if self._found[0] != key:
            self._found = key, fig._get_renderer()
        return self._found[1]

    def get_points(self):
        fig = self._axes[0].get_figure(root=True)
        r = self._renderer(fig)
        y = min(lowest_ink(a, r) for a in self._axes) - self._drop * fig.dpi / 72
        frame = self._axes[0].bbox
        # a figure's fraction through its transFigure, as matplotlib anchors: savefig's crop
        # (bbox_inches) moves the figure's box, not the fraction's place on the drawing
        x = (frame.x0 + frame.x1) / 2 if self._x is None else \
            fig.transFigure.transform((self._x, 0.0))[0]
        return np.array([[x, y], [x, y]])


def hang_under(legend, axes, x: float | None = None):
    """Hang a legend LEGEND_DROP points under the lowest ink of `axes` (UnderInk), at `x` (a
    fraction of the figure's width; by default the first axes' centre): the one place every
    key under its axes takes (optimizer_legend, the races' figure legend)."""
    # set as it is read (matplotlib's setter wraps a box in a TransformedBbox, which keeps its
    # first points: the key would stay where the axes were before the layout moved them)
    legend._bbox_to_anchor = UnderInk(axes, _theme.LEGEND_DROP, x)
    return legend


def optimizer_legend(ax, theme: Theme, family: str = "curves", under=None,
                     x: float | None = None, **kw):
    """A legend placed as the house style places legends of its figure family
    (theme.LEGEND: "race", "curves" or "map"): hung under its axes, LEGEND_DROP points under
    their lowest ink (tick numbers, axis label; the frame of a map with no axis under it:
    lowest_ink), centred on the axes (or at `x`, a fraction of the figure's width), unframed,
    in one row unless `ncols` says otherwise. `under`: the axes whose ink it hangs under (by
    default ax alone; a key under two panels, both). kw override, but never a "curves"
    legend's place or frame; a key given its own `bbox_to_anchor` (a corner of the figure) is
    placed there and does not hang."""
    for k, v in _theme.LEGEND[family].items():
        kw.setdefault(k, v)
    if family == "curves":
        kw.pop("bbox_to_anchor", None)
        kw.pop("bbox_transform", None)
        kw["loc"] = _theme.LEGEND["curves"]["loc"]
        kw["frameon"] = _theme.LEGEND["curves"]["frameon"]
        handles, _ = ax.get_legend_handles_labels()
        kw.setdefault("ncols", max(1, len(kw.get("handles", handles))))
    if "bbox_to_anchor" in kw:
        return ax.legend(**kw)
    kw["loc"] = _theme.LEGEND[family]["loc"]
    kw["borderaxespad"] = 0.0
    return hang_under(ax.legend(**kw), under or [ax], x)


def clear_panes(ax3, theme: Theme, pane=(0, 0, 0, 0)) -> None:
    """A 3-D axes' panes (transparent by default) and its grid in the theme's grid colour."""
    for axis in (ax3.xaxis, ax3.yaxis, ax3.zaxis):
        axis.set_pane_color(pane)
        axis._axinfo["grid"].update(color=theme.grid, linewidth=0.5)


def frame_3d(ax3, zoom: float, up: float = 0.0, aspect=(1.0, 1.0, 0.7)) -> None:
    """A still's 3-D box framed to its drawing: enlarged `zoom` times in its axes, its view
    moved `up` (a fraction of the axes' height: a surface that sits low in its box, its back
    corner empty over the floor, rises into the room above it), and drawn without its panes'
    grid (which stood over that empty corner, a box of lines round nothing)."""
    ax3.set_box_aspect(aspect, zoom=zoom)
    ax3.grid(False)
    y0, y1 = ax3.viewLim.intervaly
    ax3.viewLim.intervaly = (y0 - up * (y1 - y0), y1 - up * (y1 - y0))
    ax3.stale = True


def count_formatter():
    """Tick labels of a count axis (iterations, epochs) for people: numbers.count, so 1000
    reads 1,000 as the captions write it. Use it on every iteration axis:
    `ax.xaxis.set_major_formatter(count_formatter())`."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: numbers.count(round(v)) if float(v).is_integer()
                         else numbers.text(v))


def cost_per_iteration_axes(ax, steps: int, lo: float, hi: float) -> None:
    """J against iteration t on log axes: t on a symlog scale ticked 0, 1, 10, …, J ticked at
    the powers of ten between lo and hi. The linear stretch from 0 to 1 is as wide as a decade
    (linscale 1: at 0.4 the ticks 0 and 1 crowded each other), and the axis runs on half a
    step count past the last step, so a mark there stands clear of the right spine."""
    import numpy as np

    ax.set_xscale("symlog", linthresh=1, linscale=1.0)
    ax.set_yscale("log")
    ax.set_ylim(lo, hi)
    ax.set_yticks(10.0 ** np.arange(np.ceil(np.log10(lo)), np.floor(np.log10(hi)) + 1))
    ax.set_xlim(0, steps * 1.5)
    ticks = [0] + [10**k for k in range(int(np.log10(steps)) + 1)]
    ax.set_xticks(ticks)
    ax.xaxis.set_major_formatter(count_formatter())
    # unnumbered ticks at 2 … 9 of each decade from 1 on: the step axis reads as logarithmic
    # there, and the stretch from 0 to 1, which has none, as the linear one it is
    ax.set_xticks([j * 10**k for k in range(int(np.log10(steps)) + 1) for j in range(2, 10)
                   if j * 10**k <= steps * 1.5], minor=True)
    ax.set_xlabel(_theme.AXIS_LABELS["step"])
    ax.set_ylabel(_theme.AXIS_LABELS["cost"])


#: How far apart (points) the lanes of a zig-zag's arrows run: a step that turns back over the
#: step before it runs this far beside it, a line's width and a gap.
LANE = 2.2

#: The shortest step (points on the page) that carries an arrowhead: six heads' lengths
#: (the head is 0.45 of the 10-point mutation scale long). A shorter step's head would sit on
#: the one before it, where a descent's steps shorten towards the floor: it goes on the line.
MIN_HEAD_STEP = 27.0


def descent_path(ax, theme: Theme, pts, jumps: int = 3, steps: int = 6, color=None,
                 label=None, gid: str = "path", path_effects=None, linewidth: float = 1.1,
                 lane: float = LANE, knot: float | None = None, head_gap: float = 2.5):
    """A descent path over a map, every early step visible: the first `jumps` steps as straight
    arrows (a step is a straight jump in parameter space), the end of each of the first `steps`
    steps a small dot, and the rest of the path from the last arrow on a line (gid `gid`,
    carrying `label`). Only a step at least MIN_HEAD_STEP points long carries a head: the
    arrows stop at the first shorter step, so heads never pile up where the steps shorten.
    Where steps turn back over each other (a step across the valley, the step back, …) each
    arrow runs in a lane of its own, `lane` points beside the one after it (step_lanes): the
    last arrow on the path itself, so the line goes on from its tip, the earlier ones outside
    it, and the way back never hides the way out.
    With `knot` (points), the zig-zag's steps after the arrows that still turn back over the
    one before and are at least that long on the page are drawn as their landing dots only (as
    learning-rates draws a run's jumps from wall to wall), the line going on from the last of
    them: a zig-zag that narrows as it retraces itself hides no step under its return, and
    no line comes back over the last arrow's head.
    `head_gap` (points): how far short of its landing each arrow's head stops (clear of the
    landing's dot where the arrow runs in a lane beside it).
    The arrows have gids "jump-1", "jump-2", …; the step dots "steps" (each prefixed by
    `gid` and a hyphen when `gid` is not "path")."""
    from matplotlib.transforms import ScaledTranslation

    pts = np.asarray(pts, dtype=float)
    color = color or theme.accent
    prefix = "" if gid == "path" else f"{gid}-"
    effects = {"path_effects": path_effects} if path_effects else {}
    n_jumps = headed_steps(ax, pts, jumps)
    for k, shift in enumerate(step_lanes(ax, pts[:n_jumps + 2], lane, n_jumps)):
        at = ax.transData + ScaledTranslation(shift[0] / 72, shift[1] / 72,
                                              ax.figure.dpi_scale_trans)
        arrow = ax.annotate("", xy=pts[k + 1], xytext=pts[k], xycoords=at, textcoords=at,
                            zorder=5, gid=f"{prefix}jump-{k + 1}",
                            arrowprops=dict(arrowstyle="-|>,head_length=0.45,head_width=0.2",
                                            color=color, linewidth=linewidth, shrinkA=3.0,
                                            shrinkB=head_gap))
        if path_effects:
            arrow.arrow_patch.set_path_effects(path_effects)
    n_line = n_jumps if knot is None else max(n_jumps, zigzag_steps(ax, pts, knot))
    line = ax.plot(pts[n_line:, 0], pts[n_line:, 1], color=color, linewidth=linewidth,
                   zorder=3, label=label, gid=gid, **effects)[0]
    n = min(max(steps, n_line), len(pts) - 1)
    ax.plot(pts[1:n + 1, 0], pts[1:n + 1, 1], linestyle="none", marker="o", markersize=3.0,
            markerfacecolor=color, markeredgecolor=theme.background, markeredgewidth=0.5,
            zorder=6, gid=f"{prefix}steps")
    return line


def headed_steps(ax, pts, jumps: int, least: float = MIN_HEAD_STEP) -> int:
    """How many of the first `jumps` steps of pts are drawn as arrows: those before the first
    step shorter than `least` points as drawn on ax."""
    pts = np.asarray(pts, dtype=float)
    ax.get_xlim(), ax.get_ylim()  # the limits autoscaling gives, before the steps are measured
    moves = np.diff(ax.transData.transform(pts[:jumps + 1]), axis=0)
    lengths = np.hypot(*moves.T) * 72 / ax.figure.dpi
    short = np.flatnonzero(lengths < least)
    return int(short[0]) if len(short) else len(moves)


def zigzag_steps(ax, pts, least: float) -> int:
    """How many of the first steps of pts form a zig-zag of steps at least `least` points long
    as drawn on ax: the first step, then each that turns back over the one before, until the
    first that does not or is shorter."""
    ax.get_xlim(), ax.get_ylim()  # the limits autoscaling gives, before the steps are measured
    moves = np.diff(ax.transData.transform(np.asarray(pts, dtype=float)), axis=0)
    lengths = np.hypot(*moves.T) * 72 / ax.figure.dpi
    n = 0
    while (n < len(moves) and lengths[n] >= least
           and (n == 0 or float(np.dot(moves[n], moves[n - 1])) < 0)):
        n += 1
    return n


def step_lanes(ax, pts, lane: float, count: int | None = None) -> np.ndarray:
    """The shift (points, right and up, as drawn on ax) of each of the first `count` steps
    pts[k] → pts[k + 1] (all of them by default): none for a step that does not turn back over
    the one before; in a zig-zag (each step against the one before) the zig-zag's last step
    drawn on its points and each step before it one lane further out, on the side away from
    the second step's end (where the path goes on), clear of the path that follows."""
    screen = ax.transData.transform(np.asarray(pts, dtype=float))
    moves = np.diff(screen, axis=0)
    count = len(moves) if count is None else min(count, len(moves))
    shifts = np.zeros((count, 2))
    turns, normal, normals = np.zeros(count, dtype=int), np.zeros(2), []
    for k in range(count):
        if k and float(np.dot(moves[k], moves[k - 1])) < 0:
            turns[k] = turns[k - 1] + 1
        else:
            d = moves[k] / np.hypot(*moves[k])
            normal = np.array([-d[1], d[0]])  # left of the zig-zag's first step
            if k + 2 < len(screen) and np.dot(screen[k + 2] - screen[k], normal) > 0:
                normal = -normal
        normals.append(normal)
    for k in range(count):
        last = k  # the last step of k's zig-zag
        while last + 1 < count and turns[last + 1] == turns[last] + 1:
            last += 1
        shifts[k] = (turns[last] - turns[k]) * lane * normals[k]
    return shifts


#: Where an end square is set off from a minimum's star on which several runs end (the race
#: insets, each square apart from the others): both read, joined by a short leader.
END_BESIDE = (11.0, -5.0)


def end_beside(ax, theme: Theme, xy, marker: dict, offset=END_BESIDE, gid: str = "end",
               shrink: float = 3.0, **kw):
    """An end mark (`marker`, theme.end(colour)) `offset` points from the point
    xy it marks (data coordinates of ax; of a 3-D axes, its projected ones), with a thin leader
    in its colour back to xy, stopping `shrink` points short of it: only where several runs end
    on one minimum and their squares must be told apart (a single run's end is end_at, on its
    last point). kw: the mark's Line2D keywords (zorder 9 unless given; the leader half a step
    under it). Returns the mark (its data stay xy)."""
    from matplotlib.transforms import ScaledTranslation

    shift = ScaledTranslation(offset[0] / 72, offset[1] / 72, ax.figure.dpi_scale_trans)
    mark = Line2D([xy[0]], [xy[1]], **{"zorder": 9, **marker, **kw}, gid=gid,
                  transform=ax.transData + shift)
    ax.annotate("", xy=xy, xytext=offset, textcoords="offset points",
                zorder=mark.get_zorder() - 0.5, gid=f"{gid}-leader",
                arrowprops=dict(arrowstyle="-", color=marker["markeredgecolor"], lw=0.8,
                                shrinkA=0, shrinkB=shrink))
    ax.add_artist(mark)
    return mark


def star_footprint(star: dict) -> tuple[float, float, float, float]:
    """The page extent of a star mark (`star`, theme.marker("minimum")'s keywords; or any
    mark's) round its point, its edge included: (left, bottom, right, top) in points, the
    point at (0, 0) (a five-pointed star reaches higher above its point than below it)."""
    from matplotlib.markers import MarkerStyle

    style = MarkerStyle(star["marker"])
    ext = style.get_path().transformed(style.get_transform()).get_extents()
    size, edge = star["markersize"], star.get("markeredgewidth", 0.0) / 2
    return (ext.x0 * size - edge, ext.y0 * size - edge, ext.x1 * size + edge,
            ext.y1 * size + edge)


#: An end on the minimum (EndMark): the house end square (hollow, its outline in the run's
#: colour this wide, points: theme.MARKERS["end"]'s edge) centred on the run's last point and
#: drawn large enough to frame the star, FRAME_GAP points clear of the star's reach all round:
#: "ended here, at the minimum".
FRAME_WIDTH = _theme.MARKERS["end"].edge_width
FRAME_GAP = 1.0


def frame_half(star: dict) -> float:
    """Half the side (points, its stroke included) of the hollow end square framing a star
    mark (`star`, theme.marker("minimum")'s keywords) centred on the star's own point: how far
    from the star's point a mark must keep clear of the frame (EndMark)."""
    x0, y0, x1, y1 = star_footprint(star)
    return max(-x0, x1, -y0, y1) + FRAME_GAP + FRAME_WIDTH


class EndMark(Line2D):
    """The end mark of a run that ends on (or by) the minimum's star, always AT the run's last
    point: the house end square (hollow, outlined in the run's colour) at its house size where
    it clears the star (within `gap` points); where the last point lies on the star (within
    half the star's reach of its centre, on the page), the same square drawn large enough to
    frame the star (FRAME_GAP clear of its reach), centred on the last point, the star drawn
    over it inside: "ended here, at the minimum". Where the last point lies by the star but
    off it (a saddle's plus, a few points away), the house square at the point, under the
    star, which is drawn whole over it. Decided at every draw, as the page is laid out."""

    def __init__(self, xy, star_xy, star: dict, gap: float, **kw):
        super().__init__([xy[0]], [xy[1]], **kw)
        self.star_xy, self.star, self.gap = tuple(star_xy), star, gap
        self.house = self.get_markersize()
        self.colour = self.get_markeredgecolor()  # the run's: theme.end outlines it
        self.house_look = (self.colour, self.get_markeredgewidth())

    def _page(self) -> tuple[np.ndarray, np.ndarray]:
        """The last point and the star's centre on the page as it is laid out now (points)."""
        to_pt = 72 / self.figure.dpi
        data = self.axes.transData
        return (data.transform(self.get_xydata()[0]) * to_pt,
                data.transform(self.star_xy) * to_pt)

    def on_star(self) -> bool:
        """Whether the last point lies on the star on the page as it is laid out now: the house
        square would touch the star's footprint (within `gap`), and the point lies within half
        the star's reach of its centre."""
        e, s = self._page()
        x0, y0, x1, y1 = star_footprint(self.star)
        half = self.house / 2 + self.house_look[1] / 2 + self.gap
        clear = (e[0] + half < s[0] + x0 or e[0] - half > s[0] + x1 or e[1] + half < s[1] + y0
                 or e[1] - half > s[1] + y1)
        return not clear and np.hypot(*(e - s)) <= max(-x0, x1, -y0, y1) / 2

    def frame_size(self) -> float:
        """The side (points, the stroke's middle) of the hollow square that frames the star,
        centred on the last point as the page is laid out now: the star's footprint round the
        point, FRAME_GAP clear of it inside the stroke."""
        e, s = self._page()
        x0, y0, x1, y1 = star_footprint(self.star)
        d = s - e
        reach = max(-(x0 + d[0]), x1 + d[0], -(y0 + d[1]), y1 + d[1])
        return 2 * (reach + FRAME_GAP + FRAME_WIDTH / 2)

    def page_xy(self) -> np.ndarray:
        """Where the square's centre is drawn on the page (points): the last point's place."""
        return self._page()[0]

    def half(self) -> float:
        """Half the side of the square as the page draws it now, its stroke included
        (points): the frame's, where the last point lies on the star; the house square's
        else."""
        if self.on_star():
            return self.frame_size() / 2 + FRAME_WIDTH / 2
        return self.house / 2 + self.house_look[1] / 2

    def look(self) -> dict:
        """The mark's Line2D properties as the page draws it now: the house square, hollow in
        the run's colour, at the frame's size round the star where the last point lies on it
        (on_star), at its house size else."""
        size = self.frame_size() if self.on_star() else self.house
        return {"markersize": size, "markerfacecolor": "none", "markeredgecolor": self.colour,
                "markeredgewidth": self.house_look[1]}

    def draw(self, renderer):
        self.update(self.look())
        super().draw(renderer)


class EndKey(Line2D):
    """The legend key of a run's end: the house end square alone (hollow, in the run's
    colour, at its house size), whether the page frames the star with it or not: one key,
    "end". `mark` is the plotted mark (None until it is drawn: a legend made first)."""

    def __init__(self, mark: Line2D | None, **kw):
        super().__init__([], [], **{**kw, "linestyle": "none"})
        self.mark = mark


def mark_key_x(xdescent: float, width: float, reach: float) -> float:
    """Where (points, in a legend key's box) a marker-only key's mark is centred: at the right
    end of the LEGEND_HANDLE-long key, its edge (`reach` points from its centre)
    theme.MARK_KEY_INSET points from the key's end, next to its words (centred, a ring or a
    star stood a font size and more from them, in a gap of its own)."""
    return -xdescent + width - reach - _theme.MARK_KEY_INSET


def _marker_only(handle) -> bool:
    """Whether a Line2D legend handle draws a marker and no line."""
    drawn = handle.get_marker() not in (None, "", " ", "None", "none")
    return drawn and (handle.get_linestyle() in ("None", "none", "", " ")
                      or handle.get_linewidth() == 0)


class HandlerMarkKey(HandlerLine2D):
    """The house legend handler of Line2D handles, registered once for every legend: a line's
    key as matplotlib draws it (LEGEND_HANDLE long, its marker in the middle), a marker-only
    key's mark (a start ring, an end square, a star, a diamond, a dot) at the key's right end,
    next to its words (mark_key_x)."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize,
                       trans):
        artists = super().create_artists(legend, orig_handle, xdescent, ydescent, width,
                                         height, fontsize, trans)
        if _marker_only(orig_handle):
            (key,) = artists
            reach = (key.get_markersize() + key.get_markeredgewidth()) / 2
            x = mark_key_x(xdescent, width, reach)
            key.set_data([x], [(height - ydescent) / 2])
            key.set_markevery(None)
        return artists


class HandlerMarkCollection(HandlerPathCollection):
    """The same for a scatter's key (the data dots): its one mark at the key's right end."""

    def get_xdata(self, legend, xdescent, ydescent, width, height, fontsize):
        xdata, xdata_marker = super().get_xdata(legend, xdescent, ydescent, width, height,
                                                fontsize)
        if len(xdata_marker) != 1:
            return xdata, xdata_marker
        sizes = self.get_sizes(legend, self._orig_handle, xdescent, ydescent, width, height,
                               fontsize)
        widths = self._orig_handle.get_linewidths()
        reach = (np.sqrt(max(sizes)) + (max(widths) if len(widths) else 0.0)) / 2
        return xdata, [mark_key_x(xdescent, width, reach)]

    def create_artists(self, legend, orig_handle, *args):
        self._orig_handle = orig_handle
        return super().create_artists(legend, orig_handle, *args)


Legend.update_default_handler_map({Line2D: HandlerMarkKey(),
                                   PathCollection: HandlerMarkCollection()})


def end_at(ax, theme: Theme, xy, marker: dict, star_xy=None, star: dict | None = None,
           gid: str = "end", label: str | None = None, gap: float = 1.0, **kw):
    """The end of a run: its end mark (`marker`, theme.end(colour): the hollow square in the
    run's colour) AT its last point xy (data coordinates of ax; of a 3-D axes, its projected
    ones), at its house size. Where the run may end on the minimum's star at star_xy (`star`:
    its mark's keywords, theme.marker("minimum") by default), an EndMark, still centred on xy:
    where xy lies on the star on the page, the square drawn large enough to frame the star,
    the star drawn over it inside ("ended here, at the minimum"); by it but off it, the house
    square under the star. The run's line runs to xy, its true last point. `label` goes on an
    empty key (EndKey, gid `gid`-key): the house square alone. kw: the mark's Line2D keywords
    (its zorder just under the star's unless given). Returns the mark (its data are xy)."""
    if star_xy is None:
        mark = Line2D([xy[0]], [xy[1]], **{**marker, **kw}, gid=gid, transform=ax.transData)
    else:
        star = theme.marker("minimum") | (star or {})
        mark = EndMark(xy, star_xy, star, gap,
                       **{**marker, "zorder": star["zorder"] - 0.1, **kw}, gid=gid,
                       transform=ax.transData)
    ax.add_artist(mark)
    if label:
        ax.add_line(EndKey(mark, **marker, label=label, gid=f"{gid}-key"))
    return mark


def best_at(ax, theme: Theme, x: float, y: float, over=None, gid: str = "best", **kw):
    """The best value of a plot (the least test cost over a sweep, the early stop): the
    minimum's star at (x, y), on its point, one mark for "the best" in every still. Where the
    point is one of a set's marked line (`over`, that Line2D: a test curve's diamonds), the
    star takes the place of the set's mark there (the line's markevery leaves that point out)
    and lies over the line: the star stands at the value it names, and no diamond peeps from
    under it. kw: the star's Line2D keywords. Returns the star."""
    star = {**theme.marker("minimum"), **kw}
    if over is not None:
        xs, ys = np.asarray(over.get_xdata(), float), np.asarray(over.get_ydata(), float)
        hit = np.flatnonzero(np.isclose(xs, x, rtol=1e-12, atol=0)
                             & np.isclose(ys, y, rtol=1e-12, atol=0))
        if hit.size != 1:
            raise ValueError(f"({x}, {y}) is not one point of the line {over.get_gid()!r}")
        over.set_markevery([k for k in range(xs.size) if k != hit[0]])
        star["zorder"] = max(star.get("zorder", 8), over.get_zorder() + 1)
    (line,) = ax.plot([x], [y], gid=gid, **star)
    return line


def best_beside(ax, theme: Theme, text, gid: str = "best-panel", gap: float = 3.0):
    """The minimum's star just before a text (a title): the best of several panels (the least
    test cost among small multiples), marked as the best of a plot is, by the star, never by
    a frame. Returns the AnnotationBbox; its star is the house mark's Line2D (gid `gid`)."""
    from matplotlib.offsetbox import AnnotationBbox, DrawingArea

    star = theme.marker("minimum")
    side = star["markersize"] + star["markeredgewidth"]
    box = DrawingArea(side, side, clip=False)
    box.add_artist(Line2D([side / 2], [side / 2], gid=gid, **star))
    ab = AnnotationBbox(box, (0, 0.5), xycoords=text, xybox=(-gap, 0),
                        boxcoords="offset points", box_alignment=(1, 0.5), frameon=False,
                        pad=0, annotation_clip=False)
    ax.add_artist(ab)
    return ab


def apart(ax, pts, gap: float, clear=None, clear_gap: float = 0.0) -> np.ndarray:
    """Indices of the points pts (data coordinates of ax, once it is laid out) that stand apart
    on the page, in order: each at least `gap` points from the last one kept, and at least
    `clear_gap` points from `clear` (a mark they must not cover, the minimum's star). The
    steps of a run that shorten below a dot's width are thinned so, instead of piling up."""
    to_pt = ax.transData.transform(np.asarray(pts, dtype=float)) * 72 / ax.figure.dpi
    away = (np.full(len(to_pt), np.inf) if clear is None else np.hypot(
        *(to_pt - ax.transData.transform(np.asarray(clear, dtype=float)) * 72
          / ax.figure.dpi).T))
    kept: list[int] = []
    for k, p in enumerate(to_pt):
        if away[k] >= clear_gap and (not kept or np.hypot(*(p - to_pt[kept[-1]])) >= gap):
            kept.append(k)
    return np.array(kept, dtype=int)


def padded_box(pts, pad) -> tuple[tuple[float, float], tuple[float, float]]:
    """The (x range, y range) of points with `pad` (fraction of their extent per axis) around
    them: the window of a zoom panel."""
    pts = np.asarray(pts)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    room = np.array(pad) * (hi - lo)
    return (lo[0] - room[0], hi[0] + room[0]), (lo[1] - room[1], hi[1] + room[1])


def data_view(ax) -> None:
    """The one view of the seven regression points (gdviz.views: X_RANGE, Y_RANGE and their
    ticks, in the house's tick form): every panel that draws them takes it."""
    from matplotlib.ticker import FixedLocator

    from . import views

    for axis, ticks in ((ax.xaxis, views.X_TICKS), (ax.yaxis, views.Y_TICKS)):
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_major_formatter(tick_formatter())
    ax.set_xlim(*views.X_RANGE)
    ax.set_ylim(*views.Y_RANGE)


#: The "≈ 0" strip under a log axis' floor (gm.floor_break): the strip's level lies this factor
#: under the floor, and the axis' lower end as far again under it.
FLOOR_STRIP = 10 ** 0.5


def floor_level(floor: float) -> float:
    """Where a value below a log axis' `floor` ("≈ 0") is drawn: the level of the ≈ 0 strip."""
    return floor / FLOOR_STRIP


def floor_break(ax, theme: Theme, floor: float, gid: str = "floor-break") -> float:
    """Break a log y axis at its `floor` (a decade): under the break, a strip whose one tick is
    labelled "≈ 0", where values below the floor (rounding noise) are drawn (off_scale_low).
    The ticks above keep their decades (no minor tick in the strip); two short slanted strokes
    cross the left spine between the strip and the scale. Once per axes (and its shared ones).
    Returns the strip's level (floor_level)."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    level = floor_level(floor)
    if getattr(ax, "_floor_break", None) == floor:
        return level
    ax._floor_break = floor
    top = ax.get_ylim()[1]
    majors = [v for v in ax.yaxis.get_majorticklocs() if floor * (1 - 1e-9) <= v <= top]
    minors = [v for v in ax.yaxis.get_minorticklocs() if floor < v <= top]
    ax.set_ylim(level / FLOOR_STRIP, top)
    ax.yaxis.set_major_locator(FixedLocator([level, *majors]))
    ax.yaxis.set_minor_locator(FixedLocator(minors))
    ax.yaxis.set_major_formatter(FuncFormatter(
        lambda v, _pos: r"$\approx 0$" if np.isclose(v, level)
        else f"$10^{{{int(round(np.log10(v)))}}}$"))
    at = ax.get_yaxis_transform()
    y = floor / np.sqrt(FLOOR_STRIP)  # half-way between the strip's level and the floor
    ax.plot([0], [y], transform=at, marker="s", markersize=4.5, markeredgewidth=0,
            color=theme.background, linestyle="none", clip_on=False, zorder=5.9,
            gid=f"{gid}-gap")  # the spine's gap
    for dy in (-1.6, 1.6):
        ax.plot([0], [y], marker=[(-1, -1 + dy), (1, 1 + dy)], markersize=5.0,
                markeredgewidth=0.9, color=theme.muted, linestyle="none", clip_on=False,
                zorder=6, transform=at, gid=gid)
    return level


def off_scale_low(ax, theme: Theme, x: float, floor: float, mark: dict, label: str = "",
                  gid: str = "below-axis"):
    """A value below a log axis' floor (rounding noise, "≈ 0"): the set's own mark (`mark`, a
    house marker's keywords) drawn in the ≈ 0 strip under the axis' break (floor_break, made
    here if not yet), at the strip's tick labelled "≈ 0", with `label` to its right. One
    convention for every off-scale value (model-capacity, regularization); returns the mark's
    Line2D (its data y is the strip's level, floor_level(floor))."""
    level = floor_break(ax, theme, floor)
    kw = {k: v for k, v in mark.items() if k != "linestyle"}
    kw.setdefault("zorder", 5)
    (line,) = ax.plot([x], [level], linestyle="none", clip_on=False, gid=gid, **kw)
    if label:
        ax.annotate(label, xy=(x, level), xytext=(kw.get("markersize", 5) / 2 + 3, 0),
                    textcoords="offset points", ha="left", va="center",
                    fontsize=theme.small_size, color=theme.text, gid=f"{gid}-label")
    return line


#: The break of an axis, one glyph wherever an axis is broken: a slanted stroke of this size
#: (points) and width across each broken spine's end, as floor_break crosses its spine.
BREAK_STROKE, BREAK_WIDTH = 5.0, 0.9
#: A value off a log x axis (regularization's λ = 0) stands on a stub axes beside it, this
#: share of the pair's width, this share of the stub's width between them (the break).
STUB_SHARE, STUB_GAP = 0.11, 0.35


def break_marks(left, right, theme: Theme, size: float = BREAK_STROKE) -> None:
    """Two short slanted strokes where an x axis is broken: at the right end of `left`'s
    bottom spine and the left end of `right`'s (a stub such as λ = 0 beside a log axis), the
    same stroke as floor_break's."""
    for ax, xs in ((left, 1.0), (right, 0.0)):
        ax.plot([xs], [0], transform=ax.transAxes, marker=[(-1, -1), (1, 1)],
                markersize=size, markeredgewidth=BREAK_WIDTH, color=theme.muted,
                linestyle="none", clip_on=False, zorder=6)


def broken_log_x(fig, spec, theme: Theme, lo: float, hi: float, ticks):
    """A narrow stub axes for x = 0 beside a log x axis from `lo` to `hi` (ticked at
    `ticks`), sharing y, broken between them (break_marks): the one broken x axis of every
    still (regularization's two λ panels alike). Both are child axes of one blank host cell
    (host.child_axes, as an inset is). Returns (stub, log axes)."""
    # both inside one host cell, placed by hand: the layout makes room round the pair (its
    # labels and numbers), never between its halves (as two cells it set the stub ~160 px
    # apart, room for numbers that overhang the break)
    host = fig.add_subplot(spec, xticks=[], yticks=[])
    host.set_axis_off()
    a0 = host.inset_axes((0, 0, STUB_SHARE, 1))
    a1 = host.inset_axes((STUB_SHARE * (1 + STUB_GAP), 0, 1 - STUB_SHARE * (1 + STUB_GAP), 1),
                         sharey=a0)
    for a in (a0, a1):
        style_axes(a, theme)
    a0.set_xlim(-1, 1)
    a0.set_xticks([0], ["0"])
    a1.set_xscale("log")
    a1.tick_params(labelleft=False)
    a1.spines["left"].set_visible(False)
    a1.tick_params(axis="y", which="both", length=0)
    a1.set_xlim(lo, hi)
    a1.set_xticks(ticks)
    from matplotlib.ticker import NullLocator

    a1.xaxis.set_minor_locator(NullLocator())
    break_marks(a0, a1, theme)
    return a0, a1
