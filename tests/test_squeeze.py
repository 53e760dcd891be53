"""Squeezing the built HTML: indentation between tags goes, everything a browser would show stays."""
import re

from hypothesis import given, strategies as st

from foi.site.squeeze import squeeze, squeeze_site


def test_indentation_between_tags_becomes_one_newline():
    assert squeeze(b"<div>\n    <p>a</p>\n        <p>b</p>\n</div>") == b"<div>\n<p>a</p>\n<p>b</p>\n</div>"


def test_preformatted_text_scripts_and_styles_are_kept_as_they_are():
    pre = b"<pre><code>  keep\n    <span>this</span>\n    <span>x</span></code></pre>"
    script = b"<script>\n  var x = 1\n  <!-- y() -->\n</script>"
    style = b"<style>\n  a >  b { }\n</style>"
    for verbatim in (pre, script, style):
        assert squeeze(b"<div>\n  " + verbatim + b"</div>") == b"<div>\n" + verbatim + b"</div>"


def test_text_and_single_spaces_between_inline_tags_are_untouched():
    html = b"<p>Section  31 <mark>(1)(a)</mark> <b>x</b>\n</p>"
    assert squeeze(html) == html


def test_squeeze_site_rewrites_html_files_only(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_bytes(b"<ul>\n    <li>x</li>\n</ul>")
    (tmp_path / "feed.xml").write_bytes(b"<feed>\n    <entry/>\n</feed>")
    assert squeeze_site(tmp_path) == 4
    assert (tmp_path / "a" / "index.html").read_bytes() == b"<ul>\n<li>x</li>\n</ul>"
    assert (tmp_path / "feed.xml").read_bytes() == b"<feed>\n    <entry/>\n</feed>"


def test_indentation_inside_text_becomes_one_newline():
    assert squeeze(b'<span class="t">\n        Question 1\n      </span>') == b'<span class="t">\nQuestion 1\n</span>'


@given(st.text(alphabet=" \t\r\na<", max_size=60))
def test_any_whitespace_run_with_a_line_break_becomes_one_newline(text):
    gap = re.compile(rb"[ \t]*\n[ \t\r\n]+|[ \t]+\n")     # the definition, as one pattern
    html = text.encode()
    assert squeeze(html) == gap.sub(b"\n", html)
