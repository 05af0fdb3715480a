"""Hand-made findings and page reports for the report and baseline unit tests."""

from __future__ import annotations

from storefront.lint.findings import Finding, PageReport

HOSTILE = "Tom's \"Best\" <Bakery> & Café </script><script>alert(1)</script>"


def sample_reports() -> list[PageReport]:
    hostile = PageReport(
        path="content/blog/posts/hostile.md", url="blog/hostile/", title=HOSTILE,
        seo_score=85, readability_score=30, words=420, keyword=HOSTILE,
        findings=[
            Finding("content/blog/posts/hostile.md", 3, "title-too-long", "warning", HOSTILE),
            Finding("content/blog/posts/hostile.md", 1, "keyword-missing", "info",
                    "Set a focus keyword: add `keyword:` to the front matter."),
        ],
    )
    plain = PageReport(
        path="content/about.md", url="about/", title="About us",
        seo_score=55, readability_score=72, words=180,
        findings=[
            Finding("content/about.md", 7, "h1-missing", "error",
                    "Add a level-1 heading (# Title) at the top of the page."),
            Finding("content/about.md", 12, "paragraph-length", "warning",
                    "Split this paragraph: it has 180 words, keep it under 150."),
        ],
    )
    clean = PageReport(path="content/index.md", url="", title="Home", seo_score=92,
                       readability_score=88, words=350, keyword="sourdough")
    return [hostile, plain, clean]
