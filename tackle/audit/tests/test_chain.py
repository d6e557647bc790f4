from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from tackle.audit.chain import GENESIS_HASH, ChainFields, entry_hash


def _fields(**overrides) -> ChainFields:
    values = dict(
        sequence=1,
        occurred_at=datetime(2026, 11, 25, 9, 40, tzinfo=UTC),
        actor_id=7,
        actor_username="lead",
        organisation_id=3,
        action="view",
        object_type="cases.case",
        object_id="abc",
        changed_fields=["name"],
        note="",
        ip_address="127.0.0.1",
        user_agent="test",
        path="/cases/abc",
    )
    values.update(overrides)
    return ChainFields(**values)


def test_hash_is_sha256_hex_and_deterministic():
    first = entry_hash(GENESIS_HASH, _fields())
    assert first == entry_hash(GENESIS_HASH, _fields())
    assert len(first) == 64 and int(first, 16) >= 0


def test_hash_depends_on_previous_hash():
    assert entry_hash(GENESIS_HASH, _fields()) != entry_hash("f" * 64, _fields())


def test_changed_field_order_does_not_matter():
    assert entry_hash(GENESIS_HASH, _fields(changed_fields=["a", "b"])) == entry_hash(
        GENESIS_HASH, _fields(changed_fields=["b", "a"])
    )


@given(
    field=st.sampled_from(["actor_username", "action", "object_type", "object_id", "note", "path", "user_agent"]),
    value=st.text(min_size=1, max_size=30),
)
def test_any_change_to_a_field_changes_the_hash(field, value):
    original = _fields()
    if getattr(original, field) == value:
        return
    assert entry_hash(GENESIS_HASH, _fields(**{field: value})) != entry_hash(GENESIS_HASH, original)
