"""Test set-up: scene tests compare frames with committed control data, and never skip.

Manim's frames_comparison skips every Cairo test when the system cairo is older than 1.18
(Debian 12 has 1.16); the frames rendered here are the reference, so the check is lifted.
`--set_test` rewrites the control data, `--show_diff` shows a failing frame's difference.
"""

from __future__ import annotations

import os

os.environ.setdefault("GD_THEME", "light")

import manim.utils.testing.frames_comparison as _fc  # noqa: E402
import pytest  # noqa: E402

_fc.MIN_CAIRO_VERSION = 0


def pytest_addoption(parser):
    parser.addoption("--set_test", action="store_true", default=False,
                     help="write the control data of the scene tests instead of comparing")
    parser.addoption("--show_diff", action="store_true", default=False,
                     help="show the difference of a failing frame comparison")


_skipped_scene_tests: list[str] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and "scene" in item.nodeid:
        _skipped_scene_tests.append(item.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """A scene test that was skipped is a test that cannot fail: fail the run."""
    if _skipped_scene_tests:
        print("\nscene tests skipped (not allowed): " + ", ".join(_skipped_scene_tests))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
