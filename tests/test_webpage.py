"""Web pages (.html, and pages saved from a browser under a .txt or .md name): the page's content read as a Word
document is, the site's furniture (menus, cookie banners, related posts, comments, footers, scripts) left out."""

from __future__ import annotations

import time

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.webpage import load_webpage

BLOG = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Our Q1 2027 OKRs | Parcelbee Blog</title>
<script>var objectives = ["O1: read me", "O2"];</script><style>.x{color:red}</style></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li></ul></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>
<h1>Parcelbee OKRs, Q1 2027</h1>
<p>We publish our OKRs every quarter. Last quarter we grew 40%.</p>
<h2>Objective 1: Small shops ship without thinking about it</h2>
<ul>
<li>Cut median label-to-pickup time from 26 hours to 8 hours</li>
<li>Raise 90-day retention of new shops from 61% to 75%</li>
<li><s>Launch the new dashboard</s></li>
</ul>
<h2>Objective 2: Be the best shipping app</h2>
<table><tr><th>Key result</th><th>Baseline</th><th>Target</th><th>Owner</th></tr>
<tr><td>Raise app-store rating</td><td>4.1</td><td>4.6</td><td rowspan="2">Ana</td></tr>
<tr><td>Publish 12 blog posts</td><td>0</td><td>12</td></tr>
</table>
</article>
<aside class="related-posts"><h3>Related posts</h3><ul><li>Our Q4 2026 OKRs: raise retention from 50% to 60%</li></ul></aside>
<section class="comments"><h3>3 comments</h3><p>Great! Maybe add: increase NPS from 20 to 50?</p></section>
</main>
<footer><p>&copy; 2027 Parcelbee &middot; 12 Dock Road</p></footer>
</body></html>
"""


def _read(name: str, text: str):
    result = load_webpage(name, text.encode("utf-8"), {})
    return result, [(o.title, [(k.title, k.owner, k.baseline, k.target) for k in o.key_results])
                    for s in result.sets for o in s.objectives]


def test_a_blog_page_reads_its_okrs_and_leaves_the_furniture_out():
    result, objectives = _read("Parcelbee Q1 2027 OKRs.html", BLOG)
    assert objectives == [
        ("Small shops ship without thinking about it",
         [("Cut median label-to-pickup time from 26 hours to 8 hours", None, None, None),
          ("Raise 90-day retention of new shops from 61% to 75%", None, None, None),
          ("~~Launch the new dashboard~~", None, None, None)]),  # struck: withdrawn by the engine, with a note
        ("Be the best shipping app",
         [("Raise app-store rating", "Ana", 4.1, 4.6), ("Publish 12 blog posts", "Ana", 0.0, 12.0)]),
    ]
    okr_set = result.sets[0]
    assert okr_set.team == "Parcelbee" and okr_set.period.text == "Q1 2027"


def test_positions_are_the_html_lines_and_table_cells(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.html").write_text(BLOG, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "plan.html", "--no-cache", "--select", "kr-is-activity,vague-language"])
    lines = result.stdout.splitlines()
    assert any(line.startswith("plan.html:table 1!A3: warning: MEA005") for line in lines), result.output
    assert any(line.startswith("plan.html:16:14:") and "CLA003" in line for line in lines), result.output
    assert "plan.html:14:1: key result 'Launch the new dashboard' is struck through" in result.stderr


def test_a_page_saved_as_txt_is_found_in_a_folder_and_read(tmp_path):
    (tmp_path / "OKR ฝ่ายบริการ ไตรมาส 1-2570.txt").write_text(
        "<!DOCTYPE html>\n<html lang='th'><head><title>OKR ฝ่ายบริการ | อินทราเน็ต</title>\n"
        "<script>var x = 'วัตถุประสงค์: ไม่ใช่';</script></head><body>\n"
        "<nav class='breadcrumb'>หน้าแรก &gt; ยุทธศาสตร์ &gt; OKR</nav>\n"
        "<h1>OKR ฝ่ายบริการลูกค้า ไตรมาส 1/2570</h1>\n<h2>วัตถุประสงค์ที่ 1: ลูกค้าได้รับค่าสินไหมรวดเร็ว</h2>\n"
        "<ol><li>ลดระยะเวลาจ่ายค่าสินไหมเฉลี่ยจาก 12 วันเหลือ 5 วัน</li><li>จัดอบรมพนักงาน 4 ครั้ง</li></ol>\n"
        "<footer>โทร 02-123-4567</footer></body></html>\n", encoding="utf-8")
    (tmp_path / "index.html").write_text("<html><body><h1>Install</h1><p>pip install acme</p></body></html>",
                                         encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--messages", "en"])
    assert "1 file" in result.stdout and "1 objective, 2 key results" in result.stdout, result.output
    assert "kr-is-activity" in result.stdout and "index.html" not in result.output


def test_unclosed_and_hostile_pages_are_bounded():
    _, objectives = _read("a.html", "<h2>Objective 1: Customers love us</h2><ul><li>Raise NPS from 20 to 40"
                                    "<li>Cut churn from 5% to 3%<script>var a = 1;")
    assert objectives == [("Customers love us", [("Raise NPS from 20 to 40", None, None, None),
                                                 ("Cut churn from 5% to 3%", None, None, None)])]
    for page in ("<div>" * 100_000 + "x", "<table>" + "<tr>" + "<td colspan=64 rowspan=64>x</td>" * 40 + "</tr>" * 2000,
                 "<ul><li>a" * 5000, "<p>" + "&amp;" * 200_000):
        started = time.perf_counter()
        result = load_webpage("hostile.html", page.encode(), {})
        assert time.perf_counter() - started < 30 and result is not None


def test_empty_and_undecodable_pages_are_one_line_errors():
    assert load_webpage("e.html", b"  \n", {}).errors[0].message == "empty file: no web page in it"
    message = load_webpage("n.html", b"<html><body><p>Hello</p></body></html>", {}).errors[0].message
    assert message.startswith("no objectives found")
    message = load_webpage("m.html", b"<html><body><nav>Home</nav></body></html>", {}).errors[0].message
    assert message.startswith("no OKRs found on this web page")


def test_page_classes_that_describe_the_page_are_not_furniture():
    page = ('<html><body class="has-sidebar ast-right-sidebar"><article class="post tag-google-ads category-menu-design">'
            "<h2>Objective 1: Travellers who click our ads book with us</h2><ul><li>Raise booking conversion from 2.1% "
            "to 3.0%</li></ul></article><div class='sidebar'><h2>Objective: not this</h2></div></body></html>")
    _, objectives = _read("ads.html", page)
    assert objectives == [("Travellers who click our ads book with us",
                           [("Raise booking conversion from 2.1% to 3.0%", None, None, None)])]


def test_a_google_docs_export_keeps_levels_struck_classes_and_order_on_one_line():
    page = ('<html><head><style>.c3{text-decoration:line-through}</style></head><body>'
            '<h2>Objective 1: New cooks stick with Kinda</h2>'
            '<ul class="lst-kix_a-0 start"><li><span>Raise day-7 retention from 36% to 45%</span></li></ul>'
            '<ul class="lst-kix_a-1 start"><li><span>Rewrite the first three recipes</span></li></ul>'
            '<ul class="lst-kix_a-0"><li><span class="c3">Launch a referral programme</span></li></ul>'
            '<h2>Objective 2: Cooks tell their friends<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></h2>'
            '<table><tr><td>Key result</td><td>Baseline</td><td>Target</td></tr>'
            '<tr><td>Share of new cooks who came from a referral</td><td>9%</td><td>20%</td></tr></table>'
            '</body></html>')
    _, objectives = _read("kinda.html", page)
    assert objectives[0] == ("New cooks stick with Kinda", [("Raise day-7 retention from 36% to 45%", None, None, None),
                                                             ("~~Launch a referral programme~~", None, None, None)])
    assert objectives[1][0] == "Cooks tell their friends" and len(objectives[1][1]) == 1 and len(objectives) == 2


def test_control_characters_in_the_page_cannot_end_or_start_struck_text():
    # the reader marks struck text with U+0000/U+0001; the page's own U+0001 are dropped (NUL makes it binary)
    page = ("<html><body><h2>Objective: Grow weekly orders</h2><ul><li><s>Raise weekly orders\x01 from 120 to 200</s>"
            "</li><li>Raise repeat orders \x01from 30% to 45%</li></ul></body></html>")
    _, objectives = _read("ctl.html", page)
    assert objectives == [("Grow weekly orders", [("~~Raise weekly orders from 120 to 200~~", None, None, None),
                                                  ("Raise repeat orders from 30% to 45%", None, None, None)])]


def test_list_items_that_only_link_to_other_pages_and_all_furniture_pages():
    page = ("<html><body><h2>Objective 1: Members stay</h2><h3>Key results</h3><ul><li>Raise renewals from 58% to 70%"
            "</li></ul><h3>Related news</h3><ul><li><a href='/news/1'>Renewals grew from 50% to 58% last year</a></li>"
            "</ul></body></html>")
    assert _read("m.html", page)[1] == [("Members stay", [("Raise renewals from 58% to 70%", None, None, None)])]
    message = load_webpage("f.html", b"<html><body><nav>Objectives</nav><footer>KRs</footer></body></html>", {})
    assert "menus, sidebars, headers, footers or comments" in message.errors[0].message


def test_a_key_result_linked_to_its_dashboard_is_kept():
    page = ("<html><body><h2>Objective 1: Travellers book with us</h2><ul><li><a href='https://dash.example/conv'>"
            "Raise booking conversion from 2.1% to 3.0%</a></li><li>Cut cost per booking from 640 to 480 baht</li></ul>"
            "</body></html>")
    assert len(_read("ads.html", page)[1][0][1]) == 2


def test_hostile_pages_from_review_69_are_bounded():
    from okrlint.load.webpage import MAX_UNCLOSED

    head = "<html><body><h1>Objective 1: Bakeries order online</h1><ul><li>Raise weekly orders from 120 to 200</li></ul>"
    pages = {
        "spans": head + "<table>" + "<tr>" + "<td colspan=64 rowspan=64>K</td>" * 30 + "</tr>" * 3000 + "</table>",
        "styles": head + "<style>.a{text-decoration:line-through}</style>" * 20_000,
        "lt_a": head + "<a" * 200_000,
        "cdata": head + "<![CDATA[" * 50_000,
    }
    for name, page in pages.items():
        started = time.perf_counter()
        result = load_webpage(f"{name}.html", page.encode(), {})
        assert time.perf_counter() - started < 20, name
        if name in ("lt_a", "cdata"):
            assert "open no tag" in result.errors[0].message and f"{MAX_UNCLOSED:,}" in result.errors[0].message
