from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors
from .forms import FeedbackForm, SearchForm
from .services import feedback_record


@require_GET
def search(request):
    """The knowledge base's search: anyone may search; each finds only what they may read."""
    index = selectors.live_index()
    if index is None:
        raise Http404
    form = SearchForm(request.GET or None)
    categories, tags = selectors.search_filters(request.user, index)
    form.set_choices(categories, tags)
    page, query, category = None, "", None
    if form.is_valid():
        query = form.cleaned_data["q"]
        slug = form.cleaned_data["category"]
        category = next((c for c in categories if c.slug == slug), None) if slug else None
        page = selectors.search_page(
            request.user,
            query,
            category=category,
            tag=form.cleaned_data["tag"],
            page_number=request.GET.get("page"),
        )
    context = {"index": index, "form": form, "page_obj": page, "query": query}
    template = "knowledge/search.html"
    if request.htmx and request.htmx.target == "search-results":
        template = "knowledge/_search_results.html"
    return render(request, template, context)


@require_POST
def feedback(request, article_id: int):
    """'Was this helpful?': htmx swaps the panel; without JavaScript, back to the article."""
    article = get_object_or_404(
        selectors.articles_for(request.user).select_related(None), pk=article_id
    )
    if not request.user.is_authenticated:
        return redirect_to_login(article.url)
    form = FeedbackForm(request.POST)
    saved = None
    if form.is_valid():
        saved = feedback_record(
            article=article,
            person=request.user,
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"],
        )
    context = {
        "page": article,
        "my_feedback": saved or selectors.feedback_of(request.user, article),
        "feedback_form": form,
        "thanked": saved is not None,
    }
    if request.htmx:
        return render(request, "knowledge/_feedback.html", context, status=200 if saved else 400)
    if saved is None:
        # Without JavaScript: show the form again with the answer kept, never lose a comment.
        return render(request, "knowledge/feedback_page.html", context, status=400)
    messages.success(request, _("Thank you for your feedback."))
    return redirect(article.url + "#feedback")
