#!/usr/bin/env python3
"""Prints the licences of every crate built into samla for a target: each
licence text once, under the crates that carry it, as the MIT and Apache
licences ask of a program that is handed on.

Usage: scripts/licences.py TARGET > THIRD-PARTY-LICENSES.txt
"""
import json
import pathlib
import subprocess
import sys

LICENCE_FILES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT", "UNLICENSE")


def linked_packages(target):
    """The packages samla's binary is built from: its normal dependencies,
    followed through, for `target`; not those used only to build or test."""
    metadata = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--locked",
             "--filter-platform", target]
        )
    )
    packages = {package["id"]: package for package in metadata["packages"]}
    nodes = {node["id"]: node for node in metadata["resolve"]["nodes"]}
    root = metadata["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dependency in node["deps"]:
            normal = any(kind["kind"] is None for kind in dependency["dep_kinds"])
            if normal and dependency["pkg"] not in seen:
                seen.add(dependency["pkg"])
                todo.append(dependency["pkg"])
    return sorted((packages[id] for id in seen), key=lambda p: (p["name"], p["version"]))


def texts(package):
    """The licence files in a package's folder, read."""
    folder = pathlib.Path(package["manifest_path"]).parent
    found = sorted(
        path for path in folder.iterdir()
        if path.is_file() and path.name.upper().startswith(LICENCE_FILES)
    )
    return [path.read_text(encoding="utf-8", errors="replace").strip() for path in found]


def main():
    target = sys.argv[1]
    by_text = {}
    for package in linked_packages(target):
        name = f"{package['name']} {package['version']} ({package.get('license') or 'see text'})"
        found = texts(package) or [f"Licence: {package.get('license')}"]
        for text in found:
            by_text.setdefault(text, []).append(name)
    print("samla is built from these crates, under these licences.\n")
    for text, names in by_text.items():
        print("=" * 78)
        for name in names:
            print(name)
        print("-" * 78)
        print(text)
        print()


if __name__ == "__main__":
    main()
