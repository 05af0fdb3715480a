"""storefront/seo: title, description, canonical, robots, Open Graph, Twitter cards, social
images, sitemap and robots.txt.

`plugin.py` is the MkDocs adapter; the other modules are pure (no mkdocs import).
"""

VERSION = "2"  # bump when the generated cards change look, so cached cards are redrawn
