"""What a policy title and text say about its document.

Formal titles read issuer + 关于 + subject + 文种; a notice that forwards a
document wraps its name in 《》. Titles are kept as written, never normalised.
A document shown as plain text opens with its 文号 on a line of its own and
ends with the 落款: the issuing body, then the signing date.
"""
from __future__ import annotations

import re

_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fa5]{1,12}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*[号號]"
)


def issuer_from_title(title: str) -> str | None:
    """Text before 关于 (`徐汇区人民政府办公室关于…` -> 徐汇区人民政府办公室)."""
    pos = title.find("关于")
    if pos <= 0:
        return None
    issuer = title[:pos].strip(" ：:，,、")
    if not issuer or len(issuer) > 40 or "《" in issuer:
        return None
    return issuer


def document_name(title: str) -> str | None:
    """The name inside the outermost 《》, nested 〈〉 kept."""
    start = title.find("《")
    end = title.rfind("》")
    if start < 0 or end <= start + 1:
        return None
    return title[start + 1:end].strip() or None


def document_number(text: str) -> str | None:
    """A 文号 such as 徐府发〔2024〕9号 or 粤府办[2023]5号, as written."""
    match = _DOC_NUMBER.search(text or "")
    return match.group(0).strip() if match else None


_SIGNING_DATE = re.compile(r"^(?:(?:19|20)\d{2}|[二〇一二三四五六七八九零○]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")
_ISSUING_BODY = re.compile(
    r"^[\u4e00-\u9fa5（）()、 ]{2,40}(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|中心|办)$"
)


def number_line(lines: list[str]) -> str | None:
    """The 文号 when one of the first lines is nothing else (武政发〔2025〕23号)."""
    for text in lines[:3]:
        number = document_number(text)
        if number and number == text.strip():
            return number
    return None


def signature_issuer(lines: list[str]) -> str | None:
    """The issuing body of the 落款: the line before the closing signing date."""
    tail = [text.strip() for text in lines[-4:]]
    for i in range(len(tail) - 1, 0, -1):
        if _SIGNING_DATE.match(tail[i]):
            return tail[i - 1] if _ISSUING_BODY.match(tail[i - 1]) else None
    return None
