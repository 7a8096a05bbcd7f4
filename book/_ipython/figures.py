"""The book's figures: drawn at twice their size on the page, saved with a 256-colour palette,
and in the Catalan edition with a decimal comma in their numbers.

Every kernel that runs a chapter executes this file (profile_default/ipython_kernel_config.py).

Twice the pixels keep tick labels sharp on phones and HiDPI screens; a plot has few colours, so
the palette (with the alpha the figure has) costs nothing visible and makes the PNG smaller than
a full-colour one at 1x. The page shows it at half its pixel size (the width and height below).
"""


def _use_palette_png() -> None:
    import io

    # Importing the inline backend installs its PNG formatter: now, so that it will not replace
    # the one below when a chapter first draws.
    import matplotlib_inline.backend_inline  # noqa: F401
    from IPython import get_ipython
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure
    from PIL import Image

    def palette_png(figure: Figure):
        data = print_figure(figure, fmt="retina", base64=False, bbox_inches="tight")
        if data is None:  # a figure with nothing drawn on it
            return None
        image = Image.open(io.BytesIO(data))
        # FASTOCTREE is the quantiser that keeps an alpha channel.
        palette = image.quantize(256, method=Image.Quantize.FASTOCTREE)
        buffer = io.BytesIO()
        palette.save(buffer, format="png", optimize=True)
        return buffer.getvalue(), {"width": image.width // 2, "height": image.height // 2}

    get_ipython().display_formatter.formatters["image/png"].for_type(Figure, palette_png)


_use_palette_png()
del _use_palette_png


def _decimal_comma_in_catalan() -> None:
    """In the Catalan edition, the numbers drawn on a figure take a decimal comma, as the prose.

    Every text of a figure (tick labels, titles, legends, annotations) is set by Text.set_text:
    there a point between two digits becomes a comma, written ``{,}`` inside ``$...$`` so that
    mathtext puts no space after it (as book/_ext/catalan.py does for the page's formulas).
    book/conf.py names the edition in MINIGRAD_BOOK_LANG and keeps one execution cache per
    edition, so the English figures keep their points.
    """
    import os
    import re

    if os.environ.get("MINIGRAD_BOOK_LANG") != "ca":
        return
    from matplotlib.text import Text

    math = re.compile(r"(\$[^$]+\$)")  # split() keeps the formulas at the odd indices
    point = re.compile(r"(?<=\d)\.(?=\d)")
    set_text = Text.set_text

    def set_text_with_comma(self: Text, s) -> None:
        if s is not None:
            s = "".join(point.sub("{,}" if i % 2 else ",", part)
                        for i, part in enumerate(math.split(str(s))))
        set_text(self, s)

    Text.set_text = set_text_with_comma


_decimal_comma_in_catalan()
del _decimal_comma_in_catalan
