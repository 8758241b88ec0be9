"""StreamField blocks of the IR pages: key figures and governance (board, committees, policies)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=60, help_text=_("e.g. Revenue"))
    value = blocks.CharBlock(label=_("value"), max_length=30, help_text=_("e.g. 4.82"))
    unit = blocks.CharBlock(
        label=_("unit"), max_length=30, required=False, help_text=_("e.g. IDR trillion")
    )
    period = blocks.CharBlock(label=_("period"), max_length=30, help_text=_("e.g. FY 2025"))
    change = blocks.CharBlock(
        label=_("change"), max_length=30, required=False, help_text=_("e.g. +12% year on year")
    )

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "investors/blocks/key_figure.html"


class KeyFiguresBlock(blocks.StreamBlock):
    figure = KeyFigureBlock()


class BoardMemberBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    position = blocks.CharBlock(label=_("position"), max_length=120)
    since = blocks.CharBlock(label=_("on the board since"), max_length=20, required=False)
    independent = blocks.BooleanBlock(label=_("independent"), required=False)
    biography = blocks.TextBlock(label=_("biography"), required=False)

    class Meta:
        icon = "user"
        label = _("Board member")
        template = "investors/blocks/board_member.html"


class CommitteeBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    chair = blocks.CharBlock(label=_("chair"), max_length=120)
    members = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("members"))
    remit = blocks.TextBlock(label=_("remit"), required=False)

    class Meta:
        icon = "group"
        label = _("Committee")
        template = "investors/blocks/committee.html"


class PolicyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=160)
    summary = blocks.TextBlock(label=_("summary"), required=False)
    text = blocks.RichTextBlock(label=_("text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Policy")
        template = "investors/blocks/policy.html"


class GovernanceBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", label=_("Heading"))
    paragraph = blocks.RichTextBlock(icon="pilcrow", label=_("Paragraph"))
    board_member = BoardMemberBlock()
    committee = CommitteeBlock()
    policy = PolicyBlock()
