"""Execute a page again when the files it reads change, not only when its code does.

jupyter-cache (``nb_execution_mode = "cache"`` in conf.py) matches a notebook by the source of
its code cells, and Sphinx reads a page again only when the page itself changes. Chapter 13
trains its models on the prose of every chapter and on its Catalan translation, so after an
edit of any of them both would keep the old printed losses, samples and figures, which no
longer match the text the chapter says it learns from.

``minigrad_cache_inputs`` (conf.py) maps such a page to the glob patterns, relative to the
book's folder, of the files it reads. Before Sphinx reads the sources, this extension hashes
those files. When the hash differs from the one the environment (the doctrees) stores, the page
is read again; when it differs from the one stamped in the cache folder, the page's cache
records are removed first, so that reading executes it. Both stamps are updated once the pages
are read, that is after a successful execution.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any

from jupyter_cache import get_cache
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

STAMPS = "minigrad-inputs.json"  # next to jupyter-cache's own files in the cache folder


def inputs_hash(srcdir: Path, patterns: Iterable[str]) -> str:
    """One hash of the names and contents of the files under ``srcdir`` matching ``patterns``."""
    digest = hashlib.sha256()
    for path in sorted({path for pattern in patterns for path in srcdir.glob(pattern)}):
        digest.update(path.relative_to(srcdir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_stamps(cache_path: Path) -> dict[str, str]:
    """The inputs' hash of each page when its cache record was made."""
    stamps = cache_path / STAMPS
    return json.loads(stamps.read_text(encoding="utf-8")) if stamps.is_file() else {}


def write_stamps(cache_path: Path, stamps: dict[str, str]) -> None:
    """Record ``stamps`` (page -> inputs' hash) in the cache folder, keeping the other pages'."""
    cache_path.mkdir(parents=True, exist_ok=True)
    merged = read_stamps(cache_path) | stamps
    (cache_path / STAMPS).write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")


def remove_records(cache_path: Path, page: str) -> int:
    """Remove the cache records of ``page`` (a docname); returns how many there were.

    A record's uri is the absolute path its notebook had when it was executed, which may be
    another checkout's (a copied cache), so the records are matched on the docname's end.
    """
    if not (cache_path / "global.db").is_file():
        return 0
    cache = get_cache(str(cache_path))
    records = [record for record in cache.list_cache_records()
               if PurePath(record.uri).with_suffix("").as_posix().endswith("/" + page)]
    for record in records:
        cache.remove_cache(record.pk)
    return len(records)


def _pages(app: Sphinx, env: BuildEnvironment) -> dict[str, str]:
    """Each configured page of the book, with the current hash of the files it reads."""
    if app.config.nb_execution_mode != "cache":
        return {}
    return {page: inputs_hash(Path(app.srcdir), patterns)
            for page, patterns in app.config.minigrad_cache_inputs.items()
            if page in env.found_docs}


def outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
             removed: set[str]) -> list[str]:
    """``env-get-outdated``: the pages to read again; the cache records of those to execute again."""
    cache_path = Path(app.config.nb_execution_cache_path)
    hashes = _pages(app, env)
    known = getattr(env, "minigrad_cache_inputs", {})
    reread = [page for page, digest in hashes.items() if known.get(page) != digest]
    stamps = read_stamps(cache_path)
    env.minigrad_cache_inputs_read = {}
    for page, digest in hashes.items():
        if page in added or page in changed or page in reread:
            if stamps.get(page) != digest:
                remove_records(cache_path, page)
            env.minigrad_cache_inputs_read[page] = digest
    return reread


def stamp(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the pages read have been executed on the current inputs; remember them."""
    read = getattr(env, "minigrad_cache_inputs_read", {})
    if read:
        env.minigrad_cache_inputs = getattr(env, "minigrad_cache_inputs", {}) | read
        write_stamps(Path(app.config.nb_execution_cache_path), read)
    env.minigrad_cache_inputs_read = {}


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("minigrad_cache_inputs", {}, "env")
    app.connect("env-get-outdated", outdated)
    app.connect("env-updated", stamp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
