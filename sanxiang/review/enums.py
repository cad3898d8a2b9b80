"""Choices of the review engine: the states of a review request, its outcomes and the fixed checklist of
DOMAIN.md R-LR-03 (国办发〔2018〕118号)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReviewStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ASSIGNED = "assigned", _("Under review")
    APPROVED = "approved", pgettext_lazy("review status", "Approved")
    REJECTED = "rejected", pgettext_lazy("review status", "Not approved")
    REVISE = "revise", _("Revise and resubmit")
    RETURNED = "returned", _("Returned for more material")


OPEN_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.ASSIGNED)


class Outcome(models.TextChoices):
    """The four outcomes of a legal review: 同意 / 不同意 / 建议修改后再审 / 退回补充材料."""

    APPROVED = "approved", pgettext_lazy("review outcome", "Approve")
    REJECTED = "rejected", pgettext_lazy("review outcome", "Do not approve")
    REVISE = "revise", pgettext_lazy("review outcome", "Revise and resubmit")
    RETURNED = "returned", pgettext_lazy("review outcome", "Return for more material")


class ChecklistItem(models.TextChoices):
    """The review content of R-LR-03 (国办发〔2018〕118号): each item passes or fails with a comment."""

    SUBJECT = "subject", _("The enforcing body is lawful")
    QUALIFICATION = "qualification", _("The officers hold enforcement qualifications")
    AUTHORITY = "authority", _("The decision is within the agency's powers")
    PROCEDURE = "procedure", _("The procedure is lawful")
    FACTS = "facts", _("The facts are clear")
    EVIDENCE = "evidence", _("The evidence is lawful and sufficient")
    LAW = "law", _("The law is correctly applied")
    DISCRETION = "discretion", _("Discretion follows the benchmark")
    DOCUMENTS = "documents", _("The documents are complete and regular")
    CRIME_TRANSFER = "crime_transfer", _("No suspected crime requires transfer")


class ConsultationKind(models.TextChoices):
    """Who gave a legal opinion on a review (seed 二(三)2(3))."""

    GOVERNMENT_COUNSEL = "counsel", _("Government legal adviser")
    PUBLIC_LAWYER = "public_lawyer", _("Public-sector lawyer")
