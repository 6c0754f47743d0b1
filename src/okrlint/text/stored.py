"""Plain data kept between runs in okrlint's private per-user folder (``segment.derived_data_dir``).

marshal, not JSON or pickle: it holds plain data only and reads several times faster than JSON at every
start. The folder belongs to the user alone, so the files are trusted as far as their type goes; a
missing, damaged or foreign file reads as empty and is rewritten.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path


def read_dict(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())  # not marshal.load(file): that reads in small pieces
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def write(path: Path, data) -> None:
    """Replace ``path`` atomically; a folder that cannot be written only costs the next run some time."""
    try:
        encoded = marshal.dumps(data)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(encoded)
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass
