from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from core.notifications.services import email_queue


class AccountAdapter(DefaultAccountAdapter):
    """allauth's hooks: where people land after sign-in, and e-mail through the outbox."""

    def login(self, request, user):
        """From the moment of sign-in, the person's own language (the welcome message too)."""
        super().login(request, user)
        if user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def get_login_redirect_url(self, request):
        return reverse("portal-landing")

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        email_queue(to=email, subject=message.subject, text=message.body, html=html)
