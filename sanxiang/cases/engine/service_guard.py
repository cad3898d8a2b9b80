"""The guard of the acts only a service performs (``matters.procedures.served``): the notification of the
intended penalty and the service of the decision happen when the document is served (行政处罚法 第44条,
第61条; 民事诉讼法 第87条: the 送达回证 proves the service and its date), never from the generic act form
nor by a bare engine call. ``cases.service`` passes the id of the service record it has just written in the
act's data; the guard accepts it only when it is a served attempt of this case, of the right document, dated
the act's day and not yet used. Reads only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sanxiang.cases.models import ServiceOutcome, ServiceRecord
from sanxiang.documents import kinds
from sanxiang.matters.procedures.served import GUARD, served_act

if TYPE_CHECKING:
    from sanxiang.cases.engine.guards import GuardContext

# The key of the act's data that names the service record performing it.
SERVICE_RECORD = "service_record"


def served_through_service(ctx: GuardContext) -> str | None:
    """行政处罚法 第61条 (民事诉讼法 第87条): the act is the completed service of its document."""
    served = served_act(ctx.procedure.key, ctx.act)
    if served is None:
        return None
    record_id = ctx.data.get(SERVICE_RECORD)
    if isinstance(record_id, int) and (
        ServiceRecord.objects.filter(
            pk=record_id,
            case_id=ctx.case.pk,
            document__kind=served.document,
            outcome=ServiceOutcome.SERVED,
            served_on=ctx.on,
            act_performed=False,
        ).exists()
    ):
        return None
    title = kinds.get(served.document).title if kinds.exists(served.document) else served.document
    return _(
        "This act is performed by recording the service of the %(document)s in the service section; its "
        "date is the day of service (%(basis)s)."
    ) % {"document": title, "basis": served.basis}


SERVICE_GUARDS = {GUARD: served_through_service}
