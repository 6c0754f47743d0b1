"""Public-service wording (review 71): ages that name whom a service serves, and harm or waits that are service to the
patients an organisation already has."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from okrlint.cli import main


def _lint(tmp_path, objectives, *options):
    path = tmp_path / "plan.okr.yaml"
    path.write_text(yaml.safe_dump({"team": "care", "period": "2027", "objectives": objectives}, allow_unicode=True),
                    encoding="utf-8")
    import json

    result = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--isolated", "--format", "json", *options])
    return json.loads(result.output)


KRS = ["Raise the share of people still at home 91 days after reablement from 78% to 85%",
       "Cut the wait for an assessment from 6 weeks to 2 weeks"]


@pytest.mark.parametrize("title", [
    "People aged 65 and over live independently at home for longer", "Children under 5 get a good start",
    "Implement the new 0-19 service specification", "The over-75s feel less lonely", "16-24 year olds find work",
    "เด็กอายุต่ำกว่า 5 ปีมีพัฒนาการสมวัย", "ผู้สูงอายุ 60 ปีขึ้นไปดูแลตัวเองได้",
])
def test_an_age_that_names_the_customers_is_no_metric_in_an_objective(tmp_path, title):
    data = _lint(tmp_path, [{"title": title, "key_results": KRS}], "--select", "objective-has-metric")
    assert data["findings"] == []


@pytest.mark.parametrize("title", ["Keep churn under 5 a month", "Serve 500 people over the winter",
                                   "Win 40 new customers aged 25-34", "Over 50 partners join"])
def test_a_number_beside_an_age_word_is_still_a_metric(tmp_path, title):
    data = _lint(tmp_path, [{"title": title, "key_results": KRS}], "--select", "objective-has-metric")
    assert [f["name"] for f in data["findings"]] == ["objective-has-metric"]


def test_harm_in_care_and_waits_from_referral_are_retention_not_acquisition_or_growth(tmp_path):
    data = _lint(tmp_path, [
        {"title": "Young people get mental health support when they need it",
         "key_results": ["Reduce the median wait from referral to first appointment from 18 weeks to 8 weeks",
                         "Increase the share of young people treated within 18 weeks of referral from 55% to 85%"]},
        {"title": "Fewer patients come to harm in our care",
         "key_results": ["Reduce pressure ulcers acquired in our care from 2.4 to 1.5 per 1,000 caseload days",
                         "Reduce hospital-acquired infections from 31 to 20 a year"]},
        {"title": "People aged 65 and over live independently at home", "key_results": KRS},
    ])
    tags = {o["id"]: o["tags"] for o in data["objects"]}
    assert "retention" in tags["care/o1/kr1"] and "growth" not in tags["care/o1/kr1"]
    assert "growth" not in tags["care/o1/kr2"]
    assert "acquisition" not in tags["care/o2/kr1"] and "acquisition" not in tags["care/o2/kr2"]
    assert "customer" in tags["care/o3"]
    assert not [f for f in data["findings"] if f["name"] == "lifecycle-gap" and "keeps" in f["message"]]


def test_a_milestone_naming_an_age_band_from_birth_is_binary_not_a_target_of_19(tmp_path):
    sheet = tmp_path / "plan.csv"
    sheet.write_text("Objective,Key result,Baseline,Target\n"
                     "Families get a joined-up service,New 0-19 specification signed off by the commissioner,-,31/07/2026\n"
                     "Families get a joined-up service,Raise the share of families rating us good from 70% to 85%,,\n",
                     encoding="utf-8")
    import json

    result = CliRunner().invoke(main, ["check", str(sheet), "--no-cache", "--isolated", "--format", "json"])
    names = {f["name"] for f in json.loads(result.output)["findings"] if f["line"] == 2}
    assert "kr-missing-baseline" not in names and "kr-is-binary" in names


@pytest.mark.parametrize("cell, value", [("(£2.1m)", -2_100_000), ("(1,250)", -1250), ("(฿4.2 ล้าน)", -4_200_000),
                                         ("(12%)", 12), ("(ประมาณ 5)", 5), ("-£2.1m", -2_100_000)])
def test_an_amount_in_brackets_alone_in_a_cell_is_negative_as_accounts_write_it(cell, value):
    from okrlint.text.numbers import parse_goal

    assert parse_goal(cell) == (None, value)


@pytest.mark.parametrize("title, activity", [
    ("Go live with e-prescribing in all 14 community hubs", True), ("Go live in 3 markets by June", True),
    ("Increase go-live success rate from 80% to 95%", False), ("Cut time to go live from 30 days to 10 days", False),
])
def test_going_live_in_sites_is_a_rollout_not_a_result(tmp_path, title, activity):
    data = _lint(tmp_path, [{"title": "Patients get their medicines safely", "key_results": [title]}],
                 "--select", "kr-is-activity")
    assert bool(data["findings"]) is activity


@pytest.mark.parametrize("title", ["Reduce net loss from -$40M to -$10M", "ลดขาดทุนจาก -฿40M เหลือ -฿10M"])
def test_a_loss_cut_between_two_negative_amounts_is_no_direction_mismatch(tmp_path, title):
    data = _lint(tmp_path, [{"title": "The business funds itself", "key_results": [title]}], "--select", "kr-direction-mismatch")
    assert data["findings"] == []


def test_new_logos_are_customers_won(tmp_path):
    data = _lint(tmp_path, [{"title": "Mid-size fleets choose us",
                             "key_results": ["Grow new logos from 38 to 60 per half", "Cut logo churn from 8% to 5%"]}])
    tags = {o["id"]: o["tags"] for o in data["objects"]}
    assert "customer" in tags["care/o1/kr1"] and "acquisition" in tags["care/o1/kr1"]
    assert "retention" in tags["care/o1/kr2"]
