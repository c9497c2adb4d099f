"""Lecture decks: every animation as a manim-slides presentation whose slides are its sections.

Built from the section clips that `render.py --sections` writes (Manim's --save_sections), so no
scene renders twice. For each animation, and for each chapter section with animations, in each
theme and quality rendered:

    <theme>/decks/<quality>/slides/<id>.json   the manim-slides presentation config
                                               (`manim-slides present --folder .../slides <id>`)
    <theme>/decks/<quality>/<name>.pptx        PowerPoint deck, one slide (video) per section
    <theme>/decks/<quality>/<name>.html        reveal.js deck; plays offline from file://
    <theme>/decks/<quality>/<name>_assets/     its clips
    <theme>/decks/<quality>/reveal.js/dist/    the reveal.js files the HTML decks load

<name> is the animation's id, or `section-N` for a chapter section. reveal.js comes from its npm
package, installed by `scripts/bootstrap.sh --decks` (into .venv/node; GD_REVEALJS may point at
another copy of the package). A deck is rebuilt only when its clips or this code change; its
cache record (.cache/deck-*.json) puts its files in the manifest like every other output.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import catalog, store
from .jobs import Job, versions
from .worker import TMP_PREFIX, sha256

#: the reveal.js files the manim-slides template loads (the theme is added per deck)
REVEAL_FILES = ("dist/reveal.css", "dist/reveal.js", "dist/plugin/notes.js",
                "dist/plugin/markdown.js", "dist/plugin/highlight/zenburn.css")
REVEAL_THEMES = {"light": "white", "dark": "black"}
#: prefix of the folder a deck is made in before its files are moved into place
WORK_PREFIX = ".deck-"


class DeckError(Exception):
    """Decks cannot be made here (reveal.js missing): reported in one line."""


def reveal_dir() -> Path:
    """The reveal.js npm package to take the HTML decks' scripts and styles from."""
    env = os.environ.get("GD_REVEALJS")
    p = Path(env) if env else catalog.ROOT / ".venv" / "node" / "node_modules" / "reveal.js"
    if not (p / "dist" / "reveal.js").is_file():
        raise DeckError(f"reveal.js not found in {p}: run scripts/bootstrap.sh --decks "
                        "(or set GD_REVEALJS to an unpacked reveal.js npm package)")
    return p


def reveal_version(root: Path) -> str:
    return json.loads((root / "package.json").read_text())["version"]


def deck_folder(out: Path, theme: str, quality: str) -> Path:
    return out / theme / "decks" / quality


# ------------------------------------------------------------------------- presentation


def presentation(out: Path, job: Job) -> dict | None:
    """The manim-slides presentation config of an animation, from its section index: one slide
    per section (the lecturer advances at each section's end; a section the scene lists in
    LOOP_SECTIONS loops until then), the section's captions as its speaker notes. None when the
    animation's sections were not rendered."""
    from manim_slides.config import PresentationConfig  # noqa: F401  (checks the install)

    from .jobs import QUALITIES

    index = out / job.theme / "sections" / job.quality / f"{job.target}.json"
    if not index.is_file():
        return None
    clips = index.parent
    folder = deck_folder(out, job.theme, job.quality)
    slides = []
    for s in json.loads(index.read_text())["sections"]:
        clip = clips / s["file"]
        if not clip.is_file():
            return None
        rel = os.path.relpath(clip, folder)
        slides.append({"file": rel, "rev_file": rel, "loop": bool(s.get("loop")),
                       "auto_next": False,
                       "notes": _notes(clip.with_suffix(".vtt"))})
    if not slides:
        return None
    from gdviz import theme as th

    height = QUALITIES[job.quality][1]
    return {"slides": slides, "resolution": [height * 16 // 9, height],
            "background_color": th.get(job.theme).background}


def _notes(vtt: Path) -> str:
    """A clip's caption text, one cue a line."""
    if not vtt.is_file():
        return ""
    blocks = vtt.read_text(encoding="utf-8").strip().split("\n\n")[1:]
    return "\n".join(html.unescape(b.split("\n", 2)[2]) for b in blocks if b.count("\n") >= 2)


# ------------------------------------------------------------------------------ building


def build(out: Path, jobs: list[Job], force: bool = False) -> tuple[list[str], list[str]]:
    """Write the decks of the animation jobs (and of their chapter sections). Returns the names
    of the decks written (up-to-date decks are kept) and one line per deck that failed."""
    root = reveal_dir()
    groups: dict[tuple[str, str], list[Job]] = {}
    for j in jobs:
        if j.kind == "animation":
            groups.setdefault((j.theme, j.quality), []).append(j)
    written, failed = [], []
    for (theme, quality), members in groups.items():
        folder = deck_folder(out, theme, quality)
        for left in folder.glob(f"{WORK_PREFIX}*"):  # what an interrupted run left behind
            shutil.rmtree(left, ignore_errors=True)
        configs = {}
        for j in members:
            cfg = presentation(out, j)
            if cfg is not None:
                configs[j.target] = cfg
        if not configs:
            continue
        _copy_reveal(root, folder, theme)
        decks = {t: [t] for t in configs}
        # a chapter section's deck: every animation of the section whose clips are there,
        # rendered in this run or before
        for num in sorted({catalog.BY_ID[t].section for t in configs}):
            for t in catalog.TARGETS:
                if t.section == num and "animation" in t.kinds and t.id not in configs:
                    cfg = presentation(out, Job(t.id, "animation", theme, quality))
                    if cfg is not None:
                        configs[t.id] = cfg
            ids = [t.id for t in catalog.TARGETS if t.section == num and t.id in configs]
            decks[f"section-{num}"] = ids
        for name, ids in decks.items():
            try:
                if _build_deck(out, folder, theme, quality, name, ids, configs, root, force):
                    written.append(f"{theme}/{quality}/{name}")
            except Exception as e:  # one broken deck does not stop the others
                failed.append(f"deck {theme}/{quality}/{name}: {type(e).__name__}: {e}"[:200])
    return written, failed


def _copy_reveal(root: Path, folder: Path, theme: str) -> None:
    for rel in (*REVEAL_FILES, f"dist/theme/{REVEAL_THEMES[theme]}.css"):
        dest = folder / "reveal.js" / rel
        src = root / rel
        if dest.is_file() and dest.read_bytes() == src.read_bytes():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(TMP_PREFIX + dest.name)
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)


def _record_path(out: Path, theme: str, quality: str, name: str) -> Path:
    return out / ".cache" / f"deck-{theme}-{quality}-{name}.json"


def _digest(folder: Path, ids: list[str], configs: dict, root: Path) -> str:
    h = hashlib.sha256()
    h.update(Path(__file__).read_bytes())
    h.update(reveal_version(root).encode())
    h.update(json.dumps(versions(), sort_keys=True).encode())
    for t in ids:
        h.update(json.dumps(configs[t], sort_keys=True).encode())
        for s in configs[t]["slides"]:
            h.update(sha256(folder / s["file"]).encode())
    return h.hexdigest()


def _build_deck(out, folder, theme, quality, name, ids, configs, root, force) -> bool:
    from manim_slides.config import PresentationConfig
    from manim_slides.convert import PowerPoint, RevealJS

    digest = _digest(folder, ids, configs, root)
    rec_path = _record_path(out, theme, quality, name)
    outputs = [folder / f"{name}.html", folder / f"{name}.pptx"]
    if not force and rec_path.is_file() and all(p.exists() for p in outputs):
        try:
            if json.loads(rec_path.read_text()).get("inputs") == digest:
                return False
        except ValueError:
            pass
    t0 = time.perf_counter()
    slides_dir = folder / "slides"
    slides_dir.mkdir(parents=True, exist_ok=True)
    for t in ids:  # the presentation configs, for `manim-slides present` and the converters
        _atomic_text(slides_dir / f"{t}.json", json.dumps(configs[t], indent=2))
    pres = [PresentationConfig.from_file(slides_dir / f"{t}.json") for t in ids]
    title = _title(out, name)
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=folder) as tmp, \
            contextlib.redirect_stderr(io.StringIO()):  # the converters' progress bars
        work = Path(tmp)
        RevealJS(presentation_configs=[_escaped(p) for p in pres], cdn_url="reveal.js",
                 title=html.escape(title), reveal_theme=REVEAL_THEMES[theme],
                 background_color=pres[0].background_color).convert_to(work / f"{name}.html")
        height = configs[ids[0]]["resolution"][1]
        PowerPoint(presentation_configs=pres, width=height * 16 // 9,
                   height=height).convert_to(work / f"{name}.pptx")
        assets = folder / f"{name}_assets"
        if assets.exists():
            shutil.rmtree(assets)
        os.replace(work / f"{name}_assets", assets)
        for p in outputs:
            os.replace(work / p.name, p)
    files = [*outputs, *sorted(assets.iterdir())]
    if ids == [name]:  # an animation's own deck lists its presentation config
        files.append(slides_dir / f"{name}.json")
    record = {
        "id": ids[0] if len(ids) == 1 and name == ids[0] else name, "kind": "deck",
        "theme": theme, "inputs": digest, "options": {"quality": quality, "targets": ids},
        "versions": versions(), "render_seconds": round(time.perf_counter() - t0, 3),
        "outputs": [{"path": p.relative_to(out).as_posix(), "sha256": sha256(p),
                     "bytes": p.stat().st_size} for p in files],
    }
    _atomic_text(rec_path, json.dumps(record, indent=2))
    return True


def _title(out: Path, name: str) -> str:
    if name.startswith("section-"):
        num = int(name.split("-", 1)[1])
        return f"{num}. {catalog.SECTIONS[num]}"
    target = catalog.BY_ID[name]
    return store.docs([target], store.store_for(out))[name].title


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(TMP_PREFIX + path.name)
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _escaped(pres):
    """The presentation with its notes HTML-escaped (the HTML template inserts them as is)."""
    return pres.model_copy(update={"slides": [
        s.model_copy(update={"notes": html.escape(s.notes, quote=False)}) for s in pres.slides]})
