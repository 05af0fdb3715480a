"""Structured front matter of one page: `product:`, `event:` and `faq:`, read and checked.

Pure: the caller passes the page's meta, its source (for line numbers), the site timezone
and the build's "now"; out come typed values and `Diagnostic`s. Expired offers and past
events are dropped here, with an info message, so nothing stale is emitted as current.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..core.diagnostics import Diagnostic, describe
from .event_data import read_event
from .page_model import (
    AVAILABILITY,
    EVENT_KEYS,
    FAQ_KEYS,
    LOCATION_KEYS,
    OFFER_KEYS,
    PRODUCT_KEYS,
    Event,
    Offer,
    PageData,
    Product,
    Question,
)
from .page_reader import PageReader, items
from .product_data import read_product

__all__ = ["AVAILABILITY", "EVENT_KEYS", "FAQ_KEYS", "LOCATION_KEYS", "OFFER_KEYS", "PRODUCT_KEYS", "Event", "Offer",
           "PageData", "Product", "Question", "read_page_data"]


def read_page_data(meta: Mapping, *, path: str, source: str | None, tz: dt.tzinfo,
                   now: dt.datetime) -> tuple[PageData, list[Diagnostic]]:
    reader = PageReader(path, source)
    data = PageData()
    if meta.get("product") is not None:
        today = now.astimezone(tz).date()
        data.products = [product for key, item in items(reader, meta["product"], "product")
                         if (product := read_product(reader, item, key, tz, today)) is not None]
    if meta.get("event") is not None:
        data.events = [event for key, item in items(reader, meta["event"], "event")
                       if (event := read_event(reader, item, key, tz, now)) is not None]
    if meta.get("faq") is not None:
        data.faq = _read_faq(reader, meta["faq"])
    return data, reader.problems


def _read_faq(reader: PageReader, faq: object) -> list[Question]:
    """`faq`: the questions with their answers."""
    questions: list[Question] = []
    if not isinstance(faq, list):
        reader.report("faq", f"{describe(faq)} is not a list",
                      "write a list of {question: …, answer: …} pairs")
        faq = []
    for index, item in enumerate(faq):
        key = f"faq[{index}]"
        if not isinstance(item, Mapping):
            reader.report(key, f"{describe(item)} is not a question", "write - question: … and answer: … under faq:")
            continue
        reader.known(item, FAQ_KEYS, key)
        question = reader.text(item, "question", key, required="write the question as visitors ask it")
        answer = reader.text(item, "answer", key, required="write the answer shown under the question")
        if question and answer:
            questions.append(Question(question, answer))
    return questions
