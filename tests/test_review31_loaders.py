"""Reading files as review 31 found them: UTF-16 on standard input, a huge plain YAML file counted before it is
composed (not called an alias bomb), numbers and yes/no where references or text belong, YAML merge keys, an
unterminated CSV quote, and a draft title's dash part taken for an alignment."""

from __future__ import annotations

import resource
import textwrap

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load import LoadError
from okrlint.load.yaml_loader import load_yaml_file
from okrlint.load.yamlio import MAX_NODES, compose_documents


def _yaml(text: str, name: str = "unit.okr.yaml", **options):
    return load_yaml_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _messages(result):
    return [e.message for e in result.errors]


# --- 12. values counted from the parser's events, before composing ------------------------------------------
def test_a_huge_plain_file_is_refused_early_with_a_message_that_fits():
    item = "  - title: Customers in region {0} renew\n    key_results:\n      - Raise renewal in region {0} from 80% to 90%\n"
    text = "team: big\nobjectives:\n" + "".join(item.format(i) for i in range(MAX_NODES // 4 + 10))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = load_yaml_file("big.okr.yaml", text.encode(), {})
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert not result.sets
    [error] = result.errors
    assert error.message.startswith(f"the file has more than {MAX_NODES:,} values")
    assert "split" in error.message and "alias" not in error.message
    assert error.location.line > 100_000  # where the count passed the cap
    assert grown_mb < 300  # the node tree was never built (composing it took gigabytes)


def test_an_alias_bomb_is_still_called_one_and_is_stopped_before_composing():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    with pytest.raises(LoadError, match="alias bomb"):
        compose_documents("\n".join(lines) + "\n")


def test_an_alias_inside_what_it_names_is_an_input_error():
    with pytest.raises(LoadError, match="inside"):
        compose_documents("team: a\nloop: &l [1, *l]\n")


def test_text_with_ampersands_is_not_slowed_or_refused():
    result = _yaml("""
        team: r&d
        objectives:
          - title: Q & A sessions help R&D ship faster
            key_results: [Cut review time from 5 days to 2 days]
        """)
    assert not result.errors and result.sets[0].team == "r&d"


# --- 13. numbers and yes/no where references or text belong ------------------------------------------------
@pytest.mark.parametrize("field, value, kind, kept", [
    ("aligns_to", "42", "a number", ("42",)),
    ("aligns_to", "[co/co-o1, 7]", "a number", ("co/co-o1", "7")),
    ("aligns_to", "yes", "yes/no", ()),
    ("aligns_to", "2026-01-01", "a date", ("2026-01-01",)),
])
def test_a_number_where_a_reference_belongs_is_an_input_error(field, value, kind, kept):
    result = _yaml(f"""
        team: a
        objectives:
          - title: Customers stay
            {field}: {value}
            key_results: [Raise renewal from 80% to 90%]
        """)
    [error] = result.errors
    assert error.message.startswith(f"'{field}' must be a reference or a list of references, not {kind}")
    assert (error.location.file, error.location.line) == ("unit.okr.yaml", 4)
    assert result.sets[0].objectives[0].aligns_to == kept


def test_a_number_in_depends_on_is_an_input_error_and_a_quoted_one_is_an_id():
    result = _yaml("""
        team: a
        objectives:
          - title: Customers stay
            key_results:
              - {title: Raise renewal from 80% to 90%, depends_on: 7}
              - {title: Cut churn from 5% to 3%, depends_on: ["7"]}
        """)
    [error] = result.errors
    assert "'depends_on' must be a reference" in error.message and error.location.line == 5
    assert [kr.depends_on for kr in result.sets[0].objectives[0].key_results] == [("7",), ("7",)]


def test_numbers_and_yes_no_where_text_belongs_are_the_text_as_written():
    result = _yaml("""
        team: NO
        owner: 012
        objectives:
          - 42
          - title: 2027
            id: 0x1F
            key_results: [17, 3.50, true]
        """)
    assert not result.errors
    okr_set = result.sets[0]
    assert (okr_set.team, okr_set.owner) == ("NO", "012")
    first, second = okr_set.objectives
    assert first.title == "42"
    assert (second.title, second.id) == ("2027", "0x1F")
    assert [kr.title for kr in second.key_results] == ["17", "3.50", "true"]


# --- 14. merge keys ------------------------------------------------------------------------------------------
MERGED = """
    defaults: &kr {owner: Dao, due: 2026-09-30}
    team: m
    objectives:
      - id: m-o1
        title: Customers renew because the product earns it
        key_results:
          - <<: *kr
            title: Raise renewal from 80% to 90%
          - <<: [{unit: "%", owner: Eve}, *kr]
            title: Cut churn from 5% to 3%
          - <<: *kr
            title: Win 40 clinics from 10
            owner: Cee
    """


def test_merge_keys_are_read_as_yaml_safe_loaders_read_them():
    result = _yaml(MERGED)
    assert not result.errors
    okr_set = result.sets[0]
    assert not okr_set.extras  # 'defaults' holds what is merged: read there, not an unknown field
    krs = okr_set.objectives[0].key_results
    assert [(kr.owner, str(kr.due), kr.unit) for kr in krs] == [
        ("Dao", "2026-09-30", None), ("Eve", "2026-09-30", "%"), ("Cee", "2026-09-30", None)]
    assert krs[0].location_of("owner").line == 1  # a merged value keeps the line it is written on
    assert krs[2].location_of("owner").line == 13


def test_a_merge_of_something_not_a_mapping_is_an_input_error_and_the_rest_is_merged():
    result = _yaml("""
        base: &b {title: Customers stay, key_results: [Raise renewal from 80% to 90%]}
        team: a
        objectives:
          - <<: [*b, 5]
        """)
    [error] = result.errors
    assert "merge key" in error.message and (error.location.line, error.location.column) == (4, 14)
    assert result.sets[0].objectives[0].title == "Customers stay"
    assert not any(e.key == "<<" for o in result.sets[0].objectives for e in o.extras)


def test_merges_still_count_towards_the_value_cap():
    lines = ["team: a", "b0: &b0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}"]
    lines += [f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 10) + "]" for i in range(1, 7)]
    lines += ["objectives:", "  - {<<: *b0, title: T, key_results: *b6}"]
    result = load_yaml_file("m.okr.yaml", "\n".join(lines).encode(), {})
    assert any("alias bomb" in m for m in _messages(result))


def test_cli_reads_a_merged_file_like_the_same_file_written_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.okr.yaml").write_text(textwrap.dedent(MERGED).lstrip("\n"))
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "m.okr.yaml"])
    assert "unknown field" not in result.output and "'<<'" not in result.output
    assert result.exit_code in (0, 1), result.output


# --- 11. standard input: decoded first, then sniffed ---------------------------------------------------------
STDIN_YAML = "team: a\nobjectives:\n  - title: Customers stay\n    key_results:\n      - Raise renewal from 80% to 90%\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8"])
def test_utf16_yaml_on_standard_input_is_read_as_yaml(tmp_path, monkeypatch, encoding):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-"], input=STDIN_YAML.encode(encoding))
    assert result.exit_code == 1, result.output
    assert "stdin.okr.yaml:3:12: warning: CLA002" in result.output  # as from disk: one key result, no empty title
    assert "STR002" not in result.output and "stdin.okr.md" not in result.output


def test_utf16_broken_yaml_on_standard_input_is_a_yaml_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "team: a\nobjectives: [x\n  - title: T\n"
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-"], input=text.encode("utf-16"))
    assert result.exit_code == 2 and "stdin.okr.yaml" in result.output and "invalid YAML" in result.output


def test_utf16_draft_with_front_matter_on_standard_input_stays_a_draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ("---\nteam: payments\n---\n# Payments team OKRs\n\n## Objective 1: Make paying us easy\nKey results:\n"
            "1. Raise the share of invoices paid within 7 days from 61% to 75%\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-"], input=text.encode("utf-16"))
    assert "invalid YAML" not in result.output and "stdin.okr.md" in result.output, result.output
    assert result.exit_code == 1


# --- 21. an unterminated CSV quote -----------------------------------------------------------------------------
def test_an_unterminated_csv_quote_is_reported_and_the_rest_is_read():
    from okrlint.load.spreadsheet import load_spreadsheet

    text = ('Team,Objective,Key result\r\nsales,"Customers, all",Raise x from 1 to 2\r\n'
            'sales,Customers stay,"Cut churn from 5% to 3%\r\nsales,Customers stay,Win deals from 3 to 6\r\n'
            'sales,Customers stay,Grow y from 1 to 2\r\n')
    result = load_spreadsheet("u.okr.csv", text.encode(), {})
    [error] = result.errors
    assert "never closed" in error.message
    assert (error.location.file, error.location.line, error.location.column) == ("u.okr.csv", 3, 22)
    krs = [(kr.title, kr.location.line) for o in result.sets[0].objectives for kr in o.key_results]
    assert krs == [("Raise x from 1 to 2", 2), ("Cut churn from 5% to 3%", 3), ("Win deals from 3 to 6", 4),
                   ("Grow y from 1 to 2", 5)]


def test_a_quote_left_open_on_the_last_line_keeps_its_key_result():
    from okrlint.load.spreadsheet import load_spreadsheet

    result = load_spreadsheet("u.okr.csv", b'Team,Objective,Key result\nsales,"Customers stay,Raise x from 1 to 2\n', {})
    assert [(e.location.line, e.location.column) for e in result.errors] == [(2, 7)]
    assert [kr.title for kr in result.sets[0].objectives[0].key_results] == ["Raise x from 1 to 2"]


def test_quoted_cells_with_line_breaks_are_still_one_cell():
    from okrlint.load.spreadsheet import load_spreadsheet

    result = load_spreadsheet("u.okr.csv", b'Team,Objective,Key result\nsales,Customers stay,"Raise x\nfrom 1 to 2"\n', {})
    assert not result.errors  # (a cell's lines are read as it always was: one key result a line)
    assert [kr.title for kr in result.sets[0].objectives[0].key_results] == ["Raise x", "from 1 to 2"]


# --- a draft title's dash part is not an alignment; drafts in a folder are read or named --------------------
@pytest.mark.parametrize("title", ["# Support — H1 2027 OKRs", "Support - H1 2027 OKRs", "## Supporting – H1 2027 OKRs"])
def test_a_title_starting_with_an_alignment_word_and_a_dash_is_a_title(title):
    from okrlint.load.draft import load_draft_file

    text = (f"{title}\n\n## Objective 1: Customers get answers on the first contact\nKey results:\n"
            "1. Raise first-contact resolution from 62% to 75%\n")
    result = load_draft_file("support.md", text.encode(), {})
    [okr_set] = result.sets
    assert [o.aligns_to for o in okr_set.objectives] == [()]
    assert okr_set.period is not None and okr_set.period.text == "H1 2027"


def test_an_alignment_line_with_a_colon_is_still_read():
    from okrlint.load.draft import load_draft_file

    text = ("Supports: co-o1\n\n## Objective 1: Customers get answers\nSupports — co-o2\nKey results:\n"
            "1. Raise first-contact resolution from 62% to 75%\n")
    result = load_draft_file("support.md", text.encode(), {})
    assert [o.aligns_to for o in result.sets[0].objectives] == [("co-o2",)]


def test_drafts_in_a_folder_are_read_or_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "support.md").write_text("# Support — H1 2027 OKRs\n\n## Objective 1: Customers get answers\n"
                                         "Key results:\n1. Raise first-contact resolution from 62% to 75%\n")
    (tmp_path / "typo.md").write_text("# Ops plan\n\nObjetive 1: Shipments leave on time\n"
                                      "- Raise on-time dispatch from 80% to 95%\n")
    (tmp_path / "notes.md").write_text("# Meeting notes\n\nWe talked about lunch.\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "."])
    assert "reading the 2 documents that look like OKRs" in result.output, result.output
    assert "H1 2027 OKRs" not in result.output  # no dangling alignment to the title's words
    assert "notes.md" not in result.output
    (tmp_path / "company.okr.yaml").write_text("team: company\nlevel: company\nobjectives:\n  - title: Grow\n")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "."])
    assert "not read, although they look like OKRs: support.md, typo.md" in result.output, result.output


def test_a_workbook_whose_parts_claim_an_unsupported_zip_version_is_no_crash(tmp_path):
    """Found by the long fuzz run: zipfile raises NotImplementedError ("zip file version 6.4"), not BadZipFile."""
    import io

    from openpyxl import Workbook

    from okrlint.load.spreadsheet import load_spreadsheet

    buffer = io.BytesIO()
    Workbook().save(buffer)
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = (64).to_bytes(2, "little")  # "version needed to extract": 6.4
    result = load_spreadsheet("odd.okr.xlsx", bytes(data), {})
    assert not any(" loader failed" in error.message for error in result.errors)
