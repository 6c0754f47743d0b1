"""PowerPoint decks (.pptx) and OpenDocument text (.odt) read as drafts: slides and paragraphs, lists, tables.

The files are built here from their XML parts (no PowerPoint, LibreOffice or python-pptx needed)."""

from __future__ import annotations

import io
import json
import zipfile
from xml.sax.saxutils import escape

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.opendocument import load_odt
from okrlint.load.slides import load_pptx

P_NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _paragraphs(items) -> str:
    out = []
    for item in items:
        text, level, bullet = (item, 0, None) if isinstance(item, str) else item
        props = f'<a:pPr lvl="{level}">' + ({"none": "<a:buNone/>", "char": '<a:buChar char="•"/>',
                                              "num": '<a:buAutoNum type="arabicPeriod"/>'}.get(bullet, "")) + "</a:pPr>"
        if text.startswith("~~") and text.endswith("~~"):
            run = f'<a:r><a:rPr strike="sngStrike"/><a:t>{escape(text[2:-2])}</a:t></a:r>'
        else:
            run = f"<a:r><a:t>{escape(text)}</a:t></a:r>"
        out.append(f"<a:p>{props}{run}</a:p>")
    return "".join(out)


def _shape(kind: str | None, items, at: tuple[int, int, int, int] | None = None, idx: str = "1") -> str:
    """A text shape: a placeholder of ``kind`` (None: a body placeholder, "box": a text box), ``at`` (x, y, width,
    height in inches) its own position."""
    ph = f'<p:ph type="{kind}"/>' if kind and kind != "box" else (f'<p:ph idx="{idx}"/>' if kind is None else "")
    inch = 914_400
    xfrm = (f'<a:xfrm><a:off x="{at[0] * inch}" y="{at[1] * inch}"/><a:ext cx="{at[2] * inch}" cy="{at[3] * inch}"/>'
            "</a:xfrm>") if at else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"/><p:cNvSpPr/><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}'
            f"</p:spPr><p:txBody><a:bodyPr/>{_paragraphs(items)}</p:txBody></p:sp>")


def _table(rows) -> str:
    trs = []
    for row in rows:
        cells = []
        for cell in row:
            attrs = ""
            if cell == "<v>":
                attrs, cell = ' vMerge="1"', ""
            cells.append(f"<a:tc{attrs}><a:txBody><a:bodyPr/><a:p><a:r><a:t>{escape(cell)}</a:t></a:r></a:p></a:txBody></a:tc>")
        trs.append(f'<a:tr h="1">{"".join(cells)}</a:tr>')
    return ('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="t"/><p:cNvGraphicFramePr/><p:nvPr/>'
            '</p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
            f'drawingml/2006/table"><a:tbl>{"".join(trs)}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')


def pptx(slides: list[tuple[str, ...]], hidden: frozenset[int] = frozenset(), layout: str = "") -> bytes:
    """A deck: each slide is a tuple of shape XML strings (see _shape, _table); ``layout``, the shapes of one
    slide layout every slide uses (where its placeholders stand)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        ids = "".join(f'<p:sldId id="{256 + i}" r:id="rId{i + 1}"/>' for i in range(len(slides)))
        z.writestr("ppt/presentation.xml", f"<p:presentation {P_NS}><p:sldIdLst>{ids}</p:sldIdLst></p:presentation>")
        # the deck's order is the list's, not the parts' numbers: slide parts are numbered backwards here
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="x" Target="slides/slide{len(slides) - i}.xml"/>'
                       for i in range(len(slides)))
        z.writestr("ppt/_rels/presentation.xml.rels",
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, shapes in enumerate(slides):
            show = ' show="0"' if i in hidden else ""
            z.writestr(f"ppt/slides/slide{len(slides) - i}.xml",
                       f"<p:sld {P_NS}{show}><p:cSld><p:spTree>{''.join(shapes)}</p:spTree></p:cSld></p:sld>")
            if layout:
                z.writestr(f"ppt/slides/_rels/slide{len(slides) - i}.xml.rels",
                           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                           'relationships/slideLayout" Target="../slideLayouts/slideLayout1.xml"/></Relationships>')
        if layout:
            z.writestr("ppt/slideLayouts/slideLayout1.xml",
                       f"<p:sldLayout {P_NS}><p:cSld><p:spTree>{layout}</p:spTree></p:cSld></p:sldLayout>")
    return buffer.getvalue()


def _sets(result):
    return [(s.team, [(o.title, [k.title for k in o.key_results]) for o in s.objectives]) for s in result.sets]


def test_a_deck_reads_titles_as_objectives_and_bullets_as_key_results():
    data = pptx([
        (_shape("ctrTitle", ["Growth team OKRs, Q1 2026"]), _shape("subTitle", ["Owner: Dana"])),
        (_shape("title", ["Objective 1: Small businesses stay with us"]),
         _shape(None, ["Raise 90-day retention of SMB accounts from 82% to 90%",
                       "Increase NPS of SMB owners from 31 to 45"])),
        (_shape("title", ["Objective 2: Onboarding feels effortless"]),
         _shape(None, ["Cut median days to first invoice from 9 to 3", "~~Launch the new wizard~~"])),
        (_shape("sldNum", ["3"]), _shape("title", ["Thank you / Q&A"]), _shape(None, ["Questions: dana@example.com"])),
    ])
    result = load_pptx("growth.pptx", data, {})
    assert not result.errors
    ((team, objectives),) = _sets(result)
    assert [o for o, _ in objectives] == ["Small businesses stay with us", "Onboarding feels effortless"]
    assert objectives[0][1] == ["Raise 90-day retention of SMB accounts from 82% to 90%",
                                "Increase NPS of SMB owners from 31 to 45"]
    # struck through in the deck: kept as ~~…~~ for the engine, which withdraws it with a note
    assert objectives[1][1] == ["Cut median days to first invoice from 9 to 3", "~~Launch the new wizard~~"]


def test_hidden_slides_are_not_read_and_the_deck_order_is_the_presentations():
    data = pptx([
        (_shape("title", ["Objective 1: Customers trust our delivery dates"]),
         _shape(None, ["Raise on-time delivery from 88% to 97%"])),
        (_shape("title", ["Objective 2: Old idea we dropped"]), _shape(None, ["Grow revenue from 1 to 2 million"])),
        (_shape("title", ["Objective 3: Support answers fast"]), _shape(None, ["Cut first reply time from 9 h to 2 h"])),
    ], hidden=frozenset({1}))
    ((_, objectives),) = _sets(load_pptx("ops.pptx", data, {}))
    assert [o for o, _ in objectives] == ["Customers trust our delivery dates", "Support answers fast"]


def test_a_slide_table_of_key_results_with_merged_objective_cells():
    data = pptx([(
        _shape("title", ["แผน OKR ฝ่ายบริการลูกค้า ไตรมาส 1/2570"]),
        _table([["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"],
                ["ลูกค้าได้รับบริการรวดเร็ว", "ลดเวลารอสายเฉลี่ย", "5 นาที", "2 นาที"],
                ["<v>", "เพิ่มคะแนนความพึงพอใจ", "ร้อยละ 70", "ร้อยละ 85"]]),
    )])
    result = load_pptx("service.pptx", data, {})
    assert not result.errors
    ((_, objectives),) = _sets(result)
    assert objectives == [("ลูกค้าได้รับบริการรวดเร็ว", ["ลดเวลารอสายเฉลี่ย", "เพิ่มคะแนนความพึงพอใจ"])]
    kr = result.sets[0].objectives[0].key_results[1]
    assert str(kr.location).startswith("service.pptx:slide 1 table 1!")


def test_deck_positions_say_slide_and_json_gives_the_page(tmp_path):
    data = pptx([
        (_shape("title", ["Title slide"]),),
        (_shape("title", ["Objective: Partners grow with us"]),
         _shape(None, ["Launch the partner portal", "Raise partner-sourced revenue from $1.2M to $2M"])),
    ])
    (tmp_path / "partners.okr.pptx").write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache"])
    assert "partners.okr.pptx:slide 2:2:" in result.stdout and "kr-is-activity" in result.stdout
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json"])
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["name"] == "kr-is-activity")
    assert finding["page"] == 2 and finding["line"] == 2


def test_bad_decks_are_one_line_errors_and_other_files_still_linted(tmp_path):
    (tmp_path / "old.pptx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "empty.pptx").write_bytes(b"")
    (tmp_path / "text.pptx").write_text("Objective: not a deck at all\n")
    (tmp_path / "no-slides.pptx").write_bytes(pptx([])[:0] or _zip({"ppt/presentation.xml": f"<p:presentation {P_NS}/>"}))
    (tmp_path / "broken.pptx").write_bytes(_zip({"ppt/slides/slide1.xml": "<p:sld><unclosed"}))
    (tmp_path / "good.okr.yaml").write_text("team: a\nperiod: 2026-Q1\nobjectives:\n  - title: Customers love us\n"
                                             "    key_results:\n      - title: Raise NPS from 20 to 40\n")
    names = ["old.pptx", "empty.pptx", "text.pptx", "no-slides.pptx", "broken.pptx", "good.okr.yaml"]
    result = CliRunner().invoke(main, ["check", *[str(tmp_path / n) for n in names], "--no-cache"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert len(errors) == 5
    assert any("old.pptx" in e and "(.pptx)" in e for e in errors)
    assert any("broken.pptx" in e and "damaged" in e for e in errors)
    assert "1 objective" in result.stdout


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buffer.getvalue()


# --- OpenDocument text -------------------------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_AUTOMATIC = ('<office:automatic-styles>'
              '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
              '<text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>'
              '<text:list-style style:name="L2"><text:list-level-style-number text:level="1"/></text:list-style>'
              '<style:style style:name="T1" style:family="text"><style:text-properties '
              'style:text-line-through-style="solid"/></style:style></office:automatic-styles>')


def odt(body: str, manifest: str = "") -> bytes:
    parts = {"mimetype": "application/vnd.oasis.opendocument.text",
             "content.xml": f"<office:document-content {ODF_NS}>{_AUTOMATIC}<office:body><office:text>{body}"
                            "</office:text></office:body></office:document-content>"}
    if manifest:
        parts["META-INF/manifest.xml"] = manifest
    return _zip(parts)


def test_an_odt_plan_reads_headings_lists_and_struck_text():
    body = (
        '<text:h text:outline-level="1">OKR ทีมพัฒนาระบบ ไตรมาส 1/2570</text:h>'
        '<text:tracked-changes><text:changed-region><text:deletion><text:p>Objective: deleted long ago'
        '</text:p></text:deletion></text:changed-region></text:tracked-changes>'
        '<text:h text:outline-level="2">วัตถุประสงค์ที่ 1: ประชาชนใช้บริการออนไลน์ได้ง่าย</text:h>'
        '<text:list text:style-name="L1"><text:list-item><text:p>เพิ่มสัดส่วนคำขอที่ยื่นออนไลน์จากร้อยละ 40 เป็นร้อยละ 70'
        '</text:p></text:list-item><text:list-item><text:p>ลดเวลาอนุมัติคำขอจาก<text:s/>15 วัน เหลือ 5 วัน</text:p>'
        '</text:list-item><text:list-item><text:p><text:span text:style-name="T1">จัดทำคู่มือ</text:span></text:p>'
        '</text:list-item></text:list>'
        '<text:h text:outline-level="2">Objective 2: Staff can fix problems themselves</text:h>'
        '<text:list text:style-name="L2"><text:list-item><text:p>Raise self-service fixes from 10% to 35%</text:p>'
        '</text:list-item></text:list>'
    )
    result = load_odt("it.odt", odt(body), {})
    assert not result.errors
    ((_, objectives),) = _sets(result)
    assert objectives == [
        ("ประชาชนใช้บริการออนไลน์ได้ง่าย", ["เพิ่มสัดส่วนคำขอที่ยื่นออนไลน์จากร้อยละ 40 เป็นร้อยละ 70",
                                            "ลดเวลาอนุมัติคำขอจาก 15 วัน เหลือ 5 วัน", "~~จัดทำคู่มือ~~"]),
        ("Staff can fix problems themselves", ["Raise self-service fixes from 10% to 35%"]),
    ]


def test_an_odt_table_with_row_spans():
    def cell(text, span=1):
        extra = f' table:number-rows-spanned="{span}"' if span > 1 else ""
        return f"<table:table-cell{extra}><text:p>{escape(text)}</text:p></table:table-cell>"

    body = (
        "<text:p>หน่วยงาน: กองคลัง</text:p><text:p>ปีงบประมาณ พ.ศ. 2570</text:p>"
        "<table:table><table:table-column table:number-columns-repeated=\"4\"/>"
        f"<table:table-header-rows><table:table-row>{cell('วัตถุประสงค์')}{cell('ผลลัพธ์หลัก')}{cell('ค่าฐาน')}"
        f"{cell('ค่าเป้าหมาย')}</table:table-row></table:table-header-rows>"
        f"<table:table-row>{cell('เบิกจ่ายงบประมาณได้ตามแผน', 2)}{cell('อัตราการเบิกจ่ายงบลงทุน')}{cell('ร้อยละ 78')}"
        f"{cell('ร้อยละ 95')}</table:table-row>"
        f"<table:table-row><table:covered-table-cell/>{cell('ระยะเวลาตรวจเอกสารเบิกจ่าย')}{cell('7 วัน')}{cell('3 วัน')}"
        "</table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-repeated=\"4\"/></table:table-row></table:table>"
    )
    result = load_odt("finance.odt", odt(body), {})
    assert not result.errors
    ((team, objectives),) = _sets(result)
    assert team == "กองคลัง"
    assert objectives == [("เบิกจ่ายงบประมาณได้ตามแผน", ["อัตราการเบิกจ่ายงบลงทุน", "ระยะเวลาตรวจเอกสารเบิกจ่าย"])]
    kr = result.sets[0].objectives[0].key_results[1]
    assert str(kr.location).startswith("finance.odt:table 1!")


def test_bad_odt_files_are_one_line_errors(tmp_path):
    encrypted = odt("<text:p>Objective: x</text:p>", manifest='<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                    'opendocument:xmlns:manifest:1.0"><manifest:file-entry><manifest:encryption-data/>'
                    "</manifest:file-entry></manifest:manifest>")
    sheet = _zip({"content.xml": f"<office:document-content {ODF_NS}><office:body><office:spreadsheet/>"
                                 "</office:body></office:document-content>"})
    cases = {"locked.odt": (encrypted, "password"), "sheet.odt": (sheet, ".ods"),
             "bomb.odt": (_zip({"content.xml": '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                                               '&a;&a;&a;&a;&a;">]><office:document-content ' + ODF_NS + '><office:body>'
                                               "<office:text><text:p>&b;</text:p></office:text></office:body>"
                                               "</office:document-content>"}), None),
             "empty.odt": (b"", "empty")}
    for name, (data, word) in cases.items():
        result = load_odt(name, data, {})
        assert result.errors and not result.sets, name
        assert len(str(result.errors[0]).splitlines()) == 1
        if word:
            assert word in result.errors[0].message, (name, result.errors[0].message)
    (tmp_path / "plan.okr.odt").write_bytes(odt("<text:p>Objective: Citizens get answers fast</text:p>"
                                                "<text:p>KR: Cut reply time from 10 days to 3 days</text:p>"))
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache"])
    assert "1 objective" in result.stdout and "1 key result" in result.stdout


def test_an_objective_heading_over_a_bullet_with_nested_key_results(tmp_path):
    # "Objective 1" as the slide title, its objective as the first bullet and the key results nested under it;
    # the same as a Markdown draft
    data = pptx([(_shape("title", ["Objective 1"]),
                  _shape(None, [("Become the brand small clinics think of first", 0, None),
                                ("Raise unaided brand recall among clinic owners from 12% to 25%", 1, None),
                                ("Grow organic demo requests from 140 to 300 a month", 1, None)]))])
    ((_, objectives),) = _sets(load_pptx("brand.pptx", data, {}))
    assert objectives == [("Become the brand small clinics think of first",
                           ["Raise unaided brand recall among clinic owners from 12% to 25%",
                            "Grow organic demo requests from 140 to 300 a month"])]
    from okrlint.load.draft import load_draft_file

    markdown = ("## Objective 1\n\n- Become the brand small clinics think of first\n"
                "  - Raise unaided brand recall from 12% to 25%\n  - Grow demo requests from 140 to 300 a month\n")
    ((_, objectives),) = _sets(load_draft_file("brand.md", markdown.encode(), {}))
    assert objectives[0][0] == "Become the brand small clinics think of first" and len(objectives[0][1]) == 2
    # a measured item over an initiative stays a key result with its note
    markdown = "Objective:\n- Raise NPS from 30 to 45\n  - run a survey\n- Cut churn from 5% to 3%\n"
    ((_, objectives),) = _sets(load_draft_file("o.md", markdown.encode(), {}))
    assert objectives[0][1] == ["Raise NPS from 30 to 45", "Cut churn from 5% to 3%"]


def test_text_boxes_are_read_in_reading_order_not_drawing_order():
    # a blank slide: the key results' box drawn first, the objective's box drawn later but placed above it
    data = pptx([
        (_shape("title", ["Objective 1: Shippers trust our ETAs"]),
         _shape(None, ["Raise ETA accuracy from 78% to 92%"])),
        (_shape("box", ["Key results", "Raise repeat purchase within 60 days from 28% to 40%",
                        "Cut complaints from 35 to 10 a month"], at=(1, 2, 8, 3)),
         _shape("box", ["Objective 2: Customers come back because every bag cooks well"], at=(1, 0, 8, 1))),
    ])
    ((_, objectives),) = _sets(load_pptx("r.pptx", data, {}))
    assert objectives == [("Shippers trust our ETAs", ["Raise ETA accuracy from 78% to 92%"]),
                          ("Customers come back because every bag cooks well",
                           ["Raise repeat purchase within 60 days from 28% to 40%", "Cut complaints from 35 to 10 a month"])]


def test_placeholders_take_their_position_from_the_layout():
    # the layout puts idx 2 (key results) to the right of idx 1 (the objective); the slide draws idx 2 first
    layout = (_shape(None, ["x"], at=(5, 1, 4, 4), idx="2") + _shape(None, ["x"], at=(0, 1, 4, 4), idx="1"))
    data = pptx([(_shape("title", ["Objective 1"]),
                  _shape(None, ["Cut driver attrition from 38% to 25%", "Raise driver eNPS from +5 to +25"], idx="2"),
                  _shape(None, ["Make Larkspur the place drivers want to stay"], idx="1"))], layout=layout)
    ((_, objectives),) = _sets(load_pptx("two.pptx", data, {}))
    assert objectives == [("Make Larkspur the place drivers want to stay",
                           ["Cut driver attrition from 38% to 25%", "Raise driver eNPS from +5 to +25"])]


def test_comparison_layout_with_objective_and_key_results_headers():
    data = pptx([(_shape("title", ["Objective 2 — Depots"]),
                  _shape(None, [("Objective", 0, "none")], at=(0, 1, 4, 1), idx="1"),
                  _shape(None, ["Depot teams finish every shift on time"], at=(0, 2, 4, 4), idx="2"),
                  _shape(None, [("Key results", 0, "none")], at=(5, 1, 4, 1), idx="3"),
                  _shape(None, ["Raise shifts finished on time from 62% to 85%",
                                "Cut overtime per depot from 310 to 150 hours a month"], at=(5, 2, 4, 4), idx="4"))])
    ((_, objectives),) = _sets(load_pptx("cmp.pptx", data, {}))
    assert objectives == [("Depot teams finish every shift on time",
                           ["Raise shifts finished on time from 62% to 85%",
                            "Cut overtime per depot from 310 to 150 hours a month"])]


def test_a_summary_slide_is_not_read_twice(tmp_path):
    detail = [(_shape("title", [f"Objective {n}: {o}"]), _shape(None, krs)) for n, (o, krs) in enumerate([
        ("Customers get parcels on time", ["Raise on-time delivery from 91% to 96%", "Cut lost parcels from 0.8% to 0.3%"]),
        ("Win and keep mid-size shippers", ["Grow signed shippers from 120 to 180", "Cut churn from 4.5% to 3%"])], 1)]
    summary = (_shape("title", ["Company OKRs on one slide"]),
               _shape(None, ["O1 – Customers get parcels on time", ("On-time 91% → 96% · lost 0.8% → 0.3%", 1, None),
                             "O2 – Win and keep mid-size shippers", ("Shippers 120 → 180 · churn 4.5% → 3%", 1, None)]))
    data = pptx(detail + [summary])
    result = load_pptx("recap.pptx", data, {})
    ((_, objectives),) = _sets(result)
    assert [o for o, _ in objectives] == ["Customers get parcels on time", "Win and keep mid-size shippers"]
    (note,) = result.notes
    assert str(note.location) == "recap.pptx:slide 3:1" and "sums up" in note.message
    # a deck that is only the summary is read
    ((_, objectives),) = _sets(load_pptx("only.pptx", pptx([summary]), {}))
    assert len(objectives) == 2
    # objects in JSON carry the slide; a set's own findings point at the deck's first slide
    (tmp_path / "recap.okr.pptx").write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json"])
    report = json.loads(result.stdout)
    assert {row["page"] for row in report["objects"]} == {1, 2}


def test_an_objective_naming_a_summary_is_read_and_a_summary_with_a_new_objective_keeps_it():
    detail = [(_shape("title", ["Objective 1: Customers get parcels on time"]),
               _shape(None, ["Raise on-time delivery from 91% to 96%"])),
              (_shape("title", ["Objective 2: Shippers get a monthly summary they trust"]),
               _shape(None, ["Raise shippers opening the summary from 10% to 60%"]))]
    ((_, objectives),) = _sets(load_pptx("s.pptx", pptx(detail), {}))
    assert len(objectives) == 2  # 'summary' in an objective's own title
    recap = (_shape("title", ["OKR summary"]),
             _shape(None, ["O1 – Customers get parcels on time", ("On-time 91% → 96%", 1, None),
                           "O3 – Win and keep mid-size shippers", ("Grow signed shippers from 120 to 180", 1, None)]))
    result = load_pptx("r.pptx", pptx(detail[:1] + [recap]), {})
    ((_, objectives),) = _sets(result)
    assert objectives == [("Customers get parcels on time", ["Raise on-time delivery from 91% to 96%"]),
                          ("Win and keep mid-size shippers", ["Grow signed shippers from 120 to 180"])]


def test_owner_callouts_beside_each_key_result_are_read_row_by_row():
    data = pptx([(_shape("title", ["Objective 1: Regulars come back every week"]),
                  _shape("box", ["KR1: Raise weekly repeat visits from 35% to 50%"], at=(0, 2, 6, 1)),
                  _shape("box", ["KR2: Grow loyalty app members from 4,000 to 9,000"], at=(0, 4, 6, 1)),
                  _shape("box", ["Owner: Marketing"], at=(7, 2, 3, 1)),
                  _shape("box", ["Owner: CX"], at=(7, 4, 3, 1)))])
    result = load_pptx("o.pptx", data, {})
    owners = [kr.owner for kr in result.sets[0].objectives[0].key_results]
    assert owners == ["Marketing", "CX"]


def test_a_table_over_two_slides_and_its_caption():
    header = ["เป้าประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย"]
    data = pptx([
        (_shape("title", ["เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย"]),
         _table([header, ["ชาวประมงขายสัตว์น้ำได้ราคาเป็นธรรม", "ราคาขายเฉลี่ย (บาท/กก.)", "85", "110"]])),
        (_shape("title", ["เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย (ต่อ)"]),
         _table([["ท่าเรือปลอดภัยสำหรับผู้ใช้บริการ", "จำนวนอุบัติเหตุ (ครั้ง/ปี)", "12", "3"]])),  # no header
    ])
    ((_, objectives),) = _sets(load_pptx("t.pptx", data, {}))
    assert objectives == [("ชาวประมงขายสัตว์น้ำได้ราคาเป็นธรรม", ["ราคาขายเฉลี่ย (บาท/กก.)"]),
                          ("ท่าเรือปลอดภัยสำหรับผู้ใช้บริการ", ["จำนวนอุบัติเหตุ (ครั้ง/ปี)"])]


def test_an_objective_slide_over_a_table_of_objectives_and_over_nested_key_results():
    over_table = pptx([(_shape("title", ["Objective 5 — Community"]),
                        _table([["Objective", "Key result", "Baseline", "Target"],
                                ["Local households earn a steady income", "Average household income", "9,000", "12,000"]]))])
    ((_, objectives),) = _sets(load_pptx("t.pptx", over_table, {}))
    assert objectives == [("Local households earn a steady income", ["Average household income"])]
    nested = pptx([(_shape("title", ["Objective 2 — Research"]),
                    _shape(None, ["Our research solves local problems", ("Raise research used from 38 to 60", 1, None),
                                  ("Raise research income from 85 to 120 million baht", 1, None)]))])
    ((_, objectives),) = _sets(load_pptx("n.pptx", nested, {}))
    assert objectives == [("Our research solves local problems",
                           ["Raise research used from 38 to 60", "Raise research income from 85 to 120 million baht"])]


def test_key_results_kept_in_speaker_notes_are_pointed_out():
    buffer = io.BytesIO(pptx([(_shape("title", ["Objective 1: Regulars come back every week"]),)]))
    with zipfile.ZipFile(buffer, "a") as z:
        z.writestr("ppt/slides/_rels/slide1.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'notesSlide" Target="../notesSlides/notesSlide1.xml"/></Relationships>')
        z.writestr("ppt/notesSlides/notesSlide1.xml",
                   f"<p:notes {P_NS}><p:cSld><p:spTree>{_shape(None, ['KR1: Raise repeat visits from 35% to 50%'])}"
                   "</p:spTree></p:cSld></p:notes>")
    result = load_pptx("notes.pptx", buffer.getvalue(), {})
    (note,) = result.notes
    assert "speaker notes" in note.message and note.location.page == 1


def test_a_deck_of_text_boxes_with_a_scorecard_a_glance_slide_and_an_appendix():
    top, body = (1, 0, 8, 1), (1, 2, 8, 3)
    data = pptx([
        (_shape("box", ["Acme"], at=top), _shape("box", ["Company OKRs · Q1 2027"], at=(1, 2, 8, 1))),
        (_shape("box", ["Q3 2026 scorecard: where we landed"], at=top),
         _table([["Objective", "Key result", "Score"], ["Grow paying households", "Paying households", "0.7"]])),
        (_shape("box", ["Q1 2027 at a glance"], at=top), _shape("box", ["O1", "New cooks stick with us"], at=body)),
        (_shape("box", ["Company Objective 1"], at=top),
         _shape("box", ["New cooks stick with us", ("Raise day-7 retention from 22% to 30%", 0, "char"),
                        ("Cut onboarding drop-off from 41% to 25%", 0, "char")], at=body),
         _shape("box", ["Acme · Confidential"], at=(1, 7, 8, 0))),  # a footer at the bottom of a 7.5 in slide
        (_shape("box", ["Thank you! Questions?"], at=(1, 3, 8, 1)),),
        (_shape("box", ["Appendix A · Metric definitions"], at=top),
         _table([["Objective", "Key result"], ["Metric", "Definition"]])),
    ])
    result = load_pptx("acme.pptx", data, {})
    ((_, objectives),) = _sets(result)
    assert objectives == [("New cooks stick with us", ["Raise day-7 retention from 22% to 30%",
                                                       "Cut onboarding drop-off from 41% to 25%"])]
    said = [note.message for note in result.notes]
    assert [note.location.page for note in result.notes] == [2, 3, 6]
    assert "past period" in said[0] and "sums up" in said[1] and "appendix" in said[2] and "(6 to 6)" in said[2]


def test_a_deck_whose_zip_claims_an_unknown_version_is_a_damaged_deck():
    data = bytearray(pptx([(_shape("title", ["Objective 1: Customers stay"]),)]))
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 99  # 'version needed to extract' 9.9: zipfile raises NotImplementedError
    result = load_pptx("v.pptx", bytes(data), {})
    (error,) = result.errors
    assert "the deck is damaged" in error.message and "loader failed" not in error.message
