"""StreamField blocks of a lesson body.

Content blocks (text, image, video, callouts, documents) render through their own
templates. Knowledge-check questions, reflection questions and practice assignments
are *interactive*: the lesson page renders them itself, with the learner's state,
from :mod:`courses.questions`. They must stay top-level children of the lesson body,
because the StreamField block id is the stable UUID that learners' answers are tied
to (see docs/courses.md, "Editing does not break progress").
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Lesson text sits under the lesson's <h1>, so it starts at <h2>.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def _non_block_error(message) -> StructBlockValidationError:
    return StructBlockValidationError(non_block_errors=[ValidationError(message)])


# --- Content -----------------------------------------------------------------


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """An uploaded video file (a Wagtail document) or an embedded video."""

    title = blocks.CharBlock(
        label=_("title"), max_length=200, help_text=_("Names the video for everyone.")
    )
    video_file = DocumentChooserBlock(
        label=_("video file"),
        required=False,
        help_text=_("An MP4 or WebM file. Choose either a file or an embed URL."),
    )
    embed_url = EmbedBlock(
        label=_("embed URL"),
        required=False,
        help_text=_("A video on YouTube, Vimeo or similar."),
    )
    captions = DocumentChooserBlock(
        label=_("captions file"),
        required=False,
        help_text=_("A WebVTT file (.vtt). Required for an uploaded video."),
    )
    captions_language = blocks.ChoiceBlock(
        label=_("captions language"),
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Everything that is said and shown, for people who cannot watch."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        has_file = bool(value.get("video_file"))
        has_embed = bool(value.get("embed_url"))
        errors = {}
        if has_file == has_embed:
            raise _non_block_error(_("Choose either a video file or an embed URL."))
        captions = value.get("captions")
        if has_file and not captions:
            errors["captions"] = ValidationError(
                _("An uploaded video needs a captions file.")
            )
        if captions and not captions.filename.lower().endswith(".vtt"):
            errors["captions"] = ValidationError(
                _("The captions file must be a WebVTT file (.vtt).")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("tip", _("Tip")),
            ("note", _("Good to know")),
            ("warning", _("Watch out")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Tip or callout")
        template = "courses/blocks/callout.html"


class PracticeExampleBlock(blocks.StructBlock):
    """ "In de praktijk": how it goes on the work floor of a municipality."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    role = blocks.CharBlock(
        label=_("who"),
        required=False,
        max_length=200,
        help_text=_('For example "Medewerker KCC" or "Vergunningverlener".'),
    )
    text = blocks.RichTextBlock(label=_("text"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "user"
        label = _('"In de praktijk" example')
        template = "courses/blocks/practice_example.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "download"
        label = _("Downloadable document")
        template = "courses/blocks/download.html"


# --- Knowledge checks --------------------------------------------------------


class QuestionBlock(blocks.StructBlock):
    """What every knowledge-check question has. Texts are plain, so that the
    questions of a whole module can be read without database queries."""

    prompt = blocks.TextBlock(label=_("question"))
    points = blocks.IntegerBlock(label=_("points"), min_value=0, default=1)
    max_attempts = blocks.IntegerBlock(
        label=_("attempts"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to use the module's retry rule."),
    )
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_(
            "Shown once the learner has answered correctly or has no attempts left."
        ),
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/question_preview.html"


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer option"), max_length=500)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown when the learner chooses this option."),
    )


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("options"))

    class Meta:
        label = _("Knowledge check: single choice")

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise _non_block_error(_("Mark exactly one option as correct."))
        return value


class MultipleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, label=_("options"))

    class Meta:
        label = _("Knowledge check: multiple choice")

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise _non_block_error(_("Mark at least one option as correct."))
        return value


class TrueFalseBlock(QuestionBlock):
    correct_answer = blocks.ChoiceBlock(
        label=_("correct answer"),
        choices=[("true", _("True")), ("false", _("False"))],
    )
    feedback_true = blocks.TextBlock(label=_('feedback on "true"'), required=False)
    feedback_false = blocks.TextBlock(label=_('feedback on "false"'), required=False)

    class Meta:
        label = _("Knowledge check: true or false")


class OrderingStepBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("step"), max_length=500)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown when the learner puts this step in the wrong place."),
    )


class OrderingBlock(QuestionBlock):
    steps = blocks.ListBlock(
        OrderingStepBlock(),
        min_num=2,
        label=_("steps, in the correct order"),
        help_text=_("Learners see them shuffled and put them in order."),
    )

    class Meta:
        label = _("Knowledge check: put the steps in order")


class MatchingPairBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("term"), max_length=200)
    definition = blocks.CharBlock(label=_("definition"), max_length=500)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown when the learner matches this term wrongly."),
    )


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(
        MatchingPairBlock(), min_num=2, label=_("terms and their definitions")
    )

    class Meta:
        label = _("Knowledge check: match terms to definitions")

    def clean(self, value):
        value = super().clean(value)
        terms = [pair["term"].strip().lower() for pair in value["pairs"]]
        definitions = [pair["definition"].strip().lower() for pair in value["pairs"]]
        if len(set(terms)) != len(terms) or len(set(definitions)) != len(definitions):
            raise _non_block_error(
                _("Every term and every definition must be different.")
            )
        return value


# --- Reflection and practice -------------------------------------------------


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("reflection question"))
    guidance = blocks.TextBlock(
        label=_("guidance"),
        required=False,
        help_text=_("A hint on what a good reflection covers."),
    )

    class Meta:
        icon = "openquote"
        label = _("Reflection question")
        template = "courses/blocks/question_preview.html"


_SCENARIO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class PracticeAssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=SHORT_RICH_TEXT_FEATURES
    )
    # TODO(sandbox): replace by a chooser of sandbox scenarios once the sandbox app
    # offers one; until then the editor types the scenario's identifier (slug or UUID).
    scenario_id = blocks.CharBlock(
        label=_("sandbox scenario"),
        max_length=64,
        help_text=_("The identifier of the practice scenario in the sandbox."),
    )
    required = blocks.BooleanBlock(
        label=_("required to complete the module"), required=False, default=True
    )

    class Meta:
        icon = "tasks"
        label = _("Practice assignment")
        template = "courses/blocks/question_preview.html"

    def clean(self, value):
        value = super().clean(value)
        if not _SCENARIO_ID.match(value["scenario_id"]):
            raise StructBlockValidationError(
                block_errors={
                    "scenario_id": ValidationError(
                        _("Use letters, digits, dots, hyphens and underscores only.")
                    )
                }
            )
        return value


# Block type names are stored with every answer's question: never rename them.
QUESTION_BLOCK_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "ordering",
    "matching",
)
REFLECTION_BLOCK_TYPE = "reflection"
ASSIGNMENT_BLOCK_TYPE = "practice_assignment"


class LessonBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="courses/blocks/rich_text.html",
    )
    image = AccessibleImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    practice_example = PracticeExampleBlock()
    download = DownloadBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    ordering = OrderingBlock()
    matching = MatchingBlock()
    reflection = ReflectionBlock()
    practice_assignment = PracticeAssignmentBlock()
