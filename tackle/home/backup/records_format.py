"""Django's JSON fixtures, with times to the microsecond. Django's encoder cuts them to the
millisecond, and the audit chain's hashes cover each entry's time to the microsecond: a backup in
the plain format would restore a log that no longer verifies. Registered as "backup-json"."""

import datetime
from typing import Any

from django.core.serializers.json import Deserializer as JsonDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JsonSerializer

Deserializer = JsonDeserializer


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JsonSerializer):
    def _init_options(self) -> None:
        super()._init_options()  # type: ignore[misc]  # Django's own hook, unknown to its stubs
        self.json_kwargs["cls"] = FullPrecisionEncoder
