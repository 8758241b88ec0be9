"""The quiz, as editors write it: a list of questions inside the course page's form."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        icon = "tick"
        label = _("answer")


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"

    question = blocks.TextBlock(label=_("question"), max_length=1000)
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[(SINGLE, _("One right answer")), (MULTIPLE, _("Several right answers"))],
        default=SINGLE,
    )
    choices = blocks.ListBlock(AnswerBlock(), label=_("answers"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_("Shown after an attempt, to teach rather than only to test."),
    )

    class Meta:
        icon = "help"
        label = _("question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct == 0:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Mark at least one answer correct."))]
            )
        if value["kind"] == self.SINGLE and correct != 1:
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _("A question with one right answer needs exactly one marked correct.")
                    )
                ]
            )
        return value


class QuizBlock(blocks.StreamBlock):
    question = QuestionBlock()
