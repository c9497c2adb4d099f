"""Numbers written for people, in each medium a number is set in.

One rule, four media: `text` (captions, alt text, and matplotlib labels that need no maths),
`mathtext` (any matplotlib label: maths only where a power or ≈ needs it), `latex` (Manim's
MathTex and DecimalNumber-like labels) and `pango` (Manim's Text/MarkupText).

- The minus is the true minus U+2212 (in LaTeX, math mode's own), never a hyphen.
- Powers are written 2.7 × 10⁻²¹ (10⁻⁵ when the mantissa is 1), never 1e-05 or 10^5.
- |value| below FLOOR is rounding noise: written "≈ 0".
- `places` fixes the decimals (give every number of one figure the same `places`); without it
  a value is written in its shortest form to `sig` significant digits.
- Plain numbers from SCI_LOW up to (not including) SCI_HIGH; outside, powers of ten.
- Thousands separators for counts only (`count`): 2,280,612 steps, but a norm is 2.3 × 10⁶.
- Hyper-parameters as "α = 0.1" (`hyper`): symbol, spaced equals sign, shortest value.
"""

from __future__ import annotations

import math
import re

MINUS = "\u2212"
#: Below this magnitude a value is rounding noise and is written "≈ 0".
FLOOR = 1e-10
#: Plain decimals for SCI_LOW <= |v| < SCI_HIGH, a power of ten outside.
SCI_LOW = 1e-3
SCI_HIGH = 1e6

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SUBSCRIPT = str.maketrans("0123456789t", "₀₁₂₃₄₅₆₇₈₉ₜ")
#: Text forms of the LaTeX symbols hyper-parameters are named by.
_GREEK = {r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\lambda": "λ", r"\rho": "ρ",
          r"\epsilon": "ε", r"\eta": "η", r"\mu": "μ", r"\sigma": "σ"}


def _parts(v: float, places: int | None, sig: int, floor: float):
    """(kind, sign, mantissa, exponent): kind is 'zero≈', 'plain' or 'sci'."""
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"not a finite number: {v!r}")
    if v != 0 and abs(v) < floor:
        return "approx", "", "0", None
    a = abs(v)
    if v != 0 and (a >= SCI_HIGH or (places is None and a < SCI_LOW)):
        mant, exp = f"{a:.{sig - 1}e}".split("e")
        mant = mant.rstrip("0").rstrip(".") if "." in mant else mant
        return "sci", "-" if v < 0 else "", mant, int(exp)
    if places is not None:
        s = f"{a:.{places}f}"
    else:
        digits = sig - 1 - math.floor(math.log10(a)) if a else 0
        s = f"{round(a, digits):.{max(digits, 0)}f}"
        s = s.rstrip("0").rstrip(".") if "." in s else s
    zero = float(s) == 0
    return "plain", "" if zero or v > 0 else "-", s, None


def text(v: float, places: int | None = None, sig: int = 2, floor: float = FLOOR) -> str:
    """Unicode: −0.25, 2.7 × 10⁻²¹, 10⁻⁵, ≈ 0 (captions, alt text)."""
    kind, sign, mant, exp = _parts(v, places, sig, floor)
    if kind == "approx":
        return "≈ 0"
    sign = MINUS if sign else ""
    if kind == "plain":
        return sign + mant
    power = "10" + str(exp).translate(_SUPERSCRIPT)
    return sign + (power if mant == "1" else f"{mant} × {power}")


def floor_words(medium: str = "text", floor: float = FLOOR) -> str:
    """What "≈ 0" stands for, said once where it is printed: "below 10⁻¹⁰" (`text`), or with
    the power as maths for a matplotlib label (`mathtext`) or MathTex (`latex`)."""
    e = round(math.log10(floor))
    if medium == "text":
        return "below " + power10(e)
    if medium in ("mathtext", "latex"):
        p = power10(e, "latex")
        return f"below ${p}$" if medium == "mathtext" else rf"\text{{below }} {p}"
    raise ValueError(f"unknown medium {medium!r}")


def latex(v: float, places: int | None = None, sig: int = 2, floor: float = FLOOR) -> str:
    """LaTeX maths (no $): -0.25, 2.7 \\times 10^{-21}, 10^{-5}, \\approx 0."""
    kind, sign, mant, exp = _parts(v, places, sig, floor)
    if kind == "approx":
        return r"\approx 0"
    if kind == "plain":
        return sign + mant
    power = f"10^{{{exp}}}"
    return sign + (power if mant == "1" else rf"{mant} \times {power}")


def relation(v: float, places: int | None = None, sig: int = 2, floor: float = FLOOR) -> str:
    """LaTeX maths (no $) that follows a symbol: '= 0.021', or '\\approx 0' below the floor
    (never '= \\approx 0'): f"$J {relation(v)}$"."""
    s = latex(v, places, sig, floor)
    return s if s == r"\approx 0" else "= " + s


def mathtext(v: float, places: int | None = None, sig: int = 2, floor: float = FLOOR) -> str:
    """A matplotlib label: plain text (−0.25) when it can be, $…$ maths for powers and ≈ 0
    (the text face has no superscript digits nor ≈)."""
    kind = _parts(v, places, sig, floor)[0]
    return text(v, places, sig, floor) if kind == "plain" else f"${latex(v, places, sig, floor)}$"


def pango(v: float, places: int | None = None, sig: int = 2, floor: float = FLOOR) -> str:
    """Pango markup for Manim's MarkupText: −0.25, 2.7 × 10<sup>−21</sup>. A value below the
    floor needs ≈, which the text face lacks: set it with `latex` in MathTex."""
    kind, sign, mant, exp = _parts(v, places, sig, floor)
    if kind == "approx":
        raise ValueError(f"{v!r} is below the floor: set '≈ 0' with latex() in MathTex")
    sign = MINUS if sign else ""
    if kind == "plain":
        return sign + mant
    power = f"10<sup>{str(exp).replace('-', MINUS)}</sup>"
    return sign + (power if mant == "1" else f"{mant} × {power}")


#: The most decimals a tick is written with (a tick at a finer step is a scale's mistake).
TICK_MOST_PLACES = 6


def tick_places(v: float) -> int:
    """The fewest decimals that write the tick value v exactly (to rounding noise): 0 for 1.0,
    1 for 0.5, 2 for 0.25."""
    v = float(v)
    tol = 1e-9 * max(1.0, abs(v))
    return next((p for p in range(TICK_MOST_PLACES + 1) if abs(round(v, p) - v) <= tol),
                TICK_MOST_PLACES)


def tick(v: float, medium: str = "mathtext") -> str:
    """An axis' tick number in its shortest form, the house's one tick rule for stills and
    videos: 0, 0.5, 1, 2.5, −1 (never 0.0, 1.0, 2.50 as a program prints a column of them).
    medium: "text", "mathtext" (matplotlib) or "latex" (MathTex)."""
    v = float(v)
    if abs(v) < 1e-12:
        v = 0.0
    form = {"text": text, "mathtext": mathtext, "latex": latex}[medium]
    return form(v, places=tick_places(v), floor=0.0)


#: Small counts written as words in titles and captions ("two basins", "Six runs").
WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def word(n: int) -> str:
    """A small count as a word (0 to 10: "no" … "ten"), a larger one in digits."""
    return WORDS[n] if 0 <= n < len(WORDS) else count(n)


def count(n: int, medium: str = "text") -> str:
    """A count with thousands separators: 2,280,612 (an integer, never a measurement); in
    `latex` (maths, no $) the separator braced, 2{,}280{,}612, so that it sets no space."""
    if isinstance(n, bool) or not float(n).is_integer():
        raise ValueError(f"a count is a whole number, got {n!r}")
    n = int(n)
    if medium == "latex":
        return ("-" if n < 0 else "") + f"{abs(n):,}".replace(",", "{,}")
    if medium != "text":
        raise ValueError(f"medium must be text or latex, got {medium!r}")
    return (MINUS if n < 0 else "") + f"{abs(n):,}"


def power10(exponent: int, medium: str = "text") -> str:
    """Ten to a whole power too large for a float, as a power: power10(11935) is "10¹¹⁹³⁵"
    (text), "$10^{11935}$" (mathtext) or "10^{11935}" (latex). No separators in the power."""
    if isinstance(exponent, bool) or not float(exponent).is_integer():
        raise ValueError(f"a power of ten needs a whole exponent, got {exponent!r}")
    e = int(exponent)
    if medium == "text":
        return "10" + str(e).translate(_SUPERSCRIPT)
    if medium in ("latex", "mathtext"):
        tex = f"10^{{{e}}}"
        return tex if medium == "latex" else f"${tex}$"
    raise ValueError(f"medium must be text, mathtext or latex, got {medium!r}")


def hyper(symbol: str, v: float, medium: str = "text", sig: int = 3) -> str:
    """A hyper-parameter: hyper(r"\\alpha", 0.1) is "α = 0.1" (text), "$\\alpha = 0.1$"
    (mathtext) or "\\alpha = 0.1" (latex). `symbol` is LaTeX; subscripts like \\beta_1 work.
    A setting is never rounding noise: λ = 10⁻¹³ is written so, not "≈ 0" (no floor)."""
    if medium == "latex":
        return f"{symbol} = {latex(v, sig=sig, floor=0)}"
    if medium == "mathtext":
        return f"${symbol} = {latex(v, sig=sig, floor=0)}$"
    if medium != "text":
        raise ValueError(f"medium must be text, mathtext or latex, got {medium!r}")
    base, _, sub = symbol.partition("_")
    name = _GREEK.get(base, base) + sub.strip("{}").translate(_SUBSCRIPT)
    return f"{name} = {text(v, sig=sig, floor=0)}"


#: A decimal ending in two or more zeros ("0.9400", "3.600"): more places than any rule of the
#: house gives a number set among words (zero_noise).
_ZERO_NOISE = re.compile(r"(?<![\d.,])\d+\.\d*00(?!\d)")
#: A string that is one number and nothing else: a tick, a table cell, a neuron's value. Such a
#: number keeps its column's places (1.00, 1.50, 2.00 under one another).
_BARE = re.compile(r"\s*[−-]?[\d.,]+\s*")


def zero_noise(words: str) -> list[str]:
    """The numbers of `words` that carry trailing zeros no rule asks for: "J = 0.9400" gives
    ["0.9400"] (J to two significant figures is 0.94; beside 0.0090 the zeros only pad). A
    number's last zero may carry a figure (0.0090, 0.160 of three places); two never do. A
    bare number (a table cell) is exempt: it keeps its column's places (a tick takes its
    shortest form, `tick`)."""
    if _BARE.fullmatch(words):
        return []
    return _ZERO_NOISE.findall(words)


def formatted(v, spec: str) -> str:
    """format(v, spec) written for people: a true minus, and powers of ten instead of
    e-notation (with the spec's precision as significant digits, no "≈ 0" floor). Used to fill
    the {facts} of captions and alt text, whose format specs are Python's."""
    s = format(v, spec)
    if isinstance(v, bool) or not isinstance(v, int | float):
        return s
    if "e" in s.lower() and math.isfinite(v):
        precision = spec.rsplit(".", 1)[-1].rstrip("eEgG%") if "." in spec else ""
        sig = int(precision) + (1 if spec[-1:] in "eE" else 0) if precision.isdigit() else 2
        return text(v, sig=max(sig, 1), floor=0.0)
    return s.replace("-", MINUS)


def sig_places(v: float, sig: int = 3, most: int = 4) -> int:
    """The decimals that write v to `sig` significant digits, at most `most` (and none below 0):
    a live readout whose value shrinks from 82.6 to 0.0090 keeps its meaningful digits."""
    a = abs(float(v))
    if not math.isfinite(a):
        raise ValueError(f"not a finite number: {v!r}")
    if a == 0:
        return most
    return int(min(max(sig - 1 - math.floor(math.log10(a)), 0), most))


#: Significant figures of every cost J a still prints (a readout, a label, a caption, an alt
#: text): one rule for costs from 14 to 0.0090, whatever decade they fall in (`cost`).
COST_SIG = 3


def cost(v: float, medium: str = "text") -> str:
    """A cost J for people, as every still writes one: COST_SIG significant figures, their
    zeros kept (0.940, 0.00901, 14.0; 3.49 × 10⁻⁵ below SCI_LOW; "≈ 0" below FLOOR), but
    never two at the end, which carry no figure a reader needs (0.0900 is written 0.090,
    zero_noise)."""
    s = significant(v, COST_SIG, medium)
    return re.sub(r"(\.\d*?0)0(?!\d)", r"\1", s)


def significant(v: float, sig: int = 2, medium: str = "text", low: float = SCI_LOW,
                power_zeros: bool = False) -> str:
    """v to `sig` significant figures with its trailing zeros kept, so numbers of one quantity
    read alike: 0.20, 0.071, 4.0 (not 0.2, 0.071, 4); a power of ten outside low..SCI_HIGH
    (3.4 × 10⁻⁵), "≈ 0" below FLOOR. With `power_zeros` a power keeps its mantissa's zeros
    too: a live readout with `low` = 0.01 reads 0.0127, then 5.90 × 10⁻³ (never 5.9 beside
    0.0127). medium: "text", "mathtext", "latex" or "pango" (Manim MarkupText; with
    `power_zeros` only)."""
    media = {"text": text, "mathtext": mathtext, "latex": latex}
    write = {**media, "pango": pango}[medium] if power_zeros else media[medium]
    a = abs(float(v))
    if a < FLOOR or a >= SCI_HIGH or (a < low and not power_zeros):
        return write(v, sig=sig)
    if a < low:  # the mantissa keeps its zeros too: 5.90 × 10⁻³
        mant, exp = f"{a:.{sig - 1}e}".split("e")
        tex = ("-" if v < 0 else "") + rf"{mant} \times 10^{{{int(exp)}}}"
        if medium in ("latex", "mathtext"):
            return tex if medium == "latex" else f"${tex}$"
        sign = MINUS if v < 0 else ""
        power = (f"10<sup>{str(int(exp)).replace('-', MINUS)}</sup>" if medium == "pango"
                 else "10" + str(int(exp)).translate(_SUPERSCRIPT))
        return f"{sign}{mant} × {power}"
    return write(v, places=max(sig - 1 - math.floor(math.log10(a)), 0))
