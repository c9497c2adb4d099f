"""Manim side of the theme: the configuration, a themed Scene base and shared mobject pieces.

Importing this module applies the theme named by GD_THEME (light by default) to Manim's config,
so `manim -ql scenes/<file>.py <Scene>` picks up the same look as render.py. ThemedScene also
applies it in setup(), so a scene is themed however it is run (render.py, manim, the tests).

Scenes are built from named sections (3b1b style: variants by class attributes): SECTIONS
lists the section methods themselves, in the order they play (sections(section_setup, ...),
written after the methods, so a misspelt one fails at import); `upto` stops after the named one.
A section's name, the method's name without `section_` and with `-` for `_`, is the name of
its Manim section (next_section), which render.py --sections reads.

Every section has a caption (ThemedScene.captions, a classmethod, so it is read without
rendering): one or two plain sentences that say what the viewer sees happen in it, its numbers
from gdcore written by gdviz.numbers. They are the video's WebVTT captions (gdrender.captions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import svgelements
from manim import (
    DEFAULT_WAIT_TIME,
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    CapStyleType,
    DashedVMobject,
    DecimalNumber,
    Dot,
    Integer,
    Line,
    MarkupText,
    MathTex,
    Scene,
    SingleStringMathTex,
    Tex,
    Text,
    VGroup,
    VMobject,
    config,
)

from . import numbers
from . import theme as _theme
from .theme import FONT, Theme, prose

# Every glyph of a Text or MathTex keeps the svgelements path it was parsed from, and each copy
# of a mobject (every Transform, FadeIn, generate_target) deep-copied those paths point by point:
# half of a scene's Python time. The parsed path is read once, when the glyph's points are made,
# and never changed, so copies share it.
svgelements.Path.__deepcopy__ = lambda self, memo: self

#: Stroke width of a residual segment in a scene (Manim units of the 1080p frame).
RESIDUAL_STROKE = 3
#: Scene units per unit of Manim's stroke width (Cairo's line width multiple): a stroke width w
#: is w / 100 scene units across, 0.6 w px at 480p.
STROKE_UNIT = 0.01
#: The least stroke width of a reference line's dots: 3.6 px across at 480p (8 px at 1080p), round
#: and legible where the line's own width would make specks.
REFERENCE_DOT = 6.0
#: A reference's dot is a stroke this fraction of its width long with round ends: nearly a
#: disc, yet long enough that Cairo's fixed-point rounding never leaves it no length (and
#: undrawn) at 480p.
DOT_LENGTH = 0.1

#: The smallest height of a digit on screen, in pixels of the 480-pixel frame (854 × 480): tick
#: labels and readouts must read on a small screen (tests/animations/test_scene_rules.py).
MIN_TEXT_PX = 12
#: Font size of tick labels (and the smallest for any number): LaTeX's digits are 0.43 of the
#: font size in pixels at 480p, so 30 gives 12.9 px (Manim's usual 24 gives 10.3 px).
TICK_SIZE = 30
#: A power of ten on a log axis (power_tick): its font size and how much larger than TeX's
#: superscript its exponent is set. At TICK_SIZE TeX's exponent digits are 8 px tall at 480p
#: (the script size, 0.7 of the text's, and less ink), too small to read; at this size, the
#: exponent scaled up, the "10" is 14 px and the exponent's digits 12 px, still visibly the
#: smaller (a superscript read at a glance, not a second number beside the 10).
POWER_SIZE, EXPONENT_SCALE = 34, 1.25


@cache
def _digit_px_per_point(pango: bool) -> float:
    """The height at 480p, in px, of the digit 0 per font point, as Pango or LaTeX sets it."""
    zero = Text("0", font=FONT, font_size=48) if pango else SingleStringMathTex("0", font_size=48)
    return zero.height * (480 / config.frame_height) / 48


def min_font_size(pango: bool) -> float:
    """The smallest font size whose digits reach MIN_TEXT_PX at 480p (Pango's Text or LaTeX)."""
    return MIN_TEXT_PX / _digit_px_per_point(pango)


def digit_px(mob) -> float:
    """The height, in px at 480p, of a digit 0 at the effective font size of a text mobject
    (Text, MarkupText, MathTex, Tex, DecimalNumber; its font_size follows later scaling)."""
    return float(mob.font_size) * _digit_px_per_point(isinstance(mob, (Text, MarkupText)))


def power_tick(k: float, color) -> MathTex:
    """The tick label 10^k of a log axis: one MathTex (its tex_string "10^{k}"), at POWER_SIZE,
    its exponent's glyphs scaled by EXPONENT_SCALE about their lower left corner (kept on
    TeX's superscript baseline, next to the 10), so its digits reach MIN_TEXT_PX at 480p."""
    num = MathTex(f"10^{{{k:g}}}", font_size=POWER_SIZE, color=color)
    exponent = VGroup(*num[0][2:])  # the glyphs after "10"
    exponent.scale(EXPONENT_SCALE, about_point=exponent.get_corner(DOWN + LEFT))
    return num


def apply(theme: Theme) -> None:
    """Make Manim draw in the theme: background and the default colour of text and numbers."""
    config.background_color = theme.background
    for cls in (Text, MathTex, Tex, DecimalNumber, Integer):
        cls.set_default(color=theme.text)
    Text.set_default(font=FONT, color=theme.text)


apply(_theme.get())


@dataclass(frozen=True)
class Section:
    """One section of a scene: its name (Manim's section name) and the method that plays it,
    called as play(scene, *args)."""

    name: str
    play: Callable[..., None]
    args: tuple = ()

    @classmethod
    def of(cls, method: Callable[..., None]) -> Section:
        """The section played by `method`, named after it (section_descent_start: descent-start)."""
        prefix = "section_"
        if not method.__name__.startswith(prefix):
            raise ValueError(f"a section method's name starts with {prefix!r}, "
                             f"got {method.__name__!r}")
        return cls(method.__name__.removeprefix(prefix).replace("_", "-"), method)

    @classmethod
    def numbered(cls, prefix: str, method: Callable[..., None], count: int) -> tuple[Section, ...]:
        """count sections prefix-1 … prefix-count, the k-th (0-based) played as method(scene, k)."""
        return tuple(cls(f"{prefix}-{k + 1}", method, (k,)) for k in range(count))


def sections(*items: Callable[..., None] | Section) -> tuple[Section, ...]:
    """A scene's SECTIONS: its section methods (or Sections), in the order they play."""
    out = tuple(i if isinstance(i, Section) else Section.of(i) for i in items)
    names = [s.name for s in out]
    if len(set(names)) != len(names):
        raise ValueError(f"section names must be unique, got {names}")
    return out


@cache
def _captions_of(cls) -> dict[str, tuple[str, ...]]:
    got = cls.captions()
    names = cls.section_names()
    missing = [n for n in names if n not in got]
    unknown = [n for n in got if n not in names]
    if missing or unknown:
        raise ValueError(f"{cls.__name__}.captions() must caption every section and only them: "
                         f"missing {missing}, not a section {unknown}")
    out = {}
    for n in names:
        sentences = (got[n],) if isinstance(got[n], str) else tuple(got[n])
        if not sentences or not all(s.strip() for s in sentences):
            raise ValueError(f"{cls.__name__}: empty caption for section {n!r}")
        out[n] = tuple(prose(" ".join(s.split())) for s in sentences)
    return out


#: How long, in seconds, the last picture of every video is held before it ends: its
#: conclusion, left to be read (a scene's own closing wait counts towards it). Not dead time to
#: gdrender.videocheck, which leaves a closing hold out up to its CLOSING_LIMIT_S.
CLOSING_HOLD_S = 3.0


class ThemedScene(Scene):
    """A Scene in the current theme, run as a sequence of named sections, each captioned; its
    last picture held CLOSING_HOLD_S."""

    SECTIONS: tuple[Section, ...] = ()
    #: stop after this section (a variant for tests and short clips); None runs them all
    upto: str | None = None
    #: the wait construct adds at the end so that the last picture stands CLOSING_HOLD_S, in
    #: seconds (0 where the scene's own closing wait is as long)
    closing: float = 0.0
    #: sections that loop in a lecture deck while the lecturer talks (the others stop at their
    #: end until the lecturer advances)
    LOOP_SECTIONS: tuple[str, ...] = ()

    @classmethod
    def captions(cls) -> dict[str, str | tuple[str, ...]]:
        """Each section's caption, by section name: one or two plain sentences saying what the
        viewer sees happen in it (what moves, what it shows, the number that matters), for a
        reader who cannot see or hear the video; numbers from gdcore, written by gdviz.numbers.
        A tuple of sentences is shown one after another, each from the moment the section calls
        caption_next(). A scene with SECTIONS overrides this."""
        return {}

    @classmethod
    def section_captions(cls) -> dict[str, tuple[str, ...]]:
        """captions(), checked (every section captioned, no other name) and typeset (prose):
        section name -> its sentences."""
        return _captions_of(cls) if cls.SECTIONS else {}

    def setup(self):
        self.theme = _theme.get()
        apply(self.theme)
        self.camera.background_color = self.theme.background
        self._captions = type(self).section_captions()
        #: what the viewer sees, for captions: [{"name", "start", "caption": [sentence, ...],
        #: "marks": [time, ...], "words": [[time, kind, str], ...]}]
        self.caption_log: list[dict] = []

    def next_section(self, name: str = "unnamed", *args, **kw) -> None:
        """Manim's next_section, noting where the section starts for the captions."""
        self._log_section(name)
        super().next_section(name, *args, **kw)

    def _log_section(self, name: str) -> None:
        log = getattr(self, "caption_log", None)
        if log is not None:
            log.append({"name": name, "start": float(self.time),
                        "caption": list(getattr(self, "_captions", {}).get(name, ())),
                        "marks": [], "words": []})

    def caption_next(self) -> None:
        """From now on the section's caption shows its next sentence (captions())."""
        log = getattr(self, "caption_log", None)
        if log:
            log[-1]["marks"].append(float(self.time))

    def _log_words(self, kind: str, s: str) -> None:
        log = getattr(self, "caption_log", None)
        if log is None:
            return
        if not log:  # words set before the first named section
            self._log_section("")
        log[-1]["words"].append([float(self.time), kind, s])

    @classmethod
    def section_names(cls) -> tuple[str, ...]:
        return tuple(s.name for s in cls.SECTIONS)

    def construct(self):
        if self.upto is not None and self.upto not in self.section_names():
            raise ValueError(f"upto must name a section of {type(self).__name__} "
                             f"({', '.join(self.section_names())}), got {self.upto!r}")
        for s in self.SECTIONS:
            self.next_section(s.name)
            s.play(self, *s.args)
            if s.name == self.upto:
                break
        else:
            if self.SECTIONS and CLOSING_HOLD_S - self.held > 0.05:
                self.closing = CLOSING_HOLD_S - self.held
                self.wait(self.closing)
        # When animations are skipped (frames_comparison tests) no static background is cached,
        # so the final frame must redraw every mobject, not only the last moving ones.
        self.moving_mobjects = list(self.mobjects)

    @property
    def held(self) -> float:
        """How long, in seconds, the picture has stood since the last play that was not a
        wait."""
        return self.__dict__.get("_held", 0.0)

    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        self._held = 0.0

    def wait(self, duration: float = DEFAULT_WAIT_TIME, *args, **kwargs):
        held = self.held
        super().wait(duration, *args, **kwargs)  # a play of a Wait
        self._held = held + duration

    # -- small helpers shared by the scenes --------------------------------------------

    def text(self, s: str, size: float = 28, color=None, **kw) -> Text:
        """Text in the scene's font and theme colour (its words go into the captions), never
        smaller than the house minimum (digits MIN_TEXT_PX tall at 480p); apostrophes and
        quotes typeset (theme.prose)."""
        s = prose(s)
        self._log_words("text", s)
        return Text(s, font=FONT, font_size=max(size, min_font_size(pango=True)),
                    color=color or self.theme.text, **kw)

    def mixed(self, s: str, size: float = 28, color=None, **kw) -> MixedText | Text:
        """A line of words with maths in $...$ (mixed_text): the words in the text face, the
        maths in Computer Modern, as a LaTeX book sets them; its words go into the captions.
        A line without maths is text(s)."""
        if "$" not in s:
            return self.text(s, size, color, **kw)
        s = prose(s)
        self._log_words("mixed", s)
        return mixed_text(s, size, color or self.theme.text, **kw)

    def tex(self, s: str, size: float = 34, color=None) -> MathTex:
        """MathTex in the theme colour (s from gdviz.equations where it is an equation); its
        words go into the captions); never smaller than the house minimum TICK_SIZE."""
        self._log_words("tex", s)
        return MathTex(s, font_size=max(size, TICK_SIZE), color=color or self.theme.text)


#: the gap between a word and maths that the source writes without a space ("$w$-axis",
#: "$|w|$,"), as a share of a word space: the side bearings a typesetter leaves there
TIGHT = 0.2


def split_mixed(s: str) -> list[tuple[bool, str]]:
    """A mixed line's pieces in order, (is_maths, string): "cost $J$ here" ->
    [(False, "cost "), (True, "J"), (False, " here")]. An odd number of $ is an error."""
    if s.count("$") % 2:
        raise ValueError(f"unbalanced $ in {s!r}")
    return [(i % 2 == 1, p) for i, p in enumerate(s.split("$")) if p]


@cache
def _math_size_per_text_point() -> float:
    """The LaTeX font size per Pango font point whose digits are as tall: CMU Serif and
    Computer Modern are one design, so equal digits mean equal letters."""
    return _digit_px_per_point(pango=True) / _digit_px_per_point(pango=False)


@cache
def _word_gap_per_point() -> float:
    """The gap between two words' glyphs (a space and the side bearings) per Pango point."""
    pair = Text("H H", font=FONT, font_size=48)
    return (pair[1].get_left()[0] - pair[0].get_right()[0]) / 48


@cache
def _baseline_drop(words: str, size: float, maths: bool) -> float:
    """How far the baseline of `words` (Pango, or LaTeX maths) lies above the bottom of its
    glyphs: read from the same words set after an H, whose foot stands on the baseline."""
    if maths:
        ref = MathTex(r"\mathrm{H}" + words, font_size=size)[0]
    else:
        ref = Text("H" + words, font=FONT, font_size=size)
    return float(ref[0].get_bottom()[1] - VGroup(*ref[1:]).get_bottom()[1])


class MixedText(VGroup):
    """A line of words (Text, the text face) and maths (MathTex, Computer Modern) on one
    baseline; `original_text` is the source with its $...$ segments."""

    def __init__(self, s: str, pieces: list[VGroup], drop: float):
        super().__init__(*pieces)
        self.original_text = s
        # the baseline's height above the first piece's bottom, per unit of its height
        self._drop = drop / pieces[0].height

    def get_color(self):
        """The line's colour (its first piece's: a VGroup has none of its own)."""
        return self[0].get_color()

    def baseline(self) -> float:
        """The y of the line's baseline, wherever the line has been moved or scaled to (align
        a number beside it by its baseline, not by a descender)."""
        return float(self[0].get_bottom()[1] + self._drop * self[0].height)


def mixed_text(s: str, size: float = 28, color=None, **kw) -> MixedText:
    """A line set as a LaTeX book sets it: "The cost surface $J(m, b)$" gives the words in the
    text face (Pango, theme.FONT, at `size`, never under the house minimum) and each $...$ in
    Computer Modern maths at the size whose digits match the words', on the words' baseline,
    a word space where the source has a space (none where it has none, as in "$w$-axis").
    kw go to the words' Text (weight, slant)."""
    size = max(size, min_font_size(pango=True))
    math_size = size * _math_size_per_text_point()
    color_kw = {} if color is None else {"color": color}
    gap = _word_gap_per_point() * size
    pieces: list[VGroup] = []
    drops: list[float] = []
    right, spaced = None, False
    for maths, part in split_mixed(s):
        words = part.strip()
        spaced = spaced or part[:1].isspace()
        if words:
            if maths:
                mob = MathTex(words, font_size=math_size, **color_kw)
            else:
                mob = Text(words, font=FONT, font_size=size, **color_kw, **kw)
            # the baseline at y = 0
            drops.append(_baseline_drop(words, math_size if maths else size, maths))
            mob.shift((-drops[-1] - mob.get_bottom()[1]) * UP)
            if right is not None:
                mob.shift((right + (gap if spaced else TIGHT * gap) - mob.get_left()[0]) * RIGHT)
            right = mob.get_right()[0]
            pieces.append(mob)
        spaced = part[-1:].isspace()
    if not pieces:
        raise ValueError(f"nothing to set in {s!r}")
    return MixedText(s, pieces, drops[0]).move_to(ORIGIN)


def themed_axes(theme: Theme, x_range, y_range, width, height, x_label=None, y_label=None,
                ticks=True, places=1) -> Axes:
    """Axes in the theme's muted colour with numbered ticks, labels at the axis ends.

    As in Manim, the axes cross at 0 when 0 lies in a range: start ranges at 0 (or beyond)
    for axes that cross at the lower left.
    """
    ax = Axes(
        x_range=x_range,
        y_range=y_range,
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"color": theme.muted, "stroke_width": 2, "include_numbers": ticks,
                     "font_size": TICK_SIZE,
                     "decimal_number_config": {"color": theme.text, "num_decimal_places": places}},
    )
    if ticks:
        for axis in (ax.x_axis, ax.y_axis):
            tick_numbers(theme, axis)
    add_axis_labels(theme, ax, x_label, y_label, ax.x_axis.get_right(), ax.y_axis.get_top())
    return ax


def tick_numbers(theme: Theme, axis, values=None, font_size: float = TICK_SIZE):
    """Number an axis' ticks (`values`, or those Manim numbered) in the house's one tick form,
    the stills' (numbers.tick: 0, 0.5, 1), never a column padded to one count of decimals (0.0,
    0.5, 1.0) as Manim's DecimalNumber writes it: each number takes the fewest decimals that
    write it (numbers.tick_places). Replaces axis.numbers; returns them."""
    old = getattr(axis, "numbers", None)
    if values is None:
        values = [float(n.number) for n in old] if old is not None else []
    new = VGroup(*(axis.get_number_mobject(v, font_size=font_size, color=theme.text,
                                           num_decimal_places=numbers.tick_places(v))
                   for v in values))
    if old is not None:
        axis.remove(old)
    axis.add(new)
    axis.numbers = new
    return new


def data_axes(theme: Theme, width: float, height: float, x_label="x", y_label="y",
              y_range=None, y_ticks=None) -> Axes:
    """Axes in the one view of the seven regression points (gdviz.views: X_RANGE, Y_RANGE,
    their ticks in the house's tick form), the view every still of them takes (mpl.data_view);
    a scene whose lines leave that window may take a taller y window (y_range, y_ticks), the
    same x."""
    from . import views

    (x0, x1), (y0, y1) = views.X_RANGE, y_range or views.Y_RANGE
    xs, ys = views.X_TICKS, y_ticks or views.Y_TICKS
    ax = themed_axes(theme, [x0, x1, xs[1] - xs[0]], [y0, y1, ys[1] - ys[0]], width, height,
                     x_label, y_label, ticks=False)
    for axis, ticks in ((ax.x_axis, xs), (ax.y_axis, ys)):
        tick_numbers(theme, axis, list(ticks))
    # a y window holding 0: Manim crosses the axes at y = 0; the x axis (and its letter) goes
    # down to the window's foot, as in the chapter's view (c2p and p2c are unchanged by it)
    drop = ax.c2p(x0, y0)[1] - ax.x_axis.number_to_point(x0)[1]
    if abs(drop) > 1e-9:
        ax.x_axis.shift(drop * UP)
        if x_label:
            ax.labels[0].shift(drop * UP)
    return ax


def origin_zero(theme: Theme, ax: Axes) -> MathTex:
    """The one 0 of two axes that start at 0 (their tick numbers leave it out): at their
    corner, in the column of the y axis's numbers and the row of the x axis's."""
    zero = MathTex("0", font_size=TICK_SIZE, color=theme.text)
    x_num, y_num = ax.x_axis.numbers[0], ax.y_axis.numbers[0]
    return zero.move_to([y_num.get_right()[0] - zero.width / 2, x_num.get_center()[1], 0])


def add_axis_labels(theme: Theme, ax: Axes, x_label, y_label, x_end, y_end, size: float = 32,
                    x_drop: float = 0.55, y_left: bool = False, y_buff: float = 0.6) -> VGroup:
    """The one placement of axis labels (every scene's axes): the x label right-aligned under
    x_end, its top x_drop below it; the y label beside y_end, to its right and raised, or with
    y_left y_buff to its left, top-aligned. Added to ax as ax.labels, so they move with the
    axes."""
    labels = VGroup()
    if x_label:
        lx = MathTex(x_label, font_size=size, color=theme.text)
        lx.next_to(x_end, DOWN, buff=x_drop).align_to(x_end, RIGHT)
        labels.add(lx)
    if y_label:
        ly = MathTex(y_label, font_size=size, color=theme.text)
        if y_left:
            ly.next_to(y_end, LEFT, buff=y_buff).align_to(y_end, UP)
        else:
            ly.next_to(y_end, RIGHT, buff=0.2).shift(0.25 * UP)
        labels.add(ly)
    ax.labels = labels
    ax.add(labels)
    return labels


def data_dots(theme: Theme, ax: Axes, x, y, radius=0.07) -> VGroup:
    """The data points on the axes, in the data colour."""
    return VGroup(*(Dot(ax.c2p(xi, yi), radius=radius, color=theme.data) for xi, yi in zip(x, y)))


class StyledLine(VMobject):
    """A line of one meaning (theme.LINE_STYLES) drawn in its pattern (theme.LINE_PATTERNS),
    as the stills draw it: "difference" dashes (butt ends), "reference" round dots, `on` and
    `off` in widths of the line, evenly spread so that the path starts and ends on a mark.
    A reference's dots are REFERENCE_DOT wide at least. Its marks are its submobjects; its
    stroke (colour, width, opacity) is theirs, so it fades, casts a casing and recolours as a
    line does. `kind`, `path` (the solid line it follows) and `period` (scene units from one
    mark's start to the next) are kept for the tests."""

    def __init__(self, kind: str, path: VMobject):
        if kind not in _theme.LINE_PATTERNS:
            raise ValueError(f"no patterned line {kind!r}: one of {sorted(_theme.LINE_PATTERNS)}")
        super().__init__()
        self.kind, self.path = kind, path
        width = path.get_stroke_width()
        if kind == "reference":
            width = max(width, REFERENCE_DOT)
        on, off = (v * width * STROKE_UNIT for v in _theme.LINE_PATTERNS[kind])
        length = sum(path.get_nth_curve_length(k) for k in range(path.get_num_curves()))
        if kind == "reference":
            # a dot is a mark of DOT_LENGTH of its width with round ends: (almost) a disc `on`
            # across; centre to centre on + off
            on, off = DOT_LENGTH * on, off + (1 - DOT_LENGTH) * on
        closed = path.is_closed()
        # n marks and n (closed) or n - 1 (open) gaps fill the path, the pattern stretched
        # to fit it
        n = max(1 if closed else 2, round((length + (0 if closed else off)) / (on + off)))
        gaps = n if closed else n - 1
        scale = length / (n * on + gaps * off)
        self.period = scale * (on + off)
        marks = DashedVMobject(path, num_dashes=n, dashed_ratio=n * on / (n * on + gaps * off))
        self.add(*marks.submobjects)
        self.set_stroke(path.get_stroke_color(), width, path.get_stroke_opacity())
        cap = CapStyleType.ROUND if kind == "reference" else CapStyleType.BUTT
        for m in self.family_members_with_points():
            m.set_cap_style(cap)

    def get_start(self):
        """Where the line starts: its first mark's start (the pattern starts on a mark). Read
        from the marks, which a redrawn line (always_redraw's become) takes from the new one,
        not from `path`, which it keeps from the first."""
        return self.submobjects[0].get_start() if self.submobjects else self.path.get_start()

    def get_end(self):
        """Where the line ends: its last mark's end (the pattern ends on a mark)."""
        return self.submobjects[-1].get_end() if self.submobjects else self.path.get_end()


def styled(kind: str, path: VMobject) -> VMobject:
    """`path` (a VMobject with its stroke set) drawn as a line of kind `kind`
    (theme.LINE_STYLES): "solid" the path itself, "difference" and "reference" a StyledLine.
    The one way a scene draws a dash or a dot."""
    if kind not in _theme.LINE_STYLES:
        raise ValueError(f"no line style {kind!r}: one of {sorted(_theme.LINE_STYLES)}")
    return path if kind == "solid" else StyledLine(kind, path)


def styled_line(kind: str, start, end, color, stroke_width: float) -> VMobject:
    """A straight line of kind `kind` (theme.LINE_STYLES) from `start` to `end`: e.g. the
    least cost J* across a cost panel, styled_line("reference", a, b, theme.least_cost, 3)."""
    return styled(kind, Line(start, end, color=color, stroke_width=stroke_width))


def error_bars(theme: Theme, ax: Axes, x, y, y_hat) -> VGroup:
    """The house residuals (theme.RESIDUAL): a difference (dashed) segment in the error colour
    from each point (x_i, y_i) to the line at (x_i, ŷ_i)."""
    return VGroup(*(
        styled_line("difference", ax.c2p(xi, yi), ax.c2p(xi, fi),
                    theme.role(_theme.RESIDUAL["role"]), RESIDUAL_STROKE)
        for xi, yi, fi in zip(x, y, y_hat)
    ))


def readout(label: str, value: float, places: int = 3, size: float = 30, color=None):
    """'label = value' with a live DecimalNumber: returns (group, number). Never smaller than
    the house minimum TICK_SIZE."""
    size = max(size, TICK_SIZE)
    kw = {} if color is None else {"color": color}
    lab = MathTex(label + "=", font_size=size, **kw)
    num = DecimalNumber(value, num_decimal_places=places, font_size=size, **kw)
    num.next_to(lab, RIGHT, buff=0.12)
    return VGroup(lab, num), num
