"""The house faces: every glyph of a still comes from CMU Serif or Computer Modern."""

from __future__ import annotations

import pytest
from fontcheck import assert_house_fonts, stray_fonts

from gdviz import mpl as gm
from gdviz import numbers, theme

#: The characters the figures set: minus, times, ellipsis, bars, Greek, superscripts (as maths).
TEXT = "loss J = −0.543 × 10 … |w| ‖w‖ α = 0.1, λ = 0.01"
MATHS = (r"$J_\lambda = \dfrac{1}{2n}\sum_{i=1}^{n} \|a_i - y_i\|^2 + |w|"
         r" \approx 2.7\times 10^{-21},\ W^{\top}\delta^{(L)},\ \dfrac{\partial J}{\partial w}$")


def test_stray_fonts_names_only_foreign_faces():
    names = ["CMUSerif-Roman", "CMUSerif-Italic", "Cmmi10", "Cmsy10", "Cmex10", "Cmr10",
             "DejaVuSans", "STIXGeneral-Regular"]
    assert stray_fonts(names) == ["DejaVuSans", "STIXGeneral-Regular"]


@pytest.mark.parametrize("name", theme.THEME_NAMES)
def test_small_figure_embeds_only_cmu_serif_and_computer_modern(tmp_path, name):
    th = theme.get(name)
    with gm.themed(th):
        fig, ax = gm.subplots(th, height=2.0)
        ax.plot([-2, 0, 3], [1e-3, 1, 1e2], label=f"α = 0.1 {numbers.text(-0.25, 2)}")
        ax.set_yscale("log")  # tick labels 10⁻³ … 10² as maths
        ax.set_title("Cost against iteration")
        ax.set_xlabel(TEXT)
        ax.set_ylabel(MATHS)
        ax.text(0, 1, " ".join(numbers.mathtext(v) for v in (2.7e-21, 1.1e12, -3e-5)))
        ax.legend()
        path = tmp_path / "small.pdf"
        fig.savefig(path)
    found = assert_house_fonts(path)
    assert "CMUSerif-Roman" in found
    assert {"Cmmi10", "Cmsy10", "Cmr10", "Cmex10"} <= set(found)


def test_text_face_and_maths_set_in_both_sides():
    rc = theme.mpl_rc(theme.LIGHT)
    assert rc["font.family"] == "serif" and rc["font.serif"] == [theme.TEXT_FACE]
    assert rc["mathtext.fontset"] == theme.MATH_FONTSET == "cm"
    from gdviz import manim_theme

    assert manim_theme.FONT == theme.TEXT_FACE


def test_text_face_covers_the_text_glyphs_and_lacks_the_maths_ones():
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=theme.TEXT_FACE),
                                 fallback_to_default=False)
    cmap = TTFont(path).getBestCmap()
    assert all(ord(c) in cmap for c in "−×…|‖·αβγδεηθλμνρσΣ0123456789½²³")
    # these must be set as maths (numbers.mathtext, equations), never as text
    assert not any(ord(c) in cmap for c in "⁰⁴⁵⁶⁷⁸⁹⁻≈∂∇⊤")


def test_a_formula_is_parsed_once_for_every_drawing():
    # each drawing makes its own renderers, each with its own parser: gdviz.mpl shares their
    # parses, so a formula is parsed once per size, output kind and maths face, not per drawing
    import matplotlib
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import MathTextParser

    prop = FontProperties(size=9)
    first = MathTextParser("agg").parse(r"$J(m, b) = 0.5$", 123, prop)
    assert MathTextParser("agg").parse(r"$J(m, b) = 0.5$", 123, prop) is first
    assert MathTextParser("path").parse(r"$J(m, b) = 0.5$", 123, prop) is not first
    assert MathTextParser("agg").parse(r"$J(m, b) = 0.5$", 124, prop) is not first
    with matplotlib.rc_context({"mathtext.fontset": "stix"}):
        other = MathTextParser("agg").parse(r"$J(m, b) = 0.5$", 123, FontProperties(size=9))
    assert other is not first and other.width != first.width
