"""The Catalan edition's build features (book/_ext/catalan.py): decimal comma in formulas,
search that understands Catalan (the same stems in Python and in the browser), and the
interface catalogs in «tu»."""

import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
sys.path.insert(0, str(BOOK / "_ext"))
sys.path.insert(0, str(BOOK))

import catalan  # noqa: E402
from check_translations import parse_po  # noqa: E402

LOCALE = BOOK / "locales" / "ca" / "LC_MESSAGES"


@pytest.mark.parametrize("tex, expected", [
    ("h = 0.001", "h = 0{,}001"),
    (r"\partial L/\partial b = -1.5 \cdot a = -4.5", r"\partial L/\partial b = -1{,}5 \cdot a = -4{,}5"),
    (r"\begin{bmatrix}1.5 & -1.5\end{bmatrix}", r"\begin{bmatrix}1{,}5 & -1{,}5\end{bmatrix}"),
    (r"\text{minigrad 0.1.2} = 0.5", r"\text{minigrad 0.1.2} = 0{,}5"),
    (r"\texttt{lr=0.1 {nested 2.5}} + 2.5", r"\texttt{lr=0.1 {nested 2.5}} + 2{,}5"),
    (r"\mathrm{e}^{0.5}", r"\mathrm{e}^{0{,}5}"),
    ("x_1, \\dots, x_n.", "x_1, \\dots, x_n."),  # a full stop is not a decimal point
    ("3. 4", "3. 4"),
    ("0{,}5", "0{,}5"),  # already written with a comma
    # with a decimal comma, a list separates its numbers with semicolons; without one, with commas
    (r"1, 0.9, 0.81, \dots", r"1; 0{,}9; 0{,}81; \dots"),
    ("x = (1, 0.5)", "x = (1; 0{,}5)"),
    ("x = (135, 57)", "x = (135, 57)"),
    (r"w_{1,2} = 0.5,", r"w_{1,2} = 0{,}5,"),  # an index pair, and the comma that ends a sentence
    (r"\text{a, b} = 0.5, c", r"\text{a, b} = 0{,}5; c"),
])
def test_decimal_comma(tex, expected):
    assert catalan.decimal_comma(tex) == expected


def test_decimal_comma_in_markdown_leaves_code_alone():
    text = ("Amb $h = 0.001$, `lr=0.001` i\n\n$$\nf(3.001) = 9.006001\n$$\n\n"
            "```python\nprint(0.5)\n```\nun 2.5 de la prosa.")
    assert catalan.decimal_comma_in_markdown(text) == (
        "Amb $h = 0{,}001$, `lr=0.001` i\n\n$$\nf(3{,}001) = 9{,}006001\n$$\n\n"
        "```python\nprint(0.5)\n```\nun 2.5 de la prosa.")


@pytest.mark.parametrize("words", [
    ["xarxa", "xarxes"],
    ["retropropagació", "retropropagacio", "retropropagacions", "Retropropagació"],
    ["neurona", "neurones"],
    ["pèrdua", "perdua", "pèrdues"],
    ["cel·la", "cel·les", "cella"],
    ["pràctica", "pràctiques"],
    ["biaix", "biaixos"],
    ["patró", "patrons"],
    ["exemple", "exemples"],
    ["gradient", "gradients"],
    ["força", "forces"],
])
def test_inflected_forms_share_a_stem(words):
    assert len({catalan.stem(w) for w in words}) == 1, {w: catalan.stem(w) for w in words}


def test_different_words_keep_different_stems():
    stems = [catalan.stem(w) for w in ["capa", "capítol", "pes", "pas", "sou", "sortida"]]
    assert len(set(stems)) == len(stems), stems


def _book_words() -> list[str]:
    text = " ".join(e.msgstrs[0] for po in sorted(LOCALE.rglob("*.po"))
                    for e in parse_po(po.read_text(encoding="utf-8")))
    return sorted(set(re.findall(r"[^\W\d_]+(?:·[^\W\d_]+)*", text)))


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the browser's code")
def test_browser_splits_and_stems_like_the_index():
    words = _book_words()
    assert len(words) > 1000
    sentence = "L'autocodificador de la cel·la, Retropropagació: xarxes_2 i ÀLGEBRA!"
    script = (BOOK / "_ext" / "catalan_search.js").read_text(encoding="utf-8") + """
const input = JSON.parse(require("fs").readFileSync(0, "utf-8"));
console.log(JSON.stringify({stems: input.words.map((w) => new Stemmer().stemWord(w)),
                            split: splitQuery(input.sentence)}));
"""
    out = subprocess.run(["node", "-e", script], input=json.dumps({"words": words, "sentence": sentence}),
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    python = [catalan.stem(w) for w in words]
    differ = [(w, p, j) for w, p, j in zip(words, python, result["stems"]) if p != j]
    assert not differ, differ[:20]
    assert result["split"] == catalan.SearchCatalan({}).split(sentence)


INDEX = ("Xarxes\n======\n\nLa retropropagació amb :math:`h = 0.001` i :math:`\\text{v1.5}`.\n\n"
         ".. math::\n\n   y = 1.5\\,x\n\nCapes\n-----\n\n.. toggle::\n\n   Amagat.\n")


def _build(tmp_path: Path, language: str, index: str = INDEX, warning: io.StringIO | None = None
           ) -> Path:
    """A one-page site built with book/_ext/catalan.py and the book's theme."""
    from sphinx.application import Sphinx

    src = tmp_path / "src"
    (src / "locales" / "ca" / "LC_MESSAGES").mkdir(parents=True)
    for name in ("sphinx.po", "booktheme.po"):
        shutil.copy(LOCALE / name, src / "locales" / "ca" / "LC_MESSAGES" / name)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(BOOK / '_ext')!r})\n"
        "extensions = ['catalan', 'sphinx_togglebutton']\n"
        f"language = {language!r}\nlocale_dirs = ['locales/']\n"
        f"templates_path = [{str(BOOK / '_templates')!r}]\n"
        "html_theme = 'sphinx_book_theme'\n"
        "html_context = {'minigrad_ui': {}, 'lang_links': []}\n", encoding="utf-8")
    (src / "index.rst").write_text(index, encoding="utf-8")
    out = tmp_path / "html"
    Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html",
           status=None, warning=warning, freshenv=True).build()
    return out


@pytest.fixture(scope="module")
def catalan_site(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("ca"), "ca")


def test_formulas_get_a_decimal_comma_in_catalan_only(catalan_site, tmp_path):
    page = (catalan_site / "index.html").read_text(encoding="utf-8")
    assert r"h = 0{,}001" in page and r"y = 1{,}5\,x" in page
    assert r"\text{v1.5}" in page
    english = (_build(tmp_path, "en") / "index.html").read_text(encoding="utf-8")
    assert "h = 0.001" in english and "{,}" not in english


def test_search_index_holds_folded_stems(catalan_site):
    index = (catalan_site / "searchindex.js").read_text(encoding="utf-8")
    assert '"xarx"' in index and '"retropropagaci"' in index
    assert "retropropagació" not in index.split('"titles"')[0]
    assert "window.Stemmer" not in (catalan_site / "_static" / "language_data.js").read_text()
    assert "catalanStem" in (catalan_site / "_static" / "language_data.js").read_text()


def test_interface_speaks_to_the_reader_as_tu(catalan_site):
    page = (catalan_site / "index.html").read_text(encoding="utf-8")
    assert 'title="Baixa el fitxer font"' in page
    assert 'aria-label="Índex del llibre"' in page and 'aria-label="Main"' not in page
    assert 'aria-label="Navegació de la pàgina"' in page and 'aria-label="Page"' not in page
    toggle = (catalan_site / "_static" / "togglebutton.js").read_text(encoding="utf-8")
    assert 'aria-label="Mostra o amaga el contingut"' in toggle
    assert "Toggle hidden content" not in toggle
    scripts = (catalan_site / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "La cerca no ha trobat cap p\\u00e0gina" in scripts
    for vosaltres in ("Descarregueu", "Baixeu", "Activeu", "La vostra cerca", "Cercar m"):
        assert vosaltres not in page + scripts.encode().decode("unicode_escape")


# --- the exercise stubs' hints -----------------------------------------------------------------
STUB = '''def perceptron_predict(w, b, x):
    """Docstring: replace ``raise NotImplementedError`` with your code."""
    raise NotImplementedError("the weighted sum and the bias decide; mind a sum of exactly 0")


def other():
    raise NotImplementedError('an apostrophe-free hint')
    raise NotImplementedError()
'''


def test_stub_hints_become_catalan_valid_python():
    hints = {"the weighted sum and the bias decide; mind a sum of exactly 0": "diu \"sí\" a l'u",
             "an apostrophe-free hint": 'una pista amb "cometes"'}
    code, unknown = catalan.catalan_hints(STUB, hints)
    assert unknown == []
    assert "raise NotImplementedError(\"diu \\\"sí\\\" a l'u\")" in code  # both quotes: escaped
    assert "raise NotImplementedError('una pista amb \"cometes\"')" in code  # the stub's quotes
    assert "``raise NotImplementedError`` with" in code and "NotImplementedError()" in code
    raised = [node.args[0].value for node in ast.walk(ast.parse(code))
              if isinstance(node, ast.Call) and node.args]
    assert raised == list(hints.values())


def test_a_stub_hint_missing_from_the_table_is_reported():
    code, unknown = catalan.catalan_hints(STUB + '    raise NotImplementedError(f"{x}")\n',
                                          {"an apostrophe-free hint": "una pista"})
    assert unknown == ["the weighted sum and the bias decide; mind a sum of exactly 0",
                       'NotImplementedError(f"{x}")']
    assert "mind a sum of exactly 0" in code and "'una pista'" in code


def test_every_stub_hint_has_catalan_text():
    hints = catalan.stub_hints()
    for stub in sorted((ROOT / "exercises").glob("ch*.py")):
        code, unknown = catalan.catalan_hints(stub.read_text(encoding="utf-8"), hints)
        assert not unknown, stub
        ast.parse(code)
    for solution in sorted((ROOT / "exercises" / "solutions").glob("ch*.py")):
        assert "NotImplementedError(" not in solution.read_text(encoding="utf-8"), solution


def _build_stub_page(tmp_path: Path, language: str) -> tuple[str, str]:
    """A page that includes a stub and its solution as the chapters do: its HTML, and the
    build's warnings."""
    src = tmp_path / "src"
    include = "".join(f".. literalinclude:: {os.path.relpath(ROOT / 'exercises' / path, src)}\n"
                      "   :language: python\n   :pyobject: perceptron_predict\n\n"
                      for path in ("ch03_perceptron.py", "solutions/ch03_perceptron.py"))
    warnings = io.StringIO()
    out = _build(tmp_path, language, f"Exercici\n========\n\n{include}", warnings)
    return (out / "index.html").read_text(encoding="utf-8"), warnings.getvalue()


def test_included_stubs_raise_the_catalan_hint_highlighted(tmp_path):
    hint = catalan.stub_hints()["the weighted sum and the bias decide; mind a sum of exactly 0"]
    page, warnings = _build_stub_page(tmp_path / "ca", "ca")
    assert "raises a hint" not in warnings, warnings  # (other apps in this process warn too)
    assert f'<span class="s2">"{hint}"</span>' in page  # still a highlighted string
    assert "mind a sum of exactly 0" not in page
    assert page.count('<span class="nf">perceptron_predict</span>') == 2  # and the solution
    english, _ = _build_stub_page(tmp_path / "en", "en")
    assert "mind a sum of exactly 0" in english and hint not in english


def test_an_included_stub_without_catalan_hint_fails_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(catalan, "stub_hints", lambda: {})
    page, warnings = _build_stub_page(tmp_path, "ca")
    assert "WARNING" in warnings and "ch03_perceptron.py raises a hint" in warnings, warnings
    assert "mind a sum of exactly 0" in warnings and "stub_hints.py" in warnings
