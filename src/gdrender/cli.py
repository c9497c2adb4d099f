"""render.py: render the catalog, or any part of it, into clean, stable file names.

Exit codes: 0 all done, 1 some target failed (the others are still written), 2 bad input or
an output directory that cannot be written, 128 + N when stopped by signal N (SIGINT, SIGTERM,
SIGHUP): the workers are stopped, finished outputs are kept and the rest is redone next run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import catalog, decks, gallery, store, videocheck
from .jobs import (
    FORMATS,
    QUALITIES,
    Job,
    deps_as_read,
    inputs_digest,
    settings_digest,
    stale_reason,
    versions,
)
from .worker import TMP_PREFIX

THEME_CHOICES = ("light", "dark", "both")
_SPAWN = threading.Lock()


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="render.py",
        description="Render the chapter's figures and animations (ids from --list; glob "
        "patterns such as 'race-*' allowed). With no id, every ready target is rendered.",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="target ids or glob patterns")
    p.add_argument("--list", action="store_true", help="print the catalog and exit")
    p.add_argument("--json", action="store_true", help="with --list: print it as JSON")
    p.add_argument("--section", type=int, metavar="N", help="only targets of chapter section N")
    p.add_argument("--stills", action="store_true", help="only stills")
    p.add_argument("--animations", action="store_true", help="only animations")
    p.add_argument("--quality", default="low", metavar="Q",
                   help=f"video quality: {', '.join(QUALITIES)} (240p10, 480p15, 720p30, "
                   "1080p60, 2160p60); default low")
    p.add_argument("--format", dest="formats", action="append", metavar="F",
                   help=f"video format, repeatable: {', '.join(FORMATS)}; default mp4")
    p.add_argument("--theme", default="light", metavar="T",
                   help="light (print, the default), dark (slides and lectures) or both")
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="parallel workers, one process per target (default: the number of cores)")
    p.add_argument("--out", default="build", metavar="DIR", help="output directory (build/)")
    p.add_argument("--force", action="store_true", help="render even what is up to date")
    p.add_argument("--dry-run", action="store_true",
                   help="say what would be rendered and why (the changed file), do nothing")
    p.add_argument("--why", action="store_true",
                   help="before rendering, say why each job is rendered (the changed file)")
    p.add_argument("--sections", action="store_true",
                   help="also write one clip per named section of each animation, and an index")
    # -- lecture decks (gdrender.decks) --
    p.add_argument("--slides", action="store_true",
                   help="also write lecture decks (PowerPoint and offline HTML, one slide per "
                   "section) of each animation and chapter section; implies --sections")
    # -- video rules (gdrender.videocheck) --
    p.add_argument("--check", action="store_true",
                   help="after rendering, check every video rendered or cached against the "
                   "rules (no pop, no dead time): one line each, exit 1 on a violation")
    return p


def _check(args) -> None:
    if args.quality not in QUALITIES:
        raise UsageError(f"--quality must be one of {', '.join(QUALITIES)}, got {args.quality!r}")
    args.formats = tuple(dict.fromkeys(args.formats or ["mp4"]))
    bad = [f for f in args.formats if f not in FORMATS]
    if bad:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {bad[0]!r}")
    if args.theme not in THEME_CHOICES:
        raise UsageError(f"--theme must be one of {', '.join(THEME_CHOICES)}, got {args.theme!r}")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {args.jobs}")
    if args.section is not None and args.section not in catalog.SECTIONS:
        raise UsageError(f"--section must be one of {', '.join(map(str, catalog.SECTIONS))}, "
                         f"got {args.section}")
    if args.json and not args.list:
        raise UsageError("--json goes with --list")
    # -- lecture decks --
    if args.slides:
        args.sections = True
        if not args.dry_run:
            try:
                decks.reveal_dir()
            except decks.DeckError as e:
                raise UsageError(str(e)) from None


# ------------------------------------------------------------------------------ listing


def list_catalog(as_json: bool, out: Path) -> None:
    targets = catalog.TARGETS
    docs = store.docs(targets, store.store_for(out))
    if as_json:
        print(json.dumps({"targets": [
            {"id": t.id, "kinds": list(t.kinds), "section": t.section,
             "title": docs[t.id].title, "caption": docs[t.id].caption, "alt": docs[t.id].alt,
             "ready": t.ready,
             "ready_kinds": list(t.ready_kinds)}
            for t in targets]}, indent=2))
        return
    from rich.table import Table

    table = Table(title=f"{len(targets)} targets", show_lines=False)
    for col in ("§", "id", "kinds", "title", "ready"):
        table.add_column(col)
    for t in targets:
        kinds = "+".join("S" if k == "still" else "A" for k in t.kinds)
        ready = "yes" if t.ready else ("part" if t.ready_kinds else "no")
        table.add_row(str(t.section), t.id, kinds, docs[t.id].title, ready)
    _console(width=max(100, shutil.get_terminal_size().columns)).print(table)


# ------------------------------------------------------------------------------ running


@dataclass
class Outcome:
    job: Job
    status: str  # rendered, cached, failed, waiting, running
    seconds: float = 0.0
    cause: str = ""
    log: str = ""


def plan(args) -> list[Job]:
    kinds = None
    if args.stills != args.animations:
        kinds = ("still",) if args.stills else ("animation",)
    targets = catalog.select(args.ids, args.section, kinds)
    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    jobs = []
    for t in targets:
        for kind in t.ready_kinds:
            if kinds and kind not in kinds:
                continue
            for th in themes:
                if kind == "still":
                    jobs.append(Job(t.id, "still", th))
                else:
                    jobs.append(Job(t.id, "animation", th, args.quality, args.formats,
                                    args.sections))
    return jobs


def _record_path(out: Path, job: Job) -> Path:
    return out / ".cache" / f"{job.key}.json"


def _read_record(out: Path, job: Job) -> dict | None:
    try:
        return json.loads(_record_path(out, job).read_text())
    except (OSError, ValueError):
        return None


def why_render(out: Path, job: Job) -> str | None:
    """Why the job must be rendered (a changed file, changed options, a missing output), or
    None when its outputs are up to date."""
    record = _read_record(out, job)
    reason = stale_reason(record, job)
    if reason:
        return reason
    paths = [o.get("path") for o in record.get("outputs", [])] + job.outputs()
    missing = next((p for p in paths if not isinstance(p, str) or not (out / p).exists()), None)
    return f"output {missing} missing" if missing is not None else None


def _write_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{TMP_PREFIX}{path.name}")
    tmp.write_text(json.dumps(obj, indent=2))
    os.replace(tmp, path)


def run_job(job: Job, out: Path, work: Path, procs: dict, stop: threading.Event) -> Outcome:
    log = out / "logs" / f"{job.key}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    # The old record goes first: until the new one is written the job counts as not rendered
    # (an interrupted job is redone and the manifest does not describe its files).
    _record_path(out, job).unlink(missing_ok=True)
    t0, began = time.perf_counter(), time.time_ns()
    spec = json.dumps({**job.__dict__, "formats": list(job.formats)})
    path = os.pathsep.join(filter(None, [str(catalog.ROOT / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "GD_THEME": job.theme, "PYTHONUNBUFFERED": "1", "PYTHONPATH": path}
    with open(log, "w") as lf:
        with _SPAWN:
            if stop.is_set():
                return Outcome(job, "failed", 0.0, "interrupted")
            proc = subprocess.Popen(
                [sys.executable, "-m", "gdrender.worker", spec, str(out), str(work)],
                stdout=subprocess.PIPE, stderr=lf, text=True, env=env,
                cwd=catalog.ROOT, start_new_session=True,
            )
            procs[job.key] = proc
        stdout, _ = proc.communicate()
        procs.pop(job.key, None)
        lf.write(stdout)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        return Outcome(job, "failed", seconds, _cause(log, proc.returncode), str(log))
    result = json.loads(stdout.strip().splitlines()[-1])
    settings = settings_digest(job)
    deps = deps_as_read(result["deps"], began)
    record = {
        "id": job.target, "kind": job.kind, "theme": job.theme,
        "inputs": inputs_digest(settings, deps), "settings": settings, "deps": deps,
        "options": job.options(), "versions": versions(),
        "render_seconds": result["render_seconds"], "outputs": result["outputs"],
    }
    _write_json(_record_path(out, job), record)
    return Outcome(job, "rendered", seconds, log=str(log))


def _cause(log: Path, code: int) -> str:
    if code < 0:
        return f"worker killed by signal {-code}"
    lines = [ln.strip() for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    for ln in reversed(lines):
        if "Error" in ln or "Exception" in ln:
            return ln[:160]
    return (lines[-1][:160] if lines else f"worker exited with code {code}")


def clean_stale(out: Path) -> None:
    """Remove temporary files that an interrupted run left behind."""
    if out.exists():
        for p in out.rglob(f"{TMP_PREFIX}*"):
            p.unlink(missing_ok=True)


def write_manifest(out: Path) -> dict:
    """manifest.json: every output of every job recorded in the cache, one entry per file."""
    entries = []
    for rec_path in sorted((out / ".cache").glob("*.json")):
        try:
            rec = json.loads(rec_path.read_text())
        except ValueError:  # an unreadable record: its job is rendered again
            continue
        for o in rec["outputs"]:
            if not (out / o["path"]).exists():
                continue
            entries.append({
                "id": rec["id"], "kind": rec["kind"], "theme": rec["theme"], **o,
                "inputs": rec["inputs"], "versions": rec["versions"],
                "render_seconds": rec["render_seconds"],
            })
    entries.sort(key=lambda e: e["path"])
    manifest = {"outputs": entries}
    _write_json(out / "manifest.json", manifest)
    return manifest


class Progress:
    """Live table in a terminal (rich), plain lines otherwise."""

    def __init__(self, outcomes: list[Outcome], live: bool):
        self.outcomes = outcomes
        self.t0 = time.perf_counter()
        self.lock = threading.Lock()
        self.live = None
        if live:
            from rich.live import Live

            self.live = Live(self._table(), refresh_per_second=4, transient=True)

    def __enter__(self):
        if self.live:
            self.live.__enter__()
        return self

    def __exit__(self, *exc):
        if self.live:
            self.live.__exit__(*exc)

    def _table(self):
        from rich.table import Table

        counts = {s: sum(o.status == s for o in self.outcomes)
                  for s in ("running", "waiting", "rendered", "cached", "failed")}
        el = time.perf_counter() - self.t0
        table = Table(title=f"{el:5.1f} s  " + "  ".join(f"{k} {v}" for k, v in counts.items()))
        table.add_column("target")
        table.add_column("status")
        for o in self.outcomes:
            if o.status == "running":
                table.add_row(o.job.key, "running")
        return table

    def update(self, o: Outcome, status: str):
        with self.lock:
            o.status = status
            if self.live:
                self.live.update(self._table())
            elif status != "running":
                extra = f" ({o.cause})" if o.cause else ""
                print(f"{status:9s} {o.job.key}  {o.seconds:6.1f} s{extra}", flush=True)
            else:
                print(f"{'started':9s} {o.job.key}", flush=True)


def summary(outcomes: list[Outcome], out: Path, elapsed: float, tty: bool) -> None:
    rows = [o for o in outcomes if o.status in ("rendered", "failed")]
    n = {s: sum(o.status == s for o in outcomes) for s in ("rendered", "cached", "failed")}
    head = (f"{n['rendered']} rendered, {n['cached']} cached, {n['failed']} failed "
            f"in {elapsed:.1f} s; outputs in {out}/ (gallery: {out}/index.html)")
    if tty:
        from rich.table import Table

        table = Table(title="render summary")
        for col in ("job", "status", "seconds", "cause / log"):
            table.add_column(col)
        for o in rows:
            table.add_row(o.job.key, o.status, f"{o.seconds:.1f}",
                          f"{o.cause}\n{o.log}" if o.status == "failed" else "")
        con = _console()
        if rows:
            con.print(table)
        con.print(head)
        return
    for o in rows:
        if o.status == "failed":
            print(f"FAILED {o.job.key}: {o.cause} (log: {o.log})")
    print(head)


class Stopped(Exception):
    """A stop signal (SIGINT, SIGTERM, SIGHUP) arrived."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _raise_stopped(signum, frame):
    raise Stopped(signum)


def check_out(out: Path) -> None:
    """Refuse, before any work, an output directory that cannot be created or written."""
    try:
        if out.exists() and not out.is_dir():
            raise NotADirectoryError(20, "a file is in the way, not a directory")
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=TMP_PREFIX, dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise UsageError(f"cannot write the output directory {out}: {e.strerror or e}") from None


def stop_workers(procs: dict, grace: float = 2.0) -> None:
    """SIGTERM to every worker's process group; SIGKILL to what is still there after grace."""
    with _SPAWN:  # no worker starts after this point (the stop event is set)
        running = list(procs.values())
    for p in running:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for p in running:
        with contextlib.suppress(subprocess.TimeoutExpired):
            p.wait(max(0.0, deadline - time.monotonic()))
    for p in running:  # the group also holds the worker's children (LaTeX)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()


def _console(**kwargs):
    """rich's console (imported when it is needed), whose closed pipe is render.py's to handle:
    rich itself would exit with 1."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeConsole(**kwargs)


def _quiet_stdout() -> None:
    """What reads the standard output has gone: what is left to print goes nowhere (Python
    would report the broken pipe again as it flushes at exit)."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv=None) -> int:
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in STOP_SIGNALS}
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, where a closed pipe is caught, not as Python exits
        return code
    except Stopped as e:
        print(f"\nrender.py: interrupted by {e}; nothing was started", file=sys.stderr)
        return 128 + e.signum
    except BrokenPipeError:  # `render.py --list | head`: stop quietly, as a shell tool does
        _quiet_stdout()
        return 128 + signal.SIGPIPE
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _main(argv) -> int:
    try:
        args = parser().parse_args(argv)
        _check(args)
        if args.list:
            list_catalog(args.json, Path(args.out))
            return 0
        jobs = plan(args)
        out = Path(args.out).resolve()
        if not args.dry_run and jobs:
            check_out(out)
    except (UsageError, catalog.UnknownTarget) as e:
        print(f"render.py: error: {e}", file=sys.stderr)
        return 2
    tty = sys.stdout.isatty()
    outcomes = [Outcome(j, "waiting") for j in jobs]
    for o in outcomes:
        o.cause = "--force" if args.force else why_render(out, o.job)
        if o.cause is None:
            o.status, o.cause = "cached", ""
    todo = [o for o in outcomes if o.status == "waiting"]
    if args.dry_run or args.why:
        for o in outcomes if args.dry_run else todo:
            why = f"  ({o.cause})" if o.cause else ""
            print(f"{'would render' if o.status == 'waiting' else 'up to date':13s} "
                  f"{o.job.key}{why}", flush=True)
        if args.dry_run:
            return 0
    for o in todo:
        o.cause = ""
    if not jobs:
        print("nothing to render: no ready target matches")
        return 0
    clean_stale(out)
    t0 = time.perf_counter()
    procs: dict[str, subprocess.Popen] = {}
    stop = threading.Event()
    pool = ThreadPoolExecutor(args.jobs)
    work = Path(tempfile.mkdtemp(prefix="gd-render-"))
    deck_failures: list[str] = []
    try:
        with Progress(outcomes, tty) as progress:

            def go(o: Outcome):
                if stop.is_set():
                    return
                progress.update(o, "running")
                try:
                    r = run_job(o.job, out, work, procs, stop)
                except Exception as e:  # a broken worker result or a failed write: report it
                    r = Outcome(o.job, "failed", 0.0, f"{type(e).__name__}: {e}"[:160])
                if stop.is_set() and r.status == "failed":
                    return
                o.seconds, o.cause, o.log = r.seconds, r.cause, r.log
                progress.update(o, r.status)

            for future in [pool.submit(go, o) for o in todo]:
                future.result()
        pool.shutdown()
        # -- lecture decks: from the section clips just rendered or cached --
        if args.slides:
            made, deck_failures = decks.build(
                out, [o.job for o in outcomes if o.status in ("rendered", "cached")], args.force)
            todo = todo or made
            for line in deck_failures:
                print(f"FAILED {line}")
        # Nothing rendered: manifest and gallery already describe these files (their words
        # come from the figure sources, whose changes re-render the target).
        if todo or not (out / "manifest.json").exists() or not (out / "index.html").exists():
            write_manifest(out)
            gallery.write(out)
    except (Stopped, BrokenPipeError) as e:
        if isinstance(e, BrokenPipeError):  # what read the progress has gone: a stop too
            _quiet_stdout()
            e = Stopped(signal.SIGPIPE)
        for sig in STOP_SIGNALS:  # one stop is enough; finish it
            signal.signal(sig, signal.SIG_IGN)
        stop.set()
        stop_workers(procs)
        pool.shutdown(wait=True, cancel_futures=True)
        # The manifest is rewritten from the finished jobs' records; the gallery (slow to write:
        # its words come from the figure modules) is removed, and written again next run.
        clean_stale(out)
        write_manifest(out)
        (out / "index.html").unlink(missing_ok=True)
        print(f"\nrender.py: interrupted by {e}; finished outputs are kept, the rest will be "
              "redone next run", file=sys.stderr)
        return 128 + e.signum
    except OSError as e:
        print(f"render.py: error: cannot write {e.filename or out}: {e.strerror or e}",
              file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary(outcomes, out, time.perf_counter() - t0, tty)
    failed = any(o.status == "failed" for o in outcomes) or deck_failures
    # -- video rules: every mp4 the jobs rendered or found up to date --
    if args.check:
        mp4s = [out / p for o in outcomes if o.status in ("rendered", "cached")
                for p in o.job.outputs() if p.endswith(".mp4")]
        if mp4s:
            failed = videocheck.run(mp4s, root=out) != 0 or failed
        else:
            print("render.py: --check: no video among these targets")
    return 1 if failed else 0
