# The IPython profile of the kernels that execute the book (book/conf.py sets IPYTHONDIR to
# book/_ipython): the same for every reader who builds it, whatever their own profile holds.
from pathlib import Path

c = get_config()  # noqa: F821 (provided by IPython when it loads this file)

# ipykernel warns at every start that its sockets are unencrypted TCP; the kernel is a child of
# the build on the same machine, so one such line per chapter only hides the build's own output.
c.IPKernelApp.log_level = "ERROR"
# No history database written into the source tree.
c.HistoryManager.enabled = False
# How the book's figures are saved (2x, palette PNG); kept outside the profile's own folders,
# which IPython fills with its files.
c.InteractiveShellApp.exec_files = [str(Path(__file__).parents[1] / "figures.py")]
