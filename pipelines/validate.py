"""Every record against its JSON Schema (scraper/schemas/<type>.schema.json,
the machine-readable RECORDS.md), before it can be merged into anything.

An invalid record is never silently dropped: it goes to the run's
rejects.jsonl as `{"reasons": [...], "record": {...}}`, is counted per type
(stats `records/rejected/<type>`, manifest `rejects`), and is logged.

Two validators, built once per process: fastjsonschema compiles each schema
to Python and checks a record in ~7 µs; jsonschema (the reference, ~120 µs)
runs only on records the fast one refuses, to give the reasons and the final
word. A crawl checks ~15 records per page, so this is the difference between
validation costing 2 ms of every page and costing nothing measurable.
tests/test_pipelines.py holds the two to the same verdicts.
"""
from __future__ import annotations

import fastjsonschema
from scrapy.exceptions import DropItem

from pipelines.run import RunOutput
from scraper.schemas import RECORD_TYPES, load_schema, validation_errors

_FAST = {record_type: fastjsonschema.compile(load_schema(record_type)) for record_type in RECORD_TYPES}


def fast_is_valid(record: dict) -> bool:
    record_type = record.get("type")
    check = _FAST.get(record_type) if isinstance(record_type, str) else None
    if check is None:
        return False
    try:
        check(record)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


class ValidatePipeline:
    def __init__(self, crawler):
        self.run = RunOutput.for_crawler(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.run.open()

    def process_item(self, item):
        if fast_is_valid(item):
            return item
        reasons = validation_errors(item)
        if not reasons:  # the reference validator has the last word
            self.stats.inc_value("records/validators_disagree")
            return item
        self.run.reject(item, reasons)
        raise DropItem(f"invalid {item.get('type')} record {item.get('url')}: {'; '.join(reasons)}",
                       log_level="WARNING")
