"""A URLconf without the portals: reversing a portal page fails under it."""

urlpatterns = []
