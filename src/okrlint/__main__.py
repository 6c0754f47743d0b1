from okrlint.cli import entry

entry()
