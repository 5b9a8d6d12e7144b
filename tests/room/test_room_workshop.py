"""A whole workshop in Chromium: a facilitator and three participants (each its own browser
context, as three phones) go through a poll, an estimate, a text question with moderation,
two rounds of the module 9 policy simulation and the closing export, with nothing loaded
from off this machine and no console error (the pages' CSP would report one)."""
from __future__ import annotations

import csv
import io

from pypdf import PdfReader

POLL = "ways-forward/which-recommendation"
ESTIMATE = "ways-forward/charter-year-share"
SIMULATION = "ways-forward/advise-tokyo-valdoria"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def card_id(qid: str) -> str:
    return "#h-" + "".join(c if c.isalnum() else "-" for c in qid)


def host_click(host, qid: str, label: str):
    host.locator(card_id(qid)).get_by_role("button", name=label, exact=True).click()


def participant_card(page, title: str):
    return page.locator("section.card", has=page.get_by_role("heading", name=title))


def test_workshop(room_server, new_page, tmp_path):
    server = room_server()
    host, host_offsite, host_errors = new_page(f"{server.base}/host#token={server.token}", accept_downloads=True)
    host.get_by_text(server.base + "/").wait_for()
    assert host.url.endswith("/host")  # the token left the address bar
    host.wait_for_function("() => { const img = document.querySelector(\"img[alt^='QR code']\");"
                           " return img && img.complete && img.naturalWidth > 0; }")  # the QR code is drawn

    phones = [new_page(server.base + "/", viewport={"width": 390, "height": 844}, is_mobile=True) for _ in range(3)]
    pages = [p for p, _, _ in phones]
    for page in pages:
        page.get_by_text("Questions appear here").wait_for()
    host.get_by_text("3 joined").wait_for()

    # 1. a poll from the bank
    host_click(host, POLL, "Open")
    for page, choice in zip(pages, (0, 0, 2), strict=True):
        card = participant_card(page, "The paper's recommendations")
        card.get_by_role("radio").nth(choice).check()
        card.get_by_role("button", name="Send").click()
        card.get_by_text("Your answer is saved.").wait_for()
    host.locator(card_id(POLL)).locator("p.count", has_text="3 answers").wait_for()
    host_click(host, POLL, "Reveal")
    for page in pages:
        participant_card(page, "The paper's recommendations").locator("svg.room-chart").wait_for()
    host_click(host, POLL, "Close")
    participant_card(pages[0], "The paper's recommendations").get_by_text("This question is closed.").wait_for()

    # a phone that sleeps and reloads is the same participant
    pid = pages[0].evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':pid'))[1]")
    pages[0].reload()
    participant_card(pages[0], "The paper's recommendations").get_by_text("Your answer is saved.").wait_for()
    assert pages[0].evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':pid'))[1]") == pid

    # 2. an estimate, shown as a distribution, then the data
    host_click(host, ESTIMATE, "Open")
    for page, value in zip(pages, ("0.3", "0.45", "1.2"), strict=True):
        card = participant_card(page, "Aid effort in the year of the revised Charter")
        card.get_by_label("Your estimate").fill(value)
        card.get_by_role("button", name="Send").click()
        card.get_by_text("Your answer is saved.").wait_for()
    host.locator(card_id(ESTIMATE)).locator("p.count", has_text="3 answers").wait_for()
    host_click(host, ESTIMATE, "Reveal")
    estimate_card = participant_card(pages[1], "Aid effort in the year of the revised Charter")
    estimate_card.get_by_text("The data:").first.wait_for()
    host_click(host, ESTIMATE, "Close")

    # 3. a discussion question: short texts, moderated before anyone sees them
    host_click(host, "discussion-1", "Open")
    texts = ["Japan should fund early warning.", XSS, "Off-topic remark"]
    for page, text in zip(pages, texts, strict=True):
        card = participant_card(page, "Discussion question 1")
        card.get_by_label("Your answer").fill(text)
        card.get_by_role("button", name="Send").click()
        card.get_by_text("Sent. The facilitator will read it.").wait_for()
    host_card = host.locator(card_id("discussion-1"))
    host_card.locator("p.count", has_text="3 entries").wait_for()
    assert pages[0].locator("ul.entries li").count() == 0  # nothing shown before moderation
    for text, action in ((texts[0], "Show"), (texts[1], "Show"), (texts[2], "Delete")):
        host_card.locator("li", has_text=text).get_by_role("button", name=action).click()
        host.wait_for_timeout(100)
    host_card.locator("p.count", has_text="2 entries").wait_for()
    for page in pages:
        entries = page.locator("ul.entries li")
        entries.nth(1).wait_for()
        assert entries.count() == 2
    shown = pages[2].locator("ul.entries li .text").all_text_contents()
    assert XSS in shown and "Off-topic remark" not in shown  # the payload is text, not markup
    assert pages[2].locator("ul.entries img").count() == 0
    assert all(p.evaluate("() => window.__xss") is None for p in [*pages, host])
    host_click(host, "discussion-1", "Close")

    # 4. the policy simulation, two rounds: the room votes, the facilitator commits
    host_click(host, SIMULATION, "Open")
    for round_, votes in enumerate(((1, 1, 0), (0, 0, 3))):
        for page, choice in zip(pages, votes, strict=True):
            card = participant_card(page, "Policy simulation: advising Tokyo on Valdoria")
            card.get_by_text(f"Round {round_ + 1}:").first.wait_for()
            card.get_by_role("radio").nth(choice).check()
            card.get_by_role("button", name="Vote").click()
            card.get_by_text("Your answer is saved.").wait_for()
        leading = max(set(votes), key=votes.count)
        button = host.locator(card_id(SIMULATION)).locator(f"button[data-commit='{leading}']")
        button.filter(has_text="(2 votes)").wait_for()
        button.click()
        host.locator(card_id(SIMULATION)).get_by_text(f"Round {round_ + 1}: ").wait_for()
    history = participant_card(pages[0], "Policy simulation: advising Tokyo on Valdoria").locator(".history")
    history.nth(1).wait_for()
    assert "Public and joint" in history.nth(0).inner_text()
    assert "Release emergency funds" in history.nth(1).inner_text()
    participant_card(pages[0], "Policy simulation: advising Tokyo on Valdoria").get_by_text(
        "Round 3: the Council").wait_for()

    # 5. the closing export: CSV (formula-safe) and a one-page PDF
    with host.expect_download() as download:
        host.get_by_role("button", name="Download results (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert sum(1 for r in rows if r["question"] == POLL) == 3
    assert sum(1 for r in rows if r["question"] == ESTIMATE) == 3
    assert sum(1 for r in rows if r["question"] == SIMULATION) == 6
    assert sum(1 for r in rows if r["status"] == "committed") == 4
    assert {r["participant"] for r in rows} == {"P1", "P2", "P3"}
    assert any(r["answer"] == XSS for r in rows)
    with host.expect_download() as download:
        host.get_by_role("button", name="Download summary (PDF)").click()
    pdf = PdfReader(download.value.path())
    assert len(pdf.pages) == 1
    assert "The paper's recommendations" in pdf.pages[0].extract_text()

    host.once("dialog", lambda d: d.accept())
    host.get_by_role("button", name="End the room").click()
    for page in pages:
        page.get_by_text("The room has ended.").wait_for()

    for offsite, errors in [(host_offsite, host_errors)] + [(o, e) for _, o, e in phones]:
        assert offsite == []
        assert errors == []
