"""What render.py keeps between runs besides its job records: typeset formulas and the words of
every figure, each filed under a hash of what made it, so a lookup never returns a stale one.

- `tex/`: Manim typesets a formula into an SVG file named after a hash of the whole LaTeX source
  (template, preamble and formula); the SVG depends on that source alone. Processes that render
  at the same time cannot share one TeX directory (two compiling the same formula write the same
  files), so each keeps its own and the store sits beside them: a formula found in the store is
  copied into the process's directory instead of being compiled; one compiled is copied into the
  store. Before: every render compiled every formula of its scene again (about two thirds of the
  time of a scene drawn without writing video).
- `svg/`: the shapes Manim reads from the SVG of a formula (LaTeX) or of words (Pango): parsing
  an SVG into paths (svgelements) is the largest part of building Text, MarkupText and MathTex,
  and Manim keeps no parsed Text at all (a MathTex only within a process). Filed under a hash of
  the SVG file's bytes, the class, the settings the parse reads and the library versions; a
  lookup unpickles a fresh copy, the same points and styles as a parse.
- `docs/`: a figure's title, caption and alt text, whose numbers come from gdcore's experiments
  (seconds of training for some); the gallery and `--list` show all 37. Filed under a hash of the
  figure module, every source file of gdcore and gdviz, and the library versions.

Files enter the store under a temporary name and are renamed into place, so a reader never sees
a half-written one; a store that cannot be written only stays cold. The store is
`<out>/.cache/store`; the environment variable GD_STORE names another (the test suite shares
one between its processes and keeps it between runs).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import zlib
from functools import cache
from importlib import metadata
from pathlib import Path

from gdrender.catalog import ROOT
from gdrender.jobs import versions

#: Names the store instead of `<out>/.cache/store`.
ENV = "GD_STORE"


def store_for(out_dir: Path) -> Path:
    """The store render.py uses with an output directory."""
    return Path(os.environ.get(ENV) or Path(out_dir) / ".cache" / "store")


def _add(dest: Path, write) -> None:
    """Write a file of the store through write(tmp_path), atomically."""
    tmp = dest.with_name(f".tmp-{os.getpid()}-{dest.name}")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        os.replace(tmp, dest)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


# ------------------------------------------------------------------------------ formulas


def install_tex(store: Path) -> None:
    """Make Manim's Tex and MathTex take formulas from the store before compiling them (and add
    what they compile). A second call only changes the store."""
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing as tfw

    compile_svg = getattr(tfw.tex_to_svg_file, "compiles", tfw.tex_to_svg_file)
    tex = Path(store) / "tex"

    def tex_to_svg_file(expression, environment=None, tex_template=None) -> Path:
        template = tex_template or tfw.config["tex_template"]
        svg = tfw.generate_tex_file(expression, environment, template).with_suffix(".svg")
        if svg.exists():
            return svg
        try:
            shutil.copyfile(tex / svg.name, svg)
            return svg
        except OSError:  # not in the store (or not readable): compile it
            svg.unlink(missing_ok=True)
        svg = compile_svg(expression, environment, template)
        _add(tex / svg.name, lambda tmp: shutil.copyfile(svg, tmp))
        return svg

    tex_to_svg_file.compiles = compile_svg
    tfw.tex_to_svg_file = tex_mobject.tex_to_svg_file = tex_to_svg_file


# ------------------------------------------------------------------------------ parsed SVG


def _svg_classes() -> tuple[type, ...]:
    """The classes whose parse is filed: Manim's own, which parse their SVG as SVGMobject does
    (a subclass of them could parse differently, so it is not filed)."""
    from manim import MarkupText, MathTex, SingleStringMathTex, Tex, Text

    return Text, MarkupText, SingleStringMathTex, MathTex, Tex


@cache
def _parser_versions() -> tuple:
    """The versions of the libraries that parse an SVG into shapes (read once per process)."""
    try:
        svgelements = metadata.version("svgelements")
    except metadata.PackageNotFoundError:
        svgelements = "missing"
    return versions(), svgelements, list(sys.version_info[:3])


#: The id cairo gives the group of an SVG it writes (Pango's words): numbered by a counter of
#: the process (the same words are "surface1" in one process and "surface6" in the next), and
#: read by nothing that parses it, so left out of the key: else the words of one process were
#: never found in the store by another.
_SURFACE_ID = re.compile(rb'id="surface\d+"')


def _svg_key(mob) -> str:
    """What the shapes parsed from mob's SVG depend on: the file's bytes, the class, the style
    defaults and path settings it is parsed with, the renderer and the library versions."""
    from manim import config

    common = json.dumps([type(mob).__module__, type(mob).__qualname__, repr(mob.svg_default),
                         repr(mob.path_string_config), str(config.renderer),
                         *_parser_versions()])
    svg = _SURFACE_ID.sub(b'id="surface"', mob.get_file_path().read_bytes())
    return hashlib.sha256(common.encode() + b"\0" + svg).hexdigest()


def install_svg(store: Path) -> None:
    """Make Text, MarkupText and MathTex take the shapes of their SVG from the store before
    parsing it (and file what they parse). A second call only changes the store."""
    from manim.mobject.svg.svg_mobject import SVGMobject

    parse = getattr(SVGMobject.generate_mobject, "parses", SVGMobject.generate_mobject)
    classes = _svg_classes()
    folder = Path(store) / "svg"

    def generate_mobject(self):
        if type(self) not in classes:
            return parse(self)
        try:
            path = folder / f"{_svg_key(self)}.pickle.z"
        except OSError:  # the SVG cannot be read: let the parse say so
            return parse(self)
        try:
            submobjects, groups = pickle.loads(zlib.decompress(path.read_bytes()))
        except Exception:  # not filed, unreadable or damaged: parse it
            parse(self)
            try:
                data = zlib.compress(pickle.dumps((self.submobjects, self.id_to_vgroup_dict),
                                                  protocol=pickle.HIGHEST_PROTOCOL), 1)
            except (pickle.PicklingError, TypeError, AttributeError):
                return self
            _add(path, lambda tmp: tmp.write_bytes(data))
            return self
        self.add(*submobjects)
        self.id_to_vgroup_dict = groups
        return self

    generate_mobject.parses = parse
    SVGMobject.generate_mobject = generate_mobject


# ------------------------------------------------------------------------------ words


#: The packages a figure's words can come from: the numbers (gdcore) and how they are written
#: (gdviz); render.py's own code (gdrender) does not change them.
WORD_SOURCES = ("src/gdcore", "src/gdviz")


def _sources_digest() -> str:
    """Hash of every Python file of WORD_SOURCES, with its path."""
    h = hashlib.sha256()
    for p in sorted(q for d in WORD_SOURCES for q in (ROOT / d).rglob("*.py")):
        h.update(p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def docs(targets, store: Path) -> dict:
    """id -> Doc (gdviz.mpl) of each target, from the store where it was filed for the same
    sources, else computed (Target.doc) and filed."""
    from gdviz.mpl import Doc

    common = json.dumps([_sources_digest(), versions(), list(sys.version_info[:3])])
    out = {}
    for t in targets:
        own = t.figure_path.read_bytes() if t.figure_path.is_file() else b""
        key = hashlib.sha256(common.encode() + own).hexdigest()
        path = Path(store) / "docs" / f"{t.id}-{key[:32]}.json"
        try:
            out[t.id] = Doc(**json.loads(path.read_text()))
            continue
        except (OSError, ValueError, TypeError):
            pass
        out[t.id] = t.doc
        text = json.dumps(dataclasses.asdict(out[t.id]))
        _add(path, lambda tmp, text=text: tmp.write_text(text))
    return out

