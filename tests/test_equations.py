"""The one equation source: notation, groups, alt text, and what it says checked against gdcore."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from fontcheck import assert_house_fonts

from gdcore import data, regression
from gdviz import equations as eq
from gdviz import mpl as gm
from gdviz import theme

#: Keys the figures and scenes import by name.
USED_KEYS = ("cost", "momentum", "l2-penalty", "half-mse-loss", "sigmoid-neuron",
             "backprop-delta", "backprop-hidden", "backprop-grad", "update-w")


def test_keys_in_use_still_exist():
    assert set(USED_KEYS) <= set(eq.EQUATIONS)


def test_groups_cover_every_equation_in_order():
    groups = eq.grouped()
    assert [g for g, _ in groups] == list(eq.GROUPS)
    assert all(eqs for _, eqs in groups)
    assert sum(len(eqs) for _, eqs in groups) == len(eq.EQUATIONS)


def test_all_seven_optimizers_have_update_rules():
    rules = {e.key for _, eqs in eq.grouped() if _ == "update rules" for e in eqs}
    assert {"sgd", "momentum", "nesterov", "adagrad", "adadelta-step", "adadelta-update",
            "rmsprop", "adam-moments", "adam-update"} <= rules


def test_one_meaning_per_symbol():
    every = " ".join(e.latex for e in eq.EQUATIONS.values())
    assert "m_t" not in every and "m_{t" not in every  # m is the slope, not Adam's moment
    assert "v_t" not in eq.tex("adam-moments") and "v_t" not in eq.tex("adam-update")
    assert not re.search(r"(^|[^a-zA-Z\\])L\s*=|\\partial L", every)  # L is a layer index
    assert "f(w)" not in every  # f is the model
    # g_t is defined in one equation only
    defs = [e.key for e in eq.EQUATIONS.values() if re.search(r"(^|, \\quad )g_t =", e.latex)]
    assert defs == ["gradient"]
    assert r"\nabla J\left(w_{t-1}\right)" in eq.tex("gradient")


def test_backprop_per_example_and_mean():
    assert eq.tex("backprop-grad").startswith(r"\dfrac{\partial C_i}{\partial w^{(l)}_{jk}}")
    assert r"a^{(l-1)}_k \, \delta^{(l)}_j" in eq.tex("backprop-grad")
    assert r"\dfrac{1}{n} \sum_{i=1}^{n}" in eq.tex("backprop-mean")
    assert r"C_i = \dfrac{1}{2}" in eq.tex("per-example-cost")


def test_costs_are_half_the_mean_squared_error():
    assert r"\dfrac{1}{2n}" in eq.tex("cost") and r"\dfrac{1}{2n}" in eq.tex("l2-penalty")
    assert r"\dfrac{\lambda}{2} \sum_{k \geq 1} w_k^2" in eq.tex("l2-penalty")


@pytest.mark.parametrize("lam", [0.0, 1e-3, 0.1])
def test_l2_penalty_as_written_is_minimised_by_gdcore_ridge_fit(lam):
    # J_λ(w) = 1/(2n) Σ (f_w(x_i) − y_i)² + λ/2 Σ_{k≥1} w_k²: its gradient vanishes at the fit
    x, y = data.regression_points()
    w = regression.polynomial_fit(x, y, 3, lam)
    X = regression.polynomial_features(x, 3)
    grad = X.T @ (X @ w - y) / x.size + lam * np.r_[0.0, w[1:]]
    assert np.abs(grad).max() < 1e-8 * max(1.0, np.abs(X.T @ y).max() / x.size)


def test_alt_text_is_words_not_code():
    for e in eq.EQUATIONS.values():
        assert e.alt and e.group in eq.GROUPS, e.key
        assert not re.search(r"[\\^_{}$]", e.alt), e.key
        assert not re.search(r"(^|\s)-\d", e.alt), e.key  # no hyphen-minus numbers
    alt = eq.sheet_alt()
    assert "under its name" in alt and str(len(eq.EQUATIONS)) in alt
    assert all(g in alt for g in eq.GROUPS)


def test_every_equation_sets_in_the_house_faces(tmp_path):
    th = theme.LIGHT
    with gm.themed(th):
        fig = gm.new_figure(th, height=8.0)
        for k, key in enumerate(eq.EQUATIONS):
            fig.text(0.01, 1 - (k + 0.5) / len(eq.EQUATIONS), eq.mathtext(key), fontsize=7)
        path = tmp_path / "equations.pdf"
        fig.savefig(path)
    found = assert_house_fonts(path)
    assert all(n.startswith("Cm") for n in found)  # maths only: Computer Modern


def test_shown_names_set_symbols_as_maths():
    # a figure sets an equation's name with its one-letter symbols in the maths face
    assert eq.EQUATIONS["update-m"].shown_name == "the update of $m$"
    assert eq.EQUATIONS["gradient"].shown_name == "the gradient at step $t$"
    assert eq.EQUATIONS["model-line"].shown_name == "the linear model"
    assert eq.EQUATIONS["adam-update"].shown_name == "Adam’s update"


def test_parameters_written_one_way():
    # w the parameters (a vector) in every formula, never θ; W only as a layer's weight
    # matrix W^(l), in the backpropagation equations
    for e in eq.EQUATIONS.values():
        assert r"\theta" not in e.latex and "theta" not in e.alt, e.key
        if e.group != "backpropagation":
            assert "W" not in e.latex, e.key
    assert re.findall(r"W\^\{[^}]*\}", eq.tex("backprop-hidden")) == [r"W^{(l+1)\top}"]
    assert eq.tex("momentum") == (
        r"v_t = \beta\, v_{t-1} + g_t, \quad w_t = w_{t-1} - \alpha\, v_t")
    assert eq.tex("sgd") == r"w_t = w_{t-1} - \alpha\, g_t"
    assert eq.tex("update-w") == r"w := w - \alpha \nabla J(w)"
    assert eq.tex("model-vector") == r"f(x) = w^{\top} x + b"
    assert "θ" not in " ".join(eq.SYMBOLS) and "w" in eq.SYMBOLS


def test_mathtext_tight_spaces_scripts_as_latex_does():
    # TeX sets no space around + and − at script size; mathtext would: they become ordinary
    assert eq.mathtext_tight("sgd") == r"$w_t = w_{t{-}1} - \alpha\, g_t$"
    assert r"W^{(l{+}1)\!\top}\!\delta^{(l{+}1)}" in eq.mathtext_tight("backprop-hidden")
    assert eq.mathtext_tight("model-vector") == r"$f(x) = w^{\!\top}\!x + b$"
    # the norm in tight double bars, not mathtext's loose \left\|
    assert r"\Vert a^{(L)}_i - y_i \Vert^2" in eq.mathtext_tight("per-example-cost")
    # the LaTeX itself (for MathTex) is unchanged
    assert eq.tex("sgd") == r"w_t = w_{t-1} - \alpha\, g_t"


def test_mathtext_sets_low_content_in_text_parentheses():
    # mathtext scales a \left( to its content (smaller than the text one round w_{t−1}); TeX's
    # smallest is the text one: low content keeps plain parentheses, raised or tall content
    # its \left( … \right)
    assert eq.mathtext_tight("gradient") == r"$g_t = \nabla J(w_{t{-}1})$"
    assert r"\left(a^{(L)} - y\right)" in eq.mathtext_tight("backprop-delta")
    assert r"\sigma\left(\sum_{j}" in eq.mathtext_tight("sigmoid-neuron", operators=True)
    assert r"\left(" in eq.tex("gradient")  # the LaTeX itself unchanged


def test_mathtext_carries_a_root_over_its_radicands_closing_subscript():
    # mathtext ends a root's bar at the base of G_t, short of its t: a thin space closes the
    # radicand, as TeX's bar covers the script; a root that ends in no script is left alone
    # and no gap after it: the bar's thin space taken back before "+ ε"
    assert r"\sqrt{G_t\,}\! + \epsilon" in eq.mathtext_tight("adagrad")
    assert r"\sqrt{E[g^2]_t\,}\! + \epsilon" in eq.mathtext_tight("rmsprop")
    assert r"\sqrt{r_t / (1 - \beta_2^t)}" in eq.mathtext_tight("adam-update")
    assert r"\sqrt{G_t}" in eq.tex("adagrad")  # the LaTeX itself unchanged


def test_mathtext_tight_operators_space_a_sum_as_latex_does():
    # TeX sets a thin space between a fraction (Inner) and Σ (Op), and between Σ and an
    # ordinary summand, none before a bracket; mathtext sets none: `operators` writes them
    assert eq.mathtext_tight("half-mse-loss", operators=True) == (
        r"$J = \dfrac{1}{n}\,\sum_{i=1}^{n}\, C_i$")
    assert r"\dfrac{1}{2n}\,\sum_{i=1}^{n} (" in eq.mathtext_tight("cost", operators=True)
    assert r"\sum_{j}\, w_j" in eq.mathtext_tight("sigmoid-neuron", operators=True)
    # off by default (other stills keep their set), and never in the LaTeX MathTex spaces itself
    assert eq.mathtext_tight("half-mse-loss") == r"$J = \dfrac{1}{n} \sum_{i=1}^{n} C_i$"
    assert r"\," not in eq.tex("half-mse-loss")


def test_numbered_for_a_network_of_two_layers_and_one_example():
    # L written as the network's last layer; with one example, Cᵢ written J and i dropped
    assert eq.tex_numbered("backprop-delta", 2) == (
        r"\delta^{(2)} = \left(a^{(2)} - y\right) \odot \sigma'\left(z^{(2)}\right)")
    assert eq.tex_numbered("per-example-cost", 2) == (
        r"C_i = \dfrac{1}{2} \left\| a^{(2)}_i - y_i \right\|^2")
    assert eq.tex_numbered("per-example-cost", 2, one_example=True) == (
        r"J = \dfrac{1}{2} \left\| a^{(2)} - y \right\|^2")
    assert eq.tex_numbered("backprop-grad", 2, one_example=True) == (
        r"\dfrac{\partial J}{\partial w^{(l)}_{jk}} = a^{(l-1)}_k \, \delta^{(l)}_j")


def test_an_update_in_place_is_written_as_an_assignment():
    # m := m − α ∂J/∂m, never m ← m − …, in the equations and in every picture's own string
    for key in ("update-m", "update-b", "update-w"):
        assert eq.tex(key).startswith(f"{key[-1]} {eq.ASSIGN} ")
    assert not [e.key for e in eq.EQUATIONS.values() if r"\leftarrow" in e.latex]
    root = Path(__file__).resolve().parents[1]
    sources = [*root.glob("figures/*.py"), *root.glob("scenes/*.py"), *root.glob("src/gdviz/*.py")]
    written = [p.name for p in sources if re.search(r"\\leftarrow|\\gets\b|←", p.read_text())]
    assert not written


def test_mathtext_sets_the_colon_and_equals_of_an_update_touching():
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import MathTextParser

    def x_of(s):  # each glyph's character and left edge, at 10 pt
        parsed = MathTextParser("path").parse(s, prop=FontProperties(size=10, math_fontfamily="cm"))
        return [(chr(g[2]), g[4]) for g in parsed.glyphs if g[2] < 128]

    colon = 2.778  # cmr10's colon advance, 0.2778 em
    for s in (eq.mathtext("update-m"), eq.mathtext_tight("update-w"),
              eq.in_mathtext(r"$w := w - \alpha$")):
        glyphs = x_of(s)
        c = next(i for i, (ch, _) in enumerate(glyphs) if ch == ":")
        assert glyphs[c + 1][0] == "="
        assert glyphs[c + 1][1] - glyphs[c][1] == pytest.approx(colon, abs=0.05)
    # as mathtext would set it unaided: a relation's space on each side, apart
    raw = x_of("$m := m$")
    assert raw[2][1] - raw[1][1] > colon + 3


def test_a_decay_stands_a_thin_space_from_what_it_scales():
    # β₁ s, β₂ r as ρ E[…] and β v: the coefficient and its quantity apart, never run together
    every = " ".join(e.latex for e in eq.EQUATIONS.values())
    for coefficient in (r"\rho", r"\beta", r"\beta_1", r"\beta_2"):
        for m in re.finditer(re.escape(coefficient) + r"(?![_a-zA-Z])\s*([a-zA-Z\\][^ ]*)", every):
            if not m.group(1).startswith((")", "+", "-")):
                assert m.group(1).startswith(r"\,"), (coefficient, m.group(0))
    assert r"\beta_1\, s_{t-1}" in eq.tex("adam-moments")
    assert r"\beta_2\, r_{t-1}" in eq.tex("adam-moments")


def test_every_formula_is_set_in_display_style():
    # one style per formula: every fraction a display one (\dfrac) and every Σ the display
    # glyph (cmex10's large summation, 0x58, not the text one, 0x50) at the formula's size,
    # its limits under and over it
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import MathTextParser

    every = " ".join(e.latex for e in eq.EQUATIONS.values())
    assert not re.search(r"(?<!d)frac\{", every)
    sums = [k for k, e in eq.EQUATIONS.items() if r"\sum" in e.latex]
    assert len(sums) == 7
    for key in sums:
        parsed = MathTextParser("path").parse(eq.mathtext_tight(key, operators=True),
                                              prop=FontProperties(size=10, math_fontfamily="cm"))
        big = [g for g in parsed.glyphs
               if g[0].fname.endswith("cmex10.ttf") and g[2] in (0x50, 0x58)]
        assert big and all(g[2] == 0x58 and g[1] == 10 for g in big), key


def test_sheet_alt_reads_the_groups_in_their_order():
    alt = eq.sheet_alt(2, "nesterov")
    assert "In 2 columns, read down the left one first: the update rules run on from the foot " \
        "of the left column to the head of the right, from Nesterov momentum (NAG) on" in alt
    at = [alt.index(f"{g}: ") for g in eq.GROUPS]
    assert at == sorted(at)  # the update rules before the backpropagation, as the sheet reads
    assert "the right one starts with the update rules." in eq.sheet_alt(2, "update-m")
    assert "columns" not in eq.sheet_alt()
    with pytest.raises(ValueError, match="breaks before an equation"):
        eq.sheet_alt(2)
