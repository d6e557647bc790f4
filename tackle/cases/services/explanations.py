"""The organisation's approved explanation texts (issue 21, item 4): a language added, a text
edited (each edit a new version, old ones kept), a version approved, and the texts Tackle ships
put in place the first time an organisation needs them. Every change is audited."""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.models import Organisation
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import ExplanationLanguage, ExplanationVersion
from tackle.cases.rules.explanations import SHIPPED, SHIPPED_TITLES, ExplanationKind
from tackle.cases.rules.pick_lists import LANGUAGES
from tackle.cases.selectors import offered_versions
from tackle.core.errors import ApplicationError


@transaction.atomic
def explanations_shipped_ensure(*, organisation: Organisation) -> None:
    """English and Welsh with Tackle's own texts, approved, for an organisation that has not got
    them yet. A language the organisation already keeps is left as it is."""
    if organisation.explanation_languages.filter(language__in=SHIPPED).count() == len(SHIPPED):
        return
    now = timezone.now()
    for language, texts in SHIPPED.items():
        kept, created = ExplanationLanguage.objects.get_or_create(organisation=organisation, language=language)
        if created:
            ExplanationVersion.objects.bulk_create(
                ExplanationVersion(
                    language=kept, kind=kind, number=1, title=SHIPPED_TITLES[language][kind], body=body, approved_at=now
                )
                for kind, body in texts.items()
            )


@transaction.atomic
def explanation_language_add(
    *, organisation: Organisation, language: str, actor: Any, request: HttpRequest | None = None
) -> ExplanationLanguage:
    if language not in LANGUAGES:
        raise ApplicationError(gettext("Select a language from the list"), field="language")
    if organisation.explanation_languages.filter(language=language).exists():
        raise ApplicationError(
            gettext("%(language)s is already kept: edit its texts instead") % {"language": language}, field="language"
        )
    kept = ExplanationLanguage.objects.create(organisation=organisation, language=language, added_by=actor)
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=kept, changed_fields=["language"])
    return kept


@transaction.atomic
def explanation_edit(
    *,
    language: ExplanationLanguage,
    kind: str,
    title: str,
    body: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> ExplanationVersion:
    """A new version, waiting for approval; the one offered stays until it is approved."""
    if kind not in ExplanationKind:
        raise ApplicationError(gettext("Choose which explanation this is"), field="kind")
    title, body = title.strip(), body.strip()
    if not title:
        raise ApplicationError(gettext("Enter the heading"), field="title")
    if not body:
        raise ApplicationError(gettext("Enter the text of the explanation"), field="body")
    # Locking the language row numbers concurrent edits one after the other.
    ExplanationLanguage.objects.select_for_update().get(pk=language.pk)
    versions = language.versions.filter(kind=kind)
    latest = versions.order_by("-number").first()
    if latest is not None and (latest.title, latest.body) == (title, body):
        raise ApplicationError(
            gettext("The text is the same as version %(number)s: change it first") % {"number": latest.number},
            field="body",
        )
    number = (versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = ExplanationVersion.objects.create(
        language=language, kind=kind, number=number, title=title, body=body, written_by=actor
    )
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=version, changed_fields=["title", "body"])
    return version


@transaction.atomic
def explanation_approve(
    *, version: ExplanationVersion, actor: Any, request: HttpRequest | None = None
) -> ExplanationVersion:
    """The version becomes the one offered in its language (the approved one approved last). An
    older version approved again goes back to being offered."""
    version = ExplanationVersion.objects.select_for_update().get(pk=version.pk)
    if version in offered_versions(version.language):
        raise ApplicationError(gettext("Version %(number)s is already the one offered") % {"number": version.number})
    version.approved_by, version.approved_at = actor, timezone.now()
    version.save(update_fields=["approved_by", "approved_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=version,
        changed_fields=["approved_by", "approved_at"],
    )
    return version
