"""The workbench end to end in a real headless Chromium (Debian's ``chromium`` and ``chromium-driver``, driven by
Selenium): paste the seed report, open an event's evidence, fix a field and watch the derived fields and the
validation change, reject one event, accept the rest from the keyboard, export and compare the CSV; work through
a queue; a script in a report's text stays text.

One browser for the module. With ``EVENTCODE_SCREENSHOTS=DIR`` the tests save the screenshots of docs/workbench.md
there. Skipped, saying why, where no browser can be had.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from workbench_server import running

from eventcode.coder import code_text, complete_event
from eventcode.events import Event
from eventcode.formats.acled_csv import write_rows

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1440,900")
REJECTED = "Change to group/activity"

Driver = Any


@pytest.fixture(scope="module")
def browser() -> Iterator[Driver]:
    if not (Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()):
        pytest.skip(f"no headless browser: {CHROMIUM} and {CHROMEDRIVER} are needed "
                    "(apt-get install chromium chromium-driver; .ci/run does it)")
    profile = tempfile.mkdtemp(prefix="eventcode-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    except Exception as exc:  # a browser that will not start is an environment without one
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"the headless browser did not start: {type(exc).__name__}: {str(exc)[:200]}")
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="module")
def url(workspace: Path) -> Iterator[str]:
    with running(workspace) as base:
        yield base


def wait(driver: Driver, condition: Callable[[Driver], Any], timeout: float = 20) -> Any:
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(StaleElementReferenceException,)).until(condition)
    except TimeoutException:
        message = driver.find_element(By.ID, "message").text
        raise AssertionError(f"timed out; the page says: {message!r}") from None


def text_of(driver: Driver, element_id: str) -> str:
    return str(driver.find_element(By.ID, element_id).text)


def screenshot(driver: Driver, name: str) -> None:
    folder = os.environ.get("EVENTCODE_SCREENSHOTS")
    if folder:
        driver.save_screenshot(str(Path(folder) / f"workbench-{name}.png"))


def press(driver: Driver, key: str) -> None:
    webdriver.ActionChains(driver).send_keys(key).perform()


def selected(driver: Driver) -> WebElement:
    card: WebElement = driver.find_element(By.CSS_SELECTOR, ".event.selected")
    return card


def checked(driver: Driver) -> WebElement | None:
    """The selected event once the validator has answered for it."""
    card = selected(driver)
    return card if card.find_element(By.CSS_SELECTOR, ".derived").text else None


def pending(driver: Driver) -> int:
    return int(text_of(driver, "events-count").split()[0])


def new_report(driver: Driver, url: str, name: str, text: str, published: str, country: str) -> None:
    driver.get(url + "/")
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    driver.find_element(By.ID, "new-report").click()
    driver.find_element(By.ID, "nf-name").send_keys(name)
    driver.execute_script("document.getElementById('nf-published').value = arguments[0];"
                          "document.getElementById('nf-text').value = arguments[1];", published, text)
    driver.find_element(By.ID, "nf-country").send_keys(country)
    driver.find_element(By.ID, "nf-code").click()
    wait(driver, lambda d: d.find_element(By.ID, "report-title").text == name)


def accept_all(driver: Driver) -> None:
    while pending(driver):
        left = pending(driver)
        wait(driver, checked)
        press(driver, "a")
        wait(driver, lambda d: pending(d) == left - 1)  # noqa: B023 (waited for at once)


def field(card: WebElement, name: str) -> WebElement:
    return card.find_element(By.CSS_SELECTOR, f'[data-field="{name}"]')


def issues(card: WebElement) -> str:
    return " ".join(str(box.text) for box in card.find_elements(By.CSS_SELECTOR, ".issue"))


def expected_csv(text: str) -> str:
    """The coder's candidates for the seed, but the rejected one, as ACLED CSV with the ids of acceptance."""
    records = [r for r in code_text(text, date(2023, 11, 6), "Myanmar") if r["sub_event_type"] != REJECTED]
    events = [complete_event(r, f"EC{n}") for n, r in enumerate(records, 1)]
    assert all(isinstance(e, Event) for e in events)
    out = io.StringIO()
    write_rows([e for e in events if isinstance(e, Event)], out)
    return out.getvalue()


def test_review_the_seed_report_and_export_it(browser: Driver, url: str) -> None:
    d = browser
    text = (SEEDS / "000_03229db3fc9dec46.txt").read_text(encoding="utf-8")
    new_report(d, url, "seed", text, "2023-11-06", "Myanmar")
    assert text_of(d, "report-text") == text.strip() or text_of(d, "report-text") == text
    total = pending(d)
    assert total == len(code_text(text, date(2023, 11, 6), "Myanmar"))
    card = wait(d, checked)
    screenshot(d, "review")

    # the evidence of a field
    card.find_element(By.CSS_SELECTOR, ".f-actor1 label").click()
    mark = wait(d, lambda d: d.find_element(By.CSS_SELECTOR, "#report-text mark.ev-actor1"))
    assert mark.text == "KIA"
    screenshot(d, "evidence")

    # a fix: derived fields and the validator's errors follow as you edit
    derived = card.find_element(By.CSS_SELECTOR, ".derived")
    assert "event_type: Battles" in derived.text
    Select(field(card, "sub_event_type")).select_by_visible_text("Attack")
    wait(d, lambda d: "event_type: Violence against civilians" in derived.text)
    wait(d, lambda d: "civilians-not-target" in issues(card))
    fatalities = field(card, "fatalities")
    fatalities.clear()
    fatalities.send_keys("-1")
    wait(d, lambda d: "fatalities-negative" in issues(card))
    assert "did you mean \"0\"" in issues(card)
    screenshot(d, "validation")
    fatalities.send_keys("\ue00c")  # Escape leaves the field for the keyboard loop
    press(d, "a")
    wait(d, lambda d: "Fix this event's errors" in text_of(d, "message"))
    assert pending(d) == total
    fatalities.clear()
    fatalities.send_keys("0")
    Select(field(card, "sub_event_type")).select_by_visible_text("Non-state actor overtakes territory")
    wait(d, lambda d: "event_type: Battles" in derived.text and not issues(card))
    field(card, "fatalities").send_keys("\ue00c")

    # reject one, accept the rest from the keyboard
    heads = d.find_elements(By.CSS_SELECTOR, ".event.pending .event-head")
    (head,) = [h for h in heads if REJECTED in h.text]
    head.click()
    press(d, "r")
    reason = d.switch_to.active_element
    reason.send_keys("A movement of forces the report gives no day for")
    reason.send_keys("\ue007")  # Enter
    wait(d, lambda d: pending(d) == total - 1)
    accept_all(d)
    assert "0 to review" in text_of(d, "events-count")
    assert f"{total - 1} accepted · 1 rejected" in text_of(d, "events-count")

    # export from the page
    d.find_element(By.ID, "export").click()
    preview = wait(d, lambda d: d.find_element(By.ID, "export-preview").get_attribute("textContent"))
    assert preview == expected_csv(text)
    d.execute_script("document.getElementById('export-result').open = true")
    screenshot(d, "export")
    press(d, "n")
    wait(d, lambda d: text_of(d, "progress") == "1 done / 0 left")


def test_work_through_a_queue(browser: Driver, url: str) -> None:
    d = browser
    reports = [
        {"id": "q1", "text": "On 31 October 2023, junta troops shelled Laiza, killing two civilians.",
         "published": "2023-11-06", "country": "Myanmar"},
        {"id": "q2", "text": "The weather in Laiza was fine on Tuesday.", "published": "2023-11-06",
         "country": "Myanmar"},
        {"id": "q3", "text": "The KIA seized the Aungja base on October 20.", "published": "2023-11-06",
         "country": "Myanmar"},
    ]
    d.get(url + "/")
    wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    d.find_element(By.ID, "load-batch").click()
    d.execute_script("document.getElementById('bf-lines').value = arguments[0]",
                     "\n".join(json.dumps(r) for r in reports) + "\n{broken\n")
    d.find_element(By.ID, "bf-load").click()
    wait(d, lambda d: d.find_element(By.ID, "report-title").text == "q1")
    wait(d, lambda d: "3 report(s) added, 1 not" in text_of(d, "message"))
    assert "line 4" in text_of(d, "message")
    assert text_of(d, "progress") == "1 done / 3 left"
    screenshot(d, "queue")
    for name, done in (("q1", 2), ("q2", 3), ("q3", 4)):
        wait(d, lambda d: d.find_element(By.ID, "report-title").text == name)  # noqa: B023
        if name == "q3":
            fix_place_and_target(d)
        accept_all(d)
        press(d, "n")
        wait(d, lambda d: text_of(d, "progress") == f"{done} done / {4 - done} left")  # noqa: B023
    assert "Every report is done" in text_of(d, "message")
    items = d.find_elements(By.CSS_SELECTOR, "#queue li")
    assert [i.get_attribute("class").split()[0] for i in items] == ["status-done"] * 4


def fix_place_and_target(d: Driver) -> None:
    """Aungja is not in the gazetteer and the base's holders are not named: search the gazetteer for the
    township's town, and name the military as actor2."""
    card = wait(d, checked)
    assert "missing-value" in issues(card)
    location = field(card, "location")
    location.clear()
    location.send_keys("Waingmaw")
    wait(d, lambda d: card.find_elements(By.CSS_SELECTOR, 'datalist option[value="Waingmaw"]'))
    location.send_keys("\ue004")  # Tab: the place is chosen
    wait(d, lambda d: field(card, "latitude").get_attribute("value") == "25.35")
    assert field(card, "admin3").get_attribute("value") == "Waingmaw"
    Select(field(card, "geo_precision")).select_by_value("2")
    field(card, "actor2").send_keys("Military Forces of Myanmar (2021-)")
    Select(field(card, "inter2")).select_by_value("State forces")
    wait(d, lambda d: not issues(card))
    assert "interaction: 12" in card.find_element(By.CSS_SELECTOR, ".derived").text
    field(card, "inter2").send_keys("\ue00c")


def test_a_script_in_the_report_stays_text(browser: Driver, url: str) -> None:
    d = browser
    hostile = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> \U0001f525 '
               "Junta troops shelled Laiza on 31 October 2023, killing two civilians.")
    new_report(d, url, "hostile", hostile, "2023-11-06", "Myanmar")
    pane = d.find_element(By.ID, "report-text")
    assert pane.get_attribute("textContent") == hostile
    assert pane.find_elements(By.CSS_SELECTOR, "script, img") == []
    assert d.execute_script("return window.pwned === undefined")
    card = wait(d, checked)
    card.find_element(By.CSS_SELECTOR, ".f-notes label").click()
    assert d.execute_script("return window.pwned === undefined")
    card.find_element(By.CSS_SELECTOR, ".f-location label").click()
    mark = wait(d, lambda d: d.find_element(By.CSS_SELECTOR, "#report-text mark.ev-place"))
    assert mark.text == "Laiza", "offsets after an emoji (two UTF-16 units, one character) still hold"


def test_a_change_made_elsewhere_is_not_overwritten(browser: Driver, url: str, workspace: Path) -> None:
    d = browser
    new_report(d, url, "twice", "Junta troops shelled Laiza on 31 October 2023.", "2023-11-06", "Myanmar")
    card = wait(d, checked)
    coding = workspace / "twice.yaml"
    changed = coding.read_text(encoding="utf-8").replace("status: open", "status: open  # by another tab")
    coding.write_text(changed, encoding="utf-8")
    field(card, "notes").send_keys(" More.")
    wait(d, lambda d: "changed elsewhere" in text_of(d, "message"))
    assert coding.read_text(encoding="utf-8") == changed
    d.find_element(By.XPATH, '//div[@id="message"]/button[text()="Reload"]').click()
    wait(d, lambda d: not text_of(d, "message"))


def test_a_broken_coding_is_shown_on_the_page(browser: Driver, url: str, workspace: Path) -> None:
    d = browser
    (workspace / "zz-broken.txt").write_text("Some report.", encoding="utf-8")
    (workspace / "zz-broken.yaml").write_text("!!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    d.get(url + "/")
    wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    d.find_element(By.XPATH, '//ol[@id="queue"]//button[text()="zz-broken"]').click()
    problem = wait(d, lambda d: d.find_element(By.ID, "broken-text").text)
    assert "zz-broken.yaml: not valid YAML" in problem
    assert "Traceback" not in d.find_element(By.TAG_NAME, "body").text
    assert not (workspace / "pwned").exists()


def test_a_queue_of_a_thousand_reports_stays_responsive(browser: Driver, tmp_path: Path) -> None:
    d = browser
    for number in range(1000):
        (tmp_path / f"r{number:04d}.txt").write_text("Junta troops shelled Laiza on 31 October 2023.",
                                                     encoding="utf-8")
        (tmp_path / f"r{number:04d}.yaml").write_text(
            f"report: r{number:04d}.txt\npublished: 2023-11-06\ncountry: Myanmar\nstatus: new\n", encoding="utf-8")
    with running(tmp_path) as base:
        d.get(base + "/")
        wait(d, lambda d: d.find_element(By.ID, "report-title").text == "r0000")
        assert text_of(d, "progress") == "0 done / 1000 left"
        assert len(d.find_elements(By.CSS_SELECTOR, "#queue li")) == 1000
        started = time.monotonic()
        for number in (1, 2, 3):
            press(d, "]")
            wait(d, lambda d: d.find_element(By.ID, "report-title").text == f"r{number:04d}")  # noqa: B023
        assert time.monotonic() - started < 6, "three reports opened in under 2 s each"


def test_split_merge_and_add_from_a_selection(browser: Driver, url: str, workspace: Path) -> None:
    d = browser
    text = ("Junta troops shelled Laiza on 31 October 2023, killing two civilians. "
            "Residents said the market in Laiza was busy on 1 November 2023.")
    new_report(d, url, "edits", text, "2023-11-06", "Myanmar")
    assert pending(d) == 1
    wait(d, checked)
    press(d, "s")
    wait(d, lambda d: pending(d) == 2)
    press(d, "k")
    press(d, "m")
    wait(d, lambda d: pending(d) == 1)
    assert field(selected(d), "fatalities").get_attribute("value") == "4", "merged: the dead of both added"
    d.execute_script("""
        const node = document.getElementById('report-text').firstChild;
        const range = document.createRange();
        range.setStart(node, arguments[0]); range.setEnd(node, arguments[1]);
        getSelection().removeAllRanges(); getSelection().addRange(range);""", text.index("Residents"), len(text))
    press(d, "+")
    wait(d, lambda d: pending(d) == 2)
    card = selected(d)
    assert field(card, "notes").get_attribute("value") == text[text.index("Residents"):]
    assert "added by hand" in card.text
    card.find_element(By.CSS_SELECTOR, ".f-notes label").click()
    mark = wait(d, lambda d: d.find_element(By.CSS_SELECTOR, "#report-text mark"))
    assert mark.text == text[text.index("Residents"):]
    wait(d, lambda d: "kind: selection" in (workspace / "edits.yaml").read_text(encoding="utf-8"))  # saved

    # not done while an event is left; an accepted event can be reopened
    d.switch_to.active_element.send_keys("\ue00c")  # the label's click went into its field: leave it
    press(d, "n")
    wait(d, lambda d: "2 candidate event(s) still to accept or reject" in text_of(d, "message"))
    press(d, "k")
    press(d, "e")
    assert d.switch_to.active_element.get_attribute("data-field") == "event_id_cnty"
    d.switch_to.active_element.send_keys("\ue00c")
    press(d, "a")
    wait(d, lambda d: pending(d) == 1)
    d.find_element(By.CSS_SELECTOR, ".event.events .event-head").click()
    press(d, "o")
    wait(d, lambda d: pending(d) == 2)
    assert "0 accepted" in text_of(d, "events-count")
