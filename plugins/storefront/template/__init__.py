"""The storefront template and `storefront new`."""
