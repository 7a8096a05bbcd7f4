"""The translation gate (book/check_translations.py) passes on complete catalogs and fails otherwise."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

GATE = Path(__file__).resolve().parents[1] / "book" / "check_translations.py"
spec = importlib.util.spec_from_file_location("check_translations", GATE)
gate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = gate  # dataclasses look their module up while the file runs
spec.loader.exec_module(gate)

HEADER = '''# A header like the ones sphinx-intl writes.
#, fuzzy
msgid ""
msgstr ""
"Language: ca\\n"
"Content-Type: text/plain; charset=utf-8\\n"

'''

TRANSLATED = '''msgid "Solution"
msgstr "Solució"

msgid ""
"A paragraph long enough to be wrapped "
"over two lines."
msgstr ""
"Un paràgraf prou llarg per ocupar "
"dues línies."

#~ msgid "An obsolete message nobody needs any more"
#~ msgstr ""
'''


def write_po(tmp_path: Path, body: str, name: str = "chapters/02-derivatives.po") -> Path:
    po = tmp_path / "ca" / "LC_MESSAGES" / name
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(HEADER + body, encoding="utf-8")
    return tmp_path


def test_complete_catalogs_pass(tmp_path, capsys):
    locale_dir = write_po(tmp_path, TRANSLATED)
    assert gate.main([str(locale_dir)]) == 0
    out = capsys.readouterr().out
    assert "chapters/02-derivatives.po: 2/2 translated (100%), 0 fuzzy, 0 untranslated" in out


def test_an_untranslated_entry_fails(tmp_path, capsys):
    locale_dir = write_po(tmp_path, TRANSLATED + '\nmsgid "Question"\nmsgstr ""\n')
    assert gate.main([str(locale_dir)]) == 1
    out = capsys.readouterr().out
    assert "2/3 translated (66%), 0 fuzzy, 1 untranslated" in out
    assert "untranslated (line" in out and "'Question'" in out


def test_a_fuzzy_entry_fails(tmp_path, capsys):
    fuzzy = '\n#, fuzzy\n#| msgid "Questions"\nmsgid "Question"\nmsgstr "Preguntes"\n'
    locale_dir = write_po(tmp_path, TRANSLATED + fuzzy)
    assert gate.main([str(locale_dir)]) == 1
    out = capsys.readouterr().out
    assert "2/3 translated (66%), 1 fuzzy, 0 untranslated" in out
    assert "fuzzy (line" in out


def test_every_file_is_reported_and_one_bad_file_fails_all(tmp_path, capsys):
    write_po(tmp_path, TRANSLATED, "index.po")
    locale_dir = write_po(tmp_path, 'msgid "Map of the book"\nmsgstr ""\n', "api.po")
    assert gate.main([str(locale_dir)]) == 1
    out = capsys.readouterr().out
    assert "index.po: 2/2" in out and "api.po: 0/1" in out


def test_no_catalog_at_all_fails(tmp_path):
    assert gate.main([str(tmp_path)]) == 1


@pytest.mark.parametrize("body, expected", [
    ('msgid "a"\nmsgstr "b"\n', [("a", ["b"], False)]),
    ('#, python-format, fuzzy\nmsgid "a"\nmsgstr "b"\n', [("a", ["b"], True)]),
    ('msgctxt "ctx"\nmsgid "a"\nmsgstr ""\n"b"\n', [("a", ["b"], False)]),
    ('msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] ""\n',
     [("one", ["un", ""], False)]),
    ('msgid "a \\"quoted\\" word"\nmsgstr "una paraula \\"citada\\""\n',
     [('a "quoted" word', ['una paraula "citada"'], False)]),
])
def test_parse_po(body, expected):
    entries = gate.parse_po(HEADER + body)
    assert [(e.msgid, e.msgstrs, e.fuzzy) for e in entries] == expected


def test_the_book_catalogs_are_complete(capsys):
    assert gate.main([]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("msgid, msgstr", [
    ("The accuracy on the test set.", "La precisió amb el conjunt de prova."),
    ("After one backward pass.", "Després d'un pas enrere."),
    ("Two forward passes.", "Dues vegades el pas endavant."),  # the English term's plural
    ("Each entry of the result.", "Cada entrada del resultat."),
    ("Its entries are repeated.", "Les seves entrades es repeteixen."),
    ("Momentum adds inertia.", "El Momentum hi afegeix inèrcia."),
    ("The decoder.", "El decodificador."),
    ("Years of education.", "Anys d'educació."),
    ("Wages.", "Salaris."),
    ("Eight components.", "Vuit components, la component principal."),
    # The forbidden forms (README's second table) fail whatever the English says.
    ("PCA", "(PCA, per les sigles en anglès)"),
    ("Line chart of the loss", "Gràfic de línia de la pèrdua"),
    ("the encoder (blue)", "el codificador (blau)"),
    ("(OR, blue)", "(OR, blau)"),
    ("the mean over the examples", "la mitjana sobre els exemples"),
    ("It works in two steps", "Treballa en dos passos"),
    ("The loss against the epoch n", "La pèrdua segons l'època n"),
    ("up to w = 3.2, b = 6.4", "fins a w = 3,2, b = 6,4"),  # whatever the English
    ("30% of the labels", "el 30% de les etiquetes"),
    ("the dotted line", "la línia puntejada"),
    ("with each of five seeds", "amb cadascuna de cinc llavors"),
    ("with $\\tau = 0.5$", "amb $\\tau = 0,5$"),  # typed in a formula: the build sets 0.5
    # A formula is the English one: only its words are translated.
    ("the factors $1, 0.9, 0.81$", "els factors $1; 0.9; 0.81$"),  # the build sets the semicolons
    ("the factors", "els factors $1, 0.9, 0.81$"),  # a formula the English does not have
    ("the sum over $i$ of $x_i$", "la suma per a $j$ de $x_j$"),
])
def test_a_forbidden_term_fails(tmp_path, capsys, msgid, msgstr):
    locale_dir = write_po(tmp_path, TRANSLATED + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')
    assert gate.main([str(locale_dir)]) == 1
    assert "forbidden term (line" in capsys.readouterr().out


@pytest.mark.parametrize("msgid, msgstr", [
    # The forbidden form in another sense: the English term is not in the message.
    ("float32 keeps six digits.", "La precisió dels float32 és de sis xifres."),
    ("The input of a neuron.", "L'entrada d'una neurona."),
    ("30% of the labels", "el 30\u00a0% de les etiquetes"),
    ("formats `{a:.0%}`", "formats `{a:.0%}`"),  # code
    ("the weight $w_{1,2}$ and $\\tau = 0.5$", "el pes $w_{1,2}$ i $\\tau = 0.5$"),  # an index pair
    # Code, formulas and English glosses are not prose.
    ("Momentum gives inertia: `momentum=0.9`.", "El *moment* (*momentum*) dona inèrcia: `momentum=0.9`."),
    (r"An autoencoder and its decoder $\\text{decoder}(z)$.",
     r"Un autocodificador (en anglès, *autoencoder*) i el descodificador $\\text{decodificador}(z)$."),
    ("Every entry of every gradient.", "Cada element de cada gradient."),
    ("the encoder (blue)", "el codificador (en blau)"),
    ("from 0 (white) to 16 (black)", "de 0 (blanc) a 16 (negre)"),  # a value's colour
    ("Line chart", "Gràfic de línies"),
    ("It depends on the seed", "Varia segons la llavor"),
    ("up to w = 3.2 and b = 6.4", "fins a w = 3,2 i b = 6,4, aproximadament"),
    ("the factors $1, 0.9, 0.81$ and $(3, 9)$", "els factors $1, 0.9, 0.81$ i el punt $(3, 9)$"),
    # Spaces and the words of a formula may change; a piece of the English formula may stand alone.
    (r"$\\mathcal{N}(0, 2/\\text{fan\\_in})$", r"$\\mathcal{N}(0, 2/n_\\text{ent})$"),
    (r"$\\text{out} = x^\\top w\\, x$", r"`out`, que és $x^\\top w\\, x$"),
    (r"the columns `cols`", r"les columnes `cols` ($\\text{columnes}$ a les fórmules)"),
    ("`[0.9, 0.7]`", "`[0.9, 0.7]`"),  # code keeps the point
])
def test_allowed_uses_pass(tmp_path, msgid, msgstr):
    locale_dir = write_po(tmp_path, TRANSLATED + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')
    assert gate.main([str(locale_dir)]) == 0


def test_the_terminology_table_has_the_book_s_terms():
    terms = {t.catalan: [form for form, _ in t.forbidden] for t in gate.terminology()}
    assert terms["exactitud"] == ["precisió"]
    assert terms["passada endavant"] == ["pas endavant"] and terms["passada enrere"] == ["pas enrere"]
    assert "entrada" in terms["element (of a vector, also component)"]
    assert terms["moment"] == ["momentum"]
    assert "decodificador" in terms["codificador / descodificador"]
    assert "la component" in terms["component, masculine (el component, els components)"]


# In .po text a backslash is written twice: r"\\text{x}" is the formula \text{x}.
@pytest.mark.parametrize("msgid, msgstr", [
    (r"$z = \\text{encoder}(x)$", r"$z = \\text{encoder}(x)$"),  # a word of the list
    (r"$\\operatorname{sign}(g)$", r"$\\operatorname{sign}(g)$"),
    (r"$A$, the attention", r"$\\operatorname{Attention}(Q, K, V)$"),  # listed, whatever the msgid
    (r"$n_\\mathrm{batch}$", r"$n_\\mathrm{batch}$"),  # not listed, but copied from the msgid
])
def test_an_english_word_in_a_formula_fails(tmp_path, capsys, msgid, msgstr):
    locale_dir = write_po(tmp_path, TRANSLATED + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')
    assert gate.main([str(locale_dir)]) == 1
    assert "in a formula" in capsys.readouterr().out


@pytest.mark.parametrize("msgid, msgstr", [
    (r"$z = \\text{encoder}(x)$", r"$z = \\text{codificador}(x)$"),
    (r"$w \\pm \\text{step}$", r"$w \\pm \\texttt{step}$"),  # a code name, shown as code
    (r"$\\operatorname{softmax}(z)$, $A_\\text{val}$", r"$\\operatorname{softmax}(z)$, $A_\\text{val}$"),
    (r"$\\mathrm{e}^x$", r"$\\mathrm{e}^x$"),  # one letter is a symbol, not a word
])
def test_catalan_or_shared_words_in_a_formula_pass(tmp_path, msgid, msgstr):
    locale_dir = write_po(tmp_path, TRANSLATED + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')
    assert gate.main([str(locale_dir)]) == 0


DISPLAY_MATH = re.compile(r"\$\$(.*?)\$\$|```\{math\}(.*?)```", re.S)


def words_in_display_math(markdown: str) -> list[str]:
    """The words inside \\text{}, \\mathrm{} or \\operatorname{} of the display math of ``markdown``
    that the Catalan edition could not show as they are: display math is not translated."""
    words = [w for block in DISPLAY_MATH.findall(markdown) for w in gate._FORMULA_WORD.findall("".join(block))]
    return [w for w in words if re.search(r"[A-Za-z]{2}", w) and w not in gate.SAME_IN_CATALAN]


def test_display_math_words_are_found():
    assert words_in_display_math("$$\n\\text{decoder}(\\mathrm{e}^x)\n$$ and $\\text{inline}$") == ["decoder"]
    assert words_in_display_math("```{math}\n\\operatorname{MultiHead}(X)\n```") == ["MultiHead"]


BOOK = Path(__file__).resolve().parents[1] / "book"


@pytest.mark.parametrize("page", sorted(p for p in BOOK.glob("**/*.md") if "_build" not in p.parts),
                         ids=lambda p: p.name)
def test_display_math_has_symbols_not_english_words(page):
    assert words_in_display_math(page.read_text(encoding="utf-8")) == []
