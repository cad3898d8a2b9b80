"""Enforcement documents (执法文书): kinds, templates, rendering and the immutable issued documents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "sanxiang.documents"
    label = "documents"
    verbose_name = _("Enforcement documents")

    def ready(self) -> None:
        from sanxiang.accounts import worklist
        from sanxiang.documents import events  # noqa: F401 - registers the event types
        from sanxiang.organizations.enums import Role

        administrators = frozenset({Role.ADMINISTRATOR.value})
        worklist.register_nav(
            worklist.NavItem(_("Document templates"), "documents:template_home", administrators)
        )
