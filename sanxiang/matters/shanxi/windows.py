"""Demo service windows (办事窗口) of the Shanxi offices: one general window per agency in its 政务服务中心,
with the agency's registered address and phone where it has them. SHANXI.md gives no window data, so every
window is loaded marked "to be confirmed" until the office saves its real 受理机构、地址、时间、电话."""

from __future__ import annotations

from collections.abc import Iterable

from sanxiang.matters.actions.windows import WindowSpec, check_save_service_window
from sanxiang.matters.models import ServiceWindow
from sanxiang.organizations.models import Agency
from sanxiang.records import writer

PLACEHOLDER = "演示占位：窗口名称、地址、办公时间和电话待本机关核实"


def load_service_windows(*, actor: writer.Actor, agencies: Iterable[Agency]) -> int:
    """One general window per agency that has none; returns how many were added."""
    added = 0
    for agency in agencies:
        if ServiceWindow.objects.filter(agency=agency).exists():
            continue
        spec = WindowSpec(
            name="人防（国动）窗口",
            accepting_body=agency.name,
            address=agency.address or "（待填写）政务服务中心",
            hours="法定工作日 8:30–12:00，14:30–17:30",
            phone=agency.phone or "（待填写）",
            unconfirmed_note=PLACEHOLDER,
        )
        check_save_service_window(actor=actor, agency=agency, spec=spec)
        added += 1
    return added
