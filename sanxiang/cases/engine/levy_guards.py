"""Guards of the levy, fee and coercion procedures, each citing its article: the rate only from the
fee-standard list in force and exemptions only from its coded list (人民防空法 第22条, 中发〔2001〕9号), the
payment notice only for an amount due, arrears only after the last day to pay, payment in full with the
late charge capped at the principal (行政强制法 第45条, 行政处罚法 第72条), a coercion case only once the
relief periods have run out and within three months (行政强制法 第53条), the court only ten working days
after the demand notice (第54条, 第69条). Guards only read; they return a translated refusal or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases.engine import levy_facts
from sanxiang.cases.models import Assessment, Enforcement

if TYPE_CHECKING:
    from sanxiang.cases.engine.guards import GuardContext

YUAN = 100


def _assessment(ctx: GuardContext) -> Assessment | None:
    return Assessment.objects.filter(case_id=ctx.case.pk).first() if ctx.case.pk else None


def _enforcement(ctx: GuardContext) -> Enforcement | None:
    return Enforcement.objects.filter(case_id=ctx.case.pk).first() if ctx.case.pk else None


def levy_standard_in_force(ctx: GuardContext) -> str | None:
    """人民防空法 第22条, 中发〔2001〕9号: the rate is the provincial standard in force on the day of the
    assessment, taken from the fee-standards list, never typed in."""
    code = str(ctx.data.get("standard", "")).strip()
    if levy_facts.standard_for(ctx.case, on=ctx.on, code=code) is not None:
        return None
    return _(
        "No fee standard for this matter is in force for the agency on %(day)s: the rate comes only from "
        "the published fee-standards list (Civil Air Defence Law, Article 22)."
    ) % {"day": ctx.on.isoformat()}


def exemption_listed(ctx: GuardContext) -> str | None:
    """中发〔2001〕9号 第三部分第9条: only the exemptions on the coded list, each with its evidence cited; no
    one may grant any other reduction."""
    code = str(ctx.data.get("exemption_code", "")).strip()
    exempt = int(ctx.data.get("exempt_centi") or 0)
    if not code and not exempt:
        return None
    standard = levy_facts.standard_for(ctx.case, on=ctx.on, code=str(ctx.data.get("standard", "")).strip())
    if standard is None or not code or levy_facts.exemption_of(standard, code) is None:
        return _(
            "Only an exemption on the coded list of the fee standard may reduce the levy; no other "
            "reduction may be granted (Zhongfa [2001] No. 9, Part 3, Item 9)."
        )
    if not str(ctx.data.get("exemption_evidence", "")).strip() or exempt <= 0:
        return _(
            "An exemption needs the exempted area and the evidence that the project qualifies "
            "(Zhongfa [2001] No. 9, Part 3, Item 9)."
        )
    return None


def amount_due(ctx: GuardContext) -> str | None:
    """人民防空法 第22条: a payment notice is served only for an assessed amount above nothing."""
    assessment = _assessment(ctx)
    if assessment is not None and assessment.amount_fen > 0:
        return None
    return _(
        "Nothing is assessed as due: no payment notice can be served (Civil Air Defence Law, Article 22)."
    )


def nothing_due(ctx: GuardContext) -> str | None:
    """中发〔2001〕9号: a case closes without payment only when a listed exemption covers the whole area."""
    assessment = _assessment(ctx)
    if assessment is not None and assessment.amount_fen == 0:
        return None
    return _("An amount is due: the case closes only after payment (Zhongfa [2001] No. 9, Part 3, Item 9).")


def payment_overdue(ctx: GuardContext) -> str | None:
    """行政强制法 第45条: arrears, and the late charge, begin only after the last day to pay."""
    due = levy_facts.pay_due_on(ctx.case)
    if due is not None and ctx.on > due:
        return None
    return _(
        "The time to pay has not run out: the payer is not in arrears before %(day)s "
        "(Administrative Coercion Law, Article 45)."
    ) % {"day": due.isoformat() if due else "—"}


def paid_in_full(ctx: GuardContext) -> str | None:
    """行政强制法 第45条, 行政处罚法 第72条: the payment covers the principal and the late charge up to
    the day
    of payment (the late charge never above the principal)."""
    enforcement = _enforcement(ctx)
    assessment = _assessment(ctx)
    if enforcement is not None:
        owed = levy_facts.owed_on_enforcement(enforcement, on=ctx.on)
    elif assessment is not None:
        owed = levy_facts.owed_on_assessment(ctx.case, assessment, on=ctx.on)
    else:
        return _("Nothing was assessed: there is no payment to record.")
    paid = int(ctx.data.get("amount_fen") or 0)
    if paid >= owed.total_fen:
        return None
    return _(
        "The payment of %(paid)s yuan does not cover the %(owed)s yuan owed, late charge included "
        "(Administrative Coercion Law, Article 45)."
    ) % {"paid": _yuan(paid), "owed": _yuan(owed.total_fen)}


def relief_periods_expired(ctx: GuardContext) -> str | None:
    """行政强制法 第53条: enforcement through the court is applied for only after the periods for
    reconsideration and litigation have run out unperformed, and within three months after."""
    origin = ctx.case.origin
    window = levy_facts.court_window(origin, calendar=get_working_calendar()) if origin else None
    if window is None:
        return _(
            "A coercion case opens from a served decision or payment notice whose matter lists its relief "
            "periods (Administrative Coercion Law, Article 53)."
        )
    if window.enforceable_from <= ctx.on <= window.apply_by:
        return None
    return _(
        "The court may be applied to only from %(start)s to %(end)s, after the reconsideration and "
        "litigation periods ran out (Administrative Coercion Law, Article 53)."
    ) % {"start": window.enforceable_from.isoformat(), "end": window.apply_by.isoformat()}


def demand_period_elapsed(ctx: GuardContext) -> str | None:
    """行政强制法 第54条, 第69条: apply no earlier than ten working days after the demand notice was
    served."""
    enforcement = _enforcement(ctx)
    earliest = (
        levy_facts.earliest_application(enforcement, calendar=get_working_calendar()) if enforcement else None
    )
    if earliest is not None and ctx.on >= earliest:
        return None
    return _(
        "The court may be applied to only ten working days after the demand notice was served "
        "(Administrative Coercion Law, Articles 54 and 69)."
    )


def within_court_window(ctx: GuardContext) -> str | None:
    """行政强制法 第53条: within three months after the relief periods ran out."""
    enforcement = _enforcement(ctx)
    if enforcement is not None and ctx.on <= enforcement.apply_by:
        return None
    return _("The three months to apply to the court have run out (Administrative Coercion Law, Article 53).")


def opens_follow_up_case(ctx: GuardContext) -> str | None:
    """行政处罚法 第54条 (移送立案), 行政强制法 第53条 (申请强制执行): an act that hands the matter on happens
    only together with the opening of the case it hands it to, never alone."""
    if ctx.data.get("follow_up") is True:
        return None
    return _("This act is done by opening the follow-up case (penalty or enforcement), not on its own.")


def _yuan(fen: int) -> str:
    return f"{fen // YUAN:,}.{fen % YUAN:02d}"


LEVY_GUARDS: dict[str, Callable[[GuardContext], str | None]] = {
    "levy_standard_in_force": levy_standard_in_force,
    "exemption_listed": exemption_listed,
    "amount_due": amount_due,
    "nothing_due": nothing_due,
    "payment_overdue": payment_overdue,
    "paid_in_full": paid_in_full,
    "relief_periods_expired": relief_periods_expired,
    "demand_period_elapsed": demand_period_elapsed,
    "within_court_window": within_court_window,
    "opens_follow_up_case": opens_follow_up_case,
}
