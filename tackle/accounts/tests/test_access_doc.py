from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tackle.core.access import policy_markdown

DOC = Path(settings.BASE_DIR) / "docs" / "access.md"


def test_docs_access_md_is_the_policy_table_as_printed_now():
    assert DOC.read_text(encoding="utf-8") == policy_markdown(), "Run `tackle access doc --output docs/access.md`"


def test_access_doc_prints_the_markdown_or_writes_it_to_a_file(tmp_path):
    out = StringIO()
    call_command("access", "doc", stdout=out)
    assert out.getvalue() == policy_markdown()
    call_command("access", "doc", "--output", str(tmp_path / "access.md"))
    assert (tmp_path / "access.md").read_text(encoding="utf-8") == policy_markdown()


def test_an_output_file_that_cannot_be_written_is_named_in_one_line_with_exit_2(tmp_path):
    with pytest.raises(CommandError, match=r"no-such-folder/access\.md: No such file or directory") as refused:
        call_command("access", "doc", "--output", str(tmp_path / "no-such-folder" / "access.md"))
    assert refused.value.returncode == 2
