"""Test set-up: scene tests compare frames with committed control data, and never skip.

Manim's frames_comparison skips every Cairo test when the system cairo is older than 1.18
(Debian 12 has 1.16); the frames rendered here are the reference, so the check is lifted.
`--set_test` rewrites the control data, `--show_diff` shows a failing frame's difference.

The suite runs in parallel (`make test`: pytest-xdist, `-n auto --dist loadscope`): the tests of
one module (or class) run whole on one worker, so module fixtures are computed once; each
worker renders into its own Manim media and TeX directories.
"""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("GD_THEME", "light")

import manim.utils.testing.frames_comparison as _fc  # noqa: E402
import pytest  # noqa: E402
from manim import config  # noqa: E402

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


def pytest_addoption(parser):
    parser.addoption("--set_test", action="store_true", default=False,
                     help="write the control data of the scene tests instead of comparing")
    parser.addoption("--show_diff", action="store_true", default=False,
                     help="show the difference of a failing frame comparison")


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
