"""Access matrix rows of the employee portal's staff screens: directory, goals, approvals
inbox, customer 360 and company news. Non-employees get 404 everywhere here (not the portal's
403 "no access" page), so these screens do not even admit to existing. Format: see matrix.py."""

from django.urls import reverse

TABLE = """
# pattern                            sample            anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
employee:directory                   -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:directory-edit              -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:directory-person            joko              login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:directory-person            a-customer        login 404   404   404   404   404   404   404   404   404   404   404   404   404
employee:goals                       -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:goal-new                    -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:goal                        joko              login 404   404   404   404   404   ok    404   404   404   404   404   404   404
employee:goal-edit                   joko              login 404   404   404   404   404   ok    404   404   404   404   404   404   404
employee:goal-comment                joko              login 404   404   404   404   404   405   405   405   405   405   404   404   404
employee:inbox                       -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:inbox-decide                -                 login 404   404   404   404   404   405   405   405   405   405   404   404   404
employee:customer360                 -                 login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:customer360-person          dewi              login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
employee:customer360-organisation    acme              login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
# --- company news: Wagtail pages under the employee portal root; audience by department ------------------------------------------------
wagtail_serve                        news-index        login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
wagtail_serve                        news-everyone     login 404   404   404   404   404   ok    ok    ok    ok    ok    404   404   404
wagtail_serve                        news-support      login 404   404   404   404   404   404   ok    404   404   404   404   404   404
"""

SAMPLES = {
    ("employee:directory-person", "joko"): lambda world: reverse(
        "employee:directory-person", args=[world.people["employee"].pk]
    ),
    ("employee:directory-person", "a-customer"): lambda world: reverse(
        "employee:directory-person", args=[world.people["customer"].pk]
    ),
    ("employee:goal", "joko"): lambda world: reverse(
        "employee:goal", args=[world.objects["staff:goal:employee"].pk]
    ),
    ("employee:goal-edit", "joko"): lambda world: reverse(
        "employee:goal-edit", args=[world.objects["staff:goal:employee"].pk]
    ),
    ("employee:goal-comment", "joko"): lambda world: reverse(
        "employee:goal-comment", args=[world.objects["staff:goal:employee"].pk]
    ),
    ("employee:customer360-person", "dewi"): lambda world: reverse(
        "employee:customer360-person", args=[world.people["multi"].pk]
    ),
    ("employee:customer360-organisation", "acme"): lambda world: reverse(
        "employee:customer360-organisation", args=[world.orgs["acme"].pk]
    ),
    ("wagtail_serve", "news-index"): lambda world: world.objects["page:news-index"].url,
    ("wagtail_serve", "news-everyone"): lambda world: world.objects["page:news-everyone"].url,
    ("wagtail_serve", "news-support"): lambda world: world.objects["page:news-support"].url,
}
