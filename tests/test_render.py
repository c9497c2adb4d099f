"""render.py end to end, on a copy of the project in a temporary directory (project_copy).

The copy lets the tests edit a source file or break a target without touching the project;
each puts back what it edited.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import av
import pytest
from PIL import Image
from project_copy import BUILT, FPS, QUALITY, SIZE, VIDEO, copy_project, render

ROOT = Path(__file__).resolve().parents[1]

#: The chapter's 37 targets in order: id, section, kinds (S still, A animation).
CATALOG = (
    ("connection-tweak", 1, "S+A"),
    ("tiny-networks", 1, "S"),
    ("sampling-grid-2d", 1, "S+A"),
    ("sampling-grid-3d", 1, "S+A"),
    ("guess-explosion", 1, "S"),
    ("lonely-space", 1, "S"),
    ("regression-data", 2, "S"),
    ("candidate-lines", 2, "S"),
    ("residuals", 2, "S+A"),
    ("mse-surface", 2, "S+A"),
    ("slope-sweep", 2, "S+A"),
    ("nonconvex-loss", 2, "S"),
    ("gradient-geometry", 3, "S"),
    ("gd-regression", 3, "S+A"),
    ("learning-rates", 3, "S+A"),
    ("descent-3d", 3, "S+A"),
    ("cost-heatmap", 3, "S"),
    ("local-minima", 3, "S+A"),
    ("batch-vs-stochastic", 3, "S+A"),
    ("race-long-valley", 3, "S+A"),
    ("race-beale", 3, "S+A"),
    ("race-saddle", 3, "S+A"),
    ("feature-scaling", 3, "S"),
    ("lr-grid-search", 3, "S"),
    ("backprop-loop", 4, "S+A"),
    ("gradient-check", 4, "S"),
    ("loss-curve", 4, "S+A"),
    ("mnist-network", 4, "S"),
    ("data-splits", 5, "S"),
    ("cross-validation", 5, "S+A"),
    ("overfitting-poly", 5, "S"),
    ("model-capacity", 5, "S"),
    ("regularization", 5, "S+A"),
    ("penalty-conflict", 5, "S"),
    ("train-val-curves", 5, "S"),
    ("dropout", 5, "S+A"),
    ("equations", 6, "S"),
)


def counts(stdout: str) -> dict:
    m = re.search(r"(\d+) rendered, (\d+) cached, (\d+) failed", stdout)
    assert m, stdout
    return dict(zip(("rendered", "cached", "failed"), map(int, m.groups())))


@pytest.fixture(scope="module")
def built(project_build):
    """The BUILT jobs rendered into out/ of a project copy (tests/conftest.py)."""
    return project_build


def dry_run(root: Path, *args: str) -> tuple[dict[str, str], list[str]]:
    """The jobs `--dry-run` would render (job -> its line) and all its lines."""
    r = render(root, *args, "--dry-run")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    return {ln.split()[2]: ln for ln in lines if ln.startswith("would render")}, lines


def job_deps(out: Path) -> dict[str, set[str]]:
    """Job -> the project files its render read, from its record (a deck's record lists the
    clips it was made of instead)."""
    records = ((p.stem, json.loads(p.read_text())) for p in (out / ".cache").glob("*.json"))
    return {job: set(rec["deps"]) for job, rec in records if rec["kind"] != "deck"}


def outputs_on_disk(out: Path) -> list[Path]:
    """The files of out's theme folders but the copy of reveal.js that the HTML decks load
    (the library, no output of a job: the manifest does not list it)."""
    return [p for p in out.rglob("*") if p.is_file() and p.parts[len(out.parts)] in
            ("light", "dark") and "reveal.js" not in p.relative_to(out).parts]


def output_mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in outputs_on_disk(out)}


def test_list_json_names_every_target_with_its_section_and_kinds():
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), "--list", "--json"],
                       capture_output=True, text=True, check=True)
    targets = json.loads(r.stdout)["targets"]
    kinds = {"S": ["still"], "S+A": ["still", "animation"]}
    assert len(CATALOG) == 37
    assert [(t["id"], t["section"], t["kinds"]) for t in targets] == [
        (i, sec, kinds[k]) for i, sec, k in CATALOG]
    by_id = {t["id"]: t for t in targets}
    assert by_id["candidate-lines"]["ready"] is True
    assert all(set(t) >= {"id", "kinds", "section", "title", "ready"} for t in targets)


@pytest.mark.parametrize(
    "args, message",
    [
        (["candidat-lines"], "did you mean candidate-lines"),
        (["race-*", "nope-nope"], "unknown target 'nope-nope'"),
        (["--quality", "ultra"], "--quality must be one of draft, low, medium, high, 4k"),
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


@pytest.mark.parametrize("args", [("--list", "--json"), ("candidate-lines", "--theme", "both")])
def test_a_reader_that_goes_away_stops_the_run_in_one_line(args, tmp_path):
    """`render.py ... | head`: what reads the output is gone before anything is written. The
    run stops as a stop signal stops it (before the first job begins here: nothing rendered,
    an empty manifest), without a traceback."""
    out = tmp_path / "out"
    read_end, write_end = os.pipe()
    os.close(read_end)  # no reader: the first write fails (EPIPE)
    try:
        r = subprocess.run([sys.executable, str(ROOT / "render.py"), *args,
                            *(() if "--list" in args else ("--out", str(out)))],
                           stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert r.returncode == 128 + signal.SIGPIPE, r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) <= 1, r.stderr
    if "--list" not in args:
        assert json.loads((out / "manifest.json").read_text()) == {"outputs": []}
        assert outputs_on_disk(out) == []


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
        videos = out / theme / "videos" / QUALITY
        for fmt in ("mp4", "webm", "gif"):
            with av.open(str(videos / f"{VIDEO}.{fmt}")) as c:
                frame = next(c.decode(video=0))
                if fmt != "gif":
                    assert (frame.width, frame.height) == SIZE
        with Image.open(videos / f"{VIDEO}.png") as poster:
            assert poster.size == SIZE
    # the light still is light and the dark one dark
    with Image.open(out / "light/stills/candidate-lines.png") as a, \
            Image.open(out / "dark/stills/candidate-lines.png") as b:
        assert a.convert("L").getpixel((2, 2)) > 240 and b.convert("L").getpixel((2, 2)) < 40
    assert not list(out.rglob(".tmp-*"))


def test_section_clips_and_index(built):
    root, _ = built
    idx = json.loads((root / f"out/light/sections/{QUALITY}/{VIDEO}.json").read_text())
    names = [s["name"] for s in idx["sections"]]
    assert names == ["network", "step-1", "step-2", "step-3", "step-4"]
    total = 0
    for s in idx["sections"]:
        clip = root / f"out/light/sections/{QUALITY}" / s["file"]
        with av.open(str(clip)) as c:
            n = sum(1 for _ in c.decode(video=0))
        assert n == s["frames"] > 0
        total += n
    with av.open(str(root / f"out/light/videos/{QUALITY}/{VIDEO}.mp4")) as c:
        assert total == sum(1 for _ in c.decode(video=0))


def test_manifest_matches_files(built):
    root, _ = built
    out = root / "out"
    manifest = json.loads((out / "manifest.json").read_text())["outputs"]
    paths = {e["path"] for e in manifest}
    on_disk = {p.relative_to(out).as_posix() for p in outputs_on_disk(out)}
    assert paths == on_disk
    for e in manifest:
        data = (out / e["path"]).read_bytes()
        assert e["bytes"] == len(data)
        assert e["sha256"] == hashlib.sha256(data).hexdigest()
        assert set(e["versions"]) >= {"manim", "matplotlib", "numpy"}
        assert e["kind"] in ("still", "animation", "deck") and e["theme"] in ("light", "dark")
        assert len(e["inputs"]) == 64 and e["render_seconds"] > 0
        if e["path"].endswith(".mp4") and e["kind"] == "animation":  # a deck's clips: decks
            assert e["frames"] > 0 and e["seconds"] > 0
            assert e["frames"] == pytest.approx(e["seconds"] * FPS, abs=1)


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
    assert f"{VIDEO}.mp4" in html and "candidate-lines.png" in html
    # every target of the catalog has a place, grouped by section
    assert html.count("<section class='t'") == 37
    assert html.index("1. Why training is hard") < html.index("6. Equations")


def test_second_run_renders_nothing_and_touches_no_file(built):
    root, _ = built
    out = root / "out"
    before = output_mtimes(out)
    r = render(root, *BUILT)
    assert r.returncode == 0 and counts(r.stdout) == {"rendered": 0, "cached": 6, "failed": 0}
    assert output_mtimes(out) == before
    stale, lines = dry_run(root, *BUILT)
    assert stale == {} and len(lines) == 6
    assert all(ln.startswith("up to date") for ln in lines)


def test_check_reports_every_video_by_the_rules(built):
    from gdrender import videocheck

    root, _ = built
    out = root / "out"
    r = render(root, *BUILT, "--check")
    assert counts(r.stdout) == {"rendered": 0, "cached": 6, "failed": 0}
    mp4s = [out / t / "videos" / QUALITY / f"{VIDEO}.mp4" for t in ("light", "dark")]
    reports = [videocheck.check(p, f"{t}/videos/{QUALITY}/{VIDEO}")
               for p, t in zip(mp4s, ("light", "dark"))]
    lines = [ln for ln in r.stdout.splitlines() if f"/videos/{QUALITY}/{VIDEO} " in ln]
    assert lines == [rep.line() for rep in reports]  # one line per video, its own numbers
    assert r.returncode == (1 if any(rep.violations() for rep in reports) else 0)


def test_each_job_records_the_project_files_it_read(built):
    root, _ = built
    deps = job_deps(root / "out")
    assert sorted(deps) == sorted(
        f"{theme}-{job}" for theme in ("light", "dark") for job in (
            "still-candidate-lines", f"still-{VIDEO}", f"{QUALITY}-animation-{VIDEO}"))
    for key, files in deps.items():
        stem = re.sub(r".*-(still|animation)-", "", key).replace("-", "_")
        assert (f"figures/{stem}.py" if "-still-" in key else f"scenes/{stem}.py") in files
        assert {"src/gdrender/worker.py", "src/gdviz/theme.py"} <= files
        assert any(f.startswith("src/gdcore/") for f in files)  # the numbers
        assert all((root / f).is_file() for f in files)
        assert not any(f.startswith("out/") or f.endswith(".pyc") for f in files)
    for job in ("still-candidate-lines", f"still-{VIDEO}", f"{QUALITY}-animation-{VIDEO}"):
        assert deps[f"light-{job}"] == deps[f"dark-{job}"]


def test_an_edit_makes_stale_exactly_the_jobs_that_read_the_file(built):
    root, _ = built
    deps = job_deps(root / "out")
    read = set().union(*deps.values())
    some = sorted(read - set.intersection(*deps.values()))
    modules = [f for f in some if f.startswith("src/")]
    assert modules, "every job read the same project modules"
    unread = [f"figures/{t.replace('-', '_')}.py" for t, _, _ in CATALOG]
    unread = [f for f in unread if f not in read and (root / f).is_file()][:1] + [
        "src/gdrender/cli.py"]
    for rel in ["figures/candidate_lines.py", f"scenes/{VIDEO}.py", *modules, *unread]:
        path = root / rel
        text = path.read_text()
        path.write_text(text + "\n# an edit\n")
        try:
            stale, _ = dry_run(root, *BUILT)
        finally:
            path.write_text(text)
        assert set(stale) == {k for k, files in deps.items() if rel in files}, rel
        assert all(ln.endswith(f"({rel} changed)") for ln in stale.values()), stale
    assert unread[-1] not in read


def test_an_edit_of_an_imported_module_rerenders_its_dependants_only(built):
    root, _ = built
    out = root / "out"
    deps = job_deps(out)
    readers = {f: {k for k, files in deps.items() if f in files}
               for f in set().union(*deps.values()) if f.startswith("src/")}
    # the module read by the fewest jobs, stills before animations (they are faster)
    module, mine = min((kv for kv in readers.items() if len(kv[1]) < len(deps)),
                       key=lambda kv: (sum("animation" in k for k in kv[1]), len(kv[1]), kv[0]))
    before = output_mtimes(out)
    path = root / module
    text = path.read_text()
    path.write_text(text + "\n# an edit\n")
    try:
        r = render(root, *BUILT, "--why")
    finally:
        path.write_text(text)
    assert r.returncode == 0, r.stdout + r.stderr
    assert counts(r.stdout) == {"rendered": len(mine), "cached": 6 - len(mine), "failed": 0}
    assert {ln.split()[2] for ln in r.stdout.splitlines() if ln.startswith("would render")} == mine
    after = output_mtimes(out)
    theirs = {o["path"] for p in (out / ".cache").glob("*.json") if p.stem not in mine
              for o in json.loads(p.read_text())["outputs"]}
    assert theirs and {p: after[p] for p in theirs} == {p: before[p] for p in theirs}
    assert all(after[p] != before[p] for p in set(before) - theirs)


def test_a_file_changed_while_its_job_renders_leaves_the_job_stale(tmp_path, monkeypatch):
    """A job's record holds each file's digest as the job read it: a file changed after the
    job began (its time at or after the start) gets none, so the next run renders the job
    again; one left alone keeps its digest and the job stays up to date."""
    from gdrender import jobs

    monkeypatch.setattr(jobs, "ROOT", tmp_path)
    jobs.file_digest.cache_clear()
    try:
        began = 1_700_000_000 * 10**9
        for name, text, at in (("kept.py", "x = 1\n", began - 60 * 10**9),
                               ("edited.py", "x = 2\n", began + 10**9)):
            (tmp_path / name).write_text(text)
            os.utime(tmp_path / name, ns=(at, at))
        deps = jobs.deps_as_read(["kept.py", "edited.py", "gone.py"], began)
        assert deps == {"kept.py": hashlib.sha256(b"x = 1\n").hexdigest(),
                        "edited.py": None, "gone.py": None}
        job = jobs.Job("candidate-lines", "still", "light")
        record = {"settings": jobs.settings_digest(job), "deps": deps}
        assert jobs.stale_reason(record, job) == "edited.py changed"
        record["deps"] = {"kept.py": deps["kept.py"]}
        assert jobs.stale_reason(record, job) is None
    finally:
        jobs.file_digest.cache_clear()


@pytest.mark.parametrize("out, cause", [
    ("out", "a file is in the way, not a directory"),
    ("out/sub", "Not a directory"),
])
def test_an_output_directory_that_cannot_be_written_exits_2_in_one_line(tmp_path, out, cause):
    (tmp_path / "out").write_text("a file where the output directory goes")
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), "candidate-lines", "--out",
                        str(tmp_path / out)], capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"render.py: error: cannot write the output directory {tmp_path / out}: {cause}"]


def test_a_write_that_fails_mid_run_fails_that_job_only(built):
    root, _ = built
    in_the_way = root / "out4/light/stills/regression-data.svg"
    in_the_way.mkdir(parents=True)
    (in_the_way / "keep").write_text("a directory where the SVG goes")
    r = render(root, "candidate-lines", "regression-data", "--out", "out4", "--jobs", "2")
    assert r.returncode == 1
    assert counts(r.stdout) == {"rendered": 1, "cached": 0, "failed": 1}
    assert re.search(r"FAILED light-still-regression-data: IsADirectoryError: .* Is a directory",
                     r.stdout)
    manifest = json.loads((root / "out4/manifest.json").read_text())["outputs"]
    assert {e["id"] for e in manifest} == {"candidate-lines"}
    assert not list((root / "out4").rglob(".tmp-*"))

def test_a_failing_target_does_not_stop_the_others(built):
    root, _ = built
    broken = root / "figures/regression_data.py"
    text = broken.read_text()
    broken.write_text('"""Broken on purpose\n\nCaption.\n"""\n\n\ndef make_figure(theme):\n'
                      '    raise RuntimeError("drawing failed on purpose")\n')
    try:
        r = render(root, "candidate-lines", "regression-data", "--force", "--out", "out2",
                   "--jobs", "2")
    finally:
        broken.write_text(text)
    assert r.returncode == 1
    assert counts(r.stdout) == {"rendered": 1, "cached": 0, "failed": 1}
    assert "RuntimeError: drawing failed on purpose" in r.stdout
    log = re.search(r"log: (\S+\.log)", r.stdout).group(1)
    assert "Traceback" in Path(log).read_text()
    for ext in ("svg", "pdf", "png"):
        again = (root / f"out2/light/stills/candidate-lines.{ext}").read_bytes()
        # the same still from the same sources is the same file, byte for byte
        assert len(again) > 1000
        assert again == (root / f"out/light/stills/candidate-lines.{ext}").read_bytes(), ext
    assert not list((root / "out2").rglob("regression-data.*"))


def processes_of(root: Path) -> list[str]:
    """Command lines of the running processes that name a path of the project copy."""
    found = []
    for d in Path("/proc").iterdir():
        try:
            cmd = (d / "cmdline").read_bytes() if d.name.isdigit() else b""
        except OSError:
            continue
        if str(root).encode() in cmd:
            found.append(cmd.replace(b"\0", b" ").decode(errors="replace"))
    return found


def _holds_a_movie(folder: Path) -> bool:
    try:
        return any(folder.rglob("*.mp4"))
    except FileNotFoundError:  # a temporary folder of the render went away while listed
        return False


def wait_until(condition, proc: subprocess.Popen) -> None:
    """Wait for an event of a running render (it must not end first)."""
    while not condition():
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)


class TestStop:
    """Each on a project copy of its own, so xdist can run them beside the tests of `built`."""

    @pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
    def test_a_stop_signal_mid_render_leaves_no_process_and_no_partial_file(
            self, sig, tmp_path, tmp_path_factory):
        root = copy_project(tmp_path_factory.mktemp("project"))
        out = root / f"out-{sig.name}"
        args = (VIDEO, "--animations", "--quality", QUALITY, "--out", str(out))
        proc = subprocess.Popen([sys.executable, str(root / "render.py"), *args, "--jobs", "1"],
                                cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "TMPDIR": str(tmp_path)})
        # mid-render: Manim has begun writing the first animation of the scene
        wait_until(lambda: _holds_a_movie(tmp_path), proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 128 + sig, err
        assert err.strip().splitlines()[-1].startswith(f"render.py: interrupted by {sig.name};")
        assert "Traceback" not in err
        assert processes_of(root) == []
        assert list(tmp_path.iterdir()) == []  # the workers' temporary directories are gone
        assert not list(out.rglob(".tmp-*"))
        assert not (out / f"light/videos/{QUALITY}/{VIDEO}.mp4").exists()
        assert json.loads((out / "manifest.json").read_text()) == {"outputs": []}
        stale, _ = dry_run(root, *args)
        assert set(stale) == {f"light-{QUALITY}-animation-{VIDEO}"}
        if sig == signal.SIGTERM:  # the next run into the same build renders and records
            r = render(root, "candidate-lines", "--out", str(out))
            assert r.returncode == 0 and counts(r.stdout) == {"rendered": 1, "cached": 0,
                                                              "failed": 0}
            manifest = json.loads((out / "manifest.json").read_text())["outputs"]
            assert {e["id"] for e in manifest} == {"candidate-lines"}
            assert set(dry_run(root, *args)[0]) == {f"light-{QUALITY}-animation-{VIDEO}"}
