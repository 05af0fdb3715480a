"""Pure building blocks shared by every storefront plugin.

Nothing in this package imports mkdocs: it turns plain data into escaped text, dates,
typed front matter and diagnostics, so it can be tested without building a site.
"""
