"""StreamField blocks shared by every page type that editors write."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CodeBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(
        choices=[
            ("text", _("Plain text")),
            ("bash", "Shell"),
            ("python", "Python"),
            ("json", "JSON"),
            ("sql", "SQL"),
            ("html", "HTML"),
            ("javascript", "JavaScript"),
        ],
        default="text",
    )
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        template = "cms/blocks/code_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    alt_text = blocks.CharBlock(
        required=False, help_text=_("Describe the image for people who cannot see it.")
    )

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("success", _("Tip"))],
        default="info",
    )
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        template = "cms/blocks/callout_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="cms/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(icon="pilcrow")
    image = ImageWithCaptionBlock()
    callout = CalloutBlock()
    code = CodeBlock()
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("rich_text", blocks.RichTextBlock(features=["bold", "link"])),
        ],
        icon="table",
        template="cms/blocks/table_block.html",
    )
    document = DocumentChooserBlock(icon="doc-full", template="cms/blocks/document_block.html")
    embed = EmbedBlock(help_text=_("A video or other media address, e.g. a YouTube link."))
