"""The hash chain: pure functions over plain values, no database."""

import hashlib
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


def entry_hash(previous_hash: str, fields: ChainFields) -> str:
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
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256((previous_hash + canonical).encode()).hexdigest()
