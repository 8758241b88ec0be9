"""Customer tickets, included under /customer/tickets/ in the customer namespace."""

from core.access.roles import Role
from core.tickets.requester.urls import requester_urlpatterns

urlpatterns = requester_urlpatterns(Role.CUSTOMER)
