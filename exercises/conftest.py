"""Grading: pytest grades the exercises of this folder with the plugin in ``grading/``.

Read ``grading/plugin.py`` for how a run goes, ``grading/grading.py`` for what graders use
(``submission``, ``grade``), and ``README.md`` for how learners and teachers use it.
"""

from grading.plugin import grade, pytest_addoption, pytest_configure, submission

__all__ = ["grade", "pytest_addoption", "pytest_configure", "submission"]
