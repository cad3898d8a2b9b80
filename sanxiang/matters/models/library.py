"""The legal-basis library: laws and the text of their articles, with effective dates, and the statutory fine
ranges that articles set. Everything else cites an ``Article`` row, never free text.

An amendment never edits an article's text: the old row gets ``repealed_on`` and a ``successor`` carrying the
new text, so a case decided under the old text still points at what it applied.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from sanxiang.core.models import TimestampedModel
from sanxiang.matters.enums import LawLevel, PartyKind
from sanxiang.matters.numerals import provision_suffix


class Law(TimestampedModel):
    """A legal instrument (law, regulation, rule or normative document)."""

    title = models.CharField(_("title"), max_length=128, unique=True)
    level = models.CharField(_("level"), max_length=32, choices=LawLevel.choices)
    issuing_body = models.CharField(_("issuing body"), max_length=128)
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    promulgated_on = models.DateField(_("promulgated on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    repealed_on = models.DateField(_("repealed on"), null=True, blank=True)
    unconfirmed = models.BooleanField(_("to be confirmed"), default=False)
    unconfirmed_note = models.CharField(_("what to confirm"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("law or regulation")
        verbose_name_plural = _("laws and regulations")
        ordering = ["title"]

    def __str__(self) -> str:
        return f"《{self.title}》"


class Article(TimestampedModel):
    """One text of a provision (article, paragraph or item), in force from ``effective_from`` until
    ``repealed_on`` (exclusive). ``paragraph`` and ``item`` are 0 when the whole article is meant."""

    law = models.ForeignKey(Law, verbose_name=_("law"), on_delete=models.PROTECT, related_name="articles")
    number = models.CharField(_("article number"), max_length=32, help_text=_("For example 第四十九条."))
    ordinal = models.PositiveIntegerField(_("article number as an integer"))
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), default=0)
    item = models.PositiveSmallIntegerField(_("item"), default=0)
    text = models.TextField(_("text"))
    effective_from = models.DateField(_("effective from"))
    repealed_on = models.DateField(_("no longer in force from"), null=True, blank=True)
    successor = models.OneToOneField(
        "self",
        verbose_name=_("amended text"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessor",
    )
    unconfirmed = models.BooleanField(_("to be confirmed"), default=False)
    unconfirmed_note = models.CharField(_("what to confirm"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["law__title", "ordinal", "paragraph", "item", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["law", "ordinal", "paragraph", "item", "effective_from"],
                name="matters_article_unique_text_per_day",
            ),
            models.UniqueConstraint(
                fields=["law", "ordinal", "paragraph", "item"],
                condition=Q(repealed_on__isnull=True),
                name="matters_article_one_current_text",
            ),
            models.CheckConstraint(
                condition=Q(repealed_on__isnull=True) | Q(repealed_on__gt=F("effective_from")),
                name="matters_article_period_ordered",
            ),
            models.CheckConstraint(condition=Q(ordinal__gt=0), name="matters_article_ordinal_positive"),
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def provision(self) -> str:
        """第四十九条第（三）项, without the law's title."""
        return self.number + provision_suffix(self.paragraph, self.item)

    @property
    def citation(self) -> str:
        return f"《{self.law.title}》{self.provision}"

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.repealed_on is None or day < self.repealed_on)


class StatutoryRange(TimestampedModel):
    """The fine a provision allows for a kind of party, in fen (人民防空法 第四十九条: individuals up to
    5,000 yuan, organisations 10,000 to 50,000 yuan). Benchmarks citing the provision must stay inside it."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.PROTECT, related_name="ranges"
    )
    party_kind = models.CharField(_("party"), max_length=16, choices=PartyKind.choices)
    min_fen = models.BigIntegerField(_("minimum fine (fen)"), default=0)
    max_fen = models.BigIntegerField(_("maximum fine (fen)"))

    class Meta:
        verbose_name = _("statutory fine range")
        verbose_name_plural = _("statutory fine ranges")
        constraints = [
            models.UniqueConstraint(fields=["article", "party_kind"], name="matters_range_unique_party"),
            models.CheckConstraint(
                condition=Q(min_fen__gte=0) & Q(max_fen__gte=F("min_fen")), name="matters_range_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} {self.party_kind} {self.min_fen}–{self.max_fen}"
