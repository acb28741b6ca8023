"""Pages in traditional characters (Big5 gateways, re-hosted 中招網 items)
read with the same vocabulary as simplified ones.

Labels (發布時間), region names (江蘇省蘇州市), type words (項目) and pager
words (下一頁) are all known in simplified form only. Such a page is analysed
as its character-for-character simplified copy; the text of its records is
then put back as the page shows it, using the characters this page used.
Region names stay the table's (simplified); region `raw` is put back.

Public: simplify, restore_record, Shown.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["Shown", "restore_record", "simplify"]

#: Common characters that differ between the scripts, in both forms: a page
#: is traditional when it uses more of the first than of the second (one 繁體
#: link on a simplified page does not make it so).
_TRADITIONAL = re.compile("[們個來時為發與國會這說對區縣項資產業開經際務頁園號關於進質]")
_SIMPLIFIED = re.compile("[们个来时为发与国会这说对区县项资产业开经际务页园号关于进质]")
_MIN_TRADITIONAL = 10
_TEXT_RUN = re.compile(r"(?:^|>)[^<]+")

#: Record keys whose strings are shown text (the rest are URLs, codes, dates
#: and names from the region table).
_TEXT_KEYS = ("title", "body", "tags", "source", "author", "list", "issuer", "document_name", "document_number")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    text = resources.files("scraper.extract").joinpath("data/t2s.txt").read_text(encoding="utf-8")
    return {ord(line[0]): line[1] for line in text.splitlines() if len(line) == 2 and not line.startswith("#")}


class Shown:
    """Puts a string read from the simplified copy back as the page shows it:
    the same span of the page where the string occurs as it is (the two
    texts are aligned character for character), else character by
    character with the characters this page used (週 and 周 both become 周:
    such a character stays simplified)."""

    def __init__(self, original: str, simplified: str, back: dict[int, str]):
        self.original, self.simplified, self.back = original, simplified, back

    def __call__(self, text: str) -> str:
        pos = self.simplified.find(text) if text else -1
        if pos >= 0:
            return self.original[pos:pos + len(text)]
        return text.translate(self.back)


def simplify(text: str) -> tuple[str, Shown | None]:
    """(text to analyse, what puts record text back) — the text unchanged
    and None for a page in simplified characters."""
    traditional = len(_TRADITIONAL.findall(text))
    if traditional < _MIN_TRADITIONAL or traditional <= len(_SIMPLIFIED.findall(text)):
        return text, None
    table = _table()
    shown = set(text)
    back: dict[int, str] = {}
    clashes: set[int] = set()
    for char in shown:
        simple = table.get(ord(char))
        if simple is None:
            continue
        key = ord(simple)
        if simple in shown or (key in back and back[key] != char):
            clashes.add(key)  # 发 shown as itself too, or two characters (髮, 發) that became one
        else:
            back[key] = char
    for key in clashes:
        back.pop(key, None)
    # text between tags only: attribute values (href, src) stay as written,
    # so URLs keep their characters
    simplified = _TEXT_RUN.sub(lambda m: m.group(0).translate(table), text)
    return simplified, Shown(text, simplified, back)


def restore_record(record: dict, shown: Shown) -> dict:
    """The record with its shown text in the page's own characters."""
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            record[key] = "\n".join(shown(line) for line in value.split("\n"))  # a body: line by line
        elif isinstance(value, list):
            record[key] = [shown(v) if isinstance(v, str) else v for v in value]
    if record.get("sections"):
        record["sections"] = [
            {"heading": shown(s["heading"]) if s["heading"] else s["heading"],
             "paragraphs": [shown(p) for p in s["paragraphs"]]}
            for s in record["sections"]
        ]
    if record.get("fields"):
        record["fields"] = {shown(k): shown(v) if isinstance(v, str) else v for k, v in record["fields"].items()}
    region = record.get("region")
    if region and region.get("raw"):
        record["region"] = {**region, "raw": shown(region["raw"])}
    return record
