"""Sphinx configuration of the minigrad book, English source and Catalan translation.

One source tree builds both editions. The language comes from the environment variable
``MINIGRAD_BOOK_LANG`` (``en`` or ``ca``) rather than from ``sphinx-build -D language=...``,
because ``-D`` is applied after this file runs and the per-language values below (interface
strings, title) must be chosen here. ``make book`` builds each language into its own folder,
``_build/html/<lang>``, with its own doctree cache so that incremental rebuilds stay incremental.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent.resolve()
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "_ext"))
# The book documents and runs the minigrad of its own checkout, whatever else is installed:
# autodoc imports it from here, and the kernels that execute the chapters inherit PYTHONPATH.
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

LANGUAGES = {"en": "English", "ca": "Català"}
language = os.environ.get("MINIGRAD_BOOK_LANG", "en")
if language not in LANGUAGES:
    raise ValueError(f"MINIGRAD_BOOK_LANG must be one of {sorted(LANGUAGES)}, not {language!r}")

# Interface text that neither Sphinx nor the theme translates into Catalan (or that we word
# ourselves); everything written in the chapters is translated through the .po files instead.
INTERFACE = {
    "en": {
        "title": "minigrad: deep learning from scratch",
        "authors": "the minigrad authors",
        "search": "Search...",
        "sidebar": "The book's contents and search",
        "toggle_primary": "Show or hide the table of contents",
        "toggle_secondary": "Show or hide the contents of this page",
        "toc_title": "Contents",
        "toggle_show": "Click to show",
        "toggle_hide": "Click to hide",
        "code_show": "Show code cell {type}",
        "code_hide": "Hide code cell {type}",
        "switch_label": "Language",
        "download": "Download this page",
        "download_notebook": "Download this page as a Jupyter notebook",
        "download_source": "Download this page's MyST Markdown source",
        "print_page": "Print this page, or save it as PDF",
        "print": "Print",
        "figure": "Figure %s",
    },
    "ca": {
        "title": "minigrad: aprenentatge profund des de zero",
        "authors": "l'equip de minigrad",  # after the theme's "Per" ("Per els" is not Catalan)
        "search": "Cerca...",
        "sidebar": "Índex i cerca del llibre",
        "toggle_primary": "Mostra o amaga l'índex del llibre",
        "toggle_secondary": "Mostra o amaga els continguts d'aquesta pàgina",
        "toc_title": "Continguts",
        "toggle_show": "Fes clic per mostrar-ho",
        "toggle_hide": "Fes clic per amagar-ho",
        "code_show": "Mostra la cel·la de codi",
        "code_hide": "Amaga la cel·la de codi",
        "switch_label": "Idioma",
        "download": "Baixa aquesta pàgina",
        "download_notebook": "Baixa aquesta pàgina com a quadern de Jupyter",
        "print_page": "Imprimeix aquesta pàgina o desa-la en PDF",
        "print": "Imprimeix",
        "figure": "Figura %s",
    },
}
ui = INTERFACE[language]

project = "minigrad"
author = ui["authors"]
copyright = f"2026, {ui['authors']}"
html_title = ui["title"]

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
    "sphinx_design",
    "sphinx_togglebutton",
    "minigrad_book",  # book/_ext: language switcher, .ipynb downloads, API page
    "catalan",  # book/_ext: the Catalan edition's decimal comma, search and interface strings
    "figures",  # book/_ext: figures numbered per chapter (3.1, A.1), translated alt text
    "printed_book",  # book/_ext: the single page that `make pdf` prints
    "cache_inputs",  # book/_ext: executes a page again when the files it reads change
]

# Quotes stay as written: docutils' smart quotes read the Catalan apostrophe before
# emphasis (l'*error*) as an opening quote and print l”error. Dashes and ellipses still convert.
smartquotes_action = "De"

exclude_patterns = ["_build", ".jupyter_cache", "locales", "tests", "README.md",
                    "**.ipynb_checkpoints"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["minigrad-book.css", "minigrad-icons.css"]
html_js_files = ["minigrad-book.js"] + (["catalan.js"] if language == "ca" else [])
# The .md download is the English source: only the English edition offers it (_sources/*.md).
html_copy_source = language == "en"
nitpicky = True

# --- translation -----------------------------------------------------------
locale_dirs = ["locales/"]
gettext_compact = False   # one .po per page: chapter writers translate their own file
gettext_location = False  # line numbers in .po files would churn on every edit of a chapter
gettext_uuid = False
# The API reference is generated from minigrad's docstrings, which are English and change
# whenever the library changes. Translating them in the .po files would make every docstring
# edit break the 100%-translated gate, and a reference must match the code it describes, so
# the docstrings stay English in both editions, like the code cells. The extension in
# book/_ext marks everything autodoc generates as not translatable, which keeps it out of the
# .po files; the API page's own headings and introduction are translated as usual.

# --- notebooks: executed once per language, cached ---------------------------
nb_execution_mode = "cache"
# The kernels learn the edition from MINIGRAD_BOOK_LANG: the Catalan ones draw the numbers of
# figures with a decimal comma (_ipython/figures.py). The printed outputs are the same in both
# editions (timings aside), but each edition keeps the figures it drew in a cache of its own.
os.environ["MINIGRAD_BOOK_LANG"] = language
nb_execution_cache_path = str(HERE / ".jupyter_cache" / language)
# The cache matches a notebook by its code alone; a page whose outputs depend on other files is
# listed here with them (glob patterns in the book's folder), and executed again when they change
# (book/_ext/cache_inputs.py). Chapter 13 trains on the prose of every chapter, in both languages.
minigrad_cache_inputs = {
    "chapters/13-attention-and-transformers": ["chapters/*.md",
                                               "locales/ca/LC_MESSAGES/chapters/*.po"],
}
nb_execution_raise_on_error = True  # a failing cell fails the build
nb_execution_show_tb = True
nb_execution_timeout = 120          # seconds per cell
nb_merge_streams = True
nb_ipywidgets_js = {}               # its default loads require.js from a CDN; we have no widgets
nb_code_prompt_show = ui["code_show"]
nb_code_prompt_hide = ui["code_hide"]
# Figures: the kernel's inline backend draws with Agg into PNG, whatever the machine has.
# A figure is a code cell's image output with a name, caption and alt text (book/README.md).
numfig = True
numfig_format = {"figure": ui["figure"]}
# The gettext builder keeps image outputs (by default it keeps only their text/plain repr), so
# that their alt text is extracted into the .po files.
nb_mime_priority_overrides = [("gettext", "image/png", 5)]
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
# The kernels' IPython profile lives in the book (see _ipython/profile_default).
os.environ["IPYTHONDIR"] = str(HERE / "_ipython")

myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# --- math, offline -----------------------------------------------------------
# MathJax 3 as separate components, served from _static (see _static/mathjax/NOTICE): only the
# TeX the book writes (base and AMS: aligned, bmatrix, \operatorname, \dfrac, ...), HTML output
# (its fonts are small files fetched as needed; the SVG output's one font file weighs 1 MB) and
# the MathML that screen readers read. A TeX command outside these shows as an error on the page,
# which book/tests/test_page_weight.py finds: add its extension here and in _static/mathjax.
mathjax_path = "mathjax/startup.js"
mathjax3_config = {
    "loader": {"load": ["input/tex-base", "[tex]/ams", "output/chtml", "a11y/assistive-mml"]},
    "tex": {"packages": ["base", "ams"]},
    "options": {"enableMenu": False},
}

# --- API reference -------------------------------------------------------------
# The API page documents these modules in this order; one that cannot be imported stops the build.
# viewcode gives every documented object a link to its highlighted source, on pages in the site.
minigrad_api_modules = ["minigrad", "minigrad.scalar", "minigrad.scalar_nn", "minigrad.functional",
                        "minigrad.nn", "minigrad.optim", "minigrad.optim.lr_scheduler",
                        "minigrad.data", "minigrad.text", "minigrad.train", "minigrad.viz",
                        "minigrad.utils.data"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Tensor's operations live in mixins grouped by concept (minigrad/elementwise.py, ...): document
# them on Tensor itself, but not what every Module, Parameter or Optimizer inherits again.
autodoc_default_options = {"members": True,
                           "inherited-members": "object, Module, Tensor, Optimizer, Dataset, tuple"}
napoleon_numpy_docstring = False
# No intersphinx (the book is offline), so names from numpy or the standard library in
# signatures stay plain text instead of failing the nitpicky build. Docstrings may also name
# minigrad's internal modules (where the code lives), which the reference does not document.
nitpick_ignore_regex = [(r"py:.*", r"(?!minigrad\b).*"), (r"py:mod", r"minigrad\..*")]
# The node returned by Tensor.grad_fn is described there, not documented as a class of its own.
nitpick_ignore = [("py:class", "minigrad.autograd.GradFn")]

# --- theme -------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_favicon = "_static/favicon.svg"
html_theme_options = {
    "toc_title": ui["toc_title"],
    "search_bar_text": ui["search"],
    # One search box: the sidebar's on a desktop, the header's button where the sidebar folds away
    # (the theme's default adds a second one above the sidebar).
    "navbar_persistent": [],
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,  # our own menu: _templates/article-header-buttons.html
    "use_fullscreen_button": False,
    "article_header_end": ["lang-switch", "article-header-buttons"],
}
minigrad_languages = LANGUAGES
# default_mode: the theme follows the reader's system until they pick light or dark (left empty,
# it logs an error on a reader's first visit).
html_context = {"minigrad_ui": ui, "default_mode": "auto"}
html_last_updated_fmt = None  # a date would make every rebuild rewrite every page
togglebutton_hint = ui["toggle_show"]
togglebutton_hint_hide = ui["toggle_hide"]
