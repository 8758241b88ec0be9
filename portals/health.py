from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness for load balancers; also the benchmark's bare-view baseline. Reveals nothing."""
    return HttpResponse("ok", content_type="text/plain")
