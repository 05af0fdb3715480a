"""`storefront check SITE_DIR`: a deploy gate for a built site, whatever engine built it."""
