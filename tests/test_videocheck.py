"""The video rules checker (gdrender.videocheck) on small videos made here: a pop, a fade, a
slide, a still stretch with a ticking counter, and bad input."""

from __future__ import annotations

import av
import numpy as np
import pytest

from gdrender import videocheck as vc

FPS = 15
H, W = 64, 96
BG = 24  # a dark background, as the dark theme's


def frame(square=None, level=255, counter=None) -> np.ndarray:
    """A grey frame: a 24 × 24 square at (row, col) `square`, a 4 × 4 counter of `counter`."""
    a = np.full((H, W), BG, np.uint8)
    if square is not None:
        r, c = square
        a[r:r + 24, c:c + 24] = level
    if counter is not None:
        a[56:60, 88:92] = 255 if counter % 2 else 128
    return a


def write(path, frames) -> None:
    """An mp4 at FPS, lossless in grey (x264 at qp 0), as render.py's videos are h264."""
    with av.open(str(path), "w") as c:
        s = c.add_stream("libx264", rate=FPS)
        s.width, s.height, s.pix_fmt, s.options = W, H, "yuv420p", {"qp": "0"}
        for g in frames:
            for p in s.encode(av.VideoFrame.from_ndarray(np.repeat(g[..., None], 3, 2), "rgb24")):
                c.mux(p)
        for p in s.encode():
            c.mux(p)


def moving(n, start=0):
    """n frames of the square sliding right a pixel a frame: something always changes."""
    return [frame((20, 4 + (start + k) % 60)) for k in range(n)]


def test_a_square_that_vanishes_in_one_frame_is_a_pop(tmp_path):
    path = tmp_path / "pop.mp4"
    write(path, moving(15) + [frame()] + moving(14, 16))  # gone at frame 15, back at 16
    r = vc.check(path)
    assert r.name == "pop" and r.frames == 30 and r.fps == FPS
    assert r.pop == pytest.approx(1.0, abs=0.02)  # all its ink, at once
    assert r.pop_at == pytest.approx(15 / FPS)
    assert r.violations() == [f"pop at {15 / FPS:.2f} s"]
    assert "VIOLATES: pop" in r.line()


def test_a_fade_loses_a_little_per_frame(tmp_path):
    path = tmp_path / "fade.mp4"
    levels = np.linspace(255, BG, 16).round().astype(np.uint8)  # one second to nothing
    write(path, moving(10) + [frame((20, 14), int(v)) for v in levels] + moving(10))
    r = vc.check(path)
    # each frame loses 1/15 of the square's contrast: about 1/15 of the peak ink
    assert r.pop == pytest.approx(1 / 15, abs=0.01)
    assert r.violations() == []


def test_a_sliding_square_loses_nothing_to_its_motion(tmp_path):
    path = tmp_path / "slide.mp4"
    write(path, moving(45))
    r = vc.check(path)
    assert r.pop < 0.1 and r.dead < 0.1 and r.violations() == []


def test_a_still_stretch_with_a_ticking_counter_is_dead_time(tmp_path):
    path = tmp_path / "still.mp4"
    # 1 s moving, 3 s standing while a counter ticks every frame, 1 s moving
    still = [frame((20, 14), counter=k) for k in range(45)]
    write(path, moving(15) + still + moving(15, 15))
    r = vc.check(path)
    # the counter spans 4 × 4 pixels, far less than STILL_SIDE: the stretch is still from the
    # jump to the still square (frame 15) to the first move (frame 60), 44 frame steps
    assert r.dead == pytest.approx(44 / FPS)
    assert r.dead_from == pytest.approx(15 / FPS)
    assert r.violations() == [f"dead time from {15 / FPS:.2f} s"]


def test_a_still_stretch_under_the_limit_passes(tmp_path):
    path = tmp_path / "pause.mp4"
    write(path, moving(15) + [frame((20, 14))] * 25 + moving(15, 15))
    r = vc.check(path)
    assert r.dead == pytest.approx(24 / FPS) and r.dead <= vc.DEAD_LIMIT_S
    assert r.violations() == []


def test_the_closing_hold_is_not_dead_time_up_to_its_limit(tmp_path):
    # 1 s moving, then the last picture held 4 s: the conclusion left to be read
    path = tmp_path / "hold.mp4"
    write(path, moving(15) + [frame((20, 14))] * 60)
    r = vc.check(path)
    assert r.hold == pytest.approx(59 / FPS) and r.dead < 0.2 and r.violations() == []
    # held 7 s, longer than CLOSING_LIMIT_S: the hold is dead time
    path = tmp_path / "long.mp4"
    write(path, moving(15) + [frame((20, 14))] * 105)
    r = vc.check(path)
    assert r.dead == pytest.approx(104 / FPS) and r.dead_from == pytest.approx(15 / FPS)
    assert r.violations() == [f"dead time from {15 / FPS:.2f} s"]


def test_a_codecs_flicker_in_the_closing_hold_leaves_it_a_hold(tmp_path):
    # the last picture held 3 s, two pixels flickering in it every third frame (as an h264
    # stream's do): no more than QUIET_SHARE of the frame, still the hold
    held = []
    for k in range(45):
        a = frame((20, 14))
        if k % 3 == 0:
            a[2, 2:4] = 200
        held.append(a)
    path = tmp_path / "flicker.mp4"
    write(path, moving(15) + held)
    r = vc.check(path)
    assert 2 / (W * H) <= vc.QUIET_SHARE
    assert r.hold == pytest.approx(44 / FPS) and r.dead < 0.2 and r.violations() == []


def test_a_still_stretch_that_runs_into_the_hold_counts_up_to_it(tmp_path):
    # 3 s still but a ticking counter, then the counter stops and the picture is held 3 s:
    # the counter's stretch is dead time up to the hold, which begins at its last tick
    path = tmp_path / "tick.mp4"
    write(path, moving(15) + [frame((20, 14), counter=k) for k in range(45)]
          + [frame((20, 14), counter=44)] * 45)
    r = vc.check(path)
    assert r.hold == pytest.approx(45 / FPS)
    assert r.dead == pytest.approx(44 / FPS) and r.dead_from == pytest.approx(15 / FPS)


def test_run_prints_a_line_per_video_and_exits_by_the_rules(tmp_path, capsys):
    write(tmp_path / "a.mp4", moving(20))
    assert vc.run([tmp_path]) == 0
    write(tmp_path / "b.mp4", moving(10) + [frame()] + moving(10))
    assert vc.run([tmp_path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in lines] == ["a", "a", "b"]
    assert lines[-1].endswith(f"VIOLATES: pop at {10 / FPS:.2f} s")


@pytest.mark.parametrize("content", [None, b"not a video"])
def test_bad_input_is_one_line_and_status_2(tmp_path, capsys, content):
    path = tmp_path / "x.mp4"
    if content is not None:
        path.write_bytes(content)
    assert vc.main([str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("videocheck: error: ") and str(path) in err[0]


def test_a_thin_line_drawn_across_the_frame_is_not_dead_time(tmp_path):
    path = tmp_path / "line.mp4"
    frames = []
    for k in range(45):  # 3 s drawing a one-pixel line, two pixels a frame: few pixels change
        a = frame((20, 14))
        a[50, 2:2 + 2 * k] = 255
        frames.append(a)
    write(path, frames + moving(5))  # then the square moves: the line is no closing hold
    r = vc.check(path)
    # the changes span a box wider than STILL_SIDE of the frame after 12 frames
    assert r.dead == pytest.approx(12 / FPS) and r.violations() == []
