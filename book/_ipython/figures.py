"""The book's figures: drawn at twice their size on the page, saved with a 256-colour palette.

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
