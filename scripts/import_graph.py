#!/usr/bin/env python3
"""Prints the import graph between the engine's top-level modules (src/*)
and any circle in it; exits 1 when there is one. Comments and `#[cfg(test)]`
modules are left out: a test may reach anywhere.

A name the crate root re-exports (`pub use report::{check, Report}` in
lib.rs) is followed to the module that defines it, so `crate::Report` is an
edge to `report`, as `crate::report::Report` is."""
import collections
import glob
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def code_of(path):
    text = open(path, encoding="utf-8").read()
    cut = text.find("#[cfg(test)]\nmod tests")
    if cut >= 0:
        text = text[:cut]
    return "\n".join(line.split("//")[0] for line in text.splitlines())


def reexports():
    """Each name lib.rs re-exports, and the module it comes from."""
    code = code_of(os.path.join(ROOT, "lib.rs"))
    found = {}
    for module, names in re.findall(r"pub use (\w+)::\{([^}]*)\}", code):
        for name in re.findall(r"(\w+)\s*(?:,|$)", names):
            found[name] = module
        for alias in re.findall(r"\w+ as (\w+)", names):
            found[alias] = module
    for module, name in re.findall(r"pub use (\w+)::(\w+);", code):
        found[name] = module
    return found


def graph():
    modules = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(ROOT, "*.rs"))}
    modules |= {os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(ROOT, "*", "mod.rs"))}
    modules -= {"lib", "bin"}
    root = reexports()
    edges = collections.defaultdict(set)
    for path in glob.glob(os.path.join(ROOT, "**", "*.rs"), recursive=True):
        top = os.path.relpath(path, ROOT).split(os.sep)[0].removesuffix(".rs")
        if top not in modules:
            continue
        code = code_of(path)
        names = re.findall(r"crate::(\w+)", code)
        for group in re.findall(r"crate::\{([^}]*)\}", code):
            names += re.findall(r"(?:^|,)\s*(\w+)", group)
        names = [root.get(n, n) for n in names]
        edges[top] |= {n for n in names if n in modules and n != top}
    return modules, edges


def circles(nodes, edges):
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


if __name__ == "__main__":
    nodes, edges = graph()
    for m in sorted(nodes):
        print(f"{m:12} -> {', '.join(sorted(edges.get(m, ()))) or '-'}")
    found = circles(nodes, edges)
    for c in found:
        print("circle:", " <-> ".join(c))
    sys.exit(1 if found else 0)
