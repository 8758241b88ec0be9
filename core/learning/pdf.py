"""A certificate as a one-page PDF (fpdf2: pure Python, no system libraries)."""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

INK = (23, 32, 46)
SOFT = (74, 85, 103)
BRAND = (11, 110, 121)


def _latin1(text: str) -> str:
    # The built-in PDF fonts speak Latin-1; anything else is replaced rather than failing.
    return str(text).encode("latin-1", "replace").decode("latin-1")


def certificate_pdf(certificate, *, language: str | None = None) -> bytes:
    with translation.override(language or settings.LANGUAGE_CODE):
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_title(_latin1(f"{certificate.course_title} - {certificate.holder_name}"))
        pdf.set_author(_latin1(settings.SITE_NAME))
        pdf.set_auto_page_break(auto=False)
        pdf.add_page()
        width = pdf.w - 40
        pdf.set_draw_color(*BRAND)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_line_width(0.4)
        pdf.rect(14, 14, pdf.w - 28, pdf.h - 28)

        def line(text, size, *, style="", color=INK, gap=4.0):
            pdf.set_x(20)
            pdf.set_font("Helvetica", style, size)
            pdf.set_text_color(*color)
            pdf.multi_cell(width, size * 0.5, _latin1(text), align="C")
            pdf.ln(gap)

        pdf.set_y(32)
        line(settings.SITE_NAME.upper(), 12, style="B", color=BRAND, gap=10)
        line(_("Certificate of completion"), 30, style="B", gap=10)
        line(_("This certifies that"), 13, color=SOFT)
        line(certificate.holder_name, 26, style="B", gap=6)
        line(_("has successfully completed the course"), 13, color=SOFT)
        line(certificate.course_title, 20, style="B", gap=8)
        issued = formats.date_format(certificate.issued_at, "j F Y")
        details = _("Issued on %(date)s") % {"date": issued}
        if certificate.score is not None:
            details += "  ·  " + _("Quiz score %(score)s%%") % {"score": certificate.score}
        if certificate.expires_at:
            details += "  ·  " + _("Valid until %(date)s") % {
                "date": formats.date_format(certificate.expires_at, "j F Y")
            }
        line(details.replace("·", "-"), 12, color=SOFT, gap=14)
        verify_url = settings.SITE_URL.rstrip("/") + reverse(
            "learning:verify-code", args=[certificate.code]
        )
        line(_("Verification code: %(code)s") % {"code": certificate.display_code}, 12, style="B")
        line(_("Check it at %(url)s") % {"url": verify_url}, 10, color=SOFT)
        return bytes(pdf.output())
