"""How long `tackle demo load --scale national` takes (400 organisations, 20,000 users), as a ratio to
the demo-scale load. Each runs on its own freshly migrated SQLite database; the time is the whole
command, Django start-up included, as a person running it would see it."""

from bench import Row
from bench.server import fresh_database, tackle

TITLE = "Demo data load: national scale against demo scale, SQLite"
# The national load must finish within ten minutes; past that the benchmark fails rather than waits.
NATIONAL_LIMIT_SECONDS = 600


def run() -> list[Row]:
    with fresh_database() as env:
        demo_seconds = tackle(env, "demo", "load")
    with fresh_database() as env:
        national_seconds = tackle(env, "demo", "load", "--scale", "national", timeout=NATIONAL_LIMIT_SECONDS)
    return [
        Row("tackle demo load", {"seconds": round(demo_seconds, 2), "ratio vs demo scale": 1.0}),
        Row(
            "tackle demo load --scale national",
            {"seconds": round(national_seconds, 2), "ratio vs demo scale": round(national_seconds / demo_seconds, 2)},
        ),
    ]
