"""storefront/lint: readability, SEO, keyword and conversion checks of every page at build time."""
