#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline start-up module into a file
of its own with a Subresource Integrity hash, so the page runs under
`script-src 'self' 'wasm-unsafe-eval'` with no inline script."""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()

pattern = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
match = pattern.search(html)
if match is None:
    sys.exit(0)  # already external (or nothing to move)

code = match.group(1).strip() + "\n"
digest = hashlib.sha384(code.encode("utf-8")).digest()
name = "boot-" + hashlib.sha256(code.encode("utf-8")).hexdigest()[:16] + ".js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
integrity = "sha384-" + base64.b64encode(digest).decode("ascii")
tag = f'<script type="module" src="./{name}" integrity="{integrity}" crossorigin="anonymous"></script>'
html = html[: match.start()] + tag + html[match.end():]
with open(index, "w", encoding="utf-8") as f:
    f.write(html)
print(f"[post-build] start-up code moved to {name}")
