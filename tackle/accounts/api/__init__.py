"""/api/v1/ endpoints of accounts: who a token belongs to, and the administrator's webhooks."""
