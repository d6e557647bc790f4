from django.contrib.auth import get_user_model
from django.tasks import task
from django.urls import reverse

from tackle.audit import task_wording as wording
from tackle.audit.verify import audit_chain_verify, audit_verification_record
from tackle.core.tasks import STARTING, progress_reporter, task_run_finish, task_run_progress


@task()
def verify_audit_chain(run_uuid: str, started_by_id: int | None = None) -> bool:
    task_run_progress(run_uuid, done=0, total=0, message=STARTING)
    try:
        result = audit_chain_verify(on_progress=progress_reporter(run_uuid))
    except Exception as error:  # the page must say it failed rather than spin for ever
        task_run_finish(run_uuid, succeeded=False, message=wording.STOPPED % {"error": error.__class__.__name__})
        raise
    ran_by = get_user_model().objects.filter(pk=started_by_id).first() if started_by_id else None
    audit_verification_record(result=result, ran_by=ran_by)
    if result.ok:
        message = wording.INTACT % {"count": f"{result.checked:,}"}
    else:
        message = wording.ALTERED % {"problem": result.problem}
    # The check's page keeps the result (and prints the certificate), so "Continue" leads back there.
    task_run_finish(run_uuid, succeeded=result.ok, message=message, result_url=reverse("audit:verify"))
    return result.ok
