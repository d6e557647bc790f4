"""Spend files in a shared bucket (issue 15, item 7): the worker that screens them has no copy on
its own disk, so it reads them from the bucket through a temporary copy that goes afterwards."""

from decimal import Decimal
from pathlib import Path

from django.urls import reverse

from tackle.core.roles import Role
from tackle.spend.models import ImportStatus, SpendImport
from tackle.spend.tests.test_views import SPEND, run_screening, upload


def test_files_uploaded_to_the_bucket_are_screened_by_the_worker(
    object_storage, settings, make_user, council_a, client_for, tmp_path: Path
):
    procurement_a = make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-a")
    settings.MEDIA_ROOT = tmp_path / "nothing-here"
    client = client_for(procurement_a)
    upload(client, ("june.csv", SPEND))
    spend_import = SpendImport.objects.get()
    stored = spend_import.files.get().file.name
    assert object_storage.object_keys() == [stored]

    run_screening(spend_import)
    assert spend_import.status == ImportStatus.DONE
    assert (spend_import.rows_accepted, spend_import.total_amount) == (2, Decimal("1500"))
    assert not (tmp_path / "nothing-here").exists()  # nothing was written to this host's disk
    # The columns page reads the first lines of the stored file, from the bucket too.
    page = client.get(reverse("spend:file-columns", args=[spend_import.files.get().uuid])).content.decode()
    assert "Bright Care Homes Ltd" in page
