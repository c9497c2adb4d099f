"""Render one job in its own process: `python -m gdrender.worker '<job json>' OUT_DIR [WORK]`.

Every file is written under a temporary name and renamed into place, so an interrupted job
leaves no half-written output; SIGTERM and SIGHUP end the worker as an exception does, so its
temporary files are removed. On success the last line printed is a JSON object: the outputs
with their sizes, hashes and, for videos, frames and seconds, and `deps`, the project files the
render read (every module imported from the project and every project file opened).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from gdrender import captions, store
from gdrender.catalog import BY_ID, ROOT
from gdrender.jobs import QUALITIES, Job, is_project_file

TMP_PREFIX = ".tmp-"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def publish(src: Path, dest: Path) -> None:
    """Move src to dest atomically (copy to a temporary name beside dest, then rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=dest.suffix, dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def video_info(path: Path) -> dict:
    """Frames and seconds of a video file."""
    import av

    with av.open(str(path)) as c:
        s = c.streams.video[0]
        frames = s.frames or sum(1 for _ in c.decode(s))
        rate = float(s.average_rate or s.guessed_rate or 0)
    seconds = frames / rate if rate else 0.0
    return {"frames": int(frames), "seconds": round(seconds, 3)}


def _record(out_dir: Path, path: Path, **extra) -> dict:
    return {"path": path.relative_to(out_dir).as_posix(), "sha256": sha256(path),
            "bytes": path.stat().st_size, **extra}


# ------------------------------------------------------------------------------ stills


def render_still(job: Job, out_dir: Path, work: Path) -> list[dict]:
    from gdviz import mpl as gm
    from gdviz import theme as th

    theme = th.get(job.theme)
    module = gm.load(BY_ID[job.target].figure_module)
    # The target's figure as SVG, PDF and PNG; extra figures (one per equation) as SVG and PDF.
    outputs = [(job.target, gm.build(module, theme), "", ("svg", "pdf", "png"))]
    if hasattr(module, "extra_figures"):
        with gm.themed(theme):
            extras = module.extra_figures(theme)
        outputs += [(k, f, f"{job.target}/", ("svg", "pdf")) for k, f in extras.items()]
    records = []
    for name, fig, sub, exts in outputs:
        # the page (its crop) found once, from one drawing, for every format saved of it
        page = gm.page_box(fig, theme)
        for ext in exts:
            tmp = work / f"{name}.{ext}"
            gm.save(fig, theme, tmp, metadata=_metadata(ext), bbox_inches=page)
            if ext == "svg":
                doc = BY_ID[job.target].doc
                captions.describe_svg(tmp, doc.title if not sub else f"{doc.title}: {name}",
                                      doc.alt)
            dest = out_dir / job.theme / "stills" / f"{sub}{name}.{ext}"
            publish(tmp, dest)
            records.append(_record(out_dir, dest))
    return records


def _metadata(ext: str) -> dict | None:
    # Fixed metadata keeps the files byte-identical from run to run.
    if ext == "svg":
        return {"Date": None}
    if ext == "pdf":
        return {"CreationDate": None}
    if ext == "png":
        return {"Software": None}
    return None


# -------------------------------------------------------------------------- animations


def render_animation(job: Job, out_dir: Path, work: Path) -> list[dict]:
    os.environ["GD_THEME"] = job.theme
    from manim import tempconfig

    from gdviz import mpl as gm

    store.install_tex(store.store_for(out_dir))
    store.install_svg(store.store_for(out_dir))
    target = BY_ID[job.target]
    module = gm.load(f"scenes.{target.stem}")
    scene_cls = getattr(module, target.scene_class)
    media = work / "media"
    with tempconfig(
        {
            **dict(zip(("pixel_width", "pixel_height", "frame_rate"), QUALITIES[job.quality])),
            "media_dir": str(media),
            "tex_dir": str(work / "tex"),
            "disable_caching": True,
            "save_sections": job.sections,
            "write_to_movie": True,
            "format": "mp4",
            "output_file": job.target,
            "progress_bar": "none",
            "verbosity": "WARNING",
        }
    ):
        scene = scene_cls()
        scene.render()
        writer = scene.renderer.file_writer
        movie = Path(writer.movie_file_path)
        sections = (Path(writer.sections_output_dir), writer.output_plan.section_index)
        caption_log = getattr(scene, "caption_log", [])
        loops = set(getattr(scene, "LOOP_SECTIONS", ()))

    base = out_dir / job.video_dir()
    records = []
    for fmt in job.formats:
        src = movie if fmt == "mp4" else convert(movie, work / f"{job.target}.{fmt}", fmt)
        dest = base / f"{job.target}.{fmt}"
        publish(src, dest)
        records.append(_record(out_dir, dest, **video_info(dest) if fmt != "gif" else {}))
        if fmt == "gif":
            records[-1].update(video_info(movie))
    poster = work / "poster.png"
    last_frame(movie).save(poster)
    publish(poster, base / f"{job.target}.png")
    records.append(_record(out_dir, base / f"{job.target}.png"))
    cues = captions.section_cues(caption_log, video_info(movie)["seconds"])
    vtt = captions.write_vtt(work / f"{job.target}.vtt", [c for s in cues for c in s.cues])
    publish(vtt, base / vtt.name)
    records.append(_record(out_dir, base / vtt.name))
    if job.sections:
        records.extend(publish_sections(job, out_dir, *sections, cues, loops))
    return records


def last_frame(movie: Path):
    """The last frame of a video as a PIL image (the poster)."""
    import av

    last = None
    with av.open(str(movie)) as c:
        for frame in c.decode(video=0):
            last = frame
    return last.to_image()


def convert(movie: Path, dest: Path, fmt: str) -> Path:
    """Convert the MP4 to WebM (VP9) or to an animated GIF (at most 640 px wide, 15 fps)."""
    import av
    from PIL import Image

    with av.open(str(movie)) as src:
        vin = src.streams.video[0]
        rate = vin.average_rate
        if fmt == "webm":
            with av.open(str(dest), "w") as dst:
                out = dst.add_stream("libvpx-vp9", rate=rate)
                out.width, out.height, out.pix_fmt = vin.width, vin.height, "yuv420p"
                # libvpx's real-time speed: a seventh of the CPU time of "good" at speed 4 for
                # about a third more bytes and 1 dB less PSNR (dropout at 480p: 46 dB, 47 dB)
                out.options = {"crf": "32", "b": "0", "deadline": "realtime", "cpu-used": "8"}
                for frame in src.decode(vin):
                    for packet in out.encode(frame.reformat(format="yuv420p")):
                        dst.mux(packet)
                for packet in out.encode():
                    dst.mux(packet)
            return dest
        step = max(1, round(float(rate) / 15))
        images = []
        for i, frame in enumerate(src.decode(vin)):
            if i % step:
                continue
            img = frame.to_image()
            if img.width > 640:
                img = img.resize((640, round(img.height * 640 / img.width)))
            # fast octree: a third of the file and of the time of median cut
            images.append(img.quantize(colors=128, method=Image.Quantize.FASTOCTREE))
    images[0].save(dest, save_all=True, append_images=images[1:], loop=0,
                   duration=round(1000 * step / float(rate)), optimize=False)
    return dest


def publish_sections(job: Job, out_dir: Path, sections_dir: Path, index_src,
                     cues=(), loops=frozenset()) -> list[dict]:
    """Copy each section's clip as NN-name.mp4 with its captions NN-name.vtt and write the
    JSON index of the clips (with "loop" for the sections that loop in a lecture deck)."""
    sections = json.loads(Path(index_src).read_text()) if index_src else []
    cues = list(cues)
    folder = out_dir / job.theme / "sections" / job.quality / job.target
    records, index = [], []
    for i, s in enumerate(sections):
        name = f"{i:02d}-{s['name']}.mp4"
        dest = folder / name
        publish(sections_dir / s["video"], dest)
        info = video_info(dest)
        records.append(_record(out_dir, dest, **info))
        mine = next((c for c in cues if c.name == s["name"]), None)
        if mine is not None:  # the section's cues, timed from the clip's start
            cues.remove(mine)
            vtt = captions.write_vtt(sections_dir / f"{i:02d}.vtt", [
                captions.Cue(c.start, min(c.end, mine.start + info["seconds"]), c.text)
                for c in mine.cues if c.start < mine.start + info["seconds"]], mine.start)
            publish(vtt, dest.with_suffix(".vtt"))
            records.append(_record(out_dir, dest.with_suffix(".vtt")))
        index.append({"index": i, "name": s["name"], "file": f"{job.target}/{name}", **info,
                      "loop": s["name"] in loops})
    idx = out_dir / job.theme / "sections" / job.quality / f"{job.target}.json"
    tmp = sections_dir / "index.json"
    tmp.write_text(json.dumps({"id": job.target, "theme": job.theme, "quality": job.quality,
                               "sections": index}, indent=2))
    publish(tmp, idx)
    records.append(_record(out_dir, idx))
    return records


class Opened:
    """Every path this process opened for reading (an audit hook: `open`, `io.open_code`,
    `os.open`); files it writes are outputs, not inputs."""

    WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def __init__(self):
        self.paths: set[str] = set()
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args) -> None:
        if event != "open" or not isinstance(args[0], str):
            return
        path, mode, flags = args
        if (any(c in mode for c in "wax+") if isinstance(mode, str) else flags & self.WRITE):
            return
        self.paths.add(os.path.abspath(path))


def discovered(opened: Opened, exclude: tuple[Path, ...]) -> list[str]:
    """The project files this process read: its imported project modules and opened files,
    relative to the project root."""
    files = {m.__file__ for m in list(sys.modules.values())
             if isinstance(getattr(m, "__file__", None), str)}
    files |= opened.paths
    found = {Path(f).resolve() for f in files}
    return sorted(p.relative_to(ROOT).as_posix() for p in found if is_project_file(p, exclude))


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def main(argv: list[str]) -> int:
    opened = Opened()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _exit_on_signal)
    spec = json.loads(argv[0])
    job = Job(**{**spec, "formats": tuple(spec.get("formats", ()))})
    out_dir = Path(argv[1]).resolve()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"gd-{job.key}-",
                                     dir=argv[2] if len(argv) > 2 else None) as tmp:
        work = Path(tmp)
        fn = render_still if job.kind == "still" else render_animation
        records = fn(job, out_dir, work)
    seconds = time.perf_counter() - t0
    deps = discovered(opened, (out_dir, work))
    print(json.dumps({"outputs": records, "render_seconds": round(seconds, 3), "deps": deps}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
