from core.access.staff import news_visible_to

from .models import NewsPage


def news_for(person, *, parent=None, limit: int | None = None):
    """Live news the person may read, newest first."""
    news = NewsPage.objects.live().filter(news_visible_to(person)).order_by("-date", "-pk")
    if parent is not None:
        news = news.child_of(parent)
    return news[:limit] if limit else news
