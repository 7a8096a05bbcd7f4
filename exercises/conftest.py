"""Grading: pytest grades the exercises of this folder with the plugin in ``grading/``.

Read ``grading/plugin.py`` for how a run goes, ``grading/grading.py`` for what graders use
(``submission``, ``grade``), and ``README.md`` for how learners and teachers use it.
"""

try:
    import minigrad  # noqa: F401 - the library the exercises build on
except ImportError as error:  # pytest from outside .venv: say how to set up, not a traceback
    raise SystemExit(
        f"minigrad cannot be imported ({error}).\n"
        "Set up once, from the repository root: `make exercises`, then "
        "`source .venv/bin/activate`, and grade again with `pytest exercises`.\n"
        "No es pot importar minigrad. Prepara-ho un cop, des de l'arrel del repositori: "
        "`make exercises` i després `source .venv/bin/activate`; torna a corregir amb "
        "`pytest exercises --lang ca`.") from None

from grading.plugin import grade, pytest_addoption, pytest_configure, submission  # noqa: E402

__all__ = ["grade", "pytest_addoption", "pytest_configure", "submission"]
