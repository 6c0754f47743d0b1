"""Small YAML files okrlint ships (vocabularies, message catalogues), parsed once per content and kept.

Parsing them costs more than linting a small file, and importing PyYAML alone costs ~20 ms of a run that
reads no YAML (a Markdown draft): the parsed data is kept in okrlint's private per-user folder (marshal:
plain data, nothing that could run), keyed by the file's bytes, and PyYAML is imported only to parse a file
not seen before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_plain_yaml_kept(path: Path, kind: str) -> Any:
    """``yamlio.load_plain_yaml(path)``, from the private folder when this content was parsed before."""
    from okrlint.text import stored
    from okrlint.text.segment import derived_data_dir, sha1

    try:
        digest = sha1(f"{kind}-v1\n".encode() + Path(path).read_bytes()).hexdigest()[:20]
    except OSError:
        digest = None
    cached = derived_data_dir() / f"{kind}-{digest}.marshal" if digest else None
    data = stored.read_dict(cached) if cached is not None else {}
    if not data:
        from okrlint.load.yamlio import load_plain_yaml  # reports a file that cannot be read or parsed

        data = load_plain_yaml(path)
        if cached is not None and isinstance(data, dict):
            stored.write(cached, data)  # skipped for values marshal cannot hold (dates)
    return data
