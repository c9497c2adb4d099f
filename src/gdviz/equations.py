r"""The chapter's equations: one LaTeX string each, written once.

Every string is valid both for matplotlib's mathtext (figures, the `equations` target) and for
Manim's MathTex (scenes), so it keeps to the commands both understand: no environments, no
\text (use \mathrm), no \tfrac.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Equation:
    """An equation: a stable key, a short name for people, and its LaTeX."""

    key: str
    name: str
    latex: str


_EQUATIONS = (
    Equation("model-line", "the linear model", r"f(x) = m\,x + b"),
    Equation("model-matrix", "the linear model in matrix form", r"f(X) = b + W^{\top} X"),
    Equation(
        "cost",
        "the cost (half mean squared error)",
        r"J(m, b) = \dfrac{1}{2n} \sum_{i=1}^{n} \left(y_i - (m\,x_i + b)\right)^2",
    ),
    Equation(
        "dJ-dm",
        "the partial derivative of J with respect to m",
        r"\dfrac{\partial J}{\partial m} = -\dfrac{1}{n} \sum_{i=1}^{n} x_i \left(y_i - (m\,x_i + b)\right)",
    ),
    Equation(
        "dJ-db",
        "the partial derivative of J with respect to b",
        r"\dfrac{\partial J}{\partial b} = -\dfrac{1}{n} \sum_{i=1}^{n} \left(y_i - (m\,x_i + b)\right)",
    ),
    Equation("update-m", "the update of m", r"m \leftarrow m - \alpha \dfrac{\partial J}{\partial m}"),
    Equation("update-b", "the update of b", r"b \leftarrow b - \alpha \dfrac{\partial J}{\partial b}"),
    Equation("update-W", "the gradient-descent update", r"W \leftarrow W - \alpha \nabla J(W)"),
    Equation(
        "sigmoid-neuron",
        "a sigmoid neuron",
        r"a = \sigma\left(\sum_{j} w_j x_j + b\right), \quad \sigma(z) = \dfrac{1}{1 + e^{-z}}",
    ),
    Equation(
        "momentum",
        "momentum",
        r"v_t = \beta\, v_{t-1} + \nabla J(\theta_{t-1}), \quad \theta_t = \theta_{t-1} - \alpha\, v_t",
    ),
    Equation(
        "nesterov",
        "Nesterov momentum",
        r"v_t = \beta\, v_{t-1} + g_t, \quad "
        r"\theta_t = \theta_{t-1} - \alpha \left(g_t + \beta\, v_t\right)",
    ),
    Equation(
        "adagrad",
        "Adagrad",
        r"G_t = G_{t-1} + g_t^2, \quad \theta_t = \theta_{t-1} - \dfrac{\alpha\, g_t}{\sqrt{G_t} + \epsilon}",
    ),
    Equation(
        "rmsprop",
        "RMSprop",
        r"E_t = \rho\, E_{t-1} + (1 - \rho)\, g_t^2, \quad "
        r"\theta_t = \theta_{t-1} - \dfrac{\alpha\, g_t}{\sqrt{E_t} + \epsilon}",
    ),
    Equation(
        "adam-moments",
        "Adam's moment estimates",
        r"m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \quad v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2",
    ),
    Equation(
        "adam-update",
        "Adam's update",
        r"\theta_t = \theta_{t-1} - \dfrac{\alpha}{1 - \beta_1^t} \, "
        r"\dfrac{m_t}{\sqrt{v_t / (1 - \beta_2^t)} + \epsilon}",
    ),
    Equation(
        "l2-penalty",
        "the L2-regularised cost",
        r"J_\lambda(w) = \dfrac{1}{n} \sum_{i=1}^{n} \left(y_i - f_w(x_i)\right)^2 + \lambda \sum_{k} w_k^2",
    ),
    Equation(
        "central-difference",
        "the central finite difference",
        r"\dfrac{\partial J}{\partial w_k} \approx \dfrac{J(w + h\,e_k) - J(w - h\,e_k)}{2h}",
    ),
    Equation(
        "half-mse-loss",
        "the network's loss",
        r"L = \dfrac{1}{2n} \sum_{i=1}^{n} \left\| a^{(L)}_i - y_i \right\|^2",
    ),
    Equation(
        "backprop-delta",
        "the output error",
        r"\delta^{(L)} = \left(a^{(L)} - y\right) \odot \sigma'\left(z^{(L)}\right)",
    ),
    Equation(
        "backprop-hidden",
        "the error passed back one layer",
        r"\delta^{(l)} = \left(W^{(l+1)\top} \delta^{(l+1)}\right) \odot \sigma'\left(z^{(l)}\right)",
    ),
    Equation(
        "backprop-grad",
        "the gradient of one weight",
        r"\dfrac{\partial L}{\partial w^{(l)}_{jk}} = a^{(l-1)}_k \, \delta^{(l)}_j",
    ),
)

EQUATIONS: dict[str, Equation] = {e.key: e for e in _EQUATIONS}


def tex(key: str) -> str:
    """The LaTeX of equation `key` (for MathTex and, wrapped in $…$, for mathtext)."""
    return EQUATIONS[key].latex


def mathtext(key: str) -> str:
    """The equation wrapped in $…$ for matplotlib's mathtext."""
    return f"${EQUATIONS[key].latex}$"
