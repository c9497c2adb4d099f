"""index.html: the gallery of everything rendered, grouped by chapter section.

Self-contained (inline CSS, relative links, nothing fetched), so it works from file://.
Every text shown is HTML-escaped.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from . import catalog

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#1a1a1a}
header{padding:1.5rem 2rem;background:#16181d;color:#ededed}
main{padding:1rem 2rem;max-width:1200px;margin:auto}
h2{border-bottom:2px solid #ddd;padding-bottom:.3rem;margin-top:2.5rem}
.t{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:1rem;margin:1rem 0}
.t h3{margin:.2rem 0}.id{font:13px monospace;color:#666}
.media{display:flex;flex-wrap:wrap;gap:1rem;margin:.6rem 0}
.media img,.media video{max-width:560px;width:100%;border:1px solid #eee;background:#fff}
.dark img,.dark video{background:#16181d}
.links a{margin-right:.7rem;font-size:13px}.none{color:#999;font-style:italic}
"""


def _rel(path: str) -> str:
    return escape(path, quote=True)


def write(out: Path) -> Path:
    """Write out/index.html from the catalog and out/manifest.json; return its path."""
    manifest_path = out / "manifest.json"
    entries = json.loads(manifest_path.read_text())["outputs"] if manifest_path.exists() else []
    by_id: dict[str, list[dict]] = {}
    for e in entries:
        by_id.setdefault(e["id"], []).append(e)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Figures and animations</title><style>{_CSS}</style></head><body>",
        "<header><h1>How neural networks are trained: figures and animations</h1>",
        f"<p>{len(entries)} files for {len(by_id)} of {len(catalog.TARGETS)} targets.</p>",
        "</header><main>",
    ]
    for num, name in catalog.SECTIONS.items():
        parts.append(f"<h2>{num}. {escape(name)}</h2>")
        for t in (t for t in catalog.TARGETS if t.section == num):
            parts.append(_target_html(t, by_id.get(t.id, [])))
    parts.append("</main></body></html>")
    html = "\n".join(parts)
    tmp = out / ".tmp-index.html"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out / "index.html")
    return out / "index.html"


def _target_html(t: catalog.Target, files: list[dict]) -> str:
    doc = t.doc
    h = [f"<section class='t' id='{escape(t.id, quote=True)}'>",
         f"<h3>{escape(doc.title)}</h3><div class='id'>{escape(t.id)} · "
         f"{escape(' + '.join(t.kinds))}</div>",
         f"<p>{escape(doc.caption)}</p>"]
    if not files:
        h.append("<p class='none'>Not rendered yet.</p></section>")
        return "\n".join(h)
    for theme in ("light", "dark"):
        mine = [f for f in files if f["theme"] == theme]
        if not mine:
            continue
        paths = [f["path"] for f in mine]
        h.append(f"<div class='media {theme}'>")
        png = next((p for p in paths if "/stills/" in p and p.endswith(".png")), None)
        if png:
            h.append(f"<img src='{_rel(png)}' alt='{escape(doc.alt, quote=True)}' loading='lazy'>")
        for v in (p for p in paths if p.endswith(".mp4") and "/sections/" not in p):
            poster = v[:-4] + ".png"
            h.append(f"<video controls preload='none' poster='{_rel(poster)}' "
                     f"aria-label='{escape(doc.alt, quote=True)}'>"
                     f"<source src='{_rel(v)}' type='video/mp4'></video>")
        h.append("</div><div class='links'>")
        for p in sorted(paths):
            h.append(f"<a href='{_rel(p)}'>{escape(p.rsplit('/', 1)[-1])}"
                     f"<small> ({escape(theme)})</small></a>")
        h.append("</div>")
    h.append("</section>")
    return "\n".join(h)
