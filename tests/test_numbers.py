"""Numbers written for people (gdviz.numbers): every expected string written by hand."""

from __future__ import annotations

import pytest

from gdviz import numbers as nb


@pytest.mark.parametrize(("v", "places", "expected"), [
    (0.5, None, "0.5"),
    (-0.25, None, "−0.25"),
    (-0.25, 2, "−0.25"),
    (13.9, 2, "13.90"),
    (0.0737, 2, "0.07"),
    (-0.001, 2, "0.00"),  # rounds to zero: no sign
    (0.0737, None, "0.074"),
    (1234.5678, None, "1200"),
    (2.7e-21, None, "≈ 0"),
    (-3e-11, 3, "≈ 0"),
    (3e-5, None, "3 × 10⁻⁵"),
    (1e-5, None, "10⁻⁵"),
    (-2.71e-4, None, "−2.7 × 10⁻⁴"),
    (1.1e12, None, "1.1 × 10¹²"),
    (2280612.72, 2, "2.3 × 10⁶"),
    (0.0, None, "0"),
    (0.0, 3, "0.000"),
])
def test_text(v, places, expected):
    assert nb.text(v, places) == expected


def test_no_hyphen_minus_nor_e_notation_in_text():
    for v in (-1e-9, -5e-4, -3.3, -7e7, 1e80):
        s = nb.text(v)
        assert "-" not in s and "e" not in s and "^" not in s


@pytest.mark.parametrize(("v", "expected"), [
    (-0.25, "-0.25"),
    (3e-5, r"3 \times 10^{-5}"),
    (1e-5, "10^{-5}"),
    (1e80, "10^{80}"),
    (-1.1e12, r"-1.1 \times 10^{12}"),
    (1e-15, r"\approx 0"),
])
def test_latex(v, expected):
    assert nb.latex(v) == expected


@pytest.mark.parametrize(("v", "expected"), [
    (-0.25, "−0.25"),
    (3e-5, r"$3 \times 10^{-5}$"),
    (1e-15, r"$\approx 0$"),
])
def test_mathtext_uses_maths_only_for_powers_and_approx(v, expected):
    assert nb.mathtext(v) == expected


def test_pango_superscript_markup_and_floor():
    assert nb.pango(-3e-5) == "−3 × 10<sup>−5</sup>"
    assert nb.pango(0.1234, 2) == "0.12"
    with pytest.raises(ValueError, match="below the floor"):
        nb.pango(1e-20)


def test_floor_and_sig_are_settable():
    assert nb.text(2e-7, floor=1e-6) == "≈ 0"
    assert nb.text(2e-7) == "2 × 10⁻⁷"
    assert nb.text(1.23456e-4, sig=3) == "1.23 × 10⁻⁴"


def test_count():
    assert nb.count(2280612) == "2,280,612"
    assert nb.count(1000) == "1,000"
    assert nb.count(999) == "999"
    assert nb.count(-12000) == "−12,000"
    with pytest.raises(ValueError, match="whole number"):
        nb.count(2.5)


def test_hyper():
    assert nb.hyper(r"\alpha", 0.1) == "α = 0.1"
    assert nb.hyper(r"\beta", 0.9) == "β = 0.9"
    assert nb.hyper(r"\beta_2", 0.999) == "β₂ = 0.999"
    assert nb.hyper(r"\lambda", 1e-4) == "λ = 10⁻⁴"
    assert nb.hyper(r"\alpha", 0.1, "mathtext") == r"$\alpha = 0.1$"
    assert nb.hyper(r"\lambda", 3e-5, "latex") == r"\lambda = 3 \times 10^{-5}"
    with pytest.raises(ValueError, match="medium"):
        nb.hyper(r"\alpha", 0.1, "html")


def test_not_finite_is_refused():
    with pytest.raises(ValueError, match="finite"):
        nb.text(float("nan"))


def test_power10_for_exponents_beyond_floats():
    assert nb.power10(11935) == "10¹¹⁹³⁵" and nb.power10(80) == "10⁸⁰"
    assert nb.power10(-5) == "10⁻⁵"
    assert nb.power10(11935, "mathtext") == "$10^{11935}$"
    assert nb.power10(80, "latex") == "10^{80}"
    for bad in (2.5, True):
        with pytest.raises(ValueError):
            nb.power10(bad)
    with pytest.raises(ValueError):
        nb.power10(3, "pango")


def test_relation_follows_a_symbol():
    # "$J = 0.021$", and below the floor "$J \approx 0$", never "= ≈ 0"
    assert nb.relation(0.0209258, places=3) == "= 0.021"
    assert nb.relation(3.6e-21) == r"\approx 0"
    assert nb.relation(-0.25, places=2) == "= -0.25"


@pytest.mark.parametrize("v, places", [(82.6031, 1), (17.3975, 1), (3.6715, 2), (0.7821, 3),
                                       (0.0458, 4), (0.00904, 4), (1234.5, 0), (0.0, 4)])
def test_sig_places_keeps_three_significant_digits_up_to_four_decimals(v, places):
    assert nb.sig_places(v) == places


def test_sig_places_refuses_what_is_not_a_number():
    with pytest.raises(ValueError):
        nb.sig_places(float("nan"))


def test_a_setting_is_never_written_as_rounding_noise():
    # λ = 10⁻¹³ is a strength the figure chose, not a value lost in rounding (floor 10⁻¹⁰)
    assert nb.text(1e-13) == "≈ 0"
    assert nb.hyper(r"\lambda", 1e-13) == "λ = 10⁻¹³"
    assert nb.hyper(r"\lambda", 1e-13, "mathtext") == r"$\lambda = 10^{-13}$"


@pytest.mark.parametrize(("v", "expected"), [
    (0.2, "0.20"), (0.0712, "0.071"), (4.0, "4.0"), (0.0099, "0.0099"), (0.15, "0.15"),
    (12.3, "12"), (-0.5, "−0.50"), (3.4e-5, "3.4 × 10⁻⁵"), (2.3e6, "2.3 × 10⁶"), (1e-12, "≈ 0"),
])
def test_significant_keeps_the_zeros_of_its_figures(v, expected):
    # one quantity's numbers in one figure read alike: 0.20 beside 0.071, never 0.2
    assert nb.significant(v) == expected


def test_significant_in_each_medium():
    assert nb.significant(0.2, 2, "mathtext") == "0.20"
    assert nb.significant(3.4e-5, 2, "mathtext") == r"$3.4 \times 10^{-5}$"
    assert nb.significant(-4.0, 3, "latex") == "-4.00"
    with pytest.raises(KeyError):
        nb.significant(1.0, 2, "pango")


def test_significant_keeps_the_zeros_of_a_power_when_asked():
    # a live readout: one rule over its whole range, three figures, powers under 0.01
    got = [nb.significant(v, 3, "pango", low=0.01, power_zeros=True)
           for v in (0.014, 0.00283, 5.9e-4, 7.42)]
    assert got == ["0.0140", "2.83 × 10<sup>−3</sup>", "5.90 × 10<sup>−4</sup>", "7.42"]
    assert nb.significant(1e-5, 2, "text", power_zeros=True) == "1.0 × 10⁻⁵"
    assert nb.significant(-0.009, 2, "latex", low=0.01, power_zeros=True) == \
        r"-9.0 \times 10^{-3}"
    assert nb.significant(1e-5, 2) == "10⁻⁵"  # without it, the shortest power as before


@pytest.mark.parametrize(("words", "noise"), [
    ("$J = 0.9400$", ["0.9400"]),  # two zeros pad a J of two figures (0.94)
    ("(μ = 3.600, σ = 0.821)", ["3.600"]),
    ("from 10.500 to 0.100", ["10.500", "0.100"]),
    ("J = 0.0090", []),  # its one zero is the second significant figure
    ("mean 0.160, J = 0.080", []),  # three places, one zero each
    ("1,000 steps, 1.005", []),
    ("2.00", []),  # a bare number (a table cell) keeps its column's places
    ("−1.500", []),
])
def test_zero_noise(words, noise):
    assert nb.zero_noise(words) == noise


def test_floor_words_name_the_floor_that_writes_approx_zero():
    from gdviz import mpl as gm

    assert nb.floor_words() == "below 10⁻¹⁰" and nb.FLOOR == 1e-10
    assert nb.floor_words("mathtext") == "below $10^{-10}$"
    assert nb.text(nb.FLOOR / 2) == "≈ 0" and nb.text(nb.FLOOR * 2) != "≈ 0"
    for name in ("overfitting_poly", "model_capacity", "regularization"):
        doc = gm.doc_of(gm.load(f"figures.{name}"))
        assert "≈ 0, below 10⁻¹⁰" in doc.caption or "≈ 0 (rounding noise, below 10⁻¹⁰)" \
            in doc.caption, name


@pytest.mark.parametrize("v, want", [(0.94, "0.940"), (0.009028, "0.00903"), (14.04, "14.0"),
                                     (0.0349, "0.0349"), (82.6, "82.6"), (3.4e-22, "≈ 0"),
                                     (0.09001, "0.090")])
def test_every_cost_takes_three_significant_figures(v, want):
    # one rule for a cost J in every still: COST_SIG significant figures, zeros kept
    assert nb.COST_SIG == 3
    assert nb.cost(v) == want
    assert not nb.zero_noise(nb.cost(v))  # its zeros kept, but never two at the end


@pytest.mark.parametrize("v, expected", [
    (0.0, "0"), (-0.0, "0"), (0.5, "0.5"), (1.0, "1"), (2.5, "2.5"), (-1.0, "−1"), (10.0, "10"),
    (0.1 + 0.2, "0.3"), (0.25, "0.25"), (-0.1, "−0.1"), (1.5, "1.5"), (1e-17, "0"),
])
def test_tick_writes_each_number_in_its_shortest_form(v, expected):
    # the house's one tick rule, stills and videos: 0, 0.5, 1, never 0.0, 0.5, 1.0
    assert nb.tick(v, "text") == expected
    assert nb.tick(v) == expected  # mathtext: plain text where no power is needed
    assert nb.tick(v, "latex") == expected.replace("−", "-")


def test_tick_places_are_the_fewest_that_write_the_value():
    assert [nb.tick_places(v) for v in (3.0, 0.5, 0.25, 0.125, 1 / 3)] == [0, 1, 2, 3, 6]
