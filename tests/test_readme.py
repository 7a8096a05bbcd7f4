"""The README's script example runs as printed, from any folder."""

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_script_trains_and_saves(tmp_path):
    code = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    accuracy = float(re.search(r"test accuracy: ([0-9.]+)", run.stdout).group(1))
    assert accuracy > 0.95
    assert (tmp_path / "digits_mlp.npz").exists()
