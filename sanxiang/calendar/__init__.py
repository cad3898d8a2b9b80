"""The working-day calendar (法定节假日 + 调休) and deadline arithmetic: pure functions over table data.

Public interface for every other app:

    from sanxiang.calendar import deadlines, selectors

    calendar = selectors.get_working_calendar()          # one snapshot per request or task; two queries
    due = deadlines.add_working_days(start, 7, calendar=calendar)        # DueDate(date, provisional)
    due = deadlines.add_calendar_days(start, 30, calendar=calendar)      # rolls forward off rest days
    left = deadlines.working_days_between(today, due.date, calendar=calendar)  # DayCount(days, provisional)

Show ``provisional`` wherever a result appears (badge class "provisional"). Never store a due date as the
truth: store the inputs (start, n, unit, legal basis) and recompute, or store the date with
``calendar.fingerprint`` and recompute when the current fingerprint differs. Then a year that administrators
confirm later is picked up at the next evaluation, with nothing to invalidate.

This app imports only ``core`` and ``records``; ``accounts`` (a higher layer) registers ``alerts.work_items``.
"""
