"""The hash chain: pure functions over plain values, no database.

Each entry's hash is an HMAC-SHA-256, keyed with TACKLE_AUDIT_KEY (kept outside the database), of
the previous entry's hash and the entry's own fields: someone who can write to the database cannot
recompute the chain after changing it without the key. Entries written before the log was keyed
(below the head's `keyed_from`) keep their plain SHA-256, which the first keyed entry seals."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class ChainFields:
    sequence: int
    occurred_at: datetime
    actor_id: int | None
    actor_username: str
    organisation_id: int | None
    action: str
    object_type: str
    object_id: str
    changed_fields: list[str]
    note: str
    ip_address: str | None
    user_agent: str
    path: str
    actor_organisation_id: int | None = None


def entry_hash(previous_hash: str, fields: ChainFields, *, key: bytes | None) -> str:
    """`key` None: the plain SHA-256 of an entry written before the log was keyed."""
    payload = {
        "sequence": fields.sequence,
        "occurred_at": fields.occurred_at.isoformat(timespec="microseconds"),
        "actor_id": fields.actor_id,
        "actor_username": fields.actor_username,
        "organisation_id": fields.organisation_id,
        "action": fields.action,
        "object_type": fields.object_type,
        "object_id": fields.object_id,
        "changed_fields": sorted(fields.changed_fields),
        "note": fields.note,
        "ip_address": fields.ip_address,
        "user_agent": fields.user_agent,
        "path": fields.path,
    }
    if fields.actor_organisation_id is not None:  # absent from older entries, whose hashes stay as they were
        payload["actor_organisation_id"] = fields.actor_organisation_id
    message = (previous_hash + _canonical(payload)).encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def keyed_from_mac(key: bytes, keyed_from: int) -> str:
    """Seals where plain hashes end, so that no one without the key can move the boundary to pass
    off a recomputed chain as entries from before the log was keyed."""
    return hmac.new(key, f"audit-keyed-from:{keyed_from}".encode(), hashlib.sha256).hexdigest()


def checkpoint_mac(key: bytes, payload: dict[str, object]) -> str:
    return hmac.new(key, ("audit-checkpoint:" + _canonical(payload)).encode(), hashlib.sha256).hexdigest()


def _canonical(payload: dict[str, object]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
