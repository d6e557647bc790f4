"""Where the trained labeller lives, and where computed sentence embeddings are cached."""

import os
import tempfile
from pathlib import Path

# Small enough to keep in the repository (see docs/statement-reader.md); `tackle statements train` rewrites it.
TRAINED_FOLDER = Path(__file__).resolve().parent / "trained"


def cache_folder() -> Path:
    """Embeddings of the gold sentences, so retraining and the benchmark skip the encoder. Never in the repo."""
    configured = os.environ.get("TACKLE_STATEMENT_CACHE")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "tackle-statement-reader"
