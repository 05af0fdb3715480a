"""storefront/calendar: publishing state from front matter and the editorial calendar."""
