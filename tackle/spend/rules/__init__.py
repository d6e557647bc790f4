"""Pure rules of spend screening, over plain text: no database, no files."""
