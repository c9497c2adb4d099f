r"""The chapter's equations: one LaTeX string each, written once, grouped, with alt text.

Every string is valid both for matplotlib's mathtext (figures, the `equations` target) and for
Manim's MathTex (scenes), so it keeps to the commands both understand: no environments, no
\text (use \mathrm), no \tfrac, no \ldots (matplotlib takes it from another face).

The notation, one meaning per symbol (SYMBOLS lists them):

- J is the cost, half the mean squared error, everywhere a cost is meant; C_i is the cost of
  one example, C_i = ½‖a_i − y_i‖², so J is the mean of the C_i.
- m and b are the slope and intercept of the line; w the parameters in general (a vector,
  never θ), w_k its entry k (a polynomial's weights: w_0 its intercept, never penalised; a
  neuron's: w_j). W^{(l)} is a layer's weight matrix, in the backpropagation equations only,
  w^{(l)}_{jk} its entries.
- g_t = ∇J(w_{t−1}) is the gradient at step t, defined once ("gradient") and used by every
  update rule. α is the learning rate, ε a small constant.
- Momentum and Nesterov keep a velocity v_t (β); Adagrad a sum of squares G_t; RMSprop and
  Adadelta the running mean E[g²]_t (decay ρ), Adadelta also E[Δw²]_t; Adam its first and second
  moments s_t and r_t (β₁, β₂), not m and v: m is the slope and v the velocity.
- L is the index of the last layer only, l a layer, δ^{(l)} its error, a^{(l)} its activations.
- An update in place (a parameter given its new value) is written ":=" (ASSIGN),
  m := m − α ∂J/∂m, never a left arrow; a rule that numbers its steps is an equation between them,
  w_t = w_{t−1} − α g_t. One string for both sides (MathTex sets ":=" as LaTeX does, colon and
  equals touching; mathtext() closes the gap mathtext would leave between the two, see
  in_mathtext). Neither \coloneqq (mathtools is not in Manim's preamble) nor U+2254 (Computer
  Modern has no ≔: mathtext would take it from another face).
- J_λ = J + (λ/2) Σ_{k≥1} w_k²: with λ = 0 it is J, and it has the minimiser of gdcore's ridge
  fit (regression.polynomial_fit) for the same λ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The sign of an update, "m := m − α ∂J/∂m": the parameter is given a new value.
ASSIGN = ":="

#: mathtext spaces ":" and "=" as two relations, 0.2 em on each side of each, which leaves
#: 0.4 em between them ("m : = m"); this closes it, so the two touch as in LaTeX.
_MATHTEXT_ASSIGN = r":\hspace{-0.4}="


@dataclass(frozen=True)
class Equation:
    """An equation: a stable key, a short name for people, its LaTeX, its group and alt text."""

    key: str
    name: str
    latex: str
    group: str = ""
    alt: str = ""

    @property
    def shown_name(self) -> str:
        """The name as a figure sets it: its one-letter symbols (J, m, b, t) as $...$ maths,
        the words in the text face ("the update of $m$"), a typeset apostrophe (Adam’s). The
        penalty's name stays L2, as every title and caption of the set writes it."""
        name = re.sub(r"(?<![\w'’$-])([b-zB-HJ-Z])(?![\w'’-])", r"$\1$", self.name)
        return name.replace("'", "’")


#: The groups of the equations sheet, in reading order.
GROUPS = ("model", "cost", "gradient", "update rules", "regularisation", "backpropagation")

_EQUATIONS = (
    # -------------------------------------------------------------------------- model
    Equation("model-line", "the linear model", r"f(x) = m\,x + b", "model",
             "f of x equals m times x plus b: a line of slope m and intercept b."),
    Equation("model-vector", "the linear model in vector form", r"f(x) = w^{\top} x + b", "model",
             "f of x equals w transposed times x, plus b: the weights w times the inputs x, "
             "summed, plus b."),
    Equation(
        "sigmoid-neuron",
        "a sigmoid neuron",
        r"a = \sigma\left(\sum_{j} w_j x_j + b\right), \quad \sigma(z) = \dfrac{1}{1 + e^{-z}}",
        "model",
        "a equals sigma of the sum over j of w j times x j, plus b; sigma of z equals one over "
        "one plus e to the minus z.",
    ),
    # -------------------------------------------------------------------------- cost
    Equation(
        "cost",
        "the cost (half mean squared error)",
        r"J(m, b) = \dfrac{1}{2n} \sum_{i=1}^{n} \left(m\,x_i + b - y_i\right)^2",
        "cost",
        "J of m and b equals one over 2n times the sum over the n examples of the squared error "
        "m times x i, plus b, minus y i.",
    ),
    Equation(
        "per-example-cost",
        "the cost of one example",
        r"C_i = \dfrac{1}{2} \left\| a^{(L)}_i - y_i \right\|^2",
        "cost",
        "C i, the cost of example i, equals one half of the squared length of the network's "
        "output a i minus the target y i.",
    ),
    Equation(
        "half-mse-loss",
        "the network's cost",
        r"J = \dfrac{1}{n} \sum_{i=1}^{n} C_i",
        "cost",
        "J equals the mean of the n examples' costs C i.",
    ),
    # -------------------------------------------------------------------------- gradient
    Equation(
        "dJ-dm",
        "the partial derivative of J in m",
        r"\dfrac{\partial J}{\partial m} = \dfrac{1}{n} \sum_{i=1}^{n} x_i \left(m\,x_i + b - y_i\right)",
        "gradient",
        "The partial derivative of J with respect to m equals the mean over the examples of x i "
        "times the error m times x i, plus b, minus y i.",
    ),
    Equation(
        "dJ-db",
        "the partial derivative of J in b",
        r"\dfrac{\partial J}{\partial b} = \dfrac{1}{n} \sum_{i=1}^{n} \left(m\,x_i + b - y_i\right)",
        "gradient",
        "The partial derivative of J with respect to b equals the mean error m times x i, plus b, "
        "minus y i.",
    ),
    Equation(
        "gradient",
        "the gradient at step t",
        r"g_t = \nabla J\left(w_{t-1}\right)",
        "gradient",
        "g t, the gradient at step t, is the gradient of J at the parameters w of step t "
        "minus 1.",
    ),
    Equation(
        "central-difference",
        "the central finite difference",
        r"\dfrac{\partial J}{\partial w_k} \approx \dfrac{J(w + h\,e_k) - J(w - h\,e_k)}{2h}",
        "gradient",
        "The partial derivative of J with respect to w k is about J at w plus h e k, minus J at "
        "w minus h e k, over 2h.",
    ),
    # -------------------------------------------------------------------------- update rules
    Equation("update-m", "the update of m", r"m := m - \alpha \dfrac{\partial J}{\partial m}",
             "update rules", "m becomes m minus alpha times the partial derivative of J by m."),
    Equation("update-b", "the update of b", r"b := b - \alpha \dfrac{\partial J}{\partial b}",
             "update rules", "b becomes b minus alpha times the partial derivative of J by b."),
    Equation("update-w", "the gradient-descent update", r"w := w - \alpha \nabla J(w)",
             "update rules", "w becomes w minus alpha times the gradient of J at w."),
    Equation("sgd", "SGD", r"w_t = w_{t-1} - \alpha\, g_t", "update rules",
             "SGD: w t equals w t minus 1, minus alpha times g t."),
    Equation(
        "momentum",
        "Momentum",
        r"v_t = \beta\, v_{t-1} + g_t, \quad w_t = w_{t-1} - \alpha\, v_t",
        "update rules",
        "Momentum: the velocity v t equals beta times v t minus 1, plus g t; w t equals "
        "w t minus 1, minus alpha times v t.",
    ),
    Equation(
        "nesterov",
        "Nesterov momentum (NAG)",
        r"v_t = \beta\, v_{t-1} + g_t, \quad "
        r"w_t = w_{t-1} - \alpha \left(g_t + \beta\, v_t\right)",
        "update rules",
        "Nesterov: v t equals beta times v t minus 1, plus g t; w t equals w t minus 1, "
        "minus alpha times g t plus beta v t.",
    ),
    Equation(
        "adagrad",
        "Adagrad",
        r"G_t = G_{t-1} + g_t^2, \quad w_t = w_{t-1} - \dfrac{\alpha\, g_t}{\sqrt{G_t} + \epsilon}",
        "update rules",
        "Adagrad: G t, the running sum of squared gradients, equals G t minus 1 plus g t squared; "
        "w t equals w t minus 1, minus alpha g t over the square root of G t plus epsilon.",
    ),
    Equation(
        "rmsprop",
        "RMSprop",
        r"E[g^2]_t = \rho\, E[g^2]_{t-1} + (1 - \rho)\, g_t^2, \quad "
        r"w_t = w_{t-1} - \dfrac{\alpha\, g_t}{\sqrt{E[g^2]_t} + \epsilon}",
        "update rules",
        "RMSprop: E of g squared at t equals rho times its previous value plus 1 minus rho times "
        "g t squared; w t equals w t minus 1, minus alpha g t over its root plus epsilon.",
    ),
    Equation(
        "adadelta-step",
        "Adadelta's step",
        r"E[g^2]_t = \rho\, E[g^2]_{t-1} + (1 - \rho)\, g_t^2, \quad "
        r"\Delta w_t = \dfrac{\sqrt{E[\Delta w^2]_{t-1} + \epsilon}}{\sqrt{E[g^2]_t + \epsilon}}\, g_t",
        "update rules",
        "Adadelta: the running mean of squared gradients E of g squared at t equals rho times its "
        "previous value plus 1 minus rho times g t squared; the step delta w t equals the root "
        "of the previous running mean of squared steps plus epsilon, over the root of E of g "
        "squared at t plus epsilon, times g t.",
    ),
    Equation(
        "adadelta-update",
        "Adadelta's update",
        r"E[\Delta w^2]_t = \rho\, E[\Delta w^2]_{t-1} + (1 - \rho)\, \Delta w_t^2, \quad "
        r"w_t = w_{t-1} - \alpha\, \Delta w_t",
        "update rules",
        "Adadelta: the running mean of squared steps equals rho times its previous value plus 1 "
        "minus rho times delta w t squared; w t equals w t minus 1, minus alpha times "
        "delta w t.",
    ),
    Equation(
        "adam-moments",
        "Adam's moment estimates",
        r"s_t = \beta_1\, s_{t-1} + (1 - \beta_1)\, g_t, \quad r_t = \beta_2\, r_{t-1} + (1 - \beta_2)\, g_t^2",
        "update rules",
        "Adam: the first moment s t equals beta 1 times s t minus 1 plus 1 minus beta 1 times g t; "
        "the second moment r t equals beta 2 times r t minus 1 plus 1 minus beta 2 times g t "
        "squared.",
    ),
    Equation(
        "adam-update",
        "Adam's update",
        r"w_t = w_{t-1} - \dfrac{\alpha}{1 - \beta_1^t} \, "
        r"\dfrac{s_t}{\sqrt{r_t / (1 - \beta_2^t)} + \epsilon}",
        "update rules",
        "Adam: w t equals w t minus 1, minus alpha over 1 minus beta 1 to the t, times s t "
        "over the root of r t over 1 minus beta 2 to the t, plus epsilon.",
    ),
    # -------------------------------------------------------------------------- regularisation
    Equation(
        "l2-penalty",
        "the L2-regularised cost",
        r"J_\lambda(w) = \dfrac{1}{2n} \sum_{i=1}^{n} \left(f_w(x_i) - y_i\right)^2"
        r" + \dfrac{\lambda}{2} \sum_{k \geq 1} w_k^2",
        "regularisation",
        "J lambda of w equals one over 2n times the sum of the squared errors f w of x i minus "
        "y i, plus lambda over 2 times the sum of the squared weights w k for k from 1: the "
        "intercept w 0 is not penalised.",
    ),
    # -------------------------------------------------------------------------- backpropagation
    Equation(
        "backprop-delta",
        "the output error (one example)",
        r"\delta^{(L)} = \left(a^{(L)} - y\right) \odot \sigma'\left(z^{(L)}\right)",
        "backpropagation",
        "The error of the last layer L, delta L, equals the output a L minus the target y, "
        "times sigma prime of z L, element by element.",
    ),
    Equation(
        "backprop-hidden",
        "the error passed back one layer",
        r"\delta^{(l)} = \left(W^{(l+1)\top} \delta^{(l+1)}\right) \odot \sigma'\left(z^{(l)}\right)",
        "backpropagation",
        "The error of layer l equals the transposed weights of layer l plus 1 times that layer's "
        "error, times sigma prime of z l, element by element.",
    ),
    Equation(
        "backprop-grad",
        "one weight's gradient, one example",
        r"\dfrac{\partial C_i}{\partial w^{(l)}_{jk}} = a^{(l-1)}_k \, \delta^{(l)}_j",
        "backpropagation",
        "The partial derivative of example i's cost C i with respect to the weight w l j k "
        "equals the activation a k of layer l minus 1 times the error delta j of layer l.",
    ),
    Equation(
        "backprop-mean",
        "the mean gradient over examples",
        r"\dfrac{\partial J}{\partial w^{(l)}_{jk}} = \dfrac{1}{n} \sum_{i=1}^{n}"
        r" \dfrac{\partial C_i}{\partial w^{(l)}_{jk}}",
        "backpropagation",
        "The partial derivative of J with respect to w l j k is the mean over the n examples of "
        "the partial derivatives of their costs C i.",
    ),
)

EQUATIONS: dict[str, Equation] = {e.key: e for e in _EQUATIONS}

#: Every symbol of the chapter and its one meaning.
SYMBOLS: dict[str, str] = {
    "J": "the cost, half the mean squared error",
    "C_i": "the cost of example i",
    "r_i": "the error of example i, f(x_i) − y_i (a regression's residual); C_i = ½ r_i²",
    "J_λ": "the L2-regularised cost",
    "m, b": "slope and intercept of the line",
    "w": "the parameters, a vector (w_k its entry k; w_0 a polynomial's intercept)",
    "W^(l)": "the weight matrix of layer l (backpropagation only; w^(l)_jk its entries)",
    "g_t": "the gradient at step t, ∇J(w_{t−1})",
    "α": "the learning rate",
    "β": "momentum's decay (β₁, β₂: Adam's)",
    "ρ": "the decay of RMSprop's and Adadelta's running means",
    "v_t": "the velocity of momentum and Nesterov",
    "G_t": "Adagrad's sum of squared gradients",
    "E[g²]_t, E[Δw²]_t": "running means of squared gradients and steps",
    "s_t, r_t": "Adam's first and second moments",
    "ε": "a small constant against division by zero",
    "λ": "the strength of the L2 penalty",
    "L": "the index of the last layer",
    "l": "a layer",
    "n": "the number of examples",
    "a^(l), z^(l), δ^(l)": "activations, weighted inputs and errors of layer l",
}


def tex(key: str) -> str:
    """The LaTeX of equation `key` (for MathTex and, wrapped in $…$, for mathtext)."""
    return EQUATIONS[key].latex


def tex_numbered(key: str, last: int, one_example: bool = False) -> str:
    """The LaTeX of equation `key` for a network whose last layer is numbered `last` (L written
    as that number, as its layers are labelled) and, with `one_example`, trained on one example:
    n = 1, so J = C_i, and the per-example cost C_i and its index i written as J and nothing."""
    latex = tex(key).replace("(L)", f"({last})")
    if one_example:
        latex = latex.replace("C_i", "J").replace("}_i ", "} ").replace("y_i", "y")
    return latex


def in_mathtext(latex: str) -> str:
    """`latex` as matplotlib's mathtext sets it like LaTeX: an update's ":=" with its colon and
    equals touching (mathtext would space them apart as two relations)."""
    return re.sub(r"\s*" + re.escape(ASSIGN) + r"\s*", lambda _: f" {_MATHTEXT_ASSIGN} ", latex)


def mathtext(key: str) -> str:
    """The equation wrapped in $…$ for matplotlib's mathtext."""
    return f"${in_mathtext(EQUATIONS[key].latex)}$"


def _closing_brace(latex: str, at: int) -> int:
    """The index of the brace that closes the one opened at `at` (or len(latex))."""
    depth, j = 0, at
    while j < len(latex):
        depth += {"{": 1, "}": -1}.get(latex[j], 0)
        if depth == 0:
            break
        j += 1
    return j


def _script_tight(latex: str) -> str:
    """Inside every sub- and superscript group, +, − and ≥ as ordinary symbols ({-}): TeX sets
    no space around them at script size, mathtext would (w_{t − 1})."""
    out, i = [], 0
    while i < len(latex):
        if latex.startswith(("_{", "^{"), i):
            j = _closing_brace(latex, i + 1)
            body = re.sub(r"\s*(\\geq|\\leq|[-+])\s*", r"{\1}", latex[i + 2:j])
            out.append(latex[i:i + 2] + _script_tight(body) + "}")
            i = j + 1
        else:
            out.append(latex[i])
            i += 1
    return "".join(out)


def _root_over_scripts(latex: str) -> str:
    """Every square root whose radicand ends in a subscript (√G_t, √E[g²]_t) closed with a thin
    space: mathtext ends the root's bar at the base, short of the script under it (TeX carries
    it over the script), and a negative thin space after it: mathtext leaves the bar's thin
    space and its own after the root, a gap before "+ ε" that TeX does not set."""
    out, i = [], 0
    while (k := latex.find(r"\sqrt{", i)) >= 0:
        j = _closing_brace(latex, k + 5)
        body = _root_over_scripts(latex[k + 6:j])
        ends_in_script = re.search(r"_(\{[^{}]*\}|\w)\s*$", body) is not None
        out.append(latex[i:k] + r"\sqrt{" + body + (r"\,}\!" if ends_in_script else "}"))
        i = j + 1
    return "".join(out) + latex[i:]


def _plain_parens(latex: str) -> str:
    r"""Every \left( … \right) round low content (no script raised over it, no fraction, root or
    Σ) as plain parentheses: TeX's smallest delimiter is the text one, while mathtext scales
    its \left( to the content, shrinking it round an x-height J(w_{t−1})."""
    pair = re.compile(r"\\left\(((?:(?!\\left|\\right).)*)\\right\)")
    low = re.compile(r"\^|\\dfrac|\\frac|\\sqrt|\\sum")

    def plain(m):
        return m[0] if low.search(m[1]) else f"({m[1]})"

    while (out := pair.sub(plain, latex)) != latex:
        latex = out
    return latex


def mathtext_tight(key: str, operators: bool = False) -> str:
    """The equation for matplotlib's mathtext, spaced as LaTeX sets it: scripts tight (t−1,
    l+1), the norm in tight double bars (mathtext's \\left\\| sets loose single ones), the
    transpose ⊤ close to its matrix, a root's bar over its radicand's closing subscript, low
    content in plain parentheses (_plain_parens). With `operators`, also the thin spaces LaTeX sets on both
    sides of a Σ (a fraction before it, its summand after it unless bracketed), which mathtext omits, so that
    1/n does not touch the Σ nor the Σ its C_i: written here, not in the source, which MathTex
    sets with those spaces already."""
    latex = _plain_parens(EQUATIONS[key].latex)
    if operators:
        latex = re.sub(r"\}\s*\\sum", r"}\\,\\sum", latex)
        latex = re.sub(r"(\\sum(?:_\{[^{}]*\})?(?:\^\{[^{}]*\})?)\s*(\\left|\()?",
                       lambda m: m[1] + (" " + m[2] if m[2] else r"\, "),  # TeX: none before (
                       latex)
    latex = re.sub(r"\\left\\\|\s*", r"\\Vert ", latex)
    latex = re.sub(r"\s*\\right\\\|", r" \\Vert", latex)
    latex = re.sub(r"\\top\}?\s*", lambda m: r"\!\top" + ("}" if "}" in m.group() else "") + r"\!",
                   latex)
    return f"${in_mathtext(_script_tight(_root_over_scripts(latex)))}$"


def grouped() -> list[tuple[str, list[Equation]]]:
    """The equations by group, in GROUPS order (what a sheet of them lays out)."""
    return [(g, [e for e in _EQUATIONS if e.group == g]) for g in GROUPS]


def sheet_alt(columns: int = 1, break_at: str | None = None) -> str:
    """Alt text of a sheet laying out grouped(), the groups in their reading order (GROUPS),
    and what each holds; given `columns` > 1, of a sheet of that many columns read down the
    left one first, the column broken before equation `break_at` (a group it falls inside runs
    on from the foot of one column to the head of the next)."""
    if columns > 1 and break_at not in EQUATIONS:
        raise ValueError(f"a sheet of {columns} columns breaks before an equation, "
                         f"got {break_at!r}")
    parts = [f"{g}: " + "; ".join(e.name.replace("'", "’") for e in eqs)
             for g, eqs in grouped()]
    read = ""
    if columns > 1:
        at = EQUATIONS[break_at]
        first = [e for e in _EQUATIONS if e.group == at.group][0]
        read = (f"In {columns} columns, read down the left one first: " +
                (f"the right one starts with the {at.group}. " if at is first else
                 f"the {at.group} run on from the foot of the left column to the head of the "
                 f"right, from {at.name.replace(chr(39), '’')} on, under their name again. "))
    return (f"The chapter’s {len(EQUATIONS)} equations in {len(GROUPS)} groups, each "
            "group headed by its name on a rule, each equation under its name in small grey "
            "type, read row by row. " + read + ". ".join(parts) + ".")
