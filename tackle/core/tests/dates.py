"""What a browser sends from the GOV.UK date input, for tests that post dates."""

from datetime import date, datetime

from tackle.core.date_input import DATE_PARTS, TIME_PARTS


def date_answer(name: str, value: date | datetime | str) -> dict[str, str]:
    """{"due_on-day": "2", "due_on-month": "1", "due_on-year": "2025"} for date(2025, 1, 2) or
    "2025-01-02"; a datetime (or "2025-01-02T09:30") adds the hour and minute boxes."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    answer = {f"{name}-day": str(value.day), f"{name}-month": str(value.month), f"{name}-year": str(value.year)}
    if isinstance(value, datetime):
        answer |= {f"{name}-hour": str(value.hour), f"{name}-minute": f"{value.minute:02d}"}
    assert len(answer) in (len(DATE_PARTS), len(DATE_PARTS + TIME_PARTS))
    return answer
