"""Render benchmark: the whole ready catalog at a quality, with 1 and 2 jobs.

Prints wall times, the no-change rebuild time, per-target render seconds and the seconds of
video produced. Goal (a figure, not a test): at medium quality with 2 jobs, rendering takes no
longer than the video it produces lasts.

    .venv/bin/python bench/render_bench.py [--quality low|medium] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(out: Path, quality: str, jobs: int, force: bool = True, *extra: str) -> float:
    args = [sys.executable, str(ROOT / "render.py"), "--quality", quality, "--jobs", str(jobs),
            "--out", str(out), *extra] + (["--force"] if force else [])
    t0 = time.perf_counter()
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        print(r.stdout[-2000:], r.stderr[-2000:])
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quality", default="low")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        walls = {}
        for j in a.jobs:
            out = Path(tmp) / f"jobs{j}"
            walls[j] = run(out, a.quality, j)
        rebuild = run(out, a.quality, a.jobs[-1], False)
        dry_run = run(out, a.quality, a.jobs[-1], False, "--dry-run")
        manifest = json.loads((out / "manifest.json").read_text())["outputs"]
    per_target: dict[str, float] = {}
    video_seconds = 0.0
    for e in manifest:
        per_target.setdefault(f"{e['kind']:9s} {e['id']}", e["render_seconds"])
        if e["path"].endswith(".mp4") and "/sections/" not in e["path"]:
            video_seconds += e["seconds"]
    print(f"render benchmark, quality {a.quality}")
    for j, w in walls.items():
        print(f"  whole ready catalog, --jobs {j}: {w:7.1f} s wall")
    print(f"  rebuild with nothing changed:  {rebuild:7.2f} s (goal < 2 s)")
    print(f"  --dry-run with nothing changed: {dry_run:6.2f} s (hashes every recorded file)")
    print(f"  video produced: {video_seconds:.1f} s; wall/video with --jobs {a.jobs[-1]}: "
          f"{walls[a.jobs[-1]] / max(video_seconds, 1e-9):.2f} (goal <= 1 at medium)")
    print("  per target (render seconds inside the worker):")
    for k, s in sorted(per_target.items(), key=lambda kv: -kv[1]):
        print(f"    {k:40s} {s:7.1f}")


if __name__ == "__main__":
    main()
