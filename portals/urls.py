from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.access import views as access_views
from core.people import views as people_views
from portals.health import healthz

# The Django admin signs in through allauth, so staff MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = settings.SITE_NAME

# Wagtail's own sign-in forms would bypass allauth (and with it MFA and rate limits).
to_allauth_login = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path(settings.DJANGO_ADMIN_PREFIX.strip("/") + "/", admin.site.urls),
    path(
        settings.WAGTAIL_ADMIN_PREFIX.strip("/") + "/login/",
        to_allauth_login,
        name="wagtail-admin-login",
    ),
    path(settings.WAGTAIL_ADMIN_PREFIX.strip("/") + "/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("core.people.urls")),
    path("healthz/", healthz, name="healthz"),
    path("start/", access_views.landing, name="portal-landing"),
    path("", include("core.access.urls")),
    path("customer/", include("customer_portal.urls")),
    path("partner/", include("partner_portal.urls")),
    path("employee/", include("employee_portal.urls")),
    path("investor/", include("investor_portal.urls")),
    path("i18n/setlang/", people_views.set_language, name="set_language"),
    path("", include("core.learning.urls")),
    path("", include("core.knowledge.urls")),
    # Editorial images (Wagtail renditions) are published content; every other upload is
    # served only by a view that checks who is asking.
    re_path(
        r"^media/(?P<path>images/.+)$",
        serve_static,
        {"document_root": settings.MEDIA_ROOT},
        name="editorial-image",
    ),
    path("_util/login/", to_allauth_login, name="wagtail-page-login"),
    path("", include(wagtail_urls)),
]
