#!/usr/bin/env python3
"""Trunk post-build hook.

1. Moves Trunk's inline start-up module into a file of its own with a
   Subresource Integrity hash (plus the service-worker registration), so the
   page runs under `script-src 'self' 'wasm-unsafe-eval'` with no inline script.
2. Writes the service worker for this build: a version derived from every
   file's content, and the list of files to cache.
"""
import base64
import hashlib
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


pattern = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
match = pattern.search(html)
if match is not None:
    register = open(os.path.join(root, "www", "sw-register.js"), encoding="utf-8").read()
    code = (match.group(1).strip() + "\n\n" + register).encode("utf-8")
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
