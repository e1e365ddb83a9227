"""The HTML elements the loader treats alike: never report text, line-breaking blocks, headings."""

from __future__ import annotations

#: Elements whose content is never report text.
SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "map",
        "audio",
        "video",
        "head",
    ]
)
#: Elements that end the current line before and after their content.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    ]
)
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
