"""执法全过程记录: the tamper-evident, append-only record log.

Public interface for every other app:

    from sanxiang.records import writer
    writer.append("officer.created", agency_id=..., actor=Actor(...),
                  subject=Subject("officer", pk), data={...})

``append`` must be called inside the business transaction (it refuses to run outside one). Event types are
declared in each app's ``events.py`` with ``registry.register``. This app never imports another sanxiang app
except ``core``: actors and subjects enter as plain identifiers.
"""
