"""Words for people who cannot see or hear the media: WebVTT captions and self-describing SVGs.

A ThemedScene logs each named section's start time and caption (scene.caption_log): the one or
two plain sentences its scene writes for the section (ThemedScene.captions) saying what the
viewer sees happen there, with gdcore's numbers, as a described-video track would. Here that
log becomes timed cues, one a section (or one a sentence, from the moments the scene marks).
The words the scene sets on screen are logged too; `spoken` writes one out as plain text
(formulas as Unicode, x_i² rather than x_i^2; bare numbers left out) for the tests that read
them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape
from pathlib import Path

#: a cue shorter than this (seconds) is merged into the one after it
MIN_CUE = 0.8

_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "rho": "ρ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Theta": "Θ", "sum": "Σ",
    "partial": "∂", "nabla": "∇", "cdot": "·", "times": "×", "leftarrow": "←",
    "rightarrow": "→", "to": "→", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "neq": "≠", "infty": "∞", "odot": "⊙", "top": "ᵀ", "ldots": "…", "dots": "…", "cdots": "…",
    "in": "∈", "propto": "∝", "pm": "±", "ast": "*", "star": "*", "mid": "|", "lVert": "‖",
    "rVert": "‖", "Vert": "‖", "|": "‖", "pi": "π", "ell": "ℓ", "prime": "′",
}
_SUP = dict(zip("0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW*",
               "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ*"))
_SUB = dict(zip("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_ACCENTS = {"hat": "\u0302", "bar": "\u0304", "overline": "\u0304", "tilde": "\u0303",
            "vec": "\u20d7", "dot": "\u0307"}
#: A hyphen of words inside maths, kept apart from the minus signs while they are written.
_HYPHEN = "\x00"
#: The underscore of a subscript that Unicode has no letter for, kept while the others go.
_UNDERSCORE = "\x01"
_NUMBER = re.compile(r"^[\s\d.,+\-−=%()×^{}\\a-z]*$")


def tex_to_text(tex: str) -> str:
    """A LaTeX formula as plain Unicode text: '\\dfrac{1}{2n}' -> '1/(2n)', 'x^2' -> 'x²'."""
    s = tex
    s = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)\b\s*", "", s)
    s = re.sub(r"\\(?:,|;|!|:| |quad|qquad)", " ", s)
    # words inside maths keep their hyphens (log-spaced); every other - is a minus
    s = re.sub(r"\\(?:text|mathrm|mathbf|mathit|operatorname|boldsymbol|mathcal)\s*\{([^{}]*)\}",
               lambda m: m[1].replace("-", _HYPHEN), s)
    s = s.replace(r"\top", "T")
    # accents as combining marks: \\hat{y} -> ŷ, \\bar{J} -> J̄
    s = re.sub(r"\\(hat|bar|overline|tilde|vec|dot)\s*(?:\{([^{}]*)\}|([A-Za-z]))",
               lambda m: (m[2] if m[2] is not None else m[3]) + _ACCENTS[m[1]], s)

    def script(m):
        table = _SUP if m[1] == "^" else _SUB
        body = (m[2] if m[2] is not None else m[3]).replace(" ", "")
        if all(c in table for c in body):
            return "".join(table[c] for c in body)
        if m[1] == "_" and len(body) == 1:  # no Unicode subscript w: f_w(x)
            return _UNDERSCORE + body
        return f"{m[1]}({body})"

    s = re.sub(r"([\^_])\s*(?:\{([^{}]*)\}|([0-9A-Za-z*]))", script, s)
    frac = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
    while frac.search(s):
        s = frac.sub(lambda m: f"{_group(m[1])}/{_group(m[2])}", s)
    s = re.sub(r"\\sqrt\s*\{([^{}]*)\}", r"√(\1)", s)
    s = re.sub(r"\\([A-Za-z]+|\|)", lambda m: _SYMBOLS.get(m[1], m[1]), s)
    s = s.replace("{", "").replace("}", "").replace("_", "").replace("~", " ")
    s = s.replace(_UNDERSCORE, "_")
    s = s.replace("-", "−").replace(_HYPHEN, "-")
    return unicodedata.normalize("NFC", re.sub(r"([∂∇]) ", r"\1", " ".join(s.split())))


def _group(s: str) -> str:
    s = s.strip()
    return s if re.fullmatch(r"\d+(\.\d+)?|[A-Za-z]|\\[A-Za-z]+", s) else f"({s})"


def spoken(kind: str, s: str) -> str:
    """What a logged string says in a caption ('' for bare numbers, which are left out)."""
    if kind == "mixed":  # words with $...$ maths (ThemedScene.mixed)
        s = re.sub(r"\$([^$]*)\$", lambda m: tex_to_text(m[1]), s)
    if kind == "tex":
        if _NUMBER.match(s) and not re.search(r"[A-Za-z]{2,}", s.replace("\\", " ")) \
                and "=" not in s:
            return ""
        s = tex_to_text(s)
    return " ".join(s.split())


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class SectionCues:
    name: str
    start: float
    end: float
    cues: tuple[Cue, ...]


def section_cues(log: list[dict], duration: float) -> list[SectionCues]:
    """Timed cues per section from a ThemedScene's caption_log, for a video of `duration`
    seconds. A section's cue is its caption (ThemedScene.captions), shown over the section; a
    caption of several sentences shows the second, third from the moments the scene marked
    (ThemedScene.caption_next), a sentence with no mark (or one too short to read, under
    MIN_CUE) joining the one before it. A section of no duration (nothing played) is dropped,
    its caption shown with the next section's; a section without a caption has no cue."""
    out = []
    starts = [min(float(s["start"]), duration) for s in log] + [duration]
    carried: list[str] = []  # the caption of a section of no duration goes to the next one
    for i, sec in enumerate(log):
        a, b = starts[i], max(starts[i], starts[i + 1])
        sentences = [*carried, *sec.get("caption", ())]
        carried = []
        if b - a <= 0:
            carried = sentences
            continue
        if not sentences:
            continue
        # the k-th sentence of the scene's own caption starts at its k-th mark; one without a
        # mark (or with one no later than the sentence before) joins the sentence before it
        own = list(sec.get("caption", ()))
        marks = [min(max(float(t), a), b) for t in sec.get("marks", ())]
        groups: list[tuple[float, list[str]]] = [(a, sentences[:len(sentences) - len(own) + 1])]
        for k, text in enumerate(own[1:]):
            if k < len(marks) and marks[k] > groups[-1][0]:
                groups.append((marks[k], [text]))
            else:
                groups[-1][1].append(text)
        cues: list[Cue] = []
        begin, pending = a, []
        for j, (_, texts) in enumerate(groups):
            end = groups[j + 1][0] if j + 1 < len(groups) else b
            pending += texts
            if end - begin < MIN_CUE and j + 1 < len(groups):
                continue  # too short to read: shown with the next sentence
            if end - begin < MIN_CUE and cues:  # a short tail joins the cue before it
                last = cues.pop()
                begin, pending = last.start, [last.text, *pending]
            cues.append(Cue(round(begin, 3), round(end, 3), " ".join(pending)))
            begin, pending = end, []
        out.append(SectionCues(sec["name"], round(a, 3), round(b, 3), tuple(cues)))
    return out


def _stamp(t: float) -> str:
    ms = round(t * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def vtt(cues, offset: float = 0.0) -> str:
    """A WebVTT file of the cues, their times shifted by -offset."""
    lines = ["WEBVTT", ""]
    for n, c in enumerate(cues, 1):
        text = c.text.replace("-->", "→").replace("\n", " ")
        lines += [str(n), f"{_stamp(c.start - offset)} --> {_stamp(c.end - offset)}",
                  escape(text, quote=False), ""]
    return "\n".join(lines)


def write_vtt(path: Path, cues, offset: float = 0.0) -> Path:
    path.write_text(vtt(cues, offset), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ SVG


def describe_svg(path: Path, title: str, desc: str) -> None:
    """Put <title> and <desc> first inside the SVG's root element (read by screen readers)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"<svg\b[^>]*>", text)
    if m is None:
        raise ValueError(f"{path} is not an SVG file")
    head = (f"\n <title>{escape(title, quote=False)}</title>"
            f"\n <desc>{escape(desc, quote=False)}</desc>")
    path.write_text(text[:m.end()] + head + text[m.end():], encoding="utf-8")
