"""The videos' captions: every section of every scene says, in plain sentences, what the viewer
sees happen in it (ThemedScene.captions, read from the scene classes: nothing is rendered), and
gdrender.captions times those sentences into WebVTT cues that webvtt-py reads back."""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from gdcore import data, regression, sampling
from gdcore.cost_descent import COST_DESCENT
from gdrender import captions, catalog
from gdviz import numbers
from gdviz.manim_theme import Section, ThemedScene, sections

ROOT = Path(__file__).resolve().parents[1]
ANIMATIONS = [t for t in catalog.TARGETS if "animation" in t.kinds]


@cache
def scene_class(target_id: str):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    t = catalog.BY_ID[target_id]
    return getattr(importlib.import_module(f"scenes.{t.stem}"), t.scene_class)


@cache
def said(target_id: str) -> dict[str, tuple[str, ...]]:
    return scene_class(target_id).section_captions()


def test_every_animation_is_captioned():
    assert len(ANIMATIONS) == 19


@pytest.mark.parametrize("target", [t.id for t in ANIMATIONS])
def test_every_section_has_plain_sentences(target):
    cls = scene_class(target)
    got = said(target)
    assert tuple(got) == cls.section_names()
    for name, sentences in got.items():
        assert 1 <= len(sentences) <= 3, (name, sentences)
        for s in sentences:
            # a sentence for people: words, a full stop, no programmer's or TeX notation
            assert s[:1].isupper() or s[:1] in "λα", (name, s)
            assert s.endswith("."), (name, s)
            assert len(s.split()) >= 4, (name, s)  # a sentence, not a label
            assert len(s) <= 200, (name, s)  # read in the few seconds a section plays
            for bad in ("\\", "^", "$", "{", "}", "_", "e-0", "e+0", "**", "np.", "<sup>"):
                assert bad not in s, (name, bad, s)
            assert not re.search(r"-\d", s), (name, s)  # a minus is U+2212
            assert not re.search(r"\d\.\d+e", s), (name, s)
            # no section identifier: neither a name with hyphens nor the bare name as a cue
            for other in cls.section_names():
                if "-" in other:
                    assert other not in s, (name, other, s)
                assert s.strip(" .").lower() != other.replace("-", " "), (name, s)


def test_captions_carry_gdcores_numbers():
    x, y = data.regression_points()
    m_star, b_star = regression.least_squares(x, y)
    j_star = regression.cost(m_star, b_star, x, y)
    assert f"m* = {numbers.text(m_star, 3)}" == "m* = 0.336"
    assert "m* = 0.336" in said("slope-sweep")["settle"][0]
    assert said("gd-regression")["result"][0] == ("The minimum: m* = 0.336, b* = 0.805, "
                                                  "J* = 0.00903.")
    assert f"J* = {numbers.cost(j_star)}" in said("mse-surface")["minimum"][0]
    assert numbers.cost(j_star) == "0.00903"
    assert "J = 0.00903" in said("slope-sweep")["settle"][0]
    assert "b = b* = 0.805" in said("mse-surface")["link"][0]
    # the grids' counts, bins per axis multiplied out
    assert sampling.guess_count(100, 2) == 10_000
    assert "100 × 100 = 10,000 guesses" in said("sampling-grid-2d")["fine"][1]
    assert "each coarse cell holds 100 fine" in said("sampling-grid-2d")["cells"][0]
    assert "10 × 10 × 10 = 1,000 guesses" in said("sampling-grid-3d")["cube"][1]
    # a true minus in the candidate line and the start of the descent
    assert "f(x) = −0.11 x + 2.5" in said("residuals")["points"][0]
    assert "b = −4" in said("gd-regression")["setup"][0]
    assert "J = 0.0801" in said("residuals")["mean"][1]
    # the unstable rate: above the limit 2/14.588, its path leaves the map
    jumps = " ".join(said("learning-rates")["jumps"])
    assert f"α = {numbers.text(COST_DESCENT.learning_rates[-1][1])}" in jumps
    assert "0.137" in said("learning-rates")["setup"][0]
    assert "×1.042 a jump: 1.35 to 1.87 in 8 steps" in jumps
    # the good run ends near J*, not on it: both costs as the stills write them
    assert said("learning-rates")["result"][0] == (
        "Only the good rate comes close to J* = 0.00903: it ends at J = 0.00909.")
    # powers of ten in text, never e-notation
    assert "λ = 4.5 × 10⁻⁵" in said("regularization")["best"][0]
    assert "λ = 10⁻¹⁶," in said("regularization")["sweep"][0]  # never 1.0 × 10⁻¹⁶
    assert "2.3 × 10⁶" in said("regularization")["sweep"][1]
    assert "training 0.209, test 0.255" in said("regularization")["calm"][0]
    # how each race ends, from gdcore's runs
    assert said("race-saddle")["finish"][0] == "Only SGD is left, 0.011 from the ridge."
    # the saddle's exits in a cue of their own, after its race's words
    assert said("race-saddle")["race"][2] == (
        "They left: RMSprop first, at step 33, Momentum last, at step 76. "
        "The race lasts 120 steps.")
    assert said("race-saddle")["race"][1].endswith("leave the frame.")
    # a tie at the digits written names both runs
    assert said("race-beale")["finish"][0] == (
        "Nearest the minimum: NAG, under 0.001; farthest: SGD and Adadelta, 0.20.")
    assert said("dropout")["step-2"][0] == (
        "Step 2: a new mask, four out, two back; 6 of 12 hidden neurons kept.")
    assert "8, 6, 8 and 6 hidden neurons" in said("dropout")["step-4"][1]


def test_a_section_without_a_caption_is_an_error():
    class Uncaptioned(ThemedScene):
        def section_one(self):
            pass

        def section_two(self):
            pass

        SECTIONS = sections(section_one, section_two)

        @classmethod
        def captions(cls):
            return {"one": "Only the first section is described here."}

    with pytest.raises(ValueError, match="missing \\['two'\\]"):
        Uncaptioned.section_captions()


class _Two(ThemedScene):
    def section_count(self):
        pass

    SECTIONS = (Section.of(section_count),)

    @classmethod
    def captions(cls):
        return {"count": ("Dots appear one by one.", "The dots fill the square.")}


def test_scene_logs_each_sections_caption_and_its_marks():
    scene = _Two()
    scene.setup()
    scene.next_section("count")
    scene.renderer.time = 2.5
    scene.caption_next()
    (entry,) = scene.caption_log
    assert entry["name"] == "count" and entry["start"] == 0.0
    assert entry["caption"] == ["Dots appear one by one.", "The dots fill the square."]
    assert entry["marks"] == [2.5]


LOG = [
    {"name": "", "start": 0.0, "words": [[0.0, "text", "set up front"]]},  # no caption
    {"name": "points", "start": 0.0, "caption": ["The points appear."], "marks": [],
     "words": []},
    {"name": "fit", "start": 0.0, "caption": ["A line is fitted."], "marks": [],
     "words": [[0.0, "tex", "J = 1"]]},
    {"name": "errors", "start": 3.0, "caption": ["First.", "Second.", "Third."],
     "marks": [3.3, 5.0], "words": []},
    {"name": "squares", "start": 7.0, "caption": ["Squares grow.", "They shrink."],
     "marks": [10.6], "words": []},
    {"name": "mean", "start": 11.0, "caption": ["The mean is J."], "marks": [],
     "words": []},
]


def test_cues_are_the_sections_sentences():
    got = captions.section_cues(LOG, 13.0)
    assert [(s.name, s.start, s.end) for s in got] == [
        ("fit", 0.0, 3.0), ("errors", 3.0, 7.0), ("squares", 7.0, 11.0), ("mean", 11.0, 13.0)]
    assert [(c.start, c.end, c.text) for s in got for c in s.cues] == [
        # a section of no duration: its sentence shown with the next section's
        (0.0, 3.0, "The points appear. A line is fitted."),
        # 0.3 s of "First." is too short to read: shown with the next sentence
        (3.0, 5.0, "First. Second."),
        (5.0, 7.0, "Third."),
        # a sentence marked 0.4 s before the section's end joins the cue before it
        (7.0, 11.0, "Squares grow. They shrink."),
        (11.0, 13.0, "The mean is J.")]


def test_a_sentence_without_its_mark_joins_the_one_before():
    log = [{"name": "a", "start": 0.0, "caption": ["One.", "Two.", "Three."],
            "marks": [2.0], "words": []}]
    (sec,) = captions.section_cues(log, 5.0)
    assert [(c.start, c.end, c.text) for c in sec.cues] == [
        (0.0, 2.0, "One."), (2.0, 5.0, "Two. Three.")]


def test_a_recorded_log_reads_back_as_webvtt(tmp_path):
    import webvtt

    cues = [c for s in captions.section_cues(LOG, 13.0) for c in s.cues]
    path = captions.write_vtt(tmp_path / "v.vtt", cues)
    read = webvtt.read(str(path))
    assert [(c.start, c.end, c.text) for c in read] == [
        ("00:00:00.000", "00:00:03.000", "The points appear. A line is fitted."),
        ("00:00:03.000", "00:00:05.000", "First. Second."),
        ("00:00:05.000", "00:00:07.000", "Third."),
        ("00:00:07.000", "00:00:11.000", "Squares grow. They shrink."),
        ("00:00:11.000", "00:00:13.000", "The mean is J.")]
    # a section's own file: its cues timed from the section's start
    sec = captions.section_cues(LOG, 13.0)[1]
    part = webvtt.read(str(captions.write_vtt(tmp_path / "s.vtt", sec.cues, sec.start)))
    assert [(c.start, c.end) for c in part] == [("00:00:00.000", "00:00:02.000"),
                                                ("00:00:02.000", "00:00:04.000")]


def test_a_scenes_captions_become_its_cues():
    """A log as a render of gd-regression writes it, its sections' times made up: each
    section's cue is its caption, nothing else."""
    names = scene_class("gd-regression").section_names()
    got = said("gd-regression")
    log = [{"name": n, "start": 4.0 * i, "caption": list(got[n]), "marks": [],
            "words": [[4.0 * i, "tex", "10^2 ="]]} for i, n in enumerate(names)]
    cues = [c for s in captions.section_cues(log, 4.0 * len(names)) for c in s.cues]
    assert [c.text for c in cues] == [" ".join(got[n]) for n in names]
    assert np.allclose([c.start for c in cues], 4.0 * np.arange(len(names)))
