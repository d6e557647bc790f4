"""Backups a council can restore (issue 15, build item 6): `tackle backup create FILE` and
`tackle backup restore FILE`. See docs/security.md, "Backups"."""
