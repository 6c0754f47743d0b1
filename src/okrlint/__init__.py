"""okrlint: lint OKR drafts (Objectives and Key Results) in Thai and English."""

__version__ = "0.1.0"
