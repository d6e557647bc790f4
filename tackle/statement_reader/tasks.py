"""Reading a statement in the background: fetching, extracting and labelling run in the task
worker, never in a web request (issue 15, defect 2)."""

from django.tasks import task

from tackle.core.errors import ApplicationError
from tackle.core.tasks import task_run_finish, task_run_progress
from tackle.statement_reader import services, wording
from tackle.statement_reader.models import ReadingRequest


@task()
def read_statement(run_uuid: str, request_uuid: str) -> bool:
    request = ReadingRequest.objects.select_related("created_by", "supplier").get(uuid=request_uuid)
    task_run_progress(run_uuid, done=0, total=1, message=wording.READING)
    status_url = request.get_absolute_url()
    try:
        reading = services.reading_request_read(request=request)
    except ApplicationError as error:  # the file's fault: say why, as the form would have
        # Stored in English (a fetch's error carries both), shown through wording.in_language.
        message = getattr(error, "english", error.message)
        services.reading_request_fail(request=request, message=message)
        task_run_finish(run_uuid, succeeded=False, message=message, result_url=status_url)
        return False
    except Exception as error:  # the page must say it failed rather than wait for ever
        message = wording.FAULT % {"error": error.__class__.__name__}
        services.reading_request_fail(request=request, message=message)
        task_run_finish(run_uuid, succeeded=False, message=message, result_url=status_url)
        raise
    task_run_finish(
        run_uuid,
        succeeded=True,
        message=wording.READ % {"score": reading.score},
        result_url=reading.get_absolute_url(),
    )
    return True
