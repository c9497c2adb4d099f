"""Every video's words and numbers can be read at 480p (854 × 480): at least MIN_TEXT_PX tall.

The measure: the height, in pixels of the 480-pixel frame, that the digit "0" has at a text
mobject's effective font size (its `font_size`, which follows any scaling done after it was
made), in the mobject's own typesetting (Pango for Text/MarkupText, LaTeX for MathTex, Tex,
DecimalNumber and Integer). A digit is the smallest full-height glyph of a tick label or a
readout, so a label whose digits reach 12 px reads; lower-case letters and sub/superscripts
scale with it. The digit heights per font point are measured here, from Manim, not written by
hand.

Each scene is rendered section by section without writing video; after every play and wait
(and at the end) every text mobject on screen and visible is measured, and the smallest size
each one ever had is compared with the minimum.
"""

from __future__ import annotations

import pytest
from frames import variant
from manim import (
    DecimalNumber,
    MarkupText,
    SingleStringMathTex,
    Text,
    config,
)

from gdrender.catalog import TARGETS
from gdviz.manim_theme import MIN_TEXT_PX, TICK_SIZE, digit_px
from gdviz.theme import FONT

TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber)
SCENES = [t for t in TARGETS if "animation" in t.kinds]


def scene_class(target):
    module = __import__(f"scenes.{target.stem}", fromlist=[target.scene_class])
    return getattr(module, target.scene_class)


def visible(mob) -> bool:
    return any(max(m.get_fill_opacity(), m.get_stroke_opacity()) > 0
               for m in mob.family_members_with_points())


def text_mobjects(mobjects):
    """The outermost text mobjects among mobjects' families (a DecimalNumber, not its digits)."""
    out = []

    def walk(m):
        if isinstance(m, TEXT_TYPES):
            out.append(m)
            return
        for s in m.submobjects:
            walk(s)

    for m in mobjects:
        walk(m)
    return out


def label(m) -> str:
    if isinstance(m, DecimalNumber):
        return f"{type(m).__name__} {m.get_value():g}"
    s = getattr(m, "original_text", None) or getattr(m, "tex_string", None) or ""
    return f"{type(m).__name__} {s[:30]!r}"


def smallest_texts(scene_cls) -> dict[int, tuple[float, str]]:
    """{id: (smallest digit height in px at 480p, what it is)} over the scene's text mobjects."""
    seen: dict[int, tuple[float, str]] = {}

    def probe(scene):
        for m in text_mobjects(scene.mobjects):
            if m.height <= 0 or not visible(m):
                continue
            px = digit_px(m)
            if id(m) not in seen or px < seen[id(m)][0]:
                seen[id(m)] = (px, label(m))

    def play(self, *args, **kw):
        base.play(self, *args, **kw)
        probe(self)

    base = scene_cls
    probed = variant(scene_cls, play=play)
    scene = probed(skip_animations=True)
    scene.render()
    probe(scene)
    return seen


def test_digit_heights_are_measured_at_480p():
    # 480 px over the frame's height: the pixel size of one Manim unit at 480p
    assert 480 / config.frame_height == 60
    # the house tick size is the smallest round size whose LaTeX digits reach the minimum
    assert digit_px(SingleStringMathTex("0", font_size=TICK_SIZE)) >= MIN_TEXT_PX
    assert digit_px(SingleStringMathTex("0", font_size=24)) < MIN_TEXT_PX  # the old ticks
    # a digit is about 0.43 of the LaTeX font size at 1 px per point at 480p (cm's 0.644 em)
    assert digit_px(SingleStringMathTex("0", font_size=48)) == pytest.approx(20.56, abs=0.05)
    assert digit_px(Text("0", font=FONT, font_size=48)) == pytest.approx(27.5, abs=0.1)


@pytest.mark.parametrize("target", SCENES, ids=[t.id for t in SCENES])
def test_scene_text_is_at_least_12px_at_480p(target):
    seen = smallest_texts(scene_class(target))
    assert seen, "a scene with no words or numbers"
    small = sorted({(round(px, 1), what) for px, what in seen.values() if px < MIN_TEXT_PX})
    assert not small, (f"{len(small)} text mobjects under {MIN_TEXT_PX} px at 480p: "
                       + "; ".join(f"{what} {px} px" for px, what in small[:8]))
