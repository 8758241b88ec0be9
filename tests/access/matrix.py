"""THE ACCESS MATRIX: what every kind of person gets at every URL of the project.

This file holds the foundation's rows; each feature area keeps its rows in the same format
in matrix_<area>.py beside it (TABLE and SAMPLES), and the test reads them all as one table.
One row per URL pattern (or family of patterns, or sample of a pattern that serves many
records). A pattern that no row covers fails test_every_url_pattern_is_in_the_matrix, so a
new view cannot forget its check. Outcomes are explained in engine.OUTCOMES.

Kinds, left to right: anonymous, customer, customer org admin, customer of another
organisation, partner, partner of another firm, employee without staff duties, support agent,
channel manager, IR officer, content editor, investor, the multi-role person (customer +
partner + investor) and a signed-in person with no role.
"""

from django.urls import reverse

TABLE = """
# pattern                           sample           anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- the way in -------------------------------------------------------------------------------------------------------------------------
portal-landing                      -                login go    go    go    go    go    go    go    go    go    go    go    go    go
access:portal-picker                -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
access:request-access               -                login 405   405   405   405   405   405   405   405   405   405   405   405   405
access:mfa-required                 -                login ok    ok    ok    ok    ok    go    go    go    go    go    ok    ok    ok
people:profile                      -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
set_language                        -                go    go    go    go    go    go    go    go    go    go    go    go    go    go
healthz                             -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
# --- portal homes --------------------------------------------------------------------------------------------------------------------
customer:dashboard                  -                login ok    ok    ok    deny  deny  deny  deny  deny  deny  deny  deny  ok    deny
partner:dashboard                   -                login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
employee:dashboard                  -                login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
investor:dashboard                  -                login deny  deny  deny  deny  deny  deny  deny  deny  deny  deny  ok    ok    deny
# --- Wagtail pages and files -----------------------------------------------------------------------------------------------------------
wagtail_serve                       home             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                       public-page      ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtail_serve                       customer-page    login ok    ok    ok    404   404   404   404   404   404   404   404   ok    404
wagtail_serve                       no-such-page     404   404   404   404   404   404   404   404   404   404   404   404   404   404
wagtaildocs_serve                   public-file      ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
wagtaildocs_serve                   customer-file    login ok    ok    ok    404   404   404   404   404   404   404   404   ok    404
wagtaildocs_authenticate_with_password  unknown      404   404   404   404   404   404   404   404   404   404   404   404   404   404
wagtailcore_authenticate_with_password  unknown      404   404   404   404   404   404   404   404   404   404   404   404   404   404
wagtail-page-login                  -                login login login login login login login login login login login login login login
wagtailcore_login                   -                login login login login login login login login login login login login login login
editorial-image                     missing          404   404   404   404   404   404   404   404   404   404   404   404   404   404
editorial-image                     traversal        400   400   400   400   400   400   400   400   400   400   400   400   400   400
# --- accounts (django-allauth) ---------------------------------------------------------------------------------------------------------
account_login                       -                ok    go    go    go    go    go    go    go    go    go    go    go    go    go
account_signup                      -                ok    go    go    go    go    go    go    go    go    go    go    go    go    go
account_logout                      -                go    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_inactive                    -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_reauthenticate              -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_email                       -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_email_verification_sent     -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_confirm_email               bad-key          ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_change_password             -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_set_password                -                login go    go    go    go    go    go    go    go    go    go    go    go    go
account_reset_password              -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_reset_password_done         -                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_reset_password_from_key     bad-key          ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_reset_password_from_key_done  -              ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
account_confirm_login_code          -                login go    go    go    go    go    go    go    go    go    go    go    go    go
mfa_index                           -                login ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
mfa_authenticate                    -                login go    go    go    go    go    go    go    go    go    go    go    go    go
mfa_reauthenticate                  -                login go    go    go    go    go    ok    ok    ok    ok    ok    go    go    go
mfa_activate_totp                   -                login go    go    go    go    go    go    go    go    go    go    go    go    go
mfa_deactivate_totp                 -                login 404   404   404   404   404   go    go    go    go    go    404   404   404
mfa_view_recovery_codes             -                login 404   404   404   404   404   404   404   404   404   404   404   404   404
mfa_generate_recovery_codes         -                login go    go    go    go    go    go    go    go    go    go    go    go    go
mfa_download_recovery_codes         -                login 404   404   404   404   404   404   404   404   404   404   404   404   404
# --- the admins: staff with the right duty and two-factor only; everyone else is told nothing is there ----------------------------------
wagtail-admin-login                 -                login 404   404   404   404   404   404   login 404   login login 404   404   404
/cms/*                              index            login 404   404   404   404   404   404   ok    404   ok    ok    404   404   404
/django-admin/*                     index            login 404   404   404   404   404   404   404   404   404   404   404   404   404
"""


def _page(key):
    return lambda world: world.objects[key].url


def _document(key):
    return lambda world: world.objects[key].url


SAMPLES = {
    ("wagtail_serve", "home"): lambda world: "/",
    ("wagtail_serve", "public-page"): _page("page:about"),
    ("wagtail_serve", "customer-page"): _page("page:customer-guide"),
    ("wagtail_serve", "no-such-page"): lambda world: "/no/such/page/",
    ("wagtaildocs_serve", "public-file"): _document("document:fact-sheet"),
    ("wagtaildocs_serve", "customer-file"): _document("document:customer-guide"),
    ("wagtaildocs_authenticate_with_password", "unknown"): lambda world: reverse(
        "wagtaildocs_authenticate_with_password", args=[999999]
    ),
    ("wagtailcore_authenticate_with_password", "unknown"): lambda world: reverse(
        "wagtailcore_authenticate_with_password", args=[999999, 999999]
    ),
    ("editorial-image", "missing"): lambda world: "/media/images/missing.png",
    ("editorial-image", "traversal"): lambda world: "/media/images/../../manage.py",
    ("account_confirm_email", "bad-key"): lambda world: reverse(
        "account_confirm_email", args=["not-a-key"]
    ),
    ("account_reset_password_from_key", "bad-key"): lambda world: reverse(
        "account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "not-a-key"}
    ),
    ("/cms/*", "index"): lambda world: "/cms/",
    ("/django-admin/*", "index"): lambda world: "/django-admin/",
}
