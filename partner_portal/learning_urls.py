from core.access.roles import Role
from core.learning.views import learning_urlpatterns

urlpatterns = learning_urlpatterns(Role.PARTNER)
