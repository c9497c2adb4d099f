"""Jobs: one target, one kind, one theme, with its options; their outputs and input hashes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata

from .catalog import BY_ID, ROOT

#: --quality name -> (Manim quality name, height in pixels, frames per second)
QUALITIES = {
    "low": ("low_quality", 480, 15),
    "medium": ("medium_quality", 720, 30),
    "high": ("high_quality", 1080, 60),
    "4k": ("fourk_quality", 2160, 60),
}
FORMATS = ("mp4", "gif", "webm")
STILL_FORMATS = ("svg", "pdf", "png")
PINNED = ("manim", "matplotlib", "numpy", "pillow", "av")

#: Code that every target depends on: the numbers, the look, and the rendering worker.
SHARED_SOURCES = ("src/gdcore", "src/gdviz", "src/gdrender/worker.py", "src/gdrender/captions.py")


@dataclass(frozen=True)
class Job:
    """Render one kind ('still' or 'animation') of one target in one theme."""

    target: str
    kind: str
    theme: str
    quality: str = "low"
    formats: tuple[str, ...] = ("mp4",)
    sections: bool = False

    @property
    def key(self) -> str:
        """A stable name for the job (also the name of its cache record and log)."""
        if self.kind == "still":
            return f"{self.theme}-still-{self.target}"
        return f"{self.theme}-{self.quality}-animation-{self.target}"

    def options(self) -> dict:
        """The options that shape the output (part of the input hash)."""
        d = asdict(self)
        if self.kind == "still":
            d.update(quality=None, formats=None, sections=None)
        return d

    def video_dir(self) -> str:
        return f"{self.theme}/videos/{self.quality}"

    def outputs(self) -> list[str]:
        """Paths (relative to the output directory) of the main files the job writes."""
        if self.kind == "still":
            return [f"{self.theme}/stills/{self.target}.{ext}" for ext in STILL_FORMATS]
        base = f"{self.video_dir()}/{self.target}"
        out = [f"{base}.{fmt}" for fmt in self.formats] + [f"{base}.png"]
        if self.sections:
            out.append(f"{self.theme}/sections/{self.quality}/{self.target}.json")
        return out


@lru_cache(maxsize=1)
def versions() -> dict[str, str]:
    """Installed versions of the pinned libraries."""
    out = {}
    for name in PINNED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "missing"
    return out


def _digest_files(paths) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def shared_digest() -> str:
    """Hash of every shared source file (gdcore, gdviz, the worker)."""
    files = []
    for rel in SHARED_SOURCES:
        p = ROOT / rel
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    return _digest_files(files)


def input_hash(job: Job) -> str:
    """Hash of everything the job's output depends on: its own source, the shared code,
    its options and the pinned library versions."""
    target = BY_ID[job.target]
    own = [target.figure_path] if job.kind == "still" else [target.scene_path]
    h = hashlib.sha256()
    h.update(_digest_files(own).encode())
    h.update(shared_digest().encode())
    h.update(json.dumps([job.options(), versions()], sort_keys=True).encode())
    return h.hexdigest()
