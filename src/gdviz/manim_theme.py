"""Manim side of the theme: the configuration, a themed Scene base and shared mobject pieces.

Importing this module applies the theme named by GD_THEME (light by default) to Manim's config,
so `manim -ql scenes/<file>.py <Scene>` picks up the same look as render.py. ThemedScene also
applies it in setup(), so a scene is themed however it is run (render.py, manim, the tests).

Scenes are built from named sections (3b1b style: variants by class attributes):
SECTIONS lists method names `section_<name>`; `upto` stops after the named one.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    DecimalNumber,
    Dot,
    Integer,
    Line,
    MathTex,
    Scene,
    Tex,
    Text,
    VGroup,
    config,
)

from . import theme as _theme
from .theme import Theme

FONT = _theme.TEXT_FACE
#: Stroke width of a residual segment in a scene (Manim units of the 1080p frame).
RESIDUAL_STROKE = 3


def apply(theme: Theme) -> None:
    """Make Manim draw in the theme: background and the default colour of text and numbers."""
    config.background_color = theme.background
    for cls in (Text, MathTex, Tex, DecimalNumber, Integer):
        cls.set_default(color=theme.text)
    Text.set_default(font=FONT, color=theme.text)


apply(_theme.get())


class ThemedScene(Scene):
    """A Scene in the current theme, run as a sequence of named sections."""

    SECTIONS: tuple[str, ...] = ()
    #: stop after this section (a variant for tests and short clips); None runs them all
    upto: str | None = None

    def setup(self):
        self.theme = _theme.get()
        apply(self.theme)
        self.camera.background_color = self.theme.background

    def construct(self):
        for name in self.SECTIONS:
            self.next_section(name)
            getattr(self, f"section_{name.replace('-', '_')}")()
            if name == self.upto:
                break
        # When animations are skipped (frames_comparison tests) no static background is cached,
        # so the final frame must redraw every mobject, not only the last moving ones.
        self.moving_mobjects = list(self.mobjects)

    # -- small helpers shared by the scenes --------------------------------------------

    def text(self, s: str, size: float = 28, color=None, **kw) -> Text:
        """Text in the scene's font and theme colour."""
        return Text(s, font=FONT, font_size=size, color=color or self.theme.text, **kw)

    def tex(self, s: str, size: float = 34, color=None) -> MathTex:
        """MathTex in the theme colour (s from gdviz.equations where it is an equation)."""
        return MathTex(s, font_size=size, color=color or self.theme.text)


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
                     "font_size": 24, "decimal_number_config": {"color": theme.text,
                                                                "num_decimal_places": places}},
    )
    labels = VGroup()
    if x_label:
        lx = MathTex(x_label, font_size=32, color=theme.text)
        lx.next_to(ax.x_axis.get_right(), DOWN + LEFT, buff=0.0).shift(0.55 * DOWN)
        labels.add(lx)
    if y_label:
        ly = MathTex(y_label, font_size=32, color=theme.text)
        ly.next_to(ax.y_axis.get_top(), RIGHT, buff=0.2).shift(0.25 * UP)
        labels.add(ly)
    ax.labels = labels
    ax.add(labels)  # the labels move with the axes
    return ax


def data_dots(theme: Theme, ax: Axes, x, y, radius=0.07) -> VGroup:
    """The data points on the axes, in the data colour."""
    return VGroup(*(Dot(ax.c2p(xi, yi), radius=radius, color=theme.data) for xi, yi in zip(x, y)))


def error_bars(theme: Theme, ax: Axes, x, y, y_hat) -> VGroup:
    """The house residuals (theme.RESIDUAL): a solid segment in the error colour from each
    point (x_i, y_i) to the line at (x_i, ŷ_i)."""
    return VGroup(*(
        Line(ax.c2p(xi, yi), ax.c2p(xi, fi), color=theme.role(_theme.RESIDUAL["role"]),
             stroke_width=RESIDUAL_STROKE)
        for xi, yi, fi in zip(x, y, y_hat)
    ))


def readout(label: str, value: float, places: int = 3, size: float = 30, color=None):
    """'label = value' with a live DecimalNumber: returns (group, number)."""
    kw = {} if color is None else {"color": color}
    lab = MathTex(label + "=", font_size=size, **kw)
    num = DecimalNumber(value, num_decimal_places=places, font_size=size, **kw)
    num.next_to(lab, RIGHT, buff=0.12)
    return VGroup(lab, num), num
