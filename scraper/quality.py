"""Quality alarms: is this run as good as the site's recent runs?

A site redesign rarely makes a crawl fail; it makes it *succeed* with empty
files. So after each run its manifest is checked against the manifests of the
site's previous published runs (`finished` or `degraded`, newest first), and
any failed check makes the run `degraded` (the command then exits non-zero).

Pure functions, no Scrapy: `evaluate(manifest, history, thresholds)` returns
the checks, each

    {"name": "records.project", "value": 3, "threshold": 22.0, "op": ">=",
     "passed": False, "detail": "3 projects; median of the last 5 runs 44"}

`passed` is `value <op> threshold`, so a value exactly at the threshold passes.

The checks, and the manifest keys they read (a key that is missing skips the
checks that need it; nothing raises on an old manifest):

records.<type>
    Records of each type the run *saw* (new + updated + unchanged: an
    incremental run emits few records and that is no alarm) against the median
    of the last `history_runs` runs. Fails when it dropped by more than
    `records_drop` (a fraction of the median). Passes with no history yet.
    Reads `records_seen[type]`, else `records[type]` (runs before state).

coverage.<type>.<field>
    Share of the run's records of a type with the field filled: `published`
    and `region` not null, `body` non-empty. Fails when it is below
    `min_coverage[type][field]` (default 0: none) or more than
    `coverage_drop` below its median in the history (a field that was never
    filled for a type, like a park's `published` on the demo, is no alarm).
    Omitted for a type with no records in this run (records.<type> speaks).
    Reads `coverage[type][field] = {"filled": n, "total": m}` — build it with
    `coverage_counts(records)` over every record the run saw (the snapshot,
    not only the emitted changes), or `CoverageCounter` while writing.

pages.empty_share
    Share of the pages read that gave no records: a template the parser no
    longer understands still answers 200. Fails above `max_empty_page_share`.
    Reads `pages_without_records` (pages, fetched or replayed from the state,
    from which the parser got no record) over `pages_fetched` +
    `pages_replayed` (0 when absent). Omitted without `pages_without_records`.

http.error_rate
    (HTTP responses >= 400 + download errors) / (responses + download
    errors + pages replayed). Fails above `max_http_error_rate`. Reads
    `http_errors`, `download_errors`, `responses` (all responses, any
    status; else `pages_fetched` + HTTP errors) and `pages_replayed`: a page
    an incremental run read from the state without asking counts as
    answered, or the one dead link of a portal would weigh ten times as much
    in a run that re-reads only its listings.

Why not spidermon: its monitors compare a run with fixed numbers, not with
the site's own history; it never changes the exit code; and its item-count
monitor fails a run with zero items even with a minimum of 0 (measured on
spidermon 1.27 / Scrapy 2.19). These checks are a few pure functions over
manifests, run where the run is published (pipelines/run.py).

Thresholds: `DEFAULT_THRESHOLDS`, overridden by the site profile's
`[quality]` table and the QUALITY_THRESHOLDS setting (`thresholds_for`).
"""
from __future__ import annotations

import json
from statistics import median
from typing import Iterable

RECORD_TYPES = ("article", "project", "policy", "park")
PLURALS = {"article": "articles", "project": "projects", "policy": "policies", "park": "parks"}
COVERAGE_FIELDS = ("published", "region", "body")
#: Manifest statuses whose runs make up a site's history.
HISTORY_STATUSES = ("finished", "degraded")

DEFAULT_THRESHOLDS: dict = {
    #: How many previous runs the medians are taken over.
    "history_runs": 5,
    #: records.<type> fails when the count fell by more than this fraction of the median.
    "records_drop": 0.5,
    #: coverage.<type>.<field> fails when the share fell more than this (absolute) below its median.
    "coverage_drop": 0.2,
    #: Absolute floors, {type: {field: share}}, e.g. {"policy": {"published": 0.9}}.
    "min_coverage": {},
    #: pages.empty_share fails above this share of pages read that gave no record.
    "max_empty_page_share": 0.5,
    #: http.error_rate fails above this share of requests answered >= 400 or not at all.
    "max_http_error_rate": 0.1,
}


class ThresholdError(ValueError):
    """A QUALITY_THRESHOLDS setting or `[quality]` table that cannot be used."""


# ---------------------------------------------------------------- coverage counts

def _filled(field: str, value) -> bool:
    if field == "body":
        return isinstance(value, str) and value.strip() != ""
    return value is not None


class CoverageCounter:
    """Counts filled fields record by record (for a pipeline that writes
    records one at a time); `counts()` is the manifest's `coverage`."""

    def __init__(self):
        self._counts: dict[str, dict[str, dict[str, int]]] = {}

    def add(self, record: dict) -> None:
        by_field = self._counts.setdefault(record.get("type") or "unknown",
                                           {f: {"filled": 0, "total": 0} for f in COVERAGE_FIELDS})
        for field in COVERAGE_FIELDS:
            by_field[field]["total"] += 1
            by_field[field]["filled"] += _filled(field, record.get(field))

    def counts(self) -> dict:
        return {t: {f: dict(c) for f, c in fields.items()} for t, fields in self._counts.items()}


def coverage_counts(records: Iterable[dict]) -> dict:
    """{type: {field: {"filled": n, "total": m}}} over `records`, for the
    fields `published`, `region` (not null) and `body` (non-empty; a record
    read only from a list has none, so for projects, policies and parks this
    is the share read from their own page)."""
    counter = CoverageCounter()
    for record in records:
        counter.add(record)
    return counter.counts()


# ---------------------------------------------------------------- thresholds

def merge_thresholds(*layers: dict | None) -> dict:
    """DEFAULT_THRESHOLDS overridden by each layer in turn (later wins;
    `min_coverage` merged per type and field). Unknown names are errors:
    a misspelt threshold must not silently leave the default in force."""
    merged = dict(DEFAULT_THRESHOLDS)
    merged["min_coverage"] = {}
    for layer in layers:
        if not layer:
            continue
        if not isinstance(layer, dict):
            raise ThresholdError(f"quality thresholds must be a table, got {layer!r}")
        for name, value in layer.items():
            if name not in DEFAULT_THRESHOLDS:
                raise ThresholdError(f"unknown quality threshold {name!r} (known: {', '.join(DEFAULT_THRESHOLDS)})")
            if name == "min_coverage":
                merged["min_coverage"] = _merge_min_coverage(merged["min_coverage"], value)
            elif name == "history_runs":
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ThresholdError(f"history_runs must be a whole number >= 1, got {value!r}")
                merged[name] = value
            else:
                merged[name] = _fraction(name, value)
    return merged


def _fraction(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ThresholdError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _merge_min_coverage(base: dict, layer) -> dict:
    if not isinstance(layer, dict):
        raise ThresholdError(f"min_coverage must be a table {{type: {{field: share}}}}, got {layer!r}")
    out = {t: dict(fields) for t, fields in base.items()}
    for record_type, fields in layer.items():
        if record_type not in RECORD_TYPES or not isinstance(fields, dict):
            raise ThresholdError(f"min_coverage.{record_type}: want one of {', '.join(RECORD_TYPES)} "
                                 "with a table of fields")
        for field, share in fields.items():
            if field not in COVERAGE_FIELDS:
                raise ThresholdError(f"min_coverage.{record_type}.{field}: want one of {', '.join(COVERAGE_FIELDS)}")
            out.setdefault(record_type, {})[field] = _fraction(f"min_coverage.{record_type}.{field}", share)
    return out


#: Scrapy's "cmdline" settings priority (scrapy.settings.SETTINGS_PRIORITIES).
_CMDLINE_PRIORITY = 40


def thresholds_for(settings, profile: dict | None) -> dict:
    """The thresholds of one crawl: defaults, then the QUALITY_THRESHOLDS
    setting from settings.py, then the site profile's `[quality]` table, then
    QUALITY_THRESHOLDS given on the command line (`-s`, which wins over the
    profile). `settings` is Scrapy's Settings (a JSON string is parsed);
    `profile` the profile's raw TOML table."""
    setting = settings.get("QUALITY_THRESHOLDS") or None
    if isinstance(setting, str):
        try:
            setting = json.loads(setting)
        except ValueError as exc:
            raise ThresholdError(f"QUALITY_THRESHOLDS is not JSON: {exc}") from exc
    elif setting is not None and not isinstance(setting, dict):
        setting = dict(setting)  # a BaseSettings
    site = (profile or {}).get("quality")
    if (settings.getpriority("QUALITY_THRESHOLDS") or 0) >= _CMDLINE_PRIORITY:
        return merge_thresholds(site, setting)
    return merge_thresholds(setting, site)


# ---------------------------------------------------------------- the checks

def _check(name: str, value, threshold, op: str, detail: str) -> dict:
    passed = value >= threshold if op == ">=" else value <= threshold
    return {"name": name, "value": value, "threshold": threshold, "op": op, "passed": bool(passed), "detail": detail}


def records_seen(manifest: dict) -> dict[str, int]:
    """Records per type the run saw (not only those it emitted)."""
    seen = manifest.get("records_seen")
    return dict(seen) if isinstance(seen, dict) else dict(manifest.get("records") or {})


def _share(filled: int, total: int) -> float:
    return round(filled / total, 4) if total else 0.0


def _coverage_share(manifest: dict, record_type: str, field: str) -> float | None:
    counts = ((manifest.get("coverage") or {}).get(record_type) or {}).get(field)
    if not counts or not counts.get("total"):
        return None
    return _share(counts.get("filled", 0), counts["total"])


def usable_history(history: list[dict], runs: int) -> list[dict]:
    """The newest `runs` manifests of `history` that were published."""
    return [m for m in history if m and m.get("status") in HISTORY_STATUSES][:runs]


def evaluate(manifest: dict, history: list[dict], thresholds: dict | None = None) -> list[dict]:
    """The quality checks of one run (see the module docstring).

    `history`: earlier manifests of the same site, newest first; only
    `finished` and `degraded` ones count. `thresholds`: overrides of
    DEFAULT_THRESHOLDS (a partial dict is fine)."""
    limits = merge_thresholds(thresholds)
    past = usable_history(history, limits["history_runs"])
    return [*_record_checks(manifest, past, limits), *_coverage_checks(manifest, past, limits),
            *_page_checks(manifest, limits), *_http_checks(manifest, limits)]


def _record_checks(manifest: dict, past: list[dict], limits: dict) -> list[dict]:
    now = records_seen(manifest)
    checks = []
    for record_type in RECORD_TYPES:
        count = now.get(record_type, 0)
        name = f"records.{record_type}"
        plural = PLURALS[record_type]
        if not past:
            checks.append(_check(name, count, 0, ">=", f"{count} {plural}; no earlier run to compare with"))
            continue
        typical = median(records_seen(m).get(record_type, 0) for m in past)
        floor = round(typical * (1 - limits["records_drop"]), 3)
        checks.append(_check(name, count, floor, ">=",
                             f"{count} {plural}; median of the last {len(past)} runs {typical:g}"))
    return checks


def _coverage_checks(manifest: dict, past: list[dict], limits: dict) -> list[dict]:
    checks = []
    for record_type in RECORD_TYPES:
        for field in COVERAGE_FIELDS:
            share = _coverage_share(manifest, record_type, field)
            if share is None:
                continue
            floor = limits["min_coverage"].get(record_type, {}).get(field, 0.0)
            detail = f"{share:.0%} of {PLURALS[record_type]} have {field}"
            shares = [s for s in (_coverage_share(m, record_type, field) for m in past) if s is not None]
            if shares:
                typical = median(shares)
                floor = max(floor, round(typical - limits["coverage_drop"], 4))
                detail += f"; median of the last {len(shares)} runs {typical:.0%}"
            checks.append(_check(f"coverage.{record_type}.{field}", share, floor, ">=", detail))
    return checks


def _page_checks(manifest: dict, limits: dict) -> list[dict]:
    empty = manifest.get("pages_without_records")
    if empty is None:
        return []
    read = (manifest.get("pages_fetched") or 0) + (manifest.get("pages_replayed") or 0)
    share = _share(empty, read)
    return [_check("pages.empty_share", share, limits["max_empty_page_share"], "<=",
                   f"{empty} of {read} pages read gave no record")]


def _http_checks(manifest: dict, limits: dict) -> list[dict]:
    http_errors = sum((manifest.get("http_errors") or {}).values())
    download_errors = sum((manifest.get("download_errors") or {}).values())
    responses = manifest.get("responses")
    if responses is None:
        responses = (manifest.get("pages_fetched") or 0) + http_errors
    attempts = responses + download_errors + (manifest.get("pages_replayed") or 0)
    rate = _share(http_errors + download_errors, attempts)
    return [_check("http.error_rate", rate, limits["max_http_error_rate"], "<=",
                   f"{http_errors} HTTP errors and {download_errors} download errors in {attempts} pages "
                   "(requested or replayed from the state)")]


def failed(checks: list[dict]) -> list[str]:
    """Names of the failed checks."""
    return [c["name"] for c in checks if not c["passed"]]
