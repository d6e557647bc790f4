"""Disruption pages. Module and role checks give 403; records outside the user's scope give 404.
Views are glue: forms check input, services save and audit, selectors decide what is visible."""
