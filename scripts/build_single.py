#!/usr/bin/env python3
"""Builds the single-file app for USB sticks: dist-single/wengang.html, one
HTML file with the styles, the JavaScript and the WebAssembly inlined, which
works when opened from file:// with no server and no network.

It is made from the Trunk build in dist/ (run scripts/build-app.sh first).
The page keeps a strict CSP: the one inline script and the one inline style
are allowed by their SHA-256 hashes, WebAssembly by 'wasm-unsafe-eval'.

Printing: the web app loads the printout (申请表, 承诺书) as a second module
on demand (dist/print-<hash>/), which a file:// page cannot fetch. Here it is
inlined too, as a second inline module script (its own hash in the CSP, its
own scope), with its WebAssembly as base64, and installs the same
`window.wengangPrint` the web app's start-up code does. Without a print
module in dist/ the page is built without it, and its print page says
plainly, in both languages, that this copy cannot print."""
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
icon = open(os.path.join(root, "www", "favicon.svg"), "rb").read()

script = (
    glue
    + "\n// The WebAssembly, inlined (a file:// page cannot fetch it).\n"
    + f'const wasmBytes = Uint8Array.from(atob("{base64.b64encode(wasm).decode("ascii")}"), (c) => c.charCodeAt(0));\n'
    + "await __wbg_init({ module_or_path: wasmBytes });\n"
)
# The print module: wasm-bindgen's ES-module glue without its `export`s
# (an inline script cannot be imported), then the loader.
printing = ""
modules = glob.glob(os.path.join(dist, "print-*", "wengang-print.js"))
if len(modules) == 1:
    print_glue = open(modules[0], encoding="utf-8").read()
    print_wasm = open(modules[0].replace(".js", "_bg.wasm"), "rb").read()
    print_glue, exports = re.subn(r"^export \{[^}]*\};?$", "", print_glue, flags=re.M)
    print_glue, functions = re.subn(r"^export function ", "function ", print_glue, flags=re.M)
    if exports != 1 or functions < 5:
        sys.exit("the print module's glue is not shaped as expected (wasm-bindgen changed?)")
    printing = (
        print_glue
        + "\n// The print module's WebAssembly, inlined; loaded the first time someone prints.\n"
        + f'const printBytes = Uint8Array.from(atob("{base64.b64encode(print_wasm).decode("ascii")}"), (c) => c.charCodeAt(0));\n'
        + "let printReady;\n"
        + "const printModule = () => printReady ??= __wbg_init({ module_or_path: printBytes }).then(() => {\n"
        + "  const sheet = new CSSStyleSheet();\n"
        + "  sheet.replaceSync(print_style());\n"
        + "  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];\n"
        + "});\n"
        + "window.wengangPrint = async (json, lang, sample) => { await printModule(); return print_html(json, lang, sample); };\n"
        + "window.wengangSubmission = async (json) => { await printModule(); return submission_json(json); };\n"
        + "window.wengangGlosses = async () => { await printModule(); return clause_glosses(); };\n"
        + "window.wengangSample = async (id) => { await printModule(); return sample_application(id) ?? ''; };\n"
        + "window.wengangStatement = async (text, year, lang) => { await printModule(); return statement_read(text, year, lang); };\n"
        + "window.wengangWorking = async (json, lang, suzhou) => { await printModule(); return working_html(json, lang, suzhou); };\n"
    )
else:
    print(f"[single] no print module in dist/ ({modules}): this copy will say it cannot print")

scripts = csp_hash(script) + (" " + csp_hash(printing) if printing else "")
csp = (
    f"default-src 'none'; script-src {scripts} 'wasm-unsafe-eval'; style-src {csp_hash(css)}; "
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
if printing:
    head.append(f'<script type="module">{printing}</script>')
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
