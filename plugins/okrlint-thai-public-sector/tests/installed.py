"""Install a plugin package for real: into a fresh virtual environment that sees okrlint.

The venv uses --system-site-packages (okrlint's dependencies) and PYTHONPATH for an uninstalled okrlint
source tree; the plugin is pip-installed without build isolation first (offline, when the build
backend is present) and with it otherwise (the backend then comes from PyPI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path


class InstallFailed(Exception):
    pass


def okrlint_source() -> Path | None:
    """The okrlint source tree next to plugins/, when these tests run inside the okrlint repository."""
    candidate = Path(__file__).resolve().parents[3] / "src"
    return candidate if (candidate / "okrlint" / "__init__.py").is_file() else None


def install_into_venv(plugin_dir: Path, target: Path) -> tuple[Path, dict[str, str]]:
    """Create a venv at ``target``, pip-install ``plugin_dir``; return its python and the env to run it with."""
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(target)
    python = target / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    env = dict(os.environ)
    source = okrlint_source()
    if source is not None:
        env["PYTHONPATH"] = str(source)
    else:
        env.pop("PYTHONPATH", None)
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources it builds.
    copy = target.parent / f"{plugin_dir.name}-source"
    shutil.copytree(plugin_dir, copy, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    plugin_dir = copy
    base = [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check"]
    errors = []
    for extra in (["--no-build-isolation"], []):
        done = subprocess.run([*base, *extra, str(plugin_dir)], capture_output=True, text=True, env=env, timeout=600)
        if done.returncode == 0:
            return python, env
        errors.append(_reason(done.stderr))
    raise InstallFailed("; ".join(errors))


def _reason(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    telling = [line for line in lines if "Error" in line or line.startswith("ERROR")]
    return (telling or lines or ["pip failed"])[-1]


def run_okrlint(python: Path, env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-m", "okrlint", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)
