"""JSON Lines files that appear complete or not at all.

Why not Scrapy's feed exports (FEEDS with item_classes)? They write each item
as it is scraped, to the final file name. We need three things they don't
do: a list entry and the item's own page merged into one record before
anything is written (dedupe.py), files a consumer can never see half-written
(written to `<name>.tmp`, flushed, fsynced, then `os.replace`d), and the run
directory + manifest + `latest` (run.py).
"""
from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path
from typing import Iterable

import jsonlines

#: UTF-8, Chinese not escaped, one record per line (json.dumps never emits a newline).
dumps = partial(json.dumps, ensure_ascii=False)


def temp_name(path: Path) -> Path:
    """Where `path` is written before it is published: never `*.jsonl`."""
    return path.with_name(path.name + ".tmp")


def write_atomic(path: Path, records: Iterable[dict]) -> int:
    """Write `records` to `path` as JSON Lines atomically; return how many."""
    count = write_temp(path, records)
    os.replace(temp_name(path), path)
    return count


def write_temp(path: Path, records: Iterable[dict]) -> int:
    """Write `records` to `path`'s temporary name, flushed and fsynced, and
    leave it there: `publish_temp(path)` moves it into place. Between the two,
    a run records what it is about to publish (pipelines/run.py)."""
    tmp = temp_name(path)
    count = 0
    with open(tmp, "w", encoding="utf-8") as fh:
        with jsonlines.Writer(fh, dumps=dumps) as writer:
            for record in records:
                writer.write(record)
                count += 1
        fh.flush()
        os.fsync(fh.fileno())
    return count


def publish_temp(path: Path) -> None:
    """Move `path`'s temporary file into place; nothing to do if it already was."""
    tmp = temp_name(path)
    if tmp.exists():
        os.replace(tmp, path)


class AppendLog:
    """A JSON Lines file written as it goes under its temporary name, and
    published (moved) by `publish`. A killed crawl leaves only the .tmp."""

    def __init__(self, path: Path):
        self.path = path
        self._fh = open(temp_name(path), "w", encoding="utf-8")
        self._writer = jsonlines.Writer(self._fh, dumps=dumps, flush=True)
        self.count = 0

    def write(self, obj: dict) -> None:
        self._writer.write(obj)
        self.count += 1

    def publish(self, path: Path | None = None) -> Path:
        target = path or self.path
        self.close()
        os.replace(temp_name(self.path), target)
        return target

    def close(self) -> None:
        """Flush and fsync the temporary file (idempotent); it stays where it is."""
        if self._fh.closed:
            return
        self._writer.close()
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
