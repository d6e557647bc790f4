import pytest


@pytest.fixture(autouse=True)
def checkpoint_file_of_this_test(settings, tmp_path):
    """Checkpoints a test writes must not outlive its database."""
    settings.TACKLE_AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.log"
    return settings.TACKLE_AUDIT_CHECKPOINT_FILE
