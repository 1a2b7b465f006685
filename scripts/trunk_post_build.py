#!/usr/bin/env python3
"""Trunk post-build hook.

1. Copies the print module (scripts/build-print.sh: target/app/print/) into
   the build as print-<hash>/, named by its content so no cache ever mixes
   two versions.
2. Moves Trunk's inline start-up module into a file of its own with a
   Subresource Integrity hash (plus the service-worker registration and the
   print module's loader), so the page runs under
   `script-src 'self' 'wasm-unsafe-eval'` with no inline script.
3. Writes the service worker for this build: a version derived from every
   file's content, and the list of files to cache.
"""
import base64
import hashlib
import json
import os
import re
import shutil
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


# The print module: loaded only when someone prints (www/print-loader.js).
module_dir = os.environ.get("WENGANG_PRINT_MODULE") or os.path.join(root, "target", "app", "print")
module_files = ["wengang-print.js", "wengang-print_bg.wasm"]
loader = ""
if all(os.path.isfile(os.path.join(module_dir, f)) for f in module_files):
    digest = hashlib.sha256()
    for f in module_files:
        digest.update(open(os.path.join(module_dir, f), "rb").read())
    print_dir = "print-" + digest.hexdigest()[:16]
    os.makedirs(os.path.join(staging, print_dir), exist_ok=True)
    for f in module_files:
        shutil.copyfile(os.path.join(module_dir, f), os.path.join(staging, print_dir, f))
    loader = open(os.path.join(root, "www", "print-loader.js"), encoding="utf-8").read().replace("__PRINT_DIR__", print_dir)
    print(f"[post-build] print module copied to {print_dir}/")
else:
    # The app then says, when someone prints, that this build cannot.
    print(f"[post-build] warning: no print module in {module_dir} (run scripts/build-print.sh): printing will not work")

pattern = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
match = pattern.search(html)
if match is not None:
    register = open(os.path.join(root, "www", "sw-register.js"), encoding="utf-8").read()
    code = (match.group(1).strip() + "\n\n" + register + ("\n" + loader if loader else "")).encode("utf-8")
    name = "boot-" + hashlib.sha256(code).hexdigest()[:16] + ".js"
    with open(os.path.join(staging, name), "wb") as f:
        f.write(code)
    tag = f'<script type="module" src="./{name}" integrity="{sri(code)}" crossorigin="anonymous"></script>'
    html = html[: match.start()] + tag + html[match.end():]
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"[post-build] start-up code moved to {name}")

# The service worker: every file of the build, under a version of their content.
files = []
for dirpath, _, names in os.walk(staging):
    for n in names:
        path = os.path.relpath(os.path.join(dirpath, n), staging).replace(os.sep, "/")
        if path != "sw.js" and not path.startswith("embed/"):
            files.append(path)
files.sort()
digest = hashlib.sha256()
for path in files:
    digest.update(path.encode())
    digest.update(open(os.path.join(staging, path), "rb").read())
version = digest.hexdigest()[:16]
assets = ["./"] + ["./" + p for p in files if p != "index.html"]
template = open(os.path.join(root, "www", "sw.template.js"), encoding="utf-8").read()
worker = template.replace("__VERSION__", version).replace("__ASSETS__", json.dumps(assets, indent=2))
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(worker)
print(f"[post-build] service worker {version} caches {len(assets)} files")
