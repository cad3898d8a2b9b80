"""Pages of the legal-basis library: every signed-in user reads the laws and article texts (they are public
law); administrators of the province amend an article, which makes what cites it stale. Thin: parse,
check ``selectors.may_edit_library``, call one action, redirect.
Others get the same 404 as for a missing article."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanxiang.core import clock
from sanxiang.core.errors import SanxiangError
from sanxiang.matters import actions, selectors
from sanxiang.matters.forms import AmendForm
from sanxiang.matters.models import Article
from sanxiang.organizations.selectors import actor_of


@login_required
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    context = {
        "laws": selectors.library_rows(),
        "may_edit": selectors.may_edit_library(request.user),
        "form": AmendForm(initial={"effective_from": clock.today()}),
    }
    return render(request, "matters/library.html", context)


@login_required
@require_POST
def article_amend(request: HttpRequest, article_id: int) -> HttpResponse:
    """Amend an article's text from a date; the old text stays for what was decided under it."""
    if not selectors.may_edit_library(request.user):
        raise Http404(_("Article not found."))
    article = Article.objects.select_related("law").filter(pk=article_id).first()
    if article is None:
        raise Http404(_("Article not found."))
    here = reverse("matters:library") + f"#article-{article.pk}"
    form = AmendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the new text and the day it takes effect."))
        return HttpResponseRedirect(here)
    try:
        actions.check_amend_article(
            actor=actor_of(request.user, on=clock.today()),
            article=article,
            text=form.cleaned_data["text"],
            effective_from=form.cleaned_data["effective_from"],
        )
    except SanxiangError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(here)
    messages.success(
        request,
        _("%(article)s amended; lists citing it are now marked stale.") % {"article": article.citation},
    )
    return HttpResponseRedirect(here)


urlpatterns: list[URLPattern] = [
    path("library/", library, name="library"),
    path("library/articles/<int:article_id>/amend/", article_amend, name="article_amend"),
]
