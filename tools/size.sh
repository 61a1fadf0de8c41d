#!/usr/bin/env bash
# `make size`: what a first visit downloads (dist's wasm, JS, CSS and HTML: raw, gzip -9, brotli 11)
# and what takes the room in the wasm (twiggy, on wasm-bindgen's output, which still has its name
# section; Trunk's wasm-opt pass drops it). Measures only; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
named="$target/wasm-bindgen/release/vouch-app_bg.wasm"

# Rebuild unless dist/ and the named wasm are newer than every input of the build.
stamp=$(ls -t dist/*_bg.wasm 2>/dev/null | head -1 || true)
if [[ -z "$stamp" || ! -f "$named" ]] ||
  [[ -n "$(find src style static index.html Cargo.toml Cargo.lock Trunk.toml .cargo -newer "$stamp" -print -quit)" ]]; then
  trunk build --release
fi

echo "== First load (dist/)"
node - dist <<'EOF'
const fs = require("fs"), path = require("path"), zlib = require("zlib");
const dir = process.argv[2];
// What index.html loads before the app runs: the page, its styles, the loader and the wasm.
const files = fs.readdirSync(dir).filter((f) => /^index\.html$|\.(wasm|js|css)$/.test(f) && f !== "sw.js").sort();
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const total = [0, 0, 0];
console.log(`${"file".padEnd(40)}      raw KB   gzip KB  brotli KB`);
for (const f of files) {
  const data = fs.readFileSync(path.join(dir, f));
  const sizes = [
    data.length,
    zlib.gzipSync(data, { level: 9 }).length,
    zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  sizes.forEach((s, i) => (total[i] += s));
  console.log(`${f.padEnd(40)} ${kb(sizes[0])} ${kb(sizes[1])} ${kb(sizes[2])}   (${sizes.join(" / ")} bytes)`);
}
console.log(`${"total".padEnd(40)} ${kb(total[0])} ${kb(total[1])} ${kb(total[2])}   (${total.join(" / ")} bytes)`);
EOF

if ! command -v twiggy >/dev/null; then
  cargo install twiggy --locked
fi

echo
echo "== Top 20 by retained size ($named, before wasm-opt)"
# The indirect-call table and its element segment retain nearly everything; they say nothing.
twiggy top --retained -n 23 "$named" | grep -vE '┊ (table|elem)\[0\]$|┊ "function names" subsection$' | head -22

echo
echo "== By crate (and by module of vouch), shallow size before wasm-opt"
twiggy top -f csv "$named" | python3 -c '
import csv, re, sys, collections
sizes = collections.Counter()
for row in csv.DictReader(sys.stdin):
    name, size = row["Name"], int(row["ShallowSize"])
    if re.match(r"^(\"|data |elem|type|import|export|table|global|code|custom)", name):
        key = "(" + name.split(" ")[0].strip("\"") + ")"
    else:
        m = re.match(r"^[<&\s]*(?:mut\s+|dyn\s+|impl\s+)*([A-Za-z_]\w*)(?:::(\w+))?(?:::(\w+))?", name)
        key = m.group(1) if m else name[:30]
        if key == "vouch" and m.group(2):
            key += "::" + m.group(2) + ("::" + m.group(3) if m.group(2) == "ui" and m.group(3) else "")
    sizes[key] += size
total = sum(sizes.values())
for key, size in sizes.most_common(30):
    print(f"{size:>9}  {100 * size / total:5.1f}%  {key}")
'
