"""The scrutiny module's /api/v1/ operations: self-assessments (assessments.py), the posts and the
spending kept for FOI answers (records.py) and the FOI draft (foi.py)."""
