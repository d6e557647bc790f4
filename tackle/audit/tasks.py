from django.tasks import task
from django.urls import reverse

from tackle.audit.verify import audit_chain_verify
from tackle.core.tasks import progress_reporter, task_run_finish, task_run_progress


@task()
def verify_audit_chain(run_uuid: str) -> bool:
    task_run_progress(run_uuid, done=0, total=0, message="Starting")
    try:
        result = audit_chain_verify(on_progress=progress_reporter(run_uuid))
    except Exception as error:  # the page must say it failed rather than spin for ever
        task_run_finish(run_uuid, succeeded=False, message=f"The check could not finish: {error.__class__.__name__}")
        raise
    if result.ok:
        message = f"The audit log is intact: {result.checked:,} entries checked."
    else:
        message = f"The audit log has been altered: {result.problem}."
    task_run_finish(run_uuid, succeeded=result.ok, message=message, result_url=reverse("audit:event-list"))
    return result.ok
