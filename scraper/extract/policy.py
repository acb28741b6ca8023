"""What a policy title says about its document.

Formal titles read issuer + 关于 + subject + 文种; a notice that forwards a
document wraps its name in 《》. Titles are kept as written, never normalised.
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
