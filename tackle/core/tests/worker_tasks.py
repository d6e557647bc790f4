"""A task the worker tests enqueue: it reports progress, then works for a while."""

import time

from django.tasks import task

from tackle.core.tasks import task_run_progress


@task()
def report_then_work(run_uuid: str, seconds: float) -> str:
    task_run_progress(run_uuid, done=21, total=100, message="21 of 100 checked")
    time.sleep(seconds)
    return "done"
