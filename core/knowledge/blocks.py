"""The blocks an article is written with: every shared block (rich text, images, code,
tables, document attachments, embedded video, callouts) plus numbered steps, which how-to
articles need."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.cms.blocks import BodyBlock


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(
            blocks.RichTextBlock(features=["bold", "italic", "link", "code"]),
            template="knowledge/blocks/steps_block.html",
            icon="list-ol",
            label=_("Numbered steps"),
            **kwargs,
        )


class ArticleBodyBlock(BodyBlock):
    steps = StepsBlock()
