"""Jobs: one target, one kind, one theme, with its options; their outputs and their inputs.

A job's inputs are its settings (options, theme, pinned library versions) and the project files
its last render read, as a compiler's depfile: the worker records every module it imported from
the project and every project file it opened, and the next run hashes exactly that set.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from .catalog import ROOT

#: --quality name -> (width, height in pixels, frames per second). draft is a quick look at a
#: scene's timing and staging (a fifth of low's pixels per second; words are not meant to be
#: read at it); low is the size the scenes' rules are measured at (12 px text at 480p).
QUALITIES = {
    "draft": (426, 240, 10),
    "low": (854, 480, 15),
    "medium": (1280, 720, 30),
    "high": (1920, 1080, 60),
    "4k": (3840, 2160, 60),
}
FORMATS = ("mp4", "gif", "webm")
STILL_FORMATS = ("svg", "pdf", "png")
PINNED = ("manim", "matplotlib", "numpy", "pillow", "av")


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


def settings_digest(job: Job) -> str:
    """Hash of what shapes the job's output besides files: its options (theme included), the
    pinned library versions and the Python version."""
    data = [job.options(), versions(), list(sys.version_info[:3])]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@cache
def file_digest(rel: str) -> str | None:
    """Hash of a project file (path relative to the project root), None when it is gone.

    Cached for the run: each file is read once, before the workers that read it start."""
    try:
        return hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()
    except OSError:
        return None


#: How long before a job began a file's change still counts as during it (ns): a file's time is
#: the kernel's coarse clock, which lags the clock the job's start is read from by up to a tick
#: (4-10 ms); far less than it takes render.py to start after an edit, so an edit made before
#: a run is never taken for one made during it.
MTIME_SLACK = 50_000_000


def deps_as_read(rels, began_ns: int) -> dict[str, str | None]:
    """The digest of each file a job read (paths relative to the project root), as the job read
    it: a file changed since the job began (or up to MTIME_SLACK before) may hold other bytes
    than those the job read, so it gets no digest (None): the next run finds it changed and
    renders the job again (a file edited while a render runs never leaves its output looking
    up to date). A file digested before the job began (file_digest, cached) keeps that digest
    unless it has changed since."""
    out = {}
    for rel in rels:
        try:
            changed = (ROOT / rel).stat().st_mtime_ns >= began_ns - MTIME_SLACK
        except OSError:
            changed = True
        out[rel] = None if changed else file_digest(rel)
    return out


def inputs_digest(settings: str, deps: dict[str, str | None]) -> str:
    """One hash of a job's settings and of the files it read (the manifest's `inputs`)."""
    h = hashlib.sha256(settings.encode())
    for rel in sorted(deps):
        h.update(f"\0{rel}\0{deps[rel]}".encode())
    return h.hexdigest()


def is_project_file(path: Path, exclude: tuple[Path, ...] = ()) -> bool:
    """Whether a file is part of the project's own code or data (not an installed library, not
    a bytecode cache, not an output or a temporary file)."""
    if path.suffix == ".pyc" or not path.is_relative_to(ROOT):
        return False
    rel = path.relative_to(ROOT).parts
    if any(p in ("__pycache__", "site-packages", ".venv", ".git") for p in rel):
        return False
    return not any(path.is_relative_to(x) for x in exclude) and path.is_file()


def stale_reason(record: dict | None, job: Job) -> str | None:
    """Why the job must be rendered given its last record, or None when it is up to date."""
    if not isinstance(record, dict) or not isinstance(record.get("deps"), dict):
        return "no record of an earlier render"
    if record.get("settings") != settings_digest(job):
        return "options or library versions changed"
    for rel, digest in sorted(record["deps"].items()):
        now = file_digest(rel)
        if now != digest:
            return f"{rel} {'removed' if now is None else 'changed'}"
    return None
