"""storefront/optimize: minified HTML, image sizes, lazy loading and responsive WebP variants."""
