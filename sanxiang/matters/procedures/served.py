"""Acts that only the service (送达) of a document performs, as data: the notification of the intended
penalty is the service of the 行政处罚事先告知书 (行政处罚法 第44条, 第62条), the service of the decision is
the service of the 行政处罚决定书 (第61条); the payment notice of a levy or fee is served as the decision
it carries (缴款通知书; 人民防空法 第22条), and the demand of a coercion case is the service of the 催告书
(行政强制法 第35条, 第38条: 催告书 are served as the Civil Procedure Law provides). Service follows the Civil
Procedure Law (民事诉讼法 第87–95条, via 行政处罚法 第61条 and 行政强制法 第38条), and its date is the day the
act is dated, so that later limits (the days to pay, the ten days of the demand) start from it.

The procedures name the guard ``served_through_service`` on these acts; the case engine implements it, and
``cases.service`` performs the act once a service of the named document is recorded. This module must never
touch the database nor import the case engine.
"""

from __future__ import annotations

from dataclasses import dataclass

GUARD = "served_through_service"


@dataclass(frozen=True)
class ServedAct:
    procedure: str  # Procedure.key
    act: str  # Transition.act
    document: str  # the document kind (``documents.kinds``) whose completed service performs the act
    basis: str


SERVED_ACTS: tuple[ServedAct, ...] = (
    ServedAct("penalty", "notify", "penalty_notice", "行政处罚法 第44条, 第61条; 民事诉讼法 第87条"),
    ServedAct("penalty", "serve", "penalty_decision", "行政处罚法 第61条; 民事诉讼法 第87条"),
    ServedAct("levy", "serve_demand_note", "payment_notice", "人民防空法 第22条; 民事诉讼法 第87条"),
    ServedAct("fee", "serve_demand_note", "payment_notice", "行政事业性收费标准管理办法; 民事诉讼法 第87条"),
    ServedAct("coercion", "serve_demand", "demand_notice", "行政强制法 第35条, 第38条; 民事诉讼法 第87条"),
)


def served_act(procedure: str, act: str) -> ServedAct | None:
    """The service that performs ``act`` of ``procedure``, or None when the act is performed directly."""
    return next((s for s in SERVED_ACTS if s.procedure == procedure and s.act == act), None)


def act_on_service(procedure: str, document: str) -> str | None:
    """The act of ``procedure`` the service of a ``document`` performs, or None."""
    found = next((s for s in SERVED_ACTS if s.procedure == procedure and s.document == document), None)
    return found.act if found is not None else None
