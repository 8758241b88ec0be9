"""The requester's ticket screens, shared by every portal that takes requests.

Each portal mounts them with its own role (and, optionally, the queue its requests go to) in
its urls.py, like the learning screens (core/learning/views.py)::

    from core.tickets.requester.urls import requester_urlpatterns

    path("tickets/", include(requester_urlpatterns(Role.CUSTOMER))),
    path("requests/", include(requester_urlpatterns(Role.INVESTOR, queue="investor-relations",
                                                    texts=INVESTOR_TEXTS))),

The engine is one, the screens are per portal: what a person sees in a portal is the tickets
they asked wearing that portal's hat. Every ticket is looked up through the access module's
scoped queryset; one the person may not see answers 404.

- texts.py: what each portal calls its tickets.
- screens.py: one portal's settings, the lookups and the ticket page's context.
- read.py: the list, the ticket page, the form's suggestions and files.
- write.py: opening, replying, closing or reopening, rating and inviting a contact.
- urls.py: the screens put together and their URLs.
"""
