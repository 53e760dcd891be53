"""foi.site.render: untrusted document text -> HTML that neither the browser nor Markdown will act on."""
from foi.site.render import Fold, Mark, annotated, escape, inline, link, meta_text, paragraphs


def test_html_is_escaped():
    assert escape('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_markdown_characters_become_references():
    assert escape("[x](javascript:alert(1)) **b** {: onclick=y} {{ config }}") == (
        "&#91;x&#93;(javascript:alert(1)) &#42;&#42;b&#42;&#42; &#123;: onclick&#61;y&#125; "
        "&#123;&#123; config &#125;&#125;")


def test_snippet_marker_is_text():
    assert escape('--8<-- "/etc/passwd"') == "--8&lt;-- &quot;/etc/passwd&quot;"


def test_plain_urls_become_nofollow_links():
    assert inline("See https://example.org/foi. Thanks") == (
        'See <a href="https://example.org/foi" rel="nofollow noopener">https://example.org/foi</a>. Thanks')


def test_mailto_becomes_a_link():
    assert inline("mailto:foi@example.org") == (
        '<a href="mailto:foi@example.org" rel="nofollow noopener">mailto:foi@example.org</a>')


def test_javascript_and_data_urls_stay_text():
    assert inline("javascript:alert(1) data:text/html,<b>") == "javascript:alert(1) data:text/html,&lt;b&gt;"
    assert link("javascript:alert(1)", "click") == "click"
    assert link('https://example.org/"onmouseover="x', "x") == "x"


def test_paragraph_per_line_and_no_blank_lines():
    assert paragraphs("First line\n\n  Second <b>\n") == "<p>First line</p>\n<p>Second &lt;b&gt;</p>"


def test_meta_text_is_one_line_without_angle_brackets():
    assert meta_text('A\n<script>x</script>  "q"') == 'A \u2039script\u203ax\u2039/script\u203a "q"'


def test_citations_are_marked_and_linked():
    text = "Refused under Section 31(1)(a) & (b) Law Enforcement."
    mark = Mark(14, 36, ("FOIA s31(1)(a)", "FOIA s31(1)(b)"), "Law enforcement")
    assert annotated(text, 0, len(text), [mark], href=lambda eid: "../../exemptions/foia-s31/") == (
        '<p>Refused under <mark class="foi-cite" data-exemption="FOIA s31(1)(a); FOIA s31(1)(b)" '
        'title="Law enforcement"><a href="../../exemptions/foia-s31/">Section 31(1)(a) &amp; (b)</a></mark>'
        ' Law Enforcement.</p>')


def test_boilerplate_is_folded_not_dropped():
    text = "No.\nIf you are unhappy, ask for a review.\nYours sincerely"
    fold = Fold(4, 42, "Your right to a review")
    assert annotated(text, 0, len(text), folds=[fold]) == (
        "<p>No.</p>\n"
        '<details class="foi-boilerplate" data-pagefind-ignore="index">\n'
        "<summary>Your right to a review</summary>\n"
        "<p>If you are unhappy, ask for a review.</p>\n"
        "</details>\n"
        "<p>Yours sincerely</p>")


def test_a_repeated_fold_links_to_its_first_appearance():
    text = "Refused.\nThe public interest favours withholding it.\n"
    fold = Fold(9, 53, "Public interest test", same_as=("#q1", "under question 1"))
    assert annotated(text, 0, len(text), folds=[fold]) == (
        '<p>Refused.</p>\n<p class="foi-same">Public interest test: the same words as '
        '<a href="#q1">under question 1</a>.</p>')
    assert "withholding" in annotated(text, 20, len(text), folds=[fold])   # cut by the passage: shown in full


def test_only_the_passage_is_rendered():
    text = "Preamble\nAnswer\nNot held.\nAnswer\nYes"
    assert annotated(text, 16, 26) == "<p>Not held.</p>"
