from core.access.roles import Role
from core.cms.views import PortalDashboardView


class DashboardView(PortalDashboardView):
    portal_role = Role.EMPLOYEE
    template_name = "employee_portal/dashboard.html"
