"""index.html: the gallery of everything rendered, grouped by chapter section, for an author at
work: each target's caption and alt text, its pictures and captioned videos, links to every
output and deck, a LaTeX and a Markdown line to copy for each still, a light/dark switch and a
filter by section and kind.

Self-contained (inline CSS and script, relative links, nothing fetched), so it works from
file://. Every text shown is HTML-escaped.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from . import catalog, store

_CSS = """
:root{--bg:#fafafa;--fg:#1a1a1a;--card:#fff;--line:#e3e3e3;--muted:#555;--link:#0b57d0;
--code:#f1f1f1}
body.dark{--bg:#121418;--fg:#e8e8e8;--card:#1c1f26;--line:#333842;--muted:#aab;--link:#8ab4f8;
--code:#262a33}
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:var(--bg);color:var(--fg)}
header{padding:1.2rem 2rem;background:#16181d;color:#ededed}
header h1{margin:.2rem 0}
.bar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;font-size:14px}
.bar select,.bar button{font:inherit;padding:.15rem .4rem}
main{padding:1rem 2rem;max-width:1200px;margin:auto}
h2{border-bottom:2px solid var(--line);padding-bottom:.3rem;margin-top:2.5rem}
a{color:var(--link)}
.t{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:1rem 0}
.t h3{margin:.2rem 0}.id{font:13px monospace;color:var(--muted)}
.alt{color:var(--muted);font-size:14px}
.media{display:flex;flex-wrap:wrap;gap:1rem;margin:.6rem 0}
.media img,.media video{max-width:560px;width:100%;border:1px solid var(--line);background:#fff}
.media.dark img,.media.dark video{background:#16181d}
.links{font-size:13px;margin:.3rem 0}.links a{margin-right:.7rem}
.links b{margin-right:.5rem}
.copy{display:flex;gap:.4rem;align-items:center;margin:.25rem 0;font-size:13px}
.copy input{flex:1;font:12px monospace;background:var(--code);color:var(--fg);
border:1px solid var(--line);padding:.2rem .3rem}
.none{color:var(--muted);font-style:italic}
.hidden{display:none}
"""

_JS = """
(function(){
  var body=document.body, sec=document.getElementById('f-section'),
      kind=document.getElementById('f-kind'), sw=document.getElementById('theme');
  function dark(on){body.classList.toggle('dark',on);
    sw.textContent=on?'Light page':'Dark page';
    try{localStorage.setItem('gallery-dark',on?'1':'0');}catch(e){}}
  var saved=null;try{saved=localStorage.getItem('gallery-dark');}catch(e){}
  dark(saved===null?window.matchMedia('(prefers-color-scheme: dark)').matches:saved==='1');
  sw.addEventListener('click',function(){dark(!body.classList.contains('dark'));});
  function filter(){
    var s=sec.value,k=kind.value;
    document.querySelectorAll('.chapter').forEach(function(c){
      var on=(s==='all'||c.dataset.section===s),shown=0;
      c.querySelectorAll('.t').forEach(function(t){
        var ok=on&&(k==='all'||(' '+t.dataset.kinds+' ').indexOf(' '+k+' ')>=0);
        t.classList.toggle('hidden',!ok);shown+=ok?1:0;});
      c.classList.toggle('hidden',!shown&&!(on&&k==='all'));});}
  sec.addEventListener('change',filter);kind.addEventListener('change',filter);
  document.querySelectorAll('.copy button').forEach(function(b){
    b.addEventListener('click',function(){
      var i=b.previousElementSibling;i.select();
      var done=function(){b.textContent='Copied';
        setTimeout(function(){b.textContent='Copy';},1200);};
      if(navigator.clipboard&&window.isSecureContext){
        navigator.clipboard.writeText(i.value).then(done,
          function(){document.execCommand('copy');done();});
      }else{document.execCommand('copy');done();}});});
})();
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
    n_targets = sum(t.id in by_id for t in catalog.TARGETS)
    docs = store.docs(catalog.TARGETS, store.store_for(out))
    options = "".join(f"<option value='{n}'>{n}. {escape(name)}</option>"
                      for n, name in catalog.SECTIONS.items())
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Figures and animations</title><style>{_CSS}</style></head><body>",
        "<header><h1>How neural networks are trained: figures and animations</h1>",
        f"<p>{len(entries)} files for {n_targets} of {len(catalog.TARGETS)} targets.</p>",
        "<div class='bar'><label>Section <select id='f-section'><option value='all'>all"
        f"</option>{options}</select></label><label>Kind <select id='f-kind'>"
        "<option value='all'>all</option><option value='still'>stills</option>"
        "<option value='animation'>animations</option><option value='deck'>with a deck"
        "</option></select></label><button id='theme' type='button'>Dark page</button>"
        "</div></header><main>",
    ]
    for num, name in catalog.SECTIONS.items():
        parts.append(f"<div class='chapter' data-section='{num}'>")
        parts.append(f"<h2>{num}. {escape(name)}</h2>")
        deck_links = _links(by_id.get(f"section-{num}", []), decks_only=True)
        if deck_links:
            parts.append(f"<div class='links'><b>Section decks</b>{deck_links}</div>")
        for t in (t for t in catalog.TARGETS if t.section == num):
            parts.append(_target_html(t, docs[t.id], by_id.get(t.id, [])))
        parts.append("</div>")
    parts.append(f"</main><script>{_JS}</script></body></html>")
    html = "\n".join(parts)
    tmp = out / ".tmp-index.html"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out / "index.html")
    return out / "index.html"


def _links(files: list[dict], decks_only: bool = False) -> str:
    """Links to the files (decks: their HTML and PPTX only), labelled with theme and quality."""
    out = []
    for f in sorted(files, key=lambda f: f["path"]):
        p = f["path"]
        if f.get("kind") == "deck" or decks_only:
            if not p.endswith((".html", ".pptx")) or "/decks/" not in p:
                continue
            theme, _, quality = p.split("/")[:3]
            label = f"{'slides' if p.endswith('.html') else 'PowerPoint'} ({theme}, {quality})"
        else:
            label = f"{p.rsplit('/', 1)[-1]} ({p.split('/', 1)[0]})"
        out.append(f"<a href='{_rel(p)}'>{escape(label)}</a>")
    return "".join(out)


def _copy_line(label: str, text: str) -> str:
    return (f"<div class='copy'><span>{escape(label)}</span>"
            f"<input readonly value='{escape(text, quote=True)}' aria-label='{escape(label)}'>"
            "<button type='button'>Copy</button></div>")


def _md(s: str) -> str:
    """Text safe inside a Markdown image's brackets."""
    return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _target_html(t: catalog.Target, doc, files: list[dict]) -> str:
    own = [f for f in files if f.get("kind") != "deck"]
    deck_files = [f for f in files if f.get("kind") == "deck"]
    kinds = list(t.kinds) + (["deck"] if deck_files else [])
    h = [f"<section class='t' id='{escape(t.id, quote=True)}' "
         f"data-kinds='{escape(' '.join(kinds), quote=True)}'>",
         f"<h3>{escape(doc.title)}</h3><div class='id'>{escape(t.id)} · "
         f"{escape(' + '.join(t.kinds))}</div>",
         f"<p>{escape(doc.caption)}</p>"]
    if doc.alt:
        h.append(f"<p class='alt'><b>Alt text:</b> {escape(doc.alt)}</p>")
    if not files:
        h.append("<p class='none'>Not rendered yet.</p></section>")
        return "\n".join(h)
    alt = escape(doc.alt or doc.title, quote=True)
    for theme in ("light", "dark"):
        mine = [f for f in own if f["theme"] == theme]
        if not mine:
            continue
        paths = {f["path"] for f in mine}
        h.append(f"<div class='media {theme}'>")
        png = next((p for p in sorted(paths) if "/stills/" in p and p.endswith(".png")), None)
        if png:
            h.append(f"<img src='{_rel(png)}' alt='{alt}' loading='lazy'>")
        for v in sorted(p for p in paths if p.endswith(".mp4") and "/sections/" not in p):
            poster, vtt = v[:-4] + ".png", v[:-4] + ".vtt"
            track = (f"<track kind='captions' src='{_rel(vtt)}' srclang='en' label='English' "
                     "default>") if vtt in paths else ""
            h.append(f"<video controls preload='none' poster='{_rel(poster)}' "
                     f"aria-label='{alt}'><source src='{_rel(v)}' type='video/mp4'>"
                     f"{track}</video>")
        h.append("</div>")
        if png:
            base = png[:-4]
            h.append(_copy_line(
                f"LaTeX ({theme})",
                f"\\includegraphics[width=\\linewidth]{{{base}.pdf}}"))
            title = _md(doc.title).replace('"', "'")
            h.append(_copy_line(f"Markdown ({theme})",
                                f"![{_md(doc.alt or doc.title)}]({base}.svg \"{title}\")"))
        h.append(f"<div class='links'><b>{escape(theme)}</b>{_links(mine)}</div>")
    decks = _links(deck_files)
    if decks:
        h.append(f"<div class='links'><b>Decks</b>{decks}</div>")
    h.append("</section>")
    return "\n".join(h)
