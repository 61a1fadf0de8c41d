#!/usr/bin/env python3
"""Trunk post_build hook: finishes the offline app in the staging folder.

0. Turns Trunk's preload link for the wasm into a script that preloads it only when the service
   worker serves the page: on a first visit Trunk.toml's loader asks for it once the frame has
   painted.
1. Adds a Content-Security-Policy to index.html that allows only this origin (connect-src is narrowed by
   index.html's first script, see there), with the sha256 of
   each inline script (Trunk's loader changes every build, so its hash is computed here).
2. Fills the service worker's precache list and cache version from the files actually built.
3. Copies index.html to 404.html, so static hosts that serve 404.html for unknown paths open the
   app on deep links too.
4. Writes a `.gz` and a `.br` beside every text and wasm file, for hosts that serve precompressed
   files (nginx `gzip_static`/`brotli_static`, Netlify, Cloudflare Pages; see the README). The
   service worker precaches only the plain files: a browser asks for the plain URL and the server
   picks the encoding. Brotli comes from node's zlib (node is already needed for wasm-opt).
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import gzip
from pathlib import Path

stage = Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
index = stage / "index.html"
html = index.read_text(encoding="utf-8")

# On a first visit Trunk.toml's loader asks for the wasm once the frame has painted, and Trunk's
# preload link would start its download before that; so the link becomes a script that preloads
# the wasm only when the service worker serves the page (a returning visit, where nothing is
# downloaded and the sooner the better). The loader's own modulepreload (11 KB of JS) stays.
def preload_when_cached(link):
    attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', link.group(0)))
    sets = "".join(f"l.setAttribute({json.dumps(k)},{json.dumps(v)});" for k, v in attrs.items())
    return (
        "\n    <script data-vouch-preload>if(navigator.serviceWorker&&navigator.serviceWorker.controller)"
        f'{{var l=document.createElement("link");{sets}document.head.appendChild(l);}}</script>'
    )


html, preloads = re.subn(r'\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>', preload_when_cached, html)
if preloads > 1:
    raise SystemExit(f"post_build: {preloads} preload links for a wasm, expected one")
index.write_text(html, encoding="utf-8")

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in inline
)
csp = (
    "default-src 'none'; "
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
    # Open here, narrowed by index.html's first script to 'self' (plus the sync server once the user
    # set one up): a CSP can only be narrowed after load, never widened.
    "connect-src 'self' https: http:; manifest-src 'self'; worker-src 'self'; "
    "base-uri 'self'; form-action 'none'; object-src 'none'"
)
# The meta tag itself, not the words: index.html's connect-src script names the header too.
if 'http-equiv="Content-Security-Policy"' not in html:
    html = html.replace(
        '<meta charset="utf-8" />',
        f'<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="{csp}" />',
        1,
    )
    index.write_text(html, encoding="utf-8")

files = sorted(
    p.relative_to(stage).as_posix()
    for p in stage.rglob("*")
    if p.is_file() and p.name not in ("sw.js", "404.html") and p.suffix not in (".gz", ".br")
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update((stage / name).read_bytes())
version = digest.hexdigest()[:16]
precache = ["./"] + [f"./{name}" for name in files]
sw = stage / "sw.js"
sw.write_text(
    sw.read_text(encoding="utf-8")
    .replace("__VOUCH_VERSION__", version)
    .replace("__VOUCH_PRECACHE__", json.dumps(precache)),
    encoding="utf-8",
)
(stage / "404.html").write_text(html, encoding="utf-8")

COMPRESSIBLE = {".wasm", ".js", ".css", ".html", ".webmanifest", ".json", ".svg"}
plain = sorted(p for p in stage.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE)
for p in plain:
    # mtime=0: the same build gives the same bytes.
    p.with_name(p.name + ".gz").write_bytes(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0))
BROTLI = """
const { readFileSync, writeFileSync } = require('node:fs');
const { brotliCompressSync, constants: z } = require('node:zlib');
for (const f of process.argv.slice(1)) {
  const raw = readFileSync(f);
  const params = { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: raw.length,
    [z.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? z.BROTLI_MODE_GENERIC : z.BROTLI_MODE_TEXT };
  writeFileSync(f + '.br', brotliCompressSync(raw, { params }));
}
"""
subprocess.run(["node", "-e", BROTLI, *map(str, plain)], check=True)


def kb(n):
    return f"{n / 1024:.0f} KB"


wasm = next(p for p in plain if p.suffix == ".wasm")
total = {ext: sum((p.with_name(p.name + ext) if ext else p).stat().st_size for p in plain) for ext in ("", ".gz", ".br")}
print(f"post_build: CSP with {len(inline)} inline script hash(es); {len(precache)} files precached as vouch-{version}")
print(
    f"post_build: {len(plain)} files precompressed; wasm {kb(wasm.stat().st_size)}, "
    f"gzip {kb(wasm.with_name(wasm.name + '.gz').stat().st_size)}, br {kb(wasm.with_name(wasm.name + '.br').stat().st_size)}; "
    f"all {kb(total[''])}, gzip {kb(total['.gz'])}, br {kb(total['.br'])}"
)
