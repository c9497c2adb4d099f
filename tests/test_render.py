"""render.py end to end, on a copy of the project in a temporary directory.

The copy lets the tests edit a source file or break a target without touching the project.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import av
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FIGURES_MD = ROOT.parent / "shared" / "FIGURES.md"


def copy_project(dest: Path) -> Path:
    for name in ("src", "figures", "scenes"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "render.py", dest / "render.py")
    return dest


def render(root: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "render.py"), *args], cwd=root,
                          capture_output=True, text=True, timeout=timeout)


def counts(stdout: str) -> dict:
    m = re.search(r"(\d+) rendered, (\d+) cached, (\d+) failed", stdout)
    assert m, stdout
    return dict(zip(("rendered", "cached", "failed"), map(int, m.groups())))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """candidate-lines (still, both themes) and slope-sweep (animation, three formats and
    section clips) rendered into out/ of a project copy."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    r = render(root, "candidate-lines", "slope-sweep", "--theme", "both", "--animations",
               "--stills", "--format", "mp4", "--format", "gif", "--format", "webm",
               "--sections", "--jobs", "2", "--out", "out")
    return root, r


def test_list_json_names_every_id_of_figures_md():
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), "--list", "--json"],
                       capture_output=True, text=True, check=True)
    targets = json.loads(r.stdout)["targets"]
    want = re.findall(r"^\| `([a-z0-9-]+)`", FIGURES_MD.read_text(), flags=re.M)
    assert [t["id"] for t in targets] == want
    assert len(want) == 37
    by_id = {t["id"]: t for t in targets}
    assert by_id["slope-sweep"]["kinds"] == ["still", "animation"]
    assert by_id["candidate-lines"]["kinds"] == ["still"]
    assert by_id["candidate-lines"]["section"] == 2
    assert by_id["candidate-lines"]["ready"] is True
    assert all(set(t) >= {"id", "kinds", "section", "title", "ready"} for t in targets)


@pytest.mark.parametrize(
    "args, message",
    [
        (["candidat-lines"], "did you mean candidate-lines"),
        (["race-*", "nope-nope"], "unknown target 'nope-nope'"),
        (["--quality", "ultra"], "--quality must be one of low, medium, high, 4k"),
        (["--format", "avi"], "--format must be one of mp4, gif, webm"),
        (["--theme", "sepia"], "--theme must be one of light, dark, both"),
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["--section", "9"], "--section must be one of 1, 2, 3, 4, 5, 6"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, message):
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), *args, "--dry-run"],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert message in lines[0]


def test_files_exist_and_open(built):
    root, r = built
    assert r.returncode == 0, r.stdout + r.stderr
    assert counts(r.stdout) == {"rendered": 6, "cached": 0, "failed": 0}
    out = root / "out"
    for theme in ("light", "dark"):
        stills = out / theme / "stills"
        ET.parse(stills / "candidate-lines.svg")
        assert (stills / "candidate-lines.pdf").read_bytes()[:5] == b"%PDF-"
        with Image.open(stills / "candidate-lines.png") as im:
            dpi = im.info["dpi"]
            assert round(dpi[0]) == 300
            assert im.width == round(6.3 * 300)  # full text width at 300 dpi
        videos = out / theme / "videos" / "low"
        for fmt in ("mp4", "webm", "gif"):
            with av.open(str(videos / f"slope-sweep.{fmt}")) as c:
                frame = next(c.decode(video=0))
                if fmt != "gif":
                    assert (frame.width, frame.height) == (854, 480)
        with Image.open(videos / "slope-sweep.png") as poster:
            assert poster.size == (854, 480)
    # the light still is light and the dark one dark
    with Image.open(out / "light/stills/candidate-lines.png") as a, \
            Image.open(out / "dark/stills/candidate-lines.png") as b:
        assert a.convert("L").getpixel((2, 2)) > 240 and b.convert("L").getpixel((2, 2)) < 40
    assert not list(out.rglob(".tmp-*"))


def test_section_clips_and_index(built):
    root, _ = built
    idx = json.loads((root / "out/light/sections/low/slope-sweep.json").read_text())
    names = [s["name"] for s in idx["sections"]]
    assert names == ["setup", "sweep", "settle"]
    total = 0
    for s in idx["sections"]:
        clip = root / "out/light/sections/low" / s["file"]
        with av.open(str(clip)) as c:
            n = sum(1 for _ in c.decode(video=0))
        assert n == s["frames"] > 0
        total += n
    with av.open(str(root / "out/light/videos/low/slope-sweep.mp4")) as c:
        assert total == sum(1 for _ in c.decode(video=0))


def test_manifest_matches_files(built):
    root, _ = built
    out = root / "out"
    manifest = json.loads((out / "manifest.json").read_text())["outputs"]
    paths = {e["path"] for e in manifest}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*")
               if p.is_file() and p.parts[len(out.parts)] in ("light", "dark")}
    assert paths == on_disk
    for e in manifest:
        data = (out / e["path"]).read_bytes()
        assert e["bytes"] == len(data)
        assert e["sha256"] == hashlib.sha256(data).hexdigest()
        assert set(e["versions"]) >= {"manim", "matplotlib", "numpy"}
        assert e["kind"] in ("still", "animation") and e["theme"] in ("light", "dark")
        assert len(e["inputs"]) == 64 and e["render_seconds"] > 0
        if e["path"].endswith(".mp4"):
            assert e["frames"] > 0 and e["seconds"] > 0
            assert e["frames"] == pytest.approx(e["seconds"] * 15, abs=1)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("src", "href", "poster"):
                self.refs.append(v)


def test_gallery_references_existing_files(built):
    root, _ = built
    html = (root / "out/index.html").read_text()
    parser = _Links()
    parser.feed(html)
    assert parser.refs, "the gallery links nothing"
    for ref in parser.refs:
        assert not ref.startswith(("http:", "https:", "//")), ref
        assert (root / "out" / ref).is_file(), ref
    assert "slope-sweep.mp4" in html and "candidate-lines.png" in html
    # every target of the catalog has a place, grouped by section
    assert html.count("<section class='t'") == 37
    assert html.index("1. Why training is hard") < html.index("6. Equations")


def test_second_run_renders_nothing_then_an_edit_rerenders_one_target(built):
    root, _ = built
    args = ["candidate-lines", "slope-sweep", "--theme", "both", "--format", "mp4",
            "--format", "gif", "--format", "webm", "--sections", "--out", "out"]
    t0 = time.perf_counter()
    r = render(root, *args)
    assert r.returncode == 0 and counts(r.stdout) == {"rendered": 0, "cached": 6, "failed": 0}
    assert time.perf_counter() - t0 < 10
    before = (root / "out/light/videos/low/slope-sweep.mp4").stat().st_mtime_ns
    fig = root / "figures/candidate_lines.py"
    fig.write_text(fig.read_text() + "\n# an edit\n")
    r = render(root, *args)
    assert r.returncode == 0 and counts(r.stdout) == {"rendered": 2, "cached": 4, "failed": 0}
    assert "light-still-candidate-lines" in r.stdout and "slope-sweep" not in r.stdout.replace(
        "cached", "")
    assert (root / "out/light/videos/low/slope-sweep.mp4").stat().st_mtime_ns == before


def test_a_failing_target_does_not_stop_the_others(built):
    root, _ = built
    broken = root / "figures/regression_data.py"
    broken.write_text('"""Broken on purpose\n\nCaption.\n"""\n\n\ndef make_figure(theme):\n'
                      '    raise RuntimeError("drawing failed on purpose")\n')
    r = render(root, "candidate-lines", "regression-data", "--force", "--out", "out2",
               "--jobs", "2")
    assert r.returncode == 1
    assert counts(r.stdout) == {"rendered": 1, "cached": 0, "failed": 1}
    assert "RuntimeError: drawing failed on purpose" in r.stdout
    log = re.search(r"log: (\S+\.log)", r.stdout).group(1)
    assert "Traceback" in Path(log).read_text()
    for ext in ("svg", "pdf", "png"):
        assert (root / f"out2/light/stills/candidate-lines.{ext}").stat().st_size > 1000
    assert not list((root / "out2").rglob("regression-data.*"))


def test_interrupt_leaves_no_partial_files_and_next_run_finishes(built):
    root, _ = built
    proc = subprocess.Popen([sys.executable, str(root / "render.py"), "slope-sweep",
                             "--out", "out3", "--jobs", "1"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(6)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    out = root / "out3"
    assert not list(out.rglob(".tmp-*"))
    assert not (out / "light/videos/low/slope-sweep.mp4").exists()
    assert not [p for p in out.rglob("*") if p.is_dir() and "gd-" in p.name]
    r = render(root, "slope-sweep", "--out", "out3")
    assert r.returncode == 0 and counts(r.stdout)["rendered"] == 1
    assert (out / "light/videos/low/slope-sweep.mp4").stat().st_size > 0
    assert os.environ.get("GD_THEME", "light") == "light"
