"""The suite's Markdown side: the `///` blocks, as Python-Markdown extensions.

The plugins add these blocks to MkDocs themselves. A site built by an engine that skips
MkDocs plugins (Zensical, for one) gets the same blocks by naming the extensions in
`markdown_extensions`:

    markdown_extensions:
      - storefront.markdown.business: {profile: seo/business.yml}
      - storefront.markdown.cta: {file: seo/ctas.yml, site_url: https://example.com/}
      - storefront.markdown.newsletter: {provider: buttondown, username: example}

The business and CTA extensions import nothing of mkdocs; the newsletter one runs
storefront/newsletter's own option checks (MkDocs' config classes), so the form and its
checks are the plugin's.
"""
