"""执法事项清单: the enforcement-matter catalogue with its legal bases and the versioned lists attached
to it (discretion benchmarks, AV-recording list, major-decision catalogue, random-inspection items, fee and
levy standards).

Public interface for every other app:

    from sanxiang.matters import actions, selectors
    from sanxiang.matters.enums import ListKind

    version = selectors.version_in_force(ListKind.BENCHMARKS, agency, on=decision_date)  # None: no list
    matters = selectors.access_matter_by_id(user, matter_id)          # NotFoundOrForbidden like jurisdiction
    stale = selectors.stale_matters()                                 # live matters citing amended articles
    actions.check_draft_version(...) / check_approve_version(...) / check_publish_version(...)

A case keeps the id of the version it used; entries of a published version never change. Amounts are
integer fen (``money.yuan`` formats them).
The Shanxi default data: ``matters.shanxi.load_shanxi_catalogue(actor=...)``.
Home-page work items and navigation are registered from ``MattersConfig.ready`` (``registrations``).
"""
