"""Review 50 (L1): a key-result table row cut by a page break, whose rest on the next page is only under the
table's first column (the title column wraps most), keeps its text and does not close the table: the row after
it is still a key result. Also a footer kept on page 1 does not cut the table there."""

from okrlint.load.pdf import draft_text, load_pdf

from tests.test_pdf import make_pdf

HEADER = [(50, 800, "Key result"), (150, 800, "Baseline"), (230, 800, "Target"), (310, 800, "Owner")]


def _kr_page(title_lines, values, top, owner=("Ana Lima",)):
    """One table row: the title wrapped in the narrow first column, the values on its first line."""
    texts = [(50, top - 12 * i, line) for i, line in enumerate(title_lines)]
    texts += [(150, top, values[0]), (230, top, values[1])]
    texts += [(310, top - 12 * i, line) for i, line in enumerate(owner)]
    return texts


def _titles(data):
    result = load_pdf("plan.pdf", data, {})
    assert not result.errors
    return [[kr.title for kr in o.key_results] for s in result.sets for o in s.objectives]


def _plan(second_page_top, header_again):
    page1 = [(50, 830, "Objective 1: Families find a stable home sooner")] + HEADER
    page1 += _kr_page(["Cut the number", "of families in"], ("410", "250"), 770)
    page1 += [(50, 40, "Brackenford Council - Plan 2027 - Page 1")]
    page2 = list(HEADER) if header_again else []
    page2 += [(50, second_page_top - 12 * i, t) for i, t in enumerate(["temporary", "housing"])]
    page2 += _kr_page(["Raise the share", "of cases", "prevented"], ("48%", "60%"), second_page_top - 40)
    page2 += [(50, 40, "Brackenford Council - Plan 2027 - Page 2")]
    page3 = [(50, 830, "Objective 2: Streets are clean")] + HEADER
    page3 += _kr_page(["Cut littered", "streets"], ("9%", "5%"), 770)
    page3 += [(50, 40, "Brackenford Council - Plan 2027 - Page 3")]
    return make_pdf([page1, page2, page3])


def test_a_row_cut_under_the_first_column_keeps_its_text_and_the_next_row():
    assert _titles(_plan(800, header_again=False)) == [
        ["Cut the number of families in temporary housing", "Raise the share of cases prevented"],
        ["Cut littered streets"]]


def test_the_same_with_the_header_repeated_on_the_next_page():
    assert _titles(_plan(770, header_again=True)) == [
        ["Cut the number of families in temporary housing", "Raise the share of cases prevented"],
        ["Cut littered streets"]]


def test_a_heading_at_the_top_of_the_next_page_still_closes_the_table():
    page1 = [(50, 830, "Objective 1: Families find a stable home sooner")] + HEADER
    page1 += _kr_page(["Cut the number", "of families in", "temporary housing"], ("410", "250"), 770)
    page2 = [(50, 830, "Objective 2: Every street in the city is clean and safe to walk")] + HEADER
    page2 += _kr_page(["Cut littered", "streets"], ("9%", "5%"), 770)
    assert _titles(make_pdf([page1, page2])) == [
        ["Cut the number of families in temporary housing"], ["Cut littered streets"]]


def _thai_pages():
    header = ((0.0, "ผลลัพธ์หลัก"), (120.0, "ค่าเริ่มต้น"), (200.0, "เป้าหมาย"))
    page1 = [((0.0, "วัตถุประสงค์ 1: ลูกค้าได้รับบริการเร็วขึ้น"),), (), header, (),
             ((0.0, "ลดเวลารอสาย"), (120.0, "11"), (200.0, "4")), ((0.0, "เฉลี่ยของ"),)]
    page2 = [((0.0, "ศูนย์บริการ"),), ((0.0, "(นาที)"),), (),
             ((0.0, "เพิ่มคะแนน"), (120.0, "70%"), (200.0, "85%")), ((0.0, "ความพึงพอใจ"),)]
    return page1, page2


def test_thai_row_cut_by_the_page_break():
    page1, page2 = _thai_pages()
    text, _ = draft_text([page1, page2])
    assert "| ลดเวลารอสายเฉลี่ยของศูนย์บริการ (นาที) | 11 | 4 |" in text
    assert "| เพิ่มคะแนนความพึงพอใจ | 70% | 85% |" in text


def test_thai_row_cut_with_the_header_repeated():
    page1, page2 = _thai_pages()
    text, _ = draft_text([page1, [page1[2], ()] + page2])
    assert "| ลดเวลารอสายเฉลี่ยของศูนย์บริการ (นาที) | 11 | 4 |" in text
    assert "| เพิ่มคะแนนความพึงพอใจ | 70% | 85% |" in text
    assert text.count("ผลลัพธ์หลัก") == 1
