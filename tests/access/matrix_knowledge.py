"""Access matrix rows of the knowledge base: its Wagtail pages for every audience, search,
feedback and the agent's "draft article from ticket". Format and kinds: see matrix.py.

Audiences of the demo articles (core/knowledge/demo.py): customer = every customer; Sinar Jaya
= customers of PT Sinar Jaya Abadi only; partner = every partner; Gold = partners of Gold or
Platinum firms (Nusantara is Gold, Pacific Silver); the multi-role person is a customer at
Acme, a partner at Nusantara and an investor. Hendra's partner role has ended."""

from django.urls import reverse

TABLE = """
# pattern                            sample            anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- the knowledge base's pages: home and categories for all, each article for its audience ---------------------------------------
wagtail_serve                        kb-home           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                        kb-category       ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                        kb-public         ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                        kb-customer       login ok    ok    ok    404   404   404   404   404   404   404   404   ok    404
wagtail_serve                        kb-sinarjaya      login ok    ok    404   404   404   404   404   404   404   404   404   404   404
wagtail_serve                        kb-partner        login 404   404   404   ok    ok    404   404   404   404   404   404   ok    404
wagtail_serve                        kb-partner-gold   login 404   404   404   ok    404   404   404   404   404   404   404   ok    404
wagtail_serve                        kb-employee       login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
wagtail_serve                        kb-investor       login 404   404   404   404   404   404   404   404   404   404   ok    ok    404
wagtail_serve                        kb-in-review      404   404   404   404   404   404   404   404   404   404   404   404   404   404
# --- search and feedback ---------------------------------------------------------------------------------------------------------------
knowledge:search                     -                 ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
knowledge:search                     query             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
knowledge:feedback                   kb-customer       405   405   405   405   405   405   405   405   405   405   405   405   405   405
# --- agents turn a ticket's answer into a draft article (agents of the ticket's queue; POST only) --------------------------------
employee:work-ticket-draft-article   siti              login 404   404   404   404   404   404   405   405   405   404   404   404   404
"""


def _page(key):
    return lambda world: world.objects[key].url


SAMPLES = {
    ("wagtail_serve", "kb-home"): _page("kb:index"),
    ("wagtail_serve", "kb-category"): _page("kb-category:partners"),
    ("wagtail_serve", "kb-public"): _page("kb:public"),
    ("wagtail_serve", "kb-customer"): _page("kb:customer"),
    ("wagtail_serve", "kb-sinarjaya"): _page("kb:sinarjaya"),
    ("wagtail_serve", "kb-partner"): _page("kb:partner"),
    ("wagtail_serve", "kb-partner-gold"): _page("kb:partner-gold"),
    ("wagtail_serve", "kb-employee"): _page("kb:employee"),
    ("wagtail_serve", "kb-investor"): _page("kb:investor"),
    ("wagtail_serve", "kb-in-review"): lambda world: (
        "/help/tickets/" + world.objects["kb:in-review"].slug + "/"
    ),
    ("knowledge:search", "query"): lambda world: reverse("knowledge:search") + "?q=deal+partner",
    ("knowledge:feedback", "kb-customer"): lambda world: reverse(
        "knowledge:feedback", args=[world.objects["kb:customer"].pk]
    ),
    ("employee:work-ticket-draft-article", "siti"): lambda world: reverse(
        "employee:work-ticket-draft-article", args=[world.objects["tickets:siti"].reference]
    ),
}
