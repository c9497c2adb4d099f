"""Test set-up: scene tests compare frames with committed control data, and never skip.

Manim's frames_comparison skips every Cairo test when the system cairo is older than 1.18
(Debian 12 has 1.16); the frames rendered here are the reference, so the check is lifted.
`--set_test` rewrites the control data, `--show_diff` shows a failing frame's difference.

The suite runs in parallel (`make test`: pytest-xdist, `-n auto`): a test module (or class)
runs whole on one worker, so its module fixtures are computed once, and so do the tests of one
scene (its frame rows, then its value tests), so its drawings are rendered once
(tests/animations/frames.py); the longest scopes go first. Each worker renders into its own
Manim media and TeX directories; the formulas LaTeX typeset, and the shapes parsed from the
SVGs of formulas and words, are shared by every process of the suite, and kept from one run to
the next, in a store in pytest's cache (gdrender.store).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("GD_THEME", "light")

import manim.utils.testing.frames_comparison as _fc  # noqa: E402
import pytest  # noqa: E402
from manim import config  # noqa: E402

from gdrender import store as gd_store  # noqa: E402
from gdrender.catalog import TARGETS  # noqa: E402

_fc.MIN_CAIRO_VERSION = 0

# Media and TeX files of this test process (one per xdist worker), apart from the others'.
_MEDIA = tempfile.mkdtemp(prefix=f"gd-tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-")
config.media_dir = _MEDIA
config.tex_dir = os.path.join(_MEDIA, "Tex")
config.text_dir = os.path.join(_MEDIA, "texts")
_tempconfig = _fc.tempconfig


def _tempconfig_sharing_tex(overrides):
    """frames_comparison gives every test a fresh TeX directory, so each one compiles its LaTeX
    again; the scene tests of one process share this process's TeX cache instead."""
    return _tempconfig({**overrides, "tex_dir": config.tex_dir, "text_dir": config.text_dir})


_fc.tempconfig = _tempconfig_sharing_tex


def pytest_configure(config):
    """Formulas typeset, the shapes parsed from formulas and words, and figure words computed
    once for the whole suite and kept between runs, in pytest's cache (gdrender.store): the
    scene tests of every worker and the render.py runs of the render and deck tests share one
    store."""
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    store = cache.mkdir("gd-store") if cache else Path(_MEDIA) / "store"
    os.environ[gd_store.ENV] = str(store)
    gd_store.install_tex(store)
    gd_store.install_svg(store)


def pytest_addoption(parser):
    parser.addoption("--set_test", action="store_true", default=False,
                     help="write the control data of the scene tests instead of comparing")
    parser.addoption("--show_diff", action="store_true", default=False,
                     help="show the difference of a failing frame comparison")


def scene_of(nodeid: str) -> str | None:
    """The scene whose tests a test is, from its id: its frame row, its rows of the rules every
    video keeps, or its value-test file."""
    m = re.match(r"tests/animations/test_scene_(?:frames\.py::test_scene_frame\[(\w+)-|"
                 r"rules\.py::test_\w+\[([\w-]+)\]|(\w+)\.py::)", nodeid)
    return m and next(g for g in m.groups() if g).replace("-", "_")


#: The stills' module stems, longest first (so race_long_valley is found before a shorter one).
_STEMS = sorted((t.stem for t in TARGETS if "still" in t.kinds), key=len, reverse=True)


def still_of(nodeid: str) -> str | None:
    """The still a figure test reads: its row of tests/test_figures.py (the id, without the
    theme), or the still a test of a family file names (tests/test_figures_*.py,
    tests/test_figure_*.py), as its stem."""
    m = re.match(r"tests/test_figures\.py::test_\w+\[([\w-]+?)(?:-light|-dark)?\]$", nodeid)
    if m:
        return m.group(1).replace("-", "_")
    if re.match(r"tests/test_figures?_\w+\.py::", nodeid):
        return next((stem for stem in _STEMS if stem in nodeid), None)
    return None


@pytest.hookimpl(optionalhook=True)  # a hook of xdist's: the suite also runs without it
def pytest_xdist_make_scheduler(config, log):
    """xdist's loadscope (a module or class runs whole on one worker), except that a scene's
    frame rows, rules rows and value tests are one scope, and so are a still's tests (its rows
    of tests/test_figures.py and the tests of its family file that name it: its figure is built
    once per theme, figure_baselines.figure), and the tests that read the project build (the
    deck tests, then the render tests but the stops, which render copies of their own)."""
    from xdist.scheduler import LoadScopeScheduling

    class SceneScopes(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            scene, still = scene_of(nodeid), still_of(nodeid)
            if nodeid.startswith(BUILD_SCOPE) and "::TestStop::" not in nodeid:
                return "project-build"
            if scene:
                return f"scene-{scene}"
            return f"still-{still}" if still else super()._split_scope(nodeid)

    return SceneScopes(config, log)


#: The test files that read the project build (`project_build`): one scope.
BUILD_SCOPE = ("tests/test_decks.py::", "tests/test_render.py::")
#: Test files that take longest, sent to the workers first (the others keep their order): the
#: deck tests read the build before the render tests edit its sources and render it again.
FIRST = ("tests/test_decks.py", "tests/test_render.py", "tests/animations/")
#: A scene's tests that render it come first, in this order; its value tests follow.
LEAD = ("test_scene_frames", "test_scene_rules")


def pytest_collection_modifyitems(config, items):
    """Order the tests: the longest scopes first, a scene's frame tests before its rules and
    value tests (so they read the drawings the frame tests rendered), and a still's rows of
    tests/test_figures.py before its other tests (its baseline is compared with the figure as
    built)."""
    def rank(item):
        first = next((i for i, f in enumerate(FIRST) if item.nodeid.startswith(f)), len(FIRST))
        stem = item.path.stem
        if still_of(item.nodeid):  # a still's rows of tests/test_figures.py first
            return first, "still-" + still_of(item.nodeid), stem != "test_figures"
        return first, scene_of(item.nodeid) or "", LEAD.index(stem) if stem in LEAD else len(LEAD)

    items.sort(key=rank)


@pytest.fixture(scope="session")
def project_build(tmp_path_factory):
    """The project_copy.BUILT jobs rendered into out/ of a project copy, once: the root and the
    completed render.py run."""
    from project_copy import BUILT, copy_project, render

    root = copy_project(tmp_path_factory.mktemp("project"))
    return root, render(root, *BUILT, "--jobs", "2")


_skipped_scene_tests: list[str] = []


def pytest_runtest_logreport(report):
    # Called in the main process for every test, also for those run by xdist workers.
    if report.skipped and "scene" in report.nodeid:
        _skipped_scene_tests.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """A scene test that was skipped is a test that cannot fail: fail the run."""
    shutil.rmtree(_MEDIA, ignore_errors=True)
    if _skipped_scene_tests:
        print("\nscene tests skipped (not allowed): " + ", ".join(_skipped_scene_tests))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
