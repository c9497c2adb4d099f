"""Rules every video keeps (issue 14, item 9; issue 13), checked on every scene as it plays.

Nothing pops: no object vanishes at once, so no frame loses more than half of the ink of the
frame before it (gdrender.videocheck.POP_LIMIT, the rule `render.py --check` holds rendered
videos to). Within a play every change is continuous; between two plays, what was shown when
the first ended and what is shown when the next has begun are compared (frames.record_pops).

Words and numbers can be read at 480p (854 × 480): at least MIN_TEXT_PX tall.

The measure: the height, in pixels of the 480-pixel frame, that the digit "0" has at a text
mobject's effective font size (its `font_size`, which follows any scaling done after it was
made), in the mobject's own typesetting (Pango for Text/MarkupText, LaTeX for MathTex, Tex,
DecimalNumber and Integer). A digit is the smallest full-height glyph of a tick label or a
readout, so a label whose digits reach 12 px reads; lower-case letters and sub/superscripts
scale with it. The digit heights per font point are measured here, from Manim, not written by
hand.

Maths is set in the maths face, never in the text face: the words each scene set in Pango
(ThemedScene.text, and the word pieces of ThemedScene.mixed, as its caption log holds them)
name no symbol (J, m, b, w, α, λ, ∂J/∂w, ‖w‖, |w|, b*, C₁).

Nothing comes within MARGIN_PX (0.4 Manim units) of the frame's edge at 480p: after every play
and wait, every visible mobject's drawn points (projected by a 3-D scene's camera) are measured
(frames.record_margins).

Each scene is rendered without writing video (the render its frame test compared); after every
play and wait (and at the end) every text mobject on screen and visible was measured
(frames.record_text_px), and the smallest size each one ever had is compared with the minimum.
"""

from __future__ import annotations

import pytest
from fontcheck import maths_in_text
from frames import UNIT_PX, rendered, variant
from manim import (
    LEFT,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    SingleStringMathTex,
    Square,
    Text,
    config,
)

from gdrender.catalog import TARGETS
from gdrender.videocheck import POP_LIMIT
from gdviz.manim_theme import MIN_TEXT_PX, TICK_SIZE, ThemedScene, digit_px, split_mixed
from gdviz.theme import FONT

SCENES = [t for t in TARGETS if "animation" in t.kinds]

#: The least distance, in px at 480p, from anything drawn to the frame's edge.
MARGIN_PX = 24


def scene_class(target):
    module = __import__(f"scenes.{target.stem}", fromlist=[target.scene_class])
    return getattr(module, target.scene_class)


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
    seen = rendered(scene_class(target)).text_px
    assert seen, "a scene with no words or numbers"
    small = sorted({(round(px, 1), what) for px, what in seen.values() if px < MIN_TEXT_PX})
    assert not small, (f"{len(small)} text mobjects under {MIN_TEXT_PX} px at 480p: "
                       + "; ".join(f"{what} {px} px" for px, what in small[:8]))


class _Pops(ThemedScene):
    """A filled square and a ring: faded in, then the square faded in again while shown (it
    vanishes as the play begins), the ring removed and shown again, then both faded out."""

    def construct(self):
        square, ring = Square(side_length=3).set_fill("#336699", 1), Circle(radius=2)
        self.play(Create(ring), FadeIn(square))
        self.play(FadeIn(square))  # pop: out at once, then fading back
        self.remove(ring)  # pop of a thin ring: little ink
        self.play(FadeIn(ring))
        self.play(FadeOut(square), FadeOut(ring))  # a fade: no pop


def test_a_pop_between_plays_is_measured():
    scene = variant(_Pops)(skip_animations=True)
    scene.render()
    (k1, square, what1), (k2, ring, what2) = scene.pops
    assert (k1, what1, k2, what2) == (2, "Square", 3, "Circle")
    assert square > 0.9  # the square was nearly all the ink
    assert 0 < ring < 0.1


@pytest.mark.parametrize("target", SCENES, ids=[t.id for t in SCENES])
def test_scene_pops_nothing(target):
    scene = rendered(scene_class(target))
    assert scene.plays_begun > 5
    pops = [(k, round(lost, 2), what) for k, lost, what in scene.pops if lost > POP_LIMIT]
    assert not pops, f"ink lost at once as a play began (play, share, what): {pops}"


def text_face_words(caption_log) -> list[str]:
    """The strings a scene set in the text face: its text() words and the words of its
    mixed() lines (without their $...$ maths)."""
    out = []
    for section in caption_log:
        for _, kind, s in section["words"]:
            if kind == "text":
                out.append(s)
            elif kind == "mixed":
                out.extend(p for maths, p in split_mixed(s) if not maths)
    return out


def test_maths_in_text_is_found():
    found = [s for s in ("The cost surface J(m, b)", "edge width ∝ |w|", "at b*", "α = 0.1",
                         "λ = 10⁻¹⁶", "‖(w₁, …, w₉)‖", "after: w + Δw", "iteration t",
                         "so J = C₁") if maths_in_text(s)]
    assert len(found) == 9
    assert not [s for s in ("a 2-16-2 tanh network, 3 layers", "each step's gradient",
                            "L2 regularisation calms the degree-9 fit", "I see a fold",
                            r"cost $J(m, b)$ of $w$-axis", r"\$5 or $\alpha$")
                if maths_in_text(s)]
    log = [{"words": [[0, "mixed", "The cost $J(m, b)$ of $w$-axis"], [0, "tex", "J"]]}]
    assert text_face_words(log) == ["The cost ", " of ", "-axis"]


@pytest.mark.parametrize("target", SCENES, ids=[t.id for t in SCENES])
def test_scene_sets_maths_in_the_maths_face(target):
    words = text_face_words(rendered(scene_class(target)).caption_log)
    assert words, "a scene with no words"
    bad = [s for s in words if maths_in_text(s)]
    assert not bad, f"maths in the text face: {bad}"


class _Edge(ThemedScene):
    """A square whose right edge lies 0.3 units (18 px) inside the frame, then moved in."""

    def construct(self):
        square = Square(side_length=1).move_to([config.frame_width / 2 - 0.8, 0, 0])
        self.play(FadeIn(square))
        self.play(square.animate.shift(LEFT))


def test_the_margin_is_the_least_over_every_play():
    scene = variant(_Edge)(skip_animations=True)
    scene.render()
    px, what = scene.margin_px
    assert UNIT_PX == 60
    assert px == pytest.approx(0.3 * 60, abs=0.1) and "Square" in what


@pytest.mark.parametrize("target", SCENES, ids=[t.id for t in SCENES])
def test_scene_keeps_off_the_frame_edge(target):
    px, what = rendered(scene_class(target)).margin_px
    px = round(px, 6)  # a title set 0.4 units from the edge is 24 px, not 23.999…
    assert px >= MARGIN_PX, f"{what} comes {px:.1f} px from the frame's edge (< {MARGIN_PX})"
