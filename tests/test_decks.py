"""Lecture decks, captions and the gallery, end to end: one small animation rendered once
(draft quality, with --slides) into a project copy (the render tests' build, project_copy),
then every output read back: the HTML deck
and the gallery in headless Chromium with no network, the PPTX with python-pptx, every WebVTT
file with webvtt-py.

Needs Chromium and reveal.js, which `make test` installs (`scripts/bootstrap.sh --decks`);
without them these tests fail and say so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from project_copy import BUILT, QUALITY, VIDEO, deck_env

from gdrender import captions, catalog, decks

ROOT = Path(__file__).resolve().parents[1]
TARGET = VIDEO  # the animation of the project build
SECTIONS = ("network", "step-1", "step-2", "step-3", "step-4")  # those of scenes/dropout.py
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _reveal() -> Path | None:
    try:
        return decks.reveal_dir()
    except decks.DeckError:
        return None


@pytest.fixture(scope="module")
def deck_tools():
    """Chromium and reveal.js, which `make test` installs: missing, the test fails (a skipped
    test could not fail)."""
    if CHROMIUM is None or _reveal() is None:
        pytest.fail("Chromium or reveal.js missing: run scripts/bootstrap.sh --decks")


needs_browser = pytest.mark.usefixtures("deck_tools")


@pytest.fixture(scope="module")
def built(project_build):
    """The project build (tests/conftest.py: TARGET's still and animation, both themes, draft
    quality, with --slides): its output folder, the render.py run and the environment it ran
    in."""
    root, r = project_build
    assert r.returncode == 0, r.stdout + r.stderr
    return root / "out", r, deck_env()


def chromium(url: str, tmp_path: Path, *extra: str,
             budget_ms: int = 30000) -> subprocess.CompletedProcess:
    """Headless Chromium on a file:// URL, with no network: in its own empty network
    namespace (root) and, whatever happens, through a proxy that does not exist."""
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", "--proxy-server=127.0.0.1:9",
           "--allow-file-access-from-files", "--autoplay-policy=no-user-gesture-required",
           "--enable-logging=stderr", "--v=0", f"--virtual-time-budget={budget_ms}", *extra,
           "--dump-dom", url]
    if os.geteuid() == 0 and shutil.which("unshare"):
        cmd = ["unshare", "--net", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


# ------------------------------------------------------------------------------ decks

_PROBE = """<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="deck" src="DECK" width="854" height="480"></iframe><script>
const out = document.getElementById('out'), deck = document.getElementById('deck'), lines = [];
// polls of 50 ms of the page's (virtual) clock: it can run far ahead of the decoder on a busy
// machine, so the waits are long; a page that never plays still ends at the budget
const WAIT = 2400;
const sleep = ms => new Promise(r => setTimeout(r, ms));
deck.onload = async () => {
  try {
    const w = deck.contentWindow;
    for (let k = 0; k < WAIT && !(w.Reveal && w.Reveal.isReady()); k++) await sleep(50);
    const n = w.Reveal.getTotalSlides();
    lines.push('slides ' + n);
    for (let i = 0; i < n; i++) {
      w.Reveal.slide(i);
      let v = null;
      for (let k = 0; k < WAIT; k++) {
        const bg = w.Reveal.getSlideBackground(i);
        v = bg && bg.querySelector('video');
        if (v && v.readyState >= 2) break;
        await sleep(50);
      }
      if (!v) { lines.push('slide ' + i + ' no-video'); continue; }
      v.muted = true;
      try { await v.play(); } catch (e) {}
      for (let k = 0; k < WAIT && v.currentTime === 0; k++) await sleep(50);
      lines.push(['slide', i, v.currentSrc.split('/').pop(), v.readyState,
                  v.duration.toFixed(2), v.currentTime > 0 ? 'played' : 'still'].join(' '));
    }
  } catch (e) { lines.push('error ' + e); }
  out.textContent = lines.join('\\n');
  out.id = 'done';
  deck.remove();  // nothing left playing: the page idles to the end of its budget
};
</script></body></html>
"""


@needs_browser
def test_html_deck_plays_every_section_offline(built, tmp_path):
    out, _, _ = built
    folder = out / f"light/decks/{QUALITY}"
    html = re.sub(r"<!--.*?-->", "", (folder / f"{TARGET}.html").read_text(), flags=re.S)
    # nothing fetched from the network: every script and style is a local file
    refs = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert refs and not [r for r in refs if re.match(r"(https?:)?//", r)], refs
    for ref in refs:
        assert (folder / ref).is_file(), ref
    probe = tmp_path / "probe.html"
    probe.write_text(_PROBE.replace("DECK", (folder / f"{TARGET}.html").as_uri()))
    r = chromium(probe.as_uri(), tmp_path, budget_ms=600000)
    m = re.search(r'<pre id="done">(.*?)</pre>', r.stdout, re.S)
    assert m, r.stdout[-2000:] + r.stderr[-2000:]
    lines = m.group(1).splitlines()
    assert lines[0] == f"slides {len(SECTIONS)}", lines
    index = json.loads((out / f"light/sections/{QUALITY}/{TARGET}.json").read_text())["sections"]
    assert [s["name"] for s in index] == list(SECTIONS)
    for i, (line, s) in enumerate(zip(lines[1:], index)):
        _, n, name, ready, duration, played = line.split()
        assert (int(n), name) == (i, Path(s["file"]).name), line
        assert int(ready) >= 2 and played == "played", line
        assert float(duration) == pytest.approx(s["seconds"], abs=0.1), line


def test_pptx_has_one_video_slide_per_section(built):
    from pptx import Presentation

    out, _, _ = built
    index = json.loads((out / f"light/sections/{QUALITY}/{TARGET}.json").read_text())["sections"]
    prs = Presentation(str(out / f"light/decks/{QUALITY}/{TARGET}.pptx"))
    assert len(prs.slides) == len(SECTIONS) == len(index)
    for slide, s in zip(prs.slides, index):
        videos = [rel.target_part.blob for rel in slide.part.rels.values()
                  if rel.reltype.endswith("/video")]
        assert len(videos) == 1
        clip = (out / f"light/sections/{QUALITY}/{s['file']}").read_bytes()
        assert hashlib.sha256(videos[0]).digest() == hashlib.sha256(clip).digest()
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip(), f"slide {s['name']} has no speaker notes"


def test_slides_without_reveal_js_is_one_line_and_exit_2(tmp_path):
    env = {**os.environ, "GD_REVEALJS": str(tmp_path / "nowhere")}
    r = subprocess.run([sys.executable, str(ROOT / "render.py"), TARGET, "--slides",
                        "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and not (tmp_path / "out").exists()
    assert r.stderr.count("\n") == 1 and "reveal.js not found" in r.stderr, r.stderr


def test_section_deck_holds_every_animation_of_the_section(built):
    from pptx import Presentation

    out, _, _ = built
    section = catalog.BY_ID[TARGET].section
    prs = Presentation(str(out / f"light/decks/{QUALITY}/section-{section}.pptx"))
    assert len(prs.slides) == len(SECTIONS)  # the only animation of the section rendered here
    config = json.loads((out / f"light/decks/{QUALITY}/slides/{TARGET}.json").read_text())
    assert [Path(s["file"]).name for s in config["slides"]] == [
        f"{i:02d}-{n}.mp4" for i, n in enumerate(SECTIONS)]


def test_decks_are_incremental(built):
    out, _, env = built
    root = out.parent
    html = out / f"light/decks/{QUALITY}/{TARGET}.html"
    before = html.stat().st_mtime_ns
    r = subprocess.run([sys.executable, "render.py", *BUILT], cwd=root, capture_output=True,
                       text=True, timeout=300, env=env)
    assert r.returncode == 0 and "0 rendered, 6 cached" in r.stdout, r.stdout + r.stderr
    assert html.stat().st_mtime_ns == before
    manifest = json.loads((out / "manifest.json").read_text())["outputs"]
    paths = {e["path"] for e in manifest}
    deck = f"light/decks/{QUALITY}/{TARGET}"
    assert f"{deck}.pptx" in paths and f"{deck}.html" in paths


# ------------------------------------------------------------------------------ captions


def _seconds(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_every_video_has_captions_in_order_within_its_duration(built):
    import webvtt

    out, _, _ = built
    manifest = json.loads((out / "manifest.json").read_text())["outputs"]
    videos = [e for e in manifest if e["path"].endswith(".mp4") and e["kind"] == "animation"
              and e["theme"] == "light"]
    assert len(videos) == 1 + len(SECTIONS)
    for v in videos:
        vtt = out / (v["path"][:-4] + ".vtt")
        cues = webvtt.read(str(vtt))
        assert len(cues) >= 1, vtt
        times = [(_seconds(c.start), _seconds(c.end)) for c in cues]
        for (a, b), nxt in zip(times, times[1:] + [(v["seconds"], v["seconds"])]):
            assert 0 <= a < b <= nxt[0] + 1e-6, (vtt, times)
        assert times[-1][1] <= v["seconds"] + 1e-3 and times[0][0] == 0
        assert all(c.text.strip() for c in cues)
    # the whole video's cues start where its sections start
    full = webvtt.read(str(out / f"light/videos/{QUALITY}/{TARGET}.vtt"))
    index = json.loads((out / f"light/sections/{QUALITY}/{TARGET}.json").read_text())["sections"]
    starts = [sum(s["seconds"] for s in index[:i]) for i in range(len(index))]
    cue_starts = [_seconds(c.start) for c in full]
    for s in starts:
        assert min(abs(s - c) for c in cue_starts) < 0.1, (starts, cue_starts)


@pytest.mark.parametrize(("tex", "text"), [
    (r"\delta^{(L)} = (a^{(L)} - y)", "δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)"),  # capital superscripts
    (r"\text{Momentum, NAG:}\ \beta = 0.9", "Momentum, NAG: β = 0.9"),  # a TeX space
    (r"\sin 2\pi x", "sin 2π x"),
    (r"\text{the same } J \text{ from above, log-spaced levels}",
     "the same J from above, log-spaced levels"),  # a word's hyphen is no minus
    (r"f_{\mathbf{w}}(x_i) - y_i", "f_w(xᵢ) − yᵢ"),  # no Unicode subscript w
    (r"\hat{y}_i = \bar{J}", "ŷᵢ = J̄"),  # accents as combining marks
])
def test_formulas_are_written_out_without_tex(tex, text):
    assert captions.tex_to_text(tex) == text


def test_svg_still_describes_itself(built):
    import xml.etree.ElementTree as ET

    out, _, _ = built
    svg = ET.parse(out / f"light/stills/{TARGET}.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    doc = catalog.BY_ID[TARGET].doc
    assert svg[0].tag == f"{ns}title" and svg[0].text == doc.title
    assert svg[1].tag == f"{ns}desc" and svg[1].text == doc.alt and doc.alt


# ------------------------------------------------------------------------------ gallery


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for k in ("src", "href", "poster"):
            if a.get(k) and not a[k].startswith("#"):
                self.refs.append(a[k])


@needs_browser
def test_gallery_loads_without_console_errors_and_every_link_is_a_file(built, tmp_path):
    out, _, _ = built
    page = _Page()
    page.feed((out / "index.html").read_text())
    assert page.refs
    for ref in page.refs:
        assert not re.match(r"(https?:)?//", ref), ref
        assert (out / ref).is_file(), ref
    doc = catalog.BY_ID[TARGET].doc
    imgs = [a for t, a in page.tags if t == "img"]
    assert imgs and all(a.get("alt") for a in imgs)
    assert any(a["alt"] == doc.alt for a in imgs)
    tracks = [a for t, a in page.tags if t == "track"]
    assert tracks and all(a["src"].endswith(".vtt") and a.get("kind") == "captions"
                          for a in tracks)
    hrefs = set(page.refs)
    deck = f"light/decks/{QUALITY}/{TARGET}"
    assert f"{deck}.html" in hrefs and f"{deck}.pptx" in hrefs
    r = chromium((out / "index.html").as_uri(), tmp_path)
    assert "<main" in r.stdout, r.stderr[-2000:]
    console = [ln for ln in r.stderr.splitlines() if "CONSOLE" in ln]
    assert not console, console


def test_presentation_has_a_slide_per_section_and_loops_what_the_scene_says(tmp_path):
    clips = tmp_path / "light/sections/low"
    (clips / "residuals").mkdir(parents=True)
    index = []
    for i, name in enumerate(("points", "errors")):
        (clips / f"residuals/{i:02d}-{name}.mp4").write_bytes(b"clip")
        (clips / f"residuals/{i:02d}-{name}.vtt").write_text(
            f"WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\n{name} &amp; more\n")
        index.append({"index": i, "name": name, "file": f"residuals/{i:02d}-{name}.mp4",
                      "frames": 15, "seconds": 1.0, "loop": name == "errors"})
    (clips / "residuals.json").write_text(json.dumps({"sections": index}))
    cfg = decks.presentation(tmp_path, decks.Job("residuals", "animation", "light"))
    assert [(s["file"], s["loop"], s["notes"]) for s in cfg["slides"]] == [
        ("../../sections/low/residuals/00-points.mp4", False, "points & more"),
        ("../../sections/low/residuals/01-errors.mp4", True, "errors & more")]
    assert cfg["resolution"] == [853, 480]
    assert decks.presentation(tmp_path, decks.Job(TARGET, "animation", "light")) is None


def test_gallery_escapes_every_text(tmp_path, monkeypatch):
    from gdrender import gallery, store
    from gdviz.mpl import Doc

    nasty = "<script>alert('x')</script> & \"q\""
    docs = store.docs
    monkeypatch.setattr(store, "docs", lambda targets, where: {
        **docs(targets, where), "residuals": Doc(nasty, nasty, nasty)})
    (tmp_path / "light/stills").mkdir(parents=True)
    (tmp_path / "manifest.json").write_text(json.dumps({"outputs": [
        {"id": "residuals", "kind": "still", "theme": "light",
         "path": "light/stills/residuals.png"}]}))
    html = gallery.write(tmp_path).read_text()
    assert "<script>alert" not in html and "alert(&#x27;x&#x27;)" in html
    assert html.count("&lt;script&gt;") >= 4  # title, caption, alt text, img alt, copy lines
    page = _Page()
    page.feed(html)
    img = next(a for t_, a in page.tags if t_ == "img")
    assert img["alt"] == nasty
    lines = [a["value"] for t_, a in page.tags if t_ == "input"]
    assert lines[0] == r"\includegraphics[width=\linewidth]{light/stills/residuals.pdf}"
    assert lines[1] == ("![<script>alert('x')</script> & \"q\"](light/stills/residuals.svg "
                        "\"<script>alert('x')</script> & 'q'\")")


_GALLERY_PROBE = """<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="g" src="GALLERY"></iframe><script>
const g = document.getElementById('g'), out = document.getElementById('out');
g.onload = () => {
  const d = g.contentDocument, lines = [];
  const shown = () => [...d.querySelectorAll('.t')].filter(t => !t.closest('.hidden'))
                        .map(t => t.id).join(',');
  const pick = (id, v) => { const s = d.getElementById(id); s.value = v;
                            s.dispatchEvent(new Event('change')); };
  pick('f-kind', 'deck'); lines.push('deck ' + shown());
  pick('f-kind', 'all'); pick('f-section', '6'); lines.push('section6 ' + shown());
  const dark = d.body.classList.contains('dark');
  d.getElementById('theme').click();
  lines.push('switched ' + (d.body.classList.contains('dark') !== dark));
  out.textContent = lines.join('\\n'); out.id = 'done';
};
</script></body></html>
"""


@needs_browser
def test_gallery_filters_and_theme_switch(built, tmp_path):
    out, _, _ = built
    probe = tmp_path / "probe.html"
    probe.write_text(_GALLERY_PROBE.replace("GALLERY", (out / "index.html").as_uri()))
    r = chromium(probe.as_uri(), tmp_path)
    m = re.search(r'<pre id="done">(.*?)</pre>', r.stdout, re.S)
    assert m, r.stdout[-2000:] + r.stderr[-2000:]
    six = ",".join(t.id for t in catalog.TARGETS if t.section == 6)
    assert m.group(1).splitlines() == [f"deck {TARGET}", f"section6 {six}", "switched true"]
