#!/usr/bin/env python3
"""Trunk post_build hook: finishes the offline app in the staging folder.

1. Adds a Content-Security-Policy to index.html that allows only this origin (connect-src is narrowed by
   index.html's first script, see there), with the sha256 of
   each inline script (Trunk's loader changes every build, so its hash is computed here).
2. Fills the service worker's precache list and cache version from the files actually built.
3. Copies index.html to 404.html, so static hosts that serve 404.html for unknown paths open the
   app on deep links too.
"""
import base64
import hashlib
import json
import os
import re
from pathlib import Path

stage = Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
index = stage / "index.html"
html = index.read_text(encoding="utf-8")

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
    if p.is_file() and p.name not in ("sw.js", "404.html")
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
print(f"post_build: CSP with {len(inline)} inline script hash(es); {len(precache)} files precached as vouch-{version}")
