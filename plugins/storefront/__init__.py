"""mkdocs-storefront: MkDocs plugins and a storefront template for small businesses."""

__version__ = "0.1.0"
