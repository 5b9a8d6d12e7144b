"""Agendas: clock times follow the minutes; bad files name file, line and field."""
from __future__ import annotations

import pytest

from exercises.site.agenda import AGENDAS_DIR, agenda_markdown, load_agenda, schedule, total_minutes
from exercises.yaml_data import SpecError

AGENDA = """\
id: demo
title: Demo
start: "23:30"
participants: some
room: a room
activities:
  - title: First
    minutes: 45
    what: talk
  - title: Second
    minutes: 30
    what: play
    facilitator: watch
"""


def write(tmp_path, text):
    (tmp_path / "demo.yml").write_text(text)
    return tmp_path


def test_clock_times_follow_the_minutes_across_midnight(tmp_path):
    agenda = load_agenda("demo", write(tmp_path, AGENDA))
    assert [(s, e) for s, e, _ in schedule(agenda)] == [("23:30", "00:15"), ("00:15", "00:45")]
    assert total_minutes(agenda) == 75
    md = agenda_markdown(agenda)
    assert "23:30 to 00:45 (1 h 15 min)" in md and "- **Second.** watch" in md


@pytest.mark.parametrize("broken, line, field", [
    (AGENDA.replace("minutes: 30", "minutes: half an hour"), 11, "activities[1].minutes"),
    (AGENDA.replace('start: "23:30"', 'start: "25:00"'), 3, "start"),
    (AGENDA.replace("    what: talk\n", ""), 7, "activities[0]"),
])
def test_a_broken_agenda_names_file_line_and_field(tmp_path, broken, line, field):
    with pytest.raises(SpecError) as caught:
        load_agenda("demo", write(tmp_path, broken))
    assert caught.value.file.endswith("demo.yml")
    assert (caught.value.line, caught.value.field) == (line, field)


def test_the_course_agendas_are_valid_and_last_as_named():
    lengths = {p.stem: total_minutes(load_agenda(p.stem)) for p in AGENDAS_DIR.glob("*.yml")}
    assert lengths["ninety-minutes"] == 90
    assert 180 <= lengths["half-day-workshop"] <= 240
    assert 360 <= lengths["one-day-symposium"] <= 480
