"""What the Catalan edition needs beyond the .po files of its pages.

* Decimal comma in formulas: in a formula a point between digits becomes ``{,}`` (TeX's
  comma without the space of a list separator), as the prose writes 0,5, and the list commas of
  such a formula become semicolons (1; 0,9; 0,81); text inside
  ``\\text{...}`` and its kin is left alone. The translators write ``$h = 0.001$`` as in English,
  and no formula, old or new, can show a decimal point, on the page or in the ``.ipynb``
  download.
* Search: Sphinx has no Catalan search language (it falls back to English). Ours folds accents
  and the middle dot (``retropropagacio`` finds «retropropagació», ``cella`` «cel·la») and
  strips plural and gender endings (``xarxes`` finds «xarxa»). The same rules run in the reader's
  browser (``catalan_search.js``), so the query is split and stemmed as the text was indexed.
* Interface in «tu», like the text: ``locales/ca/LC_MESSAGES/sphinx.po`` overrides the strings of
  Sphinx and of pydata-sphinx-theme (both use the ``sphinx`` domain, and Sphinx reads its own
  catalogs from ``locale_dirs`` first), ``booktheme.po`` those of sphinx-book-theme (its own
  domain, put in front of the theme's catalog here), and the JavaScript catalog
  (``translations.js``, the search page's messages) gets the same overrides.
* Exercise stubs: the hint each stub raises (``raise NotImplementedError("...")``) is English in
  the code, and exercises/grading/stub_hints.py holds its Catalan text. The stubs the chapters
  include, on the page and in the ``.ipynb`` download, raise the Catalan hint; a stub whose hint
  is not in that table fails the build.

Everything here is active only when the edition's language is ``ca``.
"""

from __future__ import annotations

import ast
import gettext
import json
import re
import runpy
import unicodedata
from functools import cache
from pathlib import Path

from babel.messages import pofile
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import get_translation, translators
from sphinx.search import SearchLanguage
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import CatalogInfo

HERE = Path(__file__).resolve().parent
EXERCISES = HERE.parents[1] / "exercises"
logger = logging.getLogger(__name__)

# --- decimal comma in formulas -----------------------------------------------------------------
# Commands whose argument is text, not mathematics (a version number, a word, code).
_TEXT_COMMAND = re.compile(r"\\(?:text(?:rm|it|bf|tt|sf)?|mathtt|mbox|operatorname)\s*\{")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_LIST_COMMA = re.compile(r",(?=[ \t])")  # not "x_{1,2}", nor a comma that ends a display line


def _group_end(tex: str, start: int) -> int:
    """The index just after the ``}`` that closes the group opened right before ``start``."""
    depth = 1
    i = start
    while i < len(tex) and depth:
        if tex[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(tex[i], 0)
        i += 1
    return i


def decimal_comma(tex: str) -> str:
    """``tex`` with every decimal point between two digits written as ``{,}``, outside text.

    Once a formula has a decimal comma, its list commas (a comma and a space) become semicolons,
    as Catalan writes (1; 0,9; 0,81): «1, 0,9, 0,81» would not say where a number ends.
    """
    maths, texts = [], []     # the formula cut into maths / text / maths / ... / maths
    pos = 0
    while (match := _TEXT_COMMAND.search(tex, pos)) is not None:
        end = _group_end(tex, match.end())
        maths.append(tex[pos:match.start()])
        texts.append(tex[match.start():end])
        pos = end
    maths.append(tex[pos:])
    if any(_DECIMAL_POINT.search(part) for part in maths):
        maths = [_LIST_COMMA.sub(";", _DECIMAL_POINT.sub("{,}", part)) for part in maths]
    return "".join(m + t for m, t in zip(maths, texts + [""]))


class DecimalCommaInFormulas(SphinxTransform):
    # After sphinx.transforms.i18n.Locale (priority 20): inline formulas come from the .po files.
    default_priority = 30

    def apply(self) -> None:
        if self.config.language != "ca":
            return
        for formula in [*self.document.findall(nodes.math),
                        *self.document.findall(nodes.math_block)]:
            tex = formula.astext()
            if (new := decimal_comma(tex)) != tex:
                formula.children = []
                formula += nodes.Text(new)


# Code spans and fences stay as written; display math, then inline math, get the comma.
_MARKDOWN_MATH = re.compile(r"(```.*?```|`[^`\n]*`)|\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)


def decimal_comma_in_markdown(text: str) -> str:
    """``text`` (MyST Markdown) with :func:`decimal_comma` applied to its formulas."""
    def formula(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        if match.group(2) is not None:
            return f"$${decimal_comma(match.group(2))}$$"
        return f"${decimal_comma(match.group(3))}$"
    return _MARKDOWN_MATH.sub(formula, text)


def localise_notebook(app: Sphinx, pagename: str, templatename: str, context: dict,
                      doctree: nodes.document | None) -> None:
    """The decimal comma and the stubs' Catalan hints in the ``.ipynb`` download (written by
    minigrad_book, with the included code in its Markdown cells)."""
    if app.config.language != "ca" or not context.get("ipynb_source"):
        return
    import nbformat

    path = Path(app.outdir, "_sources", context["ipynb_source"])
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            # Unknown hints are left to LocaliseStubHints, which sees where the code came from.
            cell.source = catalan_hints(decimal_comma_in_markdown(cell.source), stub_hints())[0]
    nbformat.write(notebook, path)


# --- the hints of the exercise stubs -----------------------------------------------------------
STUB_HINTS_FILE = EXERCISES / "grading" / "stub_hints.py"
# A call with an argument; the argument is group 1 when it is one plain string literal.
_HINT = re.compile(r"""NotImplementedError\((?!\s*\))"""
                   r"""(?:\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\))?""")


@cache
def stub_hints() -> dict[str, str]:
    """Each stub's English hint → its Catalan text, from exercises/grading/stub_hints.py (read
    by path: importing the grading package would load the whole pytest plugin)."""
    table = runpy.run_path(str(STUB_HINTS_FILE))["STUB_HINTS"]
    return {hint["en"]: hint["ca"] for hint in table.values()}


def python_string(text: str, quote: str = '"') -> str:
    """``text`` as a Python string literal, in ``quote`` unless only the other quote avoids
    escaping."""
    other = {'"': "'", "'": '"'}[quote]
    if quote in text and other not in text:
        quote = other
    return quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote


def catalan_hints(code: str, hints: dict[str, str]) -> tuple[str, list[str]]:
    """``code`` with each ``NotImplementedError("<English hint>")`` raising the hint's Catalan
    text from ``hints`` (English → Catalan), and the hints that ``hints`` lacks."""
    unknown: list[str] = []

    def catalan(match: re.Match) -> str:
        literal = match[1]
        if literal is None:  # an f-string, a name, a literal split over lines: not translatable
            unknown.append(code[match.start():].partition("\n")[0])
            return match[0]
        english = ast.literal_eval(literal)
        if english not in hints:
            unknown.append(english)
            return match[0]
        return f"NotImplementedError({python_string(hints[english], literal[0])})"
    return _HINT.sub(catalan, code), unknown


class LocaliseStubHints(SphinxTransform):
    """The Catalan hints in the code that ``literalinclude`` takes from an exercise stub
    (exercises/*.py; the solutions, in exercises/solutions/, raise nothing)."""
    # After sphinx.transforms.i18n.Locale (priority 20), before the writer highlights the code.
    default_priority = 30

    def apply(self) -> None:
        if self.config.language != "ca":
            return
        for block in self.document.findall(nodes.literal_block):
            source = block.get("source")
            if not source or Path(source).resolve().parent != EXERCISES:
                continue
            self.env.note_dependency(str(STUB_HINTS_FILE))  # a new translation re-reads the page
            code, unknown = catalan_hints(block.astext(), stub_hints())
            for hint in unknown:
                logger.warning("%s raises a hint that %s lacks, so the Catalan edition would "
                               "show it in English: %r", Path(source).name,
                               STUB_HINTS_FILE.relative_to(EXERCISES.parent), hint,
                               location=block)
            # The same text as rawsource too: the HTML writer highlights only a block whose
            # rawsource is its text (otherwise it takes it for a parsed-literal).
            block.rawsource = code
            block.children = [nodes.Text(code)]


# --- search ------------------------------------------------------------------------------------
_WORD = re.compile(r"\w+")
_VOWELS = "aeiou"
MIN_STEM = 3  # shorter words are kept whole: «pes» is not «p»


def fold(text: str) -> str:
    """Lower case without accents, diaeresis, cedilla or the middle dot of «l·l»."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "·‧")


def stem(word: str) -> str:
    """A light Catalan stemmer: plural and gender endings, on the folded word.

    xarxa, xarxes → xarx; retropropagació, retropropagacions → retropropagaci;
    pràctica, pràctiques → practic; biaix, biaixos → biaix; patró, patrons → patr.
    """
    w = fold(word)
    if w.endswith("ions"):
        cut = w[:-2]                   # convolucions → convolucio
    elif w.endswith(("ques", "gues")):
        cut = w[:-4] + {"q": "c", "g": "g"}[w[-4]]  # pràctiques → practic, amigues → amig
    elif w.endswith("os") and len(w) > 2 and w[-3] in "sxcz":
        cut = w[:-2]                   # biaixos → biaix, processos → process
    elif w.endswith("ns") and len(w) > 2 and w[-3] in _VOWELS:
        cut = w[:-2]                   # patrons → patro, mitjans → mitja
    elif w.endswith("es"):
        cut = w[:-2]                   # xarxes → xarx
    elif w.endswith("s"):
        cut = w[:-1]                   # gradients → gradient
    else:
        cut = w
    if len(cut) >= MIN_STEM:
        w = cut
    if len(w) > MIN_STEM and w[-1] in "aeo":
        w = w[:-1]                     # xarxa → xarx, exemple → exempl, patro → patr
    return w


# Words too common to search for, as the reader types them (folded); their stems too.
_STOPWORDS = """a al als amb aquest aquesta aquests aquestes d de del dels el els en es et fins
hi ho i l la les li m me n ne no o per pero que qui s se si sobre t te un una uns unes""".split()
STOPWORDS = frozenset(_STOPWORDS) | {stem(w) for w in _STOPWORDS}


class SearchCatalan(SearchLanguage):
    lang = "ca"
    language_name = "Catalan"
    stopwords = STOPWORDS
    js_stemmer_code = (HERE / "catalan_search.js").read_text(encoding="utf-8")

    def split(self, input: str) -> list[str]:
        return _WORD.findall(fold(input))

    def stem(self, word: str) -> str:
        return stem(word)


# --- interface strings -------------------------------------------------------------------------
def _catalog_dir(app: Sphinx) -> Path:
    return Path(app.srcdir, app.config.locale_dirs[0])


def _compiled(app: Sphinx, domain: str) -> Path:
    """The .mo of ``domain``'s .po in the edition's locale dir, compiled when outdated."""
    info = CatalogInfo(str(_catalog_dir(app) / app.config.language / "LC_MESSAGES"), domain,
                       app.config.source_encoding)
    if info.is_outdated():
        info.write_mo(app.config.language)
    return Path(info.mo_path)


def put_book_theme_catalog_first(app: Sphinx) -> None:
    """Our ``booktheme.po`` before sphinx-book-theme's own, which stays as the fallback."""
    if app.config.language != "ca":
        return
    _compiled(app, "booktheme")
    ours = gettext.translation("booktheme", str(_catalog_dir(app)), [app.config.language])
    theirs = translators.get(("general", "booktheme"))
    if theirs is not None and type(theirs) is not gettext.NullTranslations:
        ours.add_fallback(theirs)
    translators["general", "booktheme"] = ours


_ADD_TRANSLATIONS = re.compile(r"Documentation\.addTranslations\((.*)\);?\s*$", re.S)


def override_javascript_catalog(app: Sphinx, exception: Exception | None) -> None:
    """Sphinx copies its own JavaScript catalog as ``_static/translations.js``; give it the
    wording of our ``sphinx.po`` (the search page's messages are shown by searchtools.js)."""
    if exception is not None or app.config.language != "ca" or app.builder.format != "html":
        return
    target = Path(app.outdir, "_static", "translations.js")
    if not target.is_file():
        return
    data = json.loads(_ADD_TRANSLATIONS.search(target.read_text(encoding="utf-8")).group(1))
    po = _catalog_dir(app) / app.config.language / "LC_MESSAGES" / "sphinx.po"
    with po.open("rb") as f:
        for message in pofile.read_po(f):
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            if msgid in data["messages"] and message.string:  # the scripts' messages only
                # Plural forms are kept as a list, as in Sphinx's own catalog.
                data["messages"][msgid] = (list(message.string) if isinstance(message.id, tuple)
                                           else message.string)
    target.write_text(f"Documentation.addTranslations({json.dumps(data, indent=4)});\n",
                      encoding="utf-8")


def translate_toggle_button(app: Sphinx, exception: Exception | None) -> None:
    """sphinx-togglebutton writes its button's aria-label in English into its script."""
    if exception is not None or app.config.language != "ca" or app.builder.format != "html":
        return
    script = Path(app.outdir, "_static", "togglebutton.js")
    english = "Toggle hidden content"
    label = str(get_translation("sphinx")(english))
    if script.is_file() and label != english:
        text = script.read_text(encoding="utf-8")
        script.write_text(text.replace(f'aria-label="{english}"', f'aria-label="{label}"'),
                          encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_transform(DecimalCommaInFormulas)
    app.add_transform(LocaliseStubHints)
    app.add_search_language(SearchCatalan)
    app.connect("builder-inited", put_book_theme_catalog_first)
    # After minigrad_book has written the notebook (priority 500).
    app.connect("html-page-context", localise_notebook, priority=600)
    app.connect("build-finished", override_javascript_catalog)
    app.connect("build-finished", translate_toggle_button)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
