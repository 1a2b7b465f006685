#!/usr/bin/env python3
"""Builds the single-file app for USB sticks: dist-single/wengang.html, one
HTML file with the styles, the JavaScript and the WebAssembly inlined, which
works when opened from file:// with no server and no network.

It is made from the Trunk build in dist/ (run scripts/build-app.sh first).
The page keeps a strict CSP: the one inline script and the one inline style
are allowed by their SHA-256 hashes, WebAssembly by 'wasm-unsafe-eval'.

It cannot print: the printout (申请表, 承诺书) is a second module the app
loads on demand (dist/print-<hash>/), and a file:// page under this CSP can
neither fetch nor import it. The start-up code that installs its loader is
left out here, so the print page says so plainly, in both languages, and
points to the web app and `wengang print` (tests/e2e/print.test.mjs)."""
import base64
import glob
import hashlib
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
dist = os.path.join(root, "dist")
out_dir = os.path.join(root, "dist-single")


def one(pattern: str) -> str:
    found = [p for p in glob.glob(os.path.join(dist, pattern)) if "boot-" not in p]
    if len(found) != 1:
        sys.exit(f"expected one {pattern} in dist/, found {found}: run scripts/build-app.sh")
    return found[0]


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
css = open(one("style-*.css"), encoding="utf-8").read()
glue = open(one("wengang-app-*.js"), encoding="utf-8").read()
wasm = open(one("wengang-app-*_bg.wasm"), "rb").read()
icon = open(one("favicon-*.svg"), "rb").read()

script = (
    glue
    + "\n// The WebAssembly, inlined (a file:// page cannot fetch it).\n"
    + f'const wasmBytes = Uint8Array.from(atob("{base64.b64encode(wasm).decode("ascii")}"), (c) => c.charCodeAt(0));\n'
    + "await __wbg_init({ module_or_path: wasmBytes });\n"
)
csp = (
    f"default-src 'none'; script-src {csp_hash(script)} 'wasm-unsafe-eval'; style-src {csp_hash(css)}; "
    "img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
)

head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
    '<meta name="referrer" content="no-referrer">',
    f'<title>{re.search(r"<title>(.*?)</title>", html).group(1)}</title>',
    f'<link rel="icon" href="data:image/svg+xml;base64,{base64.b64encode(icon).decode("ascii")}">',
    f"<style>{css}</style>",
    f'<script type="module">{script}</script>',
]
page = (
    '<!doctype html>\n<html lang="zh-CN">\n<head>\n'
    + "\n".join(head)
    + "\n</head>\n<body>\n"
    + "<noscript>本页需要启用 JavaScript 和 WebAssembly。/ This page needs JavaScript and WebAssembly.</noscript>\n"
    + "</body>\n</html>\n"
)
os.makedirs(out_dir, exist_ok=True)
path = os.path.join(out_dir, "wengang.html")
with open(path, "w", encoding="utf-8") as f:
    f.write(page)
print(f"[single] {os.path.relpath(path, root)}: {len(page.encode('utf-8'))} bytes")
