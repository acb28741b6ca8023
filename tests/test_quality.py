"""scraper/quality.py on manifests built by hand: each threshold, just inside
and just outside, both ways."""
from __future__ import annotations

import pytest

from scraper.quality import (DEFAULT_THRESHOLDS, ThresholdError, coverage_counts, evaluate, failed,
                             merge_thresholds, thresholds_for)


def manifest(status="finished", records=None, coverage=None, **extra) -> dict:
    """A manifest with only what the checks read: no errors, every page gave records."""
    m = {"status": status, "records_seen": records or {"article": 10, "project": 40, "policy": 20, "park": 8},
         "pages_fetched": 100, "pages_without_records": 0, "http_errors": {}, "download_errors": {}}
    if coverage is not None:
        m["coverage"] = coverage
    m.update(extra)
    return m


def by_name(checks: list[dict]) -> dict[str, dict]:
    return {c["name"]: c for c in checks}


def cov(filled: int, total: int = 100, record_type="project", field="published") -> dict:
    return {record_type: {field: {"filled": filled, "total": total}}}


# ---------------------------------------------------------------- records per type

def test_no_history_passes_whatever_the_counts():
    checks = by_name(evaluate(manifest(records={"project": 0}), []))
    assert checks["records.project"]["passed"] and checks["records.project"]["value"] == 0
    assert not failed(list(checks.values()))


@pytest.mark.parametrize("count, passed", [(20, True), (19, False), (40, True), (0, False)])
def test_records_drop_against_the_median(count, passed):
    # median of 30, 40, 50 is 40; a drop of more than half (below 20) fails
    history = [manifest(records={"project": n}) for n in (30, 50, 40)]
    check = by_name(evaluate(manifest(records={"project": count}), history))["records.project"]
    assert check["threshold"] == 20 and check["passed"] is passed


def test_records_threshold_from_overrides():
    history = [manifest(records={"project": 40})]
    now = manifest(records={"project": 35})
    assert by_name(evaluate(now, history, {"records_drop": 0.125}))["records.project"]["passed"]   # 35 >= 35
    assert not by_name(evaluate(now, history, {"records_drop": 0.1}))["records.project"]["passed"]  # 35 < 36


def test_only_published_runs_count_and_only_the_last_n():
    history = [manifest("failed", records={"project": 1000}), manifest("interrupted", records={"project": 1000}),
               manifest("running", records={"project": 1000}), manifest("degraded", records={"project": 10}),
               manifest(records={"project": 10}), manifest(records={"project": 1000})]
    check = by_name(evaluate(manifest(records={"project": 5}), history, {"history_runs": 2}))["records.project"]
    assert check["threshold"] == 5 and check["passed"]  # median of the degraded and the finished 10


def test_incremental_runs_are_compared_by_records_seen_not_emitted():
    history = [manifest(records={"project": 40})]
    now = {**manifest(), "records": {"project": 0}, "records_seen": {"project": 40}}
    assert by_name(evaluate(now, history))["records.project"]["passed"]
    old = {k: v for k, v in manifest().items() if k != "records_seen"} | {"records": {"project": 40}}
    assert by_name(evaluate(now, [old]))["records.project"]["threshold"] == 20  # before state: `records`


# ---------------------------------------------------------------- coverage

@pytest.mark.parametrize("filled, passed", [(70, True), (69, False)])
def test_coverage_drop_against_the_median(filled, passed):
    history = [manifest(coverage=cov(90)), manifest(coverage=cov(80)), manifest(coverage=cov(95))]
    check = by_name(evaluate(manifest(coverage=cov(filled)), history))["coverage.project.published"]
    assert check["threshold"] == pytest.approx(0.7) and check["passed"] is passed


@pytest.mark.parametrize("filled, passed", [(90, True), (89, False)])
def test_coverage_floor_from_the_profile_without_history(filled, passed):
    limits = {"min_coverage": {"policy": {"region": 0.9}}}
    now = manifest(coverage=cov(filled, record_type="policy", field="region"))
    assert by_name(evaluate(now, [], limits))["coverage.policy.region"]["passed"] is passed


def test_a_field_never_filled_is_no_alarm_and_an_empty_type_has_no_coverage_check():
    history = [manifest(coverage={"park": {"published": {"filled": 0, "total": 8}}})]
    now = manifest(coverage={"park": {"published": {"filled": 0, "total": 8}},
                             "project": {"body": {"filled": 0, "total": 0}}})
    checks = by_name(evaluate(now, history))
    assert checks["coverage.park.published"]["passed"]
    assert "coverage.project.body" not in checks


def test_coverage_counts():
    records = [
        {"type": "project", "published": "2024-01-02", "region": {"raw": "上海"}, "body": "正文"},
        {"type": "project", "published": None, "region": None},            # read from a list only: no body
        {"type": "project", "published": "2024-01-03", "region": None, "body": "  \n"},
        {"type": "park", "published": None, "region": {"raw": "徐汇"}, "body": "园区"},
    ]
    assert coverage_counts(records) == {
        "project": {"published": {"filled": 2, "total": 3}, "region": {"filled": 1, "total": 3},
                    "body": {"filled": 1, "total": 3}},
        "park": {"published": {"filled": 0, "total": 1}, "region": {"filled": 1, "total": 1},
                 "body": {"filled": 1, "total": 1}},
    }


# ---------------------------------------------------------------- pages and HTTP

@pytest.mark.parametrize("empty, replayed, passed", [(50, 0, True), (51, 0, False), (60, 20, True), (61, 20, False)])
def test_share_of_pages_without_records(empty, replayed, passed):
    now = manifest(pages_without_records=empty, pages_replayed=replayed)
    check = by_name(evaluate(now, []))["pages.empty_share"]
    assert check["threshold"] == 0.5 and check["passed"] is passed


def test_no_page_count_no_page_check():
    now = manifest()
    del now["pages_without_records"]
    assert "pages.empty_share" not in by_name(evaluate(now, []))


@pytest.mark.parametrize("errors, downloads, responses, passed", [
    ({"404": 6, "500": 4}, {}, None, True),          # 10 of 110 requests: 0.0909
    ({"404": 10}, {}, 100, True),                    # 10 of 100: exactly the threshold
    ({"404": 10}, {"TimeoutError": 1}, 100, False),  # 11 of 101
    ({"503": 12}, {}, None, False),                  # 12 of 112
])
def test_http_error_rate(errors, downloads, responses, passed):
    extra = {"http_errors": errors, "download_errors": downloads}
    if responses is not None:
        extra["responses"] = responses
    check = by_name(evaluate(manifest(**extra), []))["http.error_rate"]
    assert check["passed"] is passed


@pytest.mark.parametrize("replayed, passed", [(80, True), (79, False)])
def test_pages_replayed_from_the_state_count_as_answered(replayed, passed):
    # an incremental run: 10 listings answered, 10 dead links, the detail pages replayed
    now = manifest(http_errors={"404": 10}, responses=20, pages_fetched=10, pages_replayed=replayed)
    assert by_name(evaluate(now, []))["http.error_rate"]["passed"] is passed  # 10 / (20 + 80) = 0.1


# ---------------------------------------------------------------- shape and thresholds

def test_check_shape():
    for check in evaluate(manifest(coverage=cov(5)), [manifest(coverage=cov(5))]):
        assert {"name", "value", "threshold", "passed"} <= set(check)
        assert isinstance(check["value"], (int, float)) and isinstance(check["threshold"], (int, float))
        assert isinstance(check["passed"], bool)


def test_redesign_fails_records_and_empty_pages():
    history = [manifest(coverage=cov(90)) for _ in range(3)]
    now = manifest(records={"article": 0, "project": 0, "policy": 0, "park": 0}, pages_fetched=1,
                   pages_without_records=1)
    assert set(failed(evaluate(now, history))) == {"records.article", "records.project", "records.policy",
                                                   "records.park", "pages.empty_share"}


def test_merge_thresholds_rejects_unknown_and_out_of_range():
    assert merge_thresholds() == DEFAULT_THRESHOLDS
    with pytest.raises(ThresholdError, match="records_dorp"):
        merge_thresholds({"records_dorp": 0.5})
    with pytest.raises(ThresholdError):
        merge_thresholds({"records_drop": 1.5})
    with pytest.raises(ThresholdError):
        merge_thresholds({"min_coverage": {"project": {"title": 1}}})
    with pytest.raises(ThresholdError):
        merge_thresholds({"history_runs": 0})


def test_thresholds_for_settings_and_profile():
    from scrapy.settings import Settings

    profile = {"name": "x", "quality": {"records_drop": 0.3, "min_coverage": {"policy": {"published": 0.8}}}}
    project = Settings({"QUALITY_THRESHOLDS": {"records_drop": 0.9, "max_http_error_rate": 0.2}}, priority="project")
    limits = thresholds_for(project, profile)
    assert limits["records_drop"] == 0.3 and limits["max_http_error_rate"] == 0.2  # the profile wins over settings.py
    assert limits["min_coverage"] == {"policy": {"published": 0.8}}
    cmdline = Settings()
    cmdline.set("QUALITY_THRESHOLDS", '{"records_drop": 0.75}', priority="cmdline")
    assert thresholds_for(cmdline, profile)["records_drop"] == 0.75               # -s wins over the profile
    assert thresholds_for(Settings(), None) == DEFAULT_THRESHOLDS


def test_profiles_are_checked_for_their_quality_table():
    from scraper.sites import ProfileError, profile_from_dict

    good = {"name": "x", "allowed_hosts": ["example.org"],
            "quality": {"records_drop": 0.3, "min_coverage": {"policy": {"published": 0.9}}}}
    assert profile_from_dict(good).raw["quality"]["records_drop"] == 0.3
    with pytest.raises(ProfileError, match=r"\[quality\].*records_dorp"):
        profile_from_dict({"name": "x", "allowed_hosts": ["example.org"], "quality": {"records_dorp": 0.3}})
