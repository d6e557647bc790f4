from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from tackle.audit.chain import GENESIS_HASH, ChainFields, entry_hash, keyed_from_mac

KEY = b"k" * 32


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
    first = entry_hash(GENESIS_HASH, _fields(), key=KEY)
    assert first == entry_hash(GENESIS_HASH, _fields(), key=KEY)
    assert len(first) == 64 and int(first, 16) >= 0


def test_hash_depends_on_previous_hash():
    assert entry_hash(GENESIS_HASH, _fields(), key=KEY) != entry_hash("f" * 64, _fields(), key=KEY)


def test_changed_field_order_does_not_matter():
    assert entry_hash(GENESIS_HASH, _fields(changed_fields=["a", "b"]), key=KEY) == entry_hash(
        GENESIS_HASH, _fields(changed_fields=["b", "a"]), key=KEY
    )


@given(
    field=st.sampled_from(["actor_username", "action", "object_type", "object_id", "note", "path", "user_agent"]),
    value=st.text(min_size=1, max_size=30),
)
def test_any_change_to_a_field_changes_the_hash(field, value):
    original = _fields()
    if getattr(original, field) == value:
        return
    assert entry_hash(GENESIS_HASH, _fields(**{field: value}), key=KEY) != entry_hash(GENESIS_HASH, original, key=KEY)


def test_the_key_changes_the_hash_and_no_key_is_plain_sha256():
    keyed = entry_hash(GENESIS_HASH, _fields(), key=KEY)
    assert keyed != entry_hash(GENESIS_HASH, _fields(), key=b"another-key-of-thirty-two-bytes!")
    assert keyed != entry_hash(GENESIS_HASH, _fields(), key=None)


def test_where_keying_begins_is_sealed_with_the_key():
    assert keyed_from_mac(KEY, 7) != keyed_from_mac(KEY, 8)
    assert keyed_from_mac(KEY, 7) != keyed_from_mac(b"x" * 32, 7)
