"""Supply chain pages. Module and role checks give 403; records of another organisation give 404.
Views are glue: forms check input, services save and audit, selectors decide what is visible."""
