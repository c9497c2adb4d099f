"""Two rules every video keeps, read back from the rendered mp4 (issue 14, items 9 and 10).

- No pop: no object vanishes at once (to come back, or for good). The *ink* of a frame is how
  far each pixel is from the background (0 on the background, 1 at full contrast), averaged
  over blocks of BLOCK × BLOCK pixels so that a shape moving a few pixels keeps its ink; the ink
  *lost* from one frame to the next is the sum of the blocks' drops. The largest loss, as a share
  of the most ink any frame of the second before held, must stay at most POP_LIMIT: a fade of a
  third of a second loses about a fifth per frame at 15 frames per second, a pop all at once.
- No dead time: the longest stretch over which every pixel that changes at all (by more than
  CHANGE_LEVEL grey levels between two frames) lies in one box less than STILL_SIDE of the
  frame's width wide and of its height tall, room for a ticking readout or clock and no more,
  lasts at most DEAD_LIMIT_S seconds. A line drawn across the axes, however thin, or a dot
  moving along a path soon spans a larger box. The stretch that ends the video is its closing
  hold, the last picture left to be read (the scene's conclusion, gdviz.manim_theme's
  CLOSING_HOLD_S: no pixel changes in it but a codec's flicker, QUIET_SHARE of the frame or
  less), not dead time, up to CLOSING_LIMIT_S seconds; a still stretch that runs into it (a
  counter ticking to the end) counts up to where the hold begins.

    python -m gdrender.videocheck build/light/videos/low        # every mp4 of a folder
    python render.py --animations --check                       # after rendering

One line per video; exit status 1 when a video breaks a rule, 2 when a file cannot be read.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

POP_LIMIT = 0.5  # largest share of the ink one frame may lose
DEAD_LIMIT_S = 2.0  # longest stretch, seconds, over which (almost) nothing changes
BLOCK = 4  # side of the blocks ink is averaged over, pixels
NOISE_LEVEL = 8  # grey levels from the background below which a pixel is not ink (codec noise)
PEAK_WINDOW_S = 1.0  # a loss is measured against the most ink of this many seconds before
MIN_INK = 0.002  # frames with less ink than this share of a fully inked frame lose nothing
CHANGE_LEVEL = 16  # grey levels a pixel must move between two frames to count as changed
STILL_SIDE = 0.25  # share of the frame's sides a readout or clock may span, all else still
CLOSING_LIMIT_S = 6.0  # longest closing hold, seconds: a longer one is dead time
QUIET_SHARE = 0.001  # share of a frame's pixels the codec may flicker in a still picture


class VideoError(Exception):
    """A file that cannot be read as a video."""


@dataclass(frozen=True)
class Report:
    """What one video does against the rules (times in seconds from its start)."""

    name: str
    frames: int
    fps: float
    pop: float  # largest share of the ink lost from one frame to the next
    pop_at: float
    dead: float  # longest stretch over which all changes stay within a readout's box
    dead_from: float
    hold: float = 0.0  # the closing hold: the stretch that ends it, no change but the codec's

    def violations(self) -> list[str]:
        out = []
        if self.pop > POP_LIMIT:
            out.append(f"pop at {self.pop_at:.2f} s")
        if self.dead > DEAD_LIMIT_S:
            out.append(f"dead time from {self.dead_from:.2f} s")
        return out

    def line(self) -> str:
        bad = self.violations()
        return (f"{self.name:30s} pop {self.pop:4.2f} at {self.pop_at:6.2f} s   "
                f"dead {self.dead:5.2f} s from {self.dead_from:6.2f} s   "
                + ("VIOLATES: " + ", ".join(bad) if bad else "ok"))


def _ink(gray: np.ndarray, background: float) -> np.ndarray:
    """Ink per BLOCK × BLOCK block, 0 to 1."""
    d = np.abs(gray.astype(np.float32) - background)
    d[d < NOISE_LEVEL] = 0.0
    h, w = (s - s % BLOCK for s in d.shape)
    return d[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).mean(axis=(1, 3)) / 255.0


def ink_lost(before: np.ndarray, after: np.ndarray) -> float:
    """The share of the ink of grey frame `before` that grey frame `after` has lost (its
    background: the median grey of `before`)."""
    background = float(np.median(before))
    a, b = _ink(before, background), _ink(after, background)
    total = float(a.sum())
    return float(np.clip(a - b, 0, None).sum()) / total if total > 0 else 0.0


def _confined(counts: np.ndarray) -> bool:
    """Whether every pixel that changed in the window lies in a box less than STILL_SIDE of the
    frame's width wide and of its height tall."""
    rows, cols = np.flatnonzero(counts.any(axis=1)), np.flatnonzero(counts.any(axis=0))
    if rows.size == 0:
        return True
    h, w = counts.shape
    return bool(rows[-1] - rows[0] < STILL_SIDE * h and cols[-1] - cols[0] < STILL_SIDE * w)


def measure(frames: Iterable[np.ndarray], fps: float, name: str = "") -> Report:
    """The report of a sequence of grey frames (2-D uint8 arrays) shown at `fps`."""
    peak_n = max(1, round(PEAK_WINDOW_S * fps))
    background = None
    totals: deque[float] = deque(maxlen=peak_n)  # total ink of the last frames
    prev_ink = prev_gray = None
    pop, pop_i = 0.0, 0
    window: deque[np.ndarray] = deque()  # changed-pixel masks of the current still stretch
    counts = None  # per pixel: in how many masks of the window it changed
    stretches: list[tuple[int, int]] = []  # (frame, length of the still stretch ending there)
    hold = 0  # frames since the last that changed at all
    n = 0
    for i, gray in enumerate(frames):
        n = i + 1
        if background is None:
            background = float(np.median(gray))
            counts = np.zeros(gray.shape, np.int32)
        ink = _ink(gray, background)
        if prev_ink is not None:
            peak = max(totals)
            if peak > MIN_INK * ink.size:
                lost = float(np.clip(prev_ink - ink, 0, None).sum()) / peak
                if lost > pop:
                    pop, pop_i = lost, i
            changed = np.abs(gray.astype(np.int16) - prev_gray) > CHANGE_LEVEL
            window.append(changed)
            counts += changed
            while window and not _confined(counts):  # shrink from the start until still
                counts -= window.popleft()
            stretches.append((i, len(window)))
            hold = 0 if changed.mean() > QUIET_SHARE else hold + 1
        totals.append(float(ink.sum()))
        prev_ink, prev_gray = ink, gray.astype(np.int16)
    if n == 0:
        raise VideoError(f"{name or 'video'}: no frames")
    dead, dead_i = _dead_time(stretches, hold, CLOSING_LIMIT_S * fps)
    return Report(name, n, fps, pop, pop_i / fps, dead / fps, dead_i / fps, hold / fps)


def _dead_time(stretches: list[tuple[int, int]], hold: int,
               hold_limit: float) -> tuple[int, int]:
    """(length, first frame) of the longest still stretch but the closing hold, in frames:
    `stretches` gives, for each frame, the still stretch that ends there; `hold` is how many
    frames end the video with no change (but a codec's flicker). A stretch that runs into the
    hold counts up to where it begins; a hold longer than hold_limit counts whole."""
    if not stretches:
        return 0, 0
    begins = stretches[-1][0] - hold
    dead, dead_i = 0, 0
    for i, length in stretches:
        start = i - length
        if i > begins:  # ends inside the hold: its part before the hold
            length = max(0, begins - start)
        if length > dead:
            dead, dead_i = length, start
    if hold > hold_limit and hold > dead:
        dead, dead_i = hold, begins
    return dead, dead_i


def read(path: Path | str) -> tuple[Iterator[np.ndarray], float]:
    """The grey frames of a video file (a generator) and its frame rate."""
    import av  # PyAV comes with manim; imported here so the rest needs only numpy

    try:
        container = av.open(str(path))
        stream = container.streams.video[0]
    except (av.error.FFmpegError, IndexError, OSError) as e:
        raise VideoError(f"{path}: not a readable video ({e})") from None
    fps = float(stream.average_rate or 0) or 15.0

    def frames():
        with container:
            try:
                for f in container.decode(stream):
                    yield f.to_ndarray(format="gray")
            except av.error.FFmpegError as e:
                raise VideoError(f"{path}: cannot decode ({e})") from None

    return frames(), fps


def check(path: Path | str, name: str | None = None) -> Report:
    """The report of one video file, named `name` (its file name without suffix by default)."""
    frames, fps = read(path)
    return measure(frames, fps, Path(path).stem if name is None else name)


def videos(paths: Iterable[Path | str]) -> list[Path]:
    """The mp4 files named, or found directly in the folders named, in order."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.glob("*.mp4"))
        elif p.exists():
            out.append(p)
        else:
            raise VideoError(f"{p}: no such file or folder")
    return out


def run(paths: Iterable[Path | str], root: Path | None = None, stream=None) -> int:
    """Check every video, print one line each (naming it by its path from `root` if given);
    0 if all keep the rules, 1 if not, 2 on error."""
    stream = stream or sys.stdout
    try:
        files = videos(paths)
        if not files:
            print("videocheck: no video to check", file=stream)
            return 2
        bad = 0
        for f in files:
            r = check(f, None if root is None else f.relative_to(root).with_suffix("").as_posix())
            print(r.line(), file=stream, flush=True)
            bad += bool(r.violations())
    except VideoError as e:
        print(f"videocheck: error: {e}", file=sys.stderr)
        return 2
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
