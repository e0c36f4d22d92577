"""The blocks of an information page's body: headings and rich text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    """A section heading (an h2: the page's title is its h1)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("form_classname", "title")
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"


class TextBlock(blocks.RichTextBlock):
    """Paragraphs, lists, links and sub-headings (h3) under a heading."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h3", "bold", "italic", "code", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")


INFORMATION_BLOCKS = [("heading", HeadingBlock()), ("text", TextBlock())]
