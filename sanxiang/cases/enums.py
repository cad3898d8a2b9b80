"""Choices for parties and numbering. Labels are English source text, translated through the catalogue; this
module holds no rule and never touches the database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyKind(models.TextChoices):
    """Who a party (当事人) is: a natural person, an organisation, or an individual business (个体工商户),
    which has a credit code and an operator who answers for it."""

    PERSON = "person", _("Natural person")
    ORGANIZATION = "organization", _("Organisation")
    INDIVIDUAL_BUSINESS = "individual_business", _("Individual business")


class IdKind(models.TextChoices):
    """The identity document of a natural person. Only the resident identity card has a checkable number."""

    RESIDENT_ID = "resident_id", _("Resident identity card")
    PASSPORT = "passport", _("Passport")
    HK_MACAO_PERMIT = "hk_macao_permit", _("Mainland travel permit for Hong Kong and Macao residents")
    TAIWAN_PERMIT = "taiwan_permit", _("Mainland travel permit for Taiwan residents")
    FOREIGN_PERMANENT = "foreign_permanent", _("Foreigner's permanent residence identity card")
    OTHER = "other", _("Other identity document")


class DocumentCode(models.TextChoices):
    """The usual document codes (文书代字) of SHANXI.md §4.1. Numbering accepts other codes too: the code is
    data, and an office may number a document kind not listed here."""

    REGISTER = "罚立", _("Case registration")
    PRIOR_NOTICE = "罚先告", _("Prior notice of penalty")
    HEARING_NOTICE = "罚听告", _("Notice of the right to a hearing")
    DECISION = "罚决", _("Penalty decision")
    RECTIFICATION = "责改", _("Order to rectify")
    INSPECTION_NOTICE = "检通", _("Inspection notice")
    DEMAND = "催告", _("Demand before enforcement")
    ENFORCEMENT_APPLICATION = "强执申", _("Application for court enforcement")
