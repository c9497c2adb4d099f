"""Words with maths in one line (ThemedScene.mixed): the words in the text face, the maths in
Computer Modern, one size and one baseline, and the line's words in the captions."""

import pytest
from manim import MathTex, Text

from gdrender.captions import spoken
from gdviz.manim_theme import (
    MIN_TEXT_PX,
    ThemedScene,
    digit_px,
    min_font_size,
    mixed_text,
    split_mixed,
)
from gdviz.theme import FONT

#: Manim units of one pixel at 480p (the frame is 8 units tall)
PX = 8 / 480


def test_split_mixed_keeps_words_and_maths_in_order():
    assert split_mixed("The cost $J(m, b)$ here") == [
        (False, "The cost "), (True, "J(m, b)"), (False, " here")]
    assert split_mixed("$w$-axis") == [(True, "w"), (False, "-axis")]
    with pytest.raises(ValueError, match="unbalanced"):
        split_mixed("cost $J")


def test_words_in_the_text_face_and_maths_in_latex_at_one_digit_height():
    line = mixed_text("The cost surface $J(m, b)$", 34)
    words, maths = line
    assert isinstance(words, Text) and words.font == FONT and words.original_text == (
        "The cost surface")
    assert isinstance(maths, MathTex) and maths.tex_string == "J(m, b)"
    # one design: the digits of both faces are as tall, so are their letters
    assert digit_px(maths) == pytest.approx(digit_px(words), abs=0.05)
    # the words keep the size of the text() line they replace
    assert words.height == pytest.approx(Text("The cost surface", font=FONT,
                                              font_size=34).height, rel=1e-6)
    assert line.original_text == "The cost surface $J(m, b)$"
    # its colour is its pieces' (a readout beside it takes it)
    red = mixed_text("cost $J$", 30, "#C8102E")
    assert red.get_color().to_hex().upper() == "#C8102E"
    assert {m.get_color().to_hex().upper() for m in red} == {"#C8102E"}


def test_words_and_maths_share_a_baseline():
    # H stands on the baseline in both faces (a descender, as in J or y, would not)
    line = mixed_text(r"Hy $H$ yH $\mathrm{H}y$", 30)
    feet = [line[0][0], line[1][0][0], line[2][1], line[3][0][0]]
    bottoms = [h.get_bottom()[1] for h in feet]
    assert max(bottoms) - min(bottoms) < 0.25 * PX  # under a quarter of a pixel at 480p
    # the descenders hang below it
    assert line[0][1].get_bottom()[1] < bottoms[0] - 3 * PX
    # and the line says where it is, moved and scaled
    assert line.baseline() == pytest.approx(bottoms[0], abs=0.25 * PX)
    line.scale(2).move_to([1, 2, 0])
    assert line.baseline() == pytest.approx(line[0][0].get_bottom()[1], abs=0.5 * PX)


def test_a_space_in_the_source_is_a_word_space_and_none_is_tight():
    spaced, tight = mixed_text("cost $w$ axis", 30), mixed_text("cost $w$-axis", 30)
    gap = spaced[2].get_left()[0] - spaced[1].get_right()[0]
    assert gap == pytest.approx(spaced[1].get_left()[0] - spaced[0].get_right()[0], rel=0.01)
    assert tight[2].get_left()[0] - tight[1].get_right()[0] == pytest.approx(0.2 * gap, rel=0.01)
    # a word space: about a third of an em of the face (the side bearings beside it)
    assert 0.3 < gap / (30 / 48 * Text("M", font=FONT, font_size=48).width) < 0.5


def test_never_under_the_house_minimum():
    line = mixed_text("a $b$", 5)
    assert line[0].font_size == pytest.approx(min_font_size(pango=True))
    assert min(digit_px(m) for m in line) >= MIN_TEXT_PX - 0.05


def test_scene_logs_the_line_for_the_captions():
    scene = ThemedScene()
    scene.setup()
    line = scene.mixed(r"edge width $\propto |w|$, $\partial J/\partial w$", 24)
    assert len(line) == 4
    assert scene.caption_log[-1]["words"] == [
        [0.0, "mixed", r"edge width $\propto |w|$, $\partial J/\partial w$"]]
    assert spoken("mixed", r"edge width $\propto |w|$, $\partial J/\partial w$") == (
        "edge width ∝ |w|, ∂J/∂w")


def test_a_line_without_maths_is_plain_text():
    scene = ThemedScene()
    scene.setup()
    line = scene.mixed("left at step 35", 24)
    assert isinstance(line, Text) and line.original_text == "left at step 35"
    assert scene.caption_log[-1]["words"] == [[0.0, "text", "left at step 35"]]
