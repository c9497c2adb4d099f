"""The catalog: every figure and animation of the chapter, by id, in chapter order.

This is the one list that render.py, the tests and the gallery read. Each target's code is found
by convention: its still is `figures/<id with _>.py` (make_figure), its animation the Scene class
`<CamelCase id>` in `scenes/<id with _>.py`. Title, caption and alt text come from the figure
module's docstring, their numbers from gdcore through the module's facts().
"""

from __future__ import annotations

import difflib
import fnmatch
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SECTIONS = {
    1: "Why training is hard",
    2: "A simpler example first: linear regression",
    3: "Gradient descent",
    4: "Backpropagation",
    5: "Training procedure and overfitting",
    6: "Equations",
}

S, A = ("still",), ("still", "animation")

# id, section, kinds, working title (shown only until the figure module exists)
_ENTRIES = (
    ("connection-tweak", 1, A, "Tweaking one connection"),
    ("tiny-networks", 1, S, "Two tiny networks"),
    ("sampling-grid-2d", 1, A, "Sampling two weights"),
    ("sampling-grid-3d", 1, A, "Sampling three weights"),
    ("guess-explosion", 1, S, "The explosion of guesses"),
    ("lonely-space", 1, S, "High-dimensional space is a lonely place"),
    ("regression-data", 2, S, "The seven points"),
    ("candidate-lines", 2, S, "Three candidate lines"),
    ("residuals", 2, A, "Residuals and their squares"),
    ("mse-surface", 2, A, "The cost surface"),
    ("slope-sweep", 2, A, "Sweeping the slope"),
    ("nonconvex-loss", 2, S, "The price of non-linearity"),
    ("gradient-geometry", 3, S, "Tangents and gradients"),
    ("gd-regression", 3, A, "Gradient descent on the regression"),
    ("learning-rates", 3, A, "Three learning rates"),
    ("descent-3d", 3, A, "Descending the cost surface"),
    ("cost-heatmap", 3, S, "The cost as a heat map"),
    ("local-minima", 3, A, "Local minima and momentum"),
    ("batch-vs-stochastic", 3, A, "Batch, mini-batch and stochastic descent"),
    ("race-long-valley", 3, A, "Seven optimizers in a long valley"),
    ("race-beale", 3, A, "Seven optimizers on Beale's function"),
    ("race-saddle", 3, A, "Seven optimizers at a saddle"),
    ("feature-scaling", 3, S, "Feature scaling"),
    ("lr-grid-search", 3, S, "Grid search over hyper-parameters"),
    ("backprop-loop", 4, A, "The training loop"),
    ("gradient-check", 4, S, "Checking the gradient"),
    ("loss-curve", 4, A, "A training loss curve"),
    ("mnist-network", 4, S, "The 784-15-10 network"),
    ("data-splits", 5, S, "Training, validation and test sets"),
    ("cross-validation", 5, A, "Five-fold cross-validation"),
    ("overfitting-poly", 5, S, "Overfitting a polynomial"),
    ("model-capacity", 5, S, "Model capacity"),
    ("regularization", 5, A, "L2 regularisation"),
    ("penalty-conflict", 5, S, "The data term against the penalty"),
    ("train-val-curves", 5, S, "Early stopping"),
    ("dropout", 5, A, "Dropout"),
    ("equations", 6, S, "The chapter's equations"),
)


def _camel(target_id: str) -> str:
    return "".join(p.capitalize() for p in target_id.replace("-", " ").split()).replace(" ", "")


@dataclass(frozen=True)
class Target:
    """One catalog entry."""

    id: str
    section: int
    kinds: tuple[str, ...]
    working_title: str

    @property
    def stem(self) -> str:
        """The file stem of its figure and scene modules."""
        return self.id.replace("-", "_")

    @property
    def figure_module(self) -> str:
        """Dotted name of the figure module."""
        return f"figures.{self.stem}"

    @property
    def figure_path(self) -> Path:
        return ROOT / "figures" / f"{self.stem}.py"

    @property
    def scene_path(self) -> Path:
        return ROOT / "scenes" / f"{self.stem}.py"

    @property
    def scene_class(self) -> str:
        """Name of the Manim Scene class in the scene module."""
        return _camel(self.id)

    def has(self, kind: str) -> bool:
        """Whether the code for this kind ('still' or 'animation') exists."""
        if kind not in self.kinds:
            return False
        return (self.figure_path if kind == "still" else self.scene_path).is_file()

    @property
    def ready(self) -> bool:
        """True when every kind the target asks for has its code."""
        return all(self.has(k) for k in self.kinds)

    @property
    def ready_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in self.kinds if self.has(k))

    @cached_property
    def doc(self):
        """Title, caption and alt text (from the figure module; a placeholder until it exists)."""
        from gdviz.mpl import Doc, doc_of, load

        if not self.figure_path.is_file():
            return Doc(self.working_title, "Not drawn yet.", "")
        return doc_of(load(self.figure_module))


TARGETS: tuple[Target, ...] = tuple(Target(*e) for e in _ENTRIES)
BY_ID = {t.id: t for t in TARGETS}


class UnknownTarget(ValueError):
    """An id or pattern that matches no target."""


def select(patterns=(), section: int | None = None, kinds: tuple[str, ...] | None = None):
    """Targets matching any of the ids/glob patterns (all when none), in catalog order.

    Raises UnknownTarget for a pattern that matches nothing, naming the nearest ids.
    """
    chosen: list[Target] = []
    for pat in patterns:
        hits = [t for t in TARGETS if fnmatch.fnmatchcase(t.id, pat)]
        if not hits:
            near = difflib.get_close_matches(pat, BY_ID, n=3, cutoff=0.4)
            hint = f"; did you mean {', '.join(near)}?" if near else "; see --list"
            raise UnknownTarget(f"unknown target {pat!r}{hint}")
        chosen.extend(h for h in hits if h not in chosen)
    out = [t for t in TARGETS if (not patterns or t in chosen)]
    if section is not None:
        out = [t for t in out if t.section == section]
    if kinds is not None:
        out = [t for t in out if any(k in t.kinds for k in kinds)]
    return out
