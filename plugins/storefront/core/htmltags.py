"""Which tag names are HTML: the elements of the WHATWG HTML standard (current and obsolete
ones browsers still parse), SVG and MathML, and custom elements (a hyphen in the name).

A name that is none of these (`<VERSION>`, `<this module name>`, `<your_user>`) is almost
always a placeholder that Markdown passed through as raw HTML: the browser makes an element
of it and hides it.

`parse` is the suite's HTML parser for built pages (selectolax's lexbor, loaded on the first
page parsed: a warm build that takes every page from the caches never loads it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

HTML_ELEMENTS = frozenset("""
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big
blink blockquote body br button canvas caption center cite code col colgroup data datalist dd
del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins
isindex kbd keygen label legend li link listing main map mark marquee menu menuitem meta
meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option output p
param picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select
selectedcontent slot small source spacer span strike strong style sub summary sup table
tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
""".split())

SVG_ELEMENTS = frozenset(name.lower() for name in """
svg animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend
feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence filter foreignObject g line
linearGradient marker mask metadata mpath path pattern polygon polyline radialGradient rect
set stop switch symbol text textPath tspan use view
""".split())

MATHML_ELEMENTS = frozenset("""
math annotation annotation-xml maction menclose merror mfenced mfrac mi mmultiscripts mn mo
mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable
mtd mtext mtr munder munderover semantics
""".split())

KNOWN_ELEMENTS = HTML_ELEMENTS | SVG_ELEMENTS | MATHML_ELEMENTS


def is_html_tag(name: str, *, foreign: bool = True) -> bool:
    """True for an HTML element name (any case), a custom element (`my-widget`) and, unless
    `foreign` is False, an SVG or MathML element."""
    lowered = name.lower()
    if "-" in lowered and lowered[:1].isalpha():
        return True
    return lowered in (KNOWN_ELEMENTS if foreign else HTML_ELEMENTS)


def parse(html: str) -> LexborHTMLParser:
    """A lexbor parse of `html`."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(html)
