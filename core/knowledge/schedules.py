PERIODIC_TASKS = {
    "Knowledge base: remind owners of articles past their review date": (
        "core.knowledge.tasks.flag_stale_reviews",
        "0 7 * * *",
    ),
    "Knowledge base: rebuild the words searches are corrected to": (
        "core.knowledge.tasks.rebuild_search_vocabulary",
        "30 2 * * *",
    ),
    "Knowledge base: count article views": ("core.knowledge.tasks.flush_article_views", 300),
}
