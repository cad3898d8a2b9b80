"""Record-log event types owned by matters. Imported from ``MattersConfig.ready``; never emits anything."""

from django.utils.translation import gettext_lazy as _

from sanxiang.records import registry

LAW_CREATED = registry.register(
    "law.created",
    "A law or regulation was added to the legal-basis library.",
    {"title": "str", "level": "str"},
    label=_("Law added"),
)
ARTICLE_CREATED = registry.register(
    "article.created",
    "An article's text was added to the legal-basis library.",
    {"law": "int", "provision": "str", "effective_from": "date", "text": "digest"},
    label=_("Article added"),
)
ARTICLE_AMENDED = registry.register(
    "article.amended",
    "An article was amended: its old text ends where the new one takes effect.",
    {"law": "int", "provision": "str", "effective_from": "date", "successor": "int", "stale": "int"},
    label=_("Article amended"),
)
ARTICLE_REPEALED = registry.register(
    "article.repealed",
    "An article was repealed.",
    {"law": "int", "provision": "str", "repealed_on": "date", "stale": "int"},
    label=_("Article repealed"),
)
VERSION_DRAFTED = registry.register(
    "list_version.drafted",
    "A new version of a list was drafted.",
    {"kind": "str", "number": "int", "effective_from": "date", "copied_from?": "int", "entries": "int"},
    label=_("List version drafted"),
)
VERSION_APPROVED = registry.register(
    "list_version.approved",
    "A drafted list version was approved, naming the approving body.",
    {"kind": "str", "number": "int", "approving_body": "str", "reference": "str", "approved_on": "date"},
    label=_("List version approved"),
)
VERSION_PUBLISHED = registry.register(
    "list_version.published",
    "An approved list version was published and takes effect on its date.",
    {"kind": "str", "number": "int", "effective_from": "date"},
    label=_("List version published"),
)
ENTRY_ADDED = registry.register(
    "list_entry.added",
    "An entry was added to a draft list version.",
    {"table": "str", "code": "str", "digest": "digest"},
    label=_("List entry added"),
)
ENTRY_REMOVED = registry.register(
    "list_entry.removed",
    "An entry was removed from a draft list version.",
    {"table": "str", "code": "str"},
    label=_("List entry removed"),
)
CITATIONS_RENEWED = registry.register(
    "list_version.citations_renewed",
    "A draft's citations of amended articles were replaced by their current texts.",
    {"table": "str", "replaced": "int"},
    label=_("Citations renewed"),
)
VALUE_CONFIRMED = registry.register(
    "catalogue_value.confirmed",
    "An administrator confirmed a value that was loaded as a placeholder.",
    {"table": "str", "id": "int", "note": "str"},
    label=_("Placeholder value confirmed"),
)
ENTRY_CHANGED = registry.register(
    "list_entry.changed",
    "An entry of a draft list version was changed (replaced by the new values under the same checks).",
    {"table": "str", "code": "str", "previous": "str", "digest": "digest"},
    label=_("List entry changed"),
)
LIST_IMPORTED = registry.register(
    "list_version.imported",
    "A draft list version's entries were replaced by the rows of an imported spreadsheet.",
    {"table": "str", "file_digest": "digest", "removed": "int", "added": "int"},
    label=_("List version imported"),
)
SERVICE_WINDOW_SAVED = registry.register(
    "service_window.saved",
    "A service window (办事窗口) of an agency was added or changed.",
    {"agency": "int", "matter_code": "str", "digest": "digest"},
    label=_("Service window saved"),
)
SERVICE_WINDOW_REMOVED = registry.register(
    "service_window.removed",
    "A service window (办事窗口) of an agency was removed.",
    {"agency": "int", "matter_code": "str"},
    label=_("Service window removed"),
)
