"""A reader's tour of the built book in Debian's Chromium, driven by Playwright.

English front page → a chapter → "Català" → the same chapter in Catalan, with its math typeset
by the bundled MathJax, its figure, a solution dropdown and Catalan copy buttons → "English".
No request may leave localhost (the ``page`` fixture of conftest.py).
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

CHAPTER = "chapters/02-derivatives.html"  # the placeholder with math, a figure and a dropdown


def switch_to(page, language: str) -> None:
    page.locator(".minigrad-lang-switch").get_by_role("link", name=language).click()
    page.wait_for_load_state("load")


def test_a_reader_switches_language_on_a_chapter(page, server):
    page.goto(f"{server}/")  # the root sends readers to the English edition
    page.wait_for_url(f"{server}/en/index.html")
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator("nav.bd-docs-nav").get_by_role("link", name="2 Derivatives").click()
    page.wait_for_url(f"{server}/en/{CHAPTER}")
    assert page.locator("h1").first.inner_text().startswith("2 Derivatives")

    switch_to(page, "Català")
    page.wait_for_url(f"{server}/ca/{CHAPTER}")
    assert page.locator("html").get_attribute("lang") == "ca"
    assert page.locator("h1").first.inner_text().startswith("2 Les derivades")

    # Math: typeset by the MathJax in _static, no TeX source left on the page.
    page.locator("mjx-container mjx-math").first.wait_for(timeout=15_000)
    assert page.locator("mjx-container mjx-math").count() >= 5
    article = page.locator("article").inner_text()
    assert "\\(" not in article and "\\[" not in article

    # The figure drawn by the chapter's code cell has loaded.
    figure = page.locator(".cell_output img").first
    figure.scroll_into_view_if_needed()
    assert figure.evaluate("img => img.complete && img.naturalWidth > 0")

    # A solution opens from its collapsed dropdown.
    dropdown = page.locator("details.sd-dropdown").first
    assert dropdown.get_attribute("open") is None
    dropdown.locator("summary").click()
    assert dropdown.get_attribute("open") is not None
    assert "dos camins" in dropdown.inner_text()

    # Interface text in Catalan where the extensions have none of their own.
    assert page.locator("button.copybtn").first.get_attribute("data-tooltip") == "Copia"

    switch_to(page, "English")
    page.wait_for_url(f"{server}/en/{CHAPTER}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not page.outside, f"requests outside the site: {page.outside}"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_switcher_is_visible_on_desktop_and_mobile(page, server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{server}/ca/{CHAPTER}")
    link = page.locator(".minigrad-lang-switch").get_by_role("link", name="English")
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width
    assert not page.outside, f"requests outside the site: {page.outside}"


def test_the_catalan_interface(page, server):
    page.goto(f"{server}/ca/index.html")
    assert "Continguts" in page.locator(".bd-sidebar-secondary").inner_text()
    toggle = page.locator(".bd-header-article button.primary-toggle")
    assert toggle.get_attribute("aria-label") == "Mostra o amaga l'índex del llibre"
    assert page.locator("nav.bd-docs-nav").get_attribute("aria-label") == "Índex del llibre"
    assert page.locator("input.search-input, input[name=q]").first.get_attribute(
        "placeholder") == "Cerca..."
    assert "Per l'equip de minigrad" in page.locator("footer.bd-footer-content").inner_text()


def test_a_chapter_downloads_as_a_notebook(page, server):
    page.goto(f"{server}/en/{CHAPTER}")
    href = page.locator("a[href$='.ipynb']").first.get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok
    notebook = response.json()
    assert notebook["nbformat"] == 4
    assert any("import minigrad" in "".join(cell["source"]) for cell in notebook["cells"])


def test_catalan_search_shows_its_count_of_results(page, server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/ca/search.html?q=gradient")
    summary = page.locator("#search-results p.search-summary")
    summary.wait_for(timeout=15_000)
    assert page.locator("#search-results li").count() > 0
    assert any(word in summary.inner_text() for word in ("pàgina", "pàgines")), summary.inner_text()
    assert not errors, errors


def test_switching_language_keeps_the_section(page, server):
    section = "#what-a-derivative-tells-us"
    page.goto(f"{server}/en/{CHAPTER}{section}")
    switch_to(page, "Català")
    assert page.url == f"{server}/ca/{CHAPTER}{section}"
    page.goto(f"{server}/ca/{CHAPTER}")  # a section reached later, by the page's own links
    page.locator(f".bd-sidebar-secondary a[href='{section}']").click()
    switch_to(page, "English")
    assert page.url == f"{server}/en/{CHAPTER}{section}"


@pytest.mark.parametrize("locale, edition", [("ca-ES", "ca"), ("en-GB", "en"), ("de-DE", "en")])
def test_the_root_follows_the_browsers_languages(browser, server, locale, edition):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(f"{server}/")
    page.wait_for_url(f"{server}/{edition}/index.html")
    context.close()


def test_the_root_remembers_the_readers_choice(browser, server):
    context = browser.new_context(locale="ca-ES")
    page = context.new_page()
    page.goto(f"{server}/")
    page.wait_for_url(f"{server}/ca/index.html")
    switch_to(page, "English")
    page.goto(f"{server}/")
    page.wait_for_url(f"{server}/en/index.html")
    context.close()
