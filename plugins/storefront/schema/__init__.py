"""storefront/schema: schema.org JSON-LD from one business profile, and the same data on the page."""
